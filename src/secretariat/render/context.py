"""Turn validated records into the values templates see."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from secretariat.records import ReportRecords
from secretariat.render.gaps import fill


def _figure(figure: dict[str, Any]) -> dict[str, Any]:
    if figure.get("kind") == "money" and figure.get("value") is not None:
        figure = {**figure, "value": Decimal(figure["value"])}
    return dict(fill(figure, f"figure {figure['id']}"))


def template_context(records: ReportRecords, previous: ReportRecords | None = None) -> dict[str, Any]:
    """Return the names every template and record text can use (prev: the previous report's, if any)."""
    context = {
        "report": fill(records.report, ""),
        "fig": {key: _figure(value) for key, value in records.figures.items()},
        "act": records.activities,
    }
    if previous is not None:
        context["prev"] = {key: value for key, value in template_context(previous).items() if key != "prev"}
    return context
