"""Series: a report agrees with the previous one it names (sessions, period, changes, parties)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from secretariat.checks.context import CheckContext
from secretariat.checks.finding import Finding, Severity
from secretariat.dates import next_start
from secretariat.errors import RecordError
from secretariat.records import ReportRecords
from secretariat.records.previous import load_previous

CODES = {
    "previous-report-unreadable": "the previous report named by report.json cannot be loaded",
    "session-sequence-mismatch": "the session or the previous session does not follow from the previous report",
    "period-not-contiguous": "the reporting period does not start where the previous report's ended",
    "change-mismatch": "a figure stated as a change since the previous report is not the difference",
    "parties-continuity-mismatch": "the parties now are not the parties then plus the new parties listed",
    "new-party-already-listed": "a State listed as a new party was already a party in the previous report",
    "previous-report-missing": "the report follows a previous session or declares figures as changes, but "
                               "report.json names no previous_report: the cross-report checks did not run",
}
DEFAULT_TOLERANCE = Decimal("0.05")


def _by_measure(records: ReportRecords, measure: str) -> tuple[int, dict[str, Any]] | None:
    for index, figure in enumerate(records.figures.values()):
        if (figure.get("register") or {}).get("measure") == measure and figure.get("value") is not None:
            return index, figure
    return None


def run(ctx: CheckContext) -> Iterator[Finding]:
    """Compare the report with its previous report, if it names one."""
    try:
        previous = load_previous(ctx.records)
    except RecordError as e:
        yield ctx.finding("previous-report-unreadable", Severity.ERROR, "report.json", "/previous_report", e.message)
        return
    if previous is None:
        yield from _missing(ctx)
        return
    yield from _sessions(ctx, previous)
    yield from _changes(ctx, previous)
    yield from _parties(ctx, previous)


def _missing(ctx: CheckContext) -> Iterator[Finding]:
    """Say that the cross-report checks did not run, where the records show there is a previous report."""
    changes = [str(f.get("id")) for f in ctx.records.figures.values() if "change_of" in f]
    follows = (ctx.records.report.get("previous_session") or {}).get("number")
    if not changes and follows is None:
        return  # the first report of a series: nothing to compare with
    after = "" if follows is None else f" though the report follows session {follows} (previous_session)"
    compared = f" and the figures declared as changes ({', '.join(changes)}) could not be compared" if changes else ""
    yield ctx.finding("previous-report-missing", Severity.NOTE, "report.json", "",
                      f"report.json names no previous_report{after}, so the series checks (session sequence, "
                      f"contiguous period, parties then and now) did not run{compared}; name the previous "
                      "report's folder in \"previous_report\" to run them")


def _sessions(ctx: CheckContext, previous: ReportRecords) -> Iterator[Finding]:
    report, before = ctx.records.report, previous.report
    if report["session"]["number"] != before["session"]["number"] + 1:
        yield ctx.finding("session-sequence-mismatch", Severity.ERROR, "report.json", "/session/number",
                          f"expected session {before['session']['number'] + 1} (the previous report was to session "
                          f"{before['session']['number']}), found {report['session']['number']}")
    stated = report.get("previous_session") or {}
    for key in ("number", "venue", "start", "end"):
        if stated.get(key) != before["session"].get(key):
            yield ctx.finding("session-sequence-mismatch", Severity.ERROR, "report.json", f"/previous_session/{key}",
                              f"expected the previous report's session {key} {before['session'].get(key)!r}, "
                              f"found {stated.get(key)!r}")
    end = (before.get("reporting_period") or {}).get("end")
    start = report["reporting_period"]["start"]
    if isinstance(end, str) and start != next_start(end):
        yield ctx.finding("period-not-contiguous", Severity.WARNING, "report.json", "/reporting_period/start",
                          f"expected the period to start at {next_start(end)}, right after the previous report's "
                          f"ended ({end}), found {start}")


def _changes(ctx: CheckContext, previous: ReportRecords) -> Iterator[Finding]:
    for index, figure in enumerate(ctx.records.figures.values()):
        relation = figure.get("change_of")
        if relation is None or figure.get("value") is None:
            continue
        now, then = ctx.records.figures.get(relation["figure"]), previous.figures.get(relation["figure"])
        if now is None or then is None or now.get("value") is None or then.get("value") is None:
            continue
        change = Decimal(str(now["value"])) - Decimal(str(then["value"]))
        stated = Decimal(str(figure["value"]))
        approximate = figure.get("qualifier") == "approximate"
        tolerance = abs(change) * DEFAULT_TOLERANCE if approximate else Decimal(0)
        if abs(stated - change) > tolerance:
            yield ctx.finding("change-mismatch", Severity.ERROR, "figures.json", f"/figures/{index}/value", (
                f"expected {figure['id']!r} to be {relation['figure']!r} now minus then "
                f"({now['value']:,} - {then['value']:,} = {change:,}"
                f"{', within 5 per cent' if approximate else ''}), found {stated:,}"),
                expected=change, found=stated, paragraph=ctx.figure_paragraph(figure["id"]))


def _parties(ctx: CheckContext, previous: ReportRecords) -> Iterator[Finding]:
    now, then, new = (_by_measure(ctx.records, "parties"), _by_measure(previous, "parties"),
                      _by_measure(ctx.records, "new-parties"))
    if now is None or then is None or new is None:
        return
    expected = int(then[1]["value"]) + len(new[1]["value"])
    if int(now[1]["value"]) != expected:
        yield ctx.finding("parties-continuity-mismatch", Severity.ERROR, "figures.json", f"/figures/{now[0]}/value", (
            f"expected {then[1]['value']} parties in the previous report plus {len(new[1]['value'])} new parties "
            f"= {expected}, found {now[1]['value']}"), expected=expected, found=now[1]["value"],
            paragraph=ctx.figure_paragraph(now[1]["id"]))
    before = _by_measure(previous, "new-parties")
    repeated = sorted(set(new[1]["value"]) & set(before[1]["value"] if before is not None else []))
    for code in repeated:
        position = new[1]["value"].index(code)
        yield ctx.finding("new-party-already-listed", Severity.ERROR, "figures.json",
                          f"/figures/{new[0]}/value/{position}",
                          f"expected only States that joined since the previous report, found {code}, already listed "
                          "as a new party in the previous report", paragraph=ctx.figure_paragraph(new[1]["id"]))
