"""Dates: valid, in order, inside the reporting period, and consistent with the masthead, sessions and resolutions.

Partial dates are spans of days (see ``checks.dates_util``): an activity is outside the reporting period only
if its whole span is ("2014" overlaps a period starting "2014-10"), and an activity the report mentions as
background or as a plan carries an ``outside_period_reason`` instead of a finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from secretariat.checks.context import CheckContext
from secretariat.checks.dates_masthead import masthead_findings
from secretariat.checks.dates_records import resolution_findings
from secretariat.checks.dates_util import activity_date_fields, date_fields, show_range
from secretariat.checks.finding import Finding, Severity
from secretariat.dates import is_reversed, range_span, span, wholly_outside, why_invalid

CODES = {
    "date-invalid": "a date is not a calendar date (\"2016-13\", \"2015-02-30\")",
    "date-range-reversed": "a range ends before it starts",
    "date-outside-period": "an activity lies wholly outside the reporting period and gives no outside_period_reason",
    "outside-period-reason-unused": "an activity gives an outside_period_reason but its dates overlap the period",
    "figure-as-of-outside-period": "a figure holds at a date wholly outside the reporting period (for the editor)",
    "resolution-session-mismatch": "a resolution's session or date disagrees with its symbol",
    "masthead-after-session": "the masthead date is on or after the first day of the session",
    "job-number-date": "a job-number date is before the masthead date, out of order, or its year is not the masthead's",
    "barcode-mismatch": "the barcode's digits are not the job number's year and sequence",
    "session-mismatch": "the session the report is for disagrees with the register of sessions",
    "previous-session-mismatch": "the previous session disagrees with the register of sessions or the session number",
    "session-not-in-register": "a session could not be verified: the register of sessions does not hold it",
}

_FILES = ("report.json", "activities.json", "figures.json")


def _record_dates(ctx: CheckContext) -> Iterator[Finding]:
    for file in _FILES:
        loaded = ctx.records.files.get(file)
        if loaded is None:
            continue
        strings, ranges = (activity_date_fields if file == "activities.json" else date_fields)(loaded.data)
        for pointer, value in strings:
            reason = why_invalid(value)
            if reason is not None:
                yield ctx.finding("date-invalid", Severity.ERROR, file, pointer,
                                  f"expected a calendar date written YYYY, YYYY-MM or YYYY-MM-DD: {reason}",
                                  expected="a calendar date", found=value,
                                  paragraph=ctx.paragraph_of(file, pointer))
        for pointer, node in ranges:
            if is_reversed(node["start"], node["end"]):
                yield ctx.finding("date-range-reversed", Severity.ERROR, file, pointer,
                                  f"expected the range to end on or after its start {node['start']}, "
                                  f"found it ending {node['end']}", expected=f"end on or after {node['start']}",
                                  found=node["end"], paragraph=ctx.paragraph_of(file, pointer))


def _period(ctx: CheckContext) -> tuple[tuple[Any, Any], str] | None:
    period = ctx.records.report.get("reporting_period")
    if not isinstance(period, dict) or is_reversed(period.get("start"), period.get("end")):
        return None
    days = range_span(period)
    return (days, show_range(period)) if days is not None else None


def _activities(ctx: CheckContext) -> Iterator[Finding]:
    known = _period(ctx)
    if known is None:
        return
    period, text = known
    for index, activity in enumerate(ctx.record_items("activities.json", "activities")):
        dates = activity.get("dates") if isinstance(activity, dict) else None
        if not isinstance(dates, dict) or is_reversed(dates.get("start"), dates.get("end")):
            continue
        days = range_span(dates)
        if days is None:
            continue
        outside, reason = wholly_outside(days, period), activity.get("outside_period_reason")
        if outside == (reason is not None):  # outside with a reason, or inside without one: as it should be
            continue
        found = show_range(dates)
        pointer = f"/activities/{index}"
        paragraph = ctx.paragraph_of("activities.json", pointer)  # only for a finding: a lookup per activity costs
        if outside:
            yield ctx.finding("date-outside-period", Severity.ERROR, "activities.json", f"{pointer}/dates",
                              f"expected {activity.get('id')} within the reporting period {text} or an "
                              f"outside_period_reason, found it dated {found}",
                              expected=f"within {text}", found=found, paragraph=paragraph)
        else:
            yield ctx.finding("outside-period-reason-unused", Severity.WARNING, "activities.json",
                              f"{pointer}/outside_period_reason",
                              f"expected {activity.get('id')} wholly outside the reporting period {text} for its "
                              f"outside_period_reason to apply, found it dated {found}",
                              expected=f"outside {text}", found=found, paragraph=paragraph)


def _figures(ctx: CheckContext) -> Iterator[Finding]:
    known = _period(ctx)
    if known is None:
        return
    period, text = known
    for index, figure in enumerate(ctx.record_items("figures.json", "figures")):
        as_of = figure.get("as_of") if isinstance(figure, dict) else None
        days = span(as_of)
        if days is None or not wholly_outside(days, period):
            continue
        yield ctx.finding("figure-as-of-outside-period", Severity.NOTE, "figures.json", f"/figures/{index}/as_of",
                          f"{figure.get('id')} holds as of {as_of}, outside the reporting period {text}: "
                          f"confirm the report means that date", expected=f"within {text}", found=as_of,
                          paragraph=ctx.paragraph_of("figures.json", f"/figures/{index}"))


def run(ctx: CheckContext) -> Iterable[Finding]:
    """Check every date of the report's records."""
    yield from _record_dates(ctx)
    yield from _activities(ctx)
    yield from _figures(ctx)
    yield from resolution_findings(ctx)
    yield from masthead_findings(ctx)
