"""Build the masthead of page 1 from report.json."""

from __future__ import annotations

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


def build_masthead(report: dict[str, Any]) -> Masthead:
    """Return the masthead: symbol, distribution, body, session, agenda item, title, job number."""
    on = date.fromisoformat(report["date"])
    filters = make_filters(on)
    session = report["session"]
    job = report["job_number"]
    dates = job["dates"]
    return Masthead(
        symbol=report["symbol"],
        distribution=report["distribution"],
        date=filters["date"](report["date"]),
        original=report["original_language"],
        body=report["body"],
        session=f"{filters['ordinal'](session['number']).capitalize()} session",
        venue_dates=f"{session['venue']}, {filters['date_range'](session)}",
        agenda_item=f"Item {report['agenda']['item']} of the provisional agenda",
        agenda_footnote=f"{report['agenda']['provisional_agenda_symbol']}.",
        agenda_title=report["agenda"]["title"],
        title=report["title"],
        subtitle=report["subtitle"],
        job_number=job_number(job),
        job_dates=(_ddmmyy(dates[0]), _ddmmyy(dates[1])),
        barcode=barcode(job),
    )
