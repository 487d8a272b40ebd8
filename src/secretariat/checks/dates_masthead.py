"""Dates of the masthead: before the session, job number after it, barcode, and sessions against the register."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from secretariat.checks.context import CheckContext
from secretariat.checks.finding import Finding, Severity
from secretariat.dates import span
from secretariat.registers.sessions import SessionRegister, register_for


def _day(value: object) -> date | None:
    days = span(value)
    return days[0] if days is not None and days[0] == days[1] else None


def _masthead(ctx: CheckContext, masthead: date) -> Iterator[Finding]:
    session = ctx.records.report.get("session")
    start = _day(session.get("start")) if isinstance(session, dict) else None
    if start is not None and masthead >= start:
        yield ctx.finding("masthead-after-session", Severity.ERROR, "report.json", "/date",
                          f"expected the masthead date before the session opens on {start}, found {masthead}",
                          expected=f"before {start}", found=masthead)


def _job_number(ctx: CheckContext, masthead: date) -> Iterator[Finding]:
    job = ctx.records.report.get("job_number")
    if not isinstance(job, dict):
        return
    year = job.get("year")
    if isinstance(year, int) and year != masthead.year % 100:
        yield ctx.finding("job-number-date", Severity.ERROR, "report.json", "/job_number/year",
                          f"expected the job number's year to be the masthead's, {masthead.year % 100:02d}, "
                          f"found {year:02d}", expected=f"{masthead.year % 100:02d}", found=f"{year:02d}")
    dates = job.get("dates")
    dates = dates if isinstance(dates, list) else []
    previous, after = masthead, "the masthead date"
    for index, value in enumerate(dates):
        day = _day(value)
        if day is None:
            continue
        if day < previous:
            yield ctx.finding("job-number-date", Severity.ERROR, "report.json", f"/job_number/dates/{index}",
                              f"expected a job-number date on or after {after} {previous}, found {day}",
                              expected=f"on or after {previous}", found=day)
        else:
            previous, after = day, "the job number's previous date"
    barcode, sequence = job.get("barcode"), job.get("sequence")
    if isinstance(barcode, str) and isinstance(year, int) and isinstance(sequence, str):
        digits, expected = "".join(c for c in barcode if c.isdigit()), f"{year:02d}{sequence}"
        if digits != expected:
            yield ctx.finding("barcode-mismatch", Severity.ERROR, "report.json", "/job_number/barcode",
                              f"expected the barcode to repeat the job number's digits *{expected}*, found {barcode}",
                              expected=f"*{expected}*", found=barcode)


def _paragraph_using(ctx: CheckContext, key: str) -> str | None:
    used = re.compile(rf"report\.{key}\b")
    pointer = next((p for p, text in ctx.texts() if used.search(text)), None)
    match = re.match(r"^/blocks/\d+", pointer or "")
    return match.group() if match else None


def _compare(ctx: CheckContext, register: SessionRegister, key: str, code: str) -> Iterator[Finding]:
    stated: Any = ctx.records.report.get(key)
    if not isinstance(stated, dict):
        return
    known, paragraph = register.get(stated.get("number")), _paragraph_using(ctx, key)
    if known is None:
        yield ctx.finding("session-not-in-register", Severity.NOTE, "report.json", f"/{key}/number",
                          f"the register of sessions ({Path(register.path).name}) does not hold session "
                          f"{stated.get('number')} of the {register.body}: its venue and dates could not be verified",
                          expected="a session in the register", found=stated.get("number"), paragraph=paragraph,
                          register=register.path)
        return
    where = f"session {known.number} per the register of sessions ({Path(register.path).name}, with its source)"
    if stated.get("venue") is not None and stated.get("venue") != known.venue:  # None: the gaps check says it
        yield ctx.finding(code, Severity.ERROR, "report.json", f"/{key}/venue",
                          f"expected {known.venue} as the venue of {where}, found {stated.get('venue')!r}",
                          expected=known.venue, found=stated.get("venue"), paragraph=paragraph,
                          register=register.path)
    for field in ("start", "end"):
        day, days = _day(stated.get(field)), span(getattr(known, field))
        if day is not None and days is not None and not days[0] <= day <= days[1]:
            yield ctx.finding(code, Severity.ERROR, "report.json", f"/{key}/{field}",
                              f"expected the {field} of {where} to be {getattr(known, field)}, found {day}",
                              expected=getattr(known, field), found=day, paragraph=paragraph,
                              register=register.path)


def _sessions(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.records.report
    register = register_for(report.get("body"), ctx.registers)
    session, previous = report.get("session"), report.get("previous_session")
    if isinstance(session, dict) and isinstance(previous, dict):
        number, before = session.get("number"), previous.get("number")
        if isinstance(number, int) and isinstance(before, int) and before != number - 1:
            yield ctx.finding("previous-session-mismatch", Severity.ERROR, "report.json", "/previous_session/number",
                              f"expected the previous session to be session {number - 1}, found {before}",
                              expected=number - 1, found=before, paragraph=_paragraph_using(ctx, "previous_session"))
    if register is None:
        return
    yield from _compare(ctx, register, "session", "session-mismatch")
    yield from _compare(ctx, register, "previous_session", "previous-session-mismatch")


def masthead_findings(ctx: CheckContext) -> Iterator[Finding]:
    """Check the masthead date, the job number, the barcode and the sessions named in report.json."""
    masthead = _day(ctx.records.report.get("date"))
    if masthead is not None:
        yield from _masthead(ctx, masthead)
        yield from _job_number(ctx, masthead)
    yield from _sessions(ctx)
