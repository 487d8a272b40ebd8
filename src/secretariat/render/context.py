"""Turn validated records into the values templates see."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from secretariat.records import ReportRecords


def report_date(records: ReportRecords) -> date:
    """Return the masthead date: the date at which names and counts are stated."""
    return date.fromisoformat(records.report["date"])


def _figure(figure: dict[str, Any]) -> dict[str, Any]:
    if figure.get("kind") == "money":
        return {**figure, "value": Decimal(figure["value"])}
    return figure


def template_context(records: ReportRecords) -> dict[str, Any]:
    """Return the names every template and record text can use."""
    return {
        "report": records.report,
        "fig": {key: _figure(value) for key, value in records.figures.items()},
        "act": records.activities,
    }
