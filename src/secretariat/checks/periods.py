"""Partial dates as spans of days: "2015" is 1 January to 31 December 2015."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any


def span(partial: Any) -> tuple[date, date] | None:
    """Return the first and last day a partial date ("YYYY", "YYYY-MM", "YYYY-MM-DD") can mean, or None."""
    if not isinstance(partial, str):
        return None
    try:
        parts = [int(p) for p in partial.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        if len(parts) == 3:
            day = date(parts[0], parts[1], parts[2])
            return day, day
    except ValueError:
        return None
    return None


def range_span(value: Any) -> tuple[date, date] | None:
    """Return the span of a date range {start, end} (or of a single partial date), or None if invalid."""
    if isinstance(value, dict):
        start, end = span(value.get("start")), span(value.get("end", value.get("start")))
        if start is None or end is None:
            return None
        return start[0], end[1]
    return span(value)


def within(value: Any, period: Any) -> bool:
    """Return whether a date or range lies wholly inside a period (both may be partial)."""
    inner, outer = range_span(value), range_span(period)
    if inner is None or outer is None:
        return False
    return outer[0] <= inner[0] and inner[1] <= outer[1]
