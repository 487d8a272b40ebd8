"""Build the masthead of page 1 from report.json; what is not entered yet shows as a visible gap."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from secretariat.model import Masthead
from secretariat.render.filters import make_filters


def job_number(job: dict[str, Any]) -> str:
    """Return the job number as printed: "V.16-03496 (E)"."""
    return f"{job['duty_station']}.{int(job['year']):02d}-{job['sequence']} ({job['language']})"


def barcode(job: dict[str, Any]) -> str:
    """Return the barcode text: the seven digits between asterisks."""
    return f"*{int(job['year']):02d}{job['sequence']}*"


def _ddmmyy(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%d%m%y")


GAP_END = " not set]"
PENDING = "[job number pending]"


def _gap(what: str) -> str:
    return f"[{what}{GAP_END}"


def build_masthead(report: dict[str, Any], on: date) -> Masthead:
    """Return the masthead: symbol, distribution, body, session, agenda item, title, job number."""
    filters = make_filters(on)
    session, job, agenda = report["session"], report.get("job_number"), report.get("agenda")
    pending = job == "pending"  # conference services have not assigned it yet
    job = job if isinstance(job, dict) else None
    venue = session.get("venue") or _gap("venue")
    dates = filters["date_range"](session) if session.get("start") and session.get("end") else _gap("session dates")
    masthead = Masthead(
        symbol=report.get("symbol") or _gap("symbol"),
        distribution=report["distribution"],
        date=filters["date"](report["date"]) if report.get("date") else _gap("date"),
        original=report["original_language"],
        body=report["body"],
        session=f"{filters['ordinal'](session['number']).capitalize()} session",
        venue_dates=f"{venue}, {dates}",
        agenda_item=f"Item {agenda['item']} of the provisional agenda" if agenda else _gap("agenda item"),
        agenda_footnote=f"{agenda['provisional_agenda_symbol']}." if agenda else _gap("provisional agenda symbol"),
        agenda_title=agenda["title"] if agenda else _gap("agenda item title"),
        title=report["title"],
        subtitle=report["subtitle"],
        job_number=job_number(job) if job else PENDING if pending else _gap("job number"),
        job_dates=(_ddmmyy(job["dates"][0]), _ddmmyy(job["dates"][1])) if job else ("", ""),
        barcode=barcode(job) if job else "",
    )
    gaps = frozenset(name for name, value in vars(masthead).items()
                     if isinstance(value, str) and (GAP_END in value or value == PENDING))
    issued = date.fromisoformat(report["date"]) if report.get("date") else None
    return replace(masthead, gaps=gaps, issued=issued)
