"""Partial dates as spans of days, and the calendar facts the dates check reasons with.

A partial date ("2015", "2015-11", "2015-11-16") stands for every day it may mean: "2015" is 1 January to
31 December 2015. Two rules follow from that, used by every date check so that none of them guesses:

- a range is reversed only if its start is after its end at the precision both share ("2015-11" to "2015"
  is not reversed: both are in 2015);
- something lies outside a period only if its whole span does (an activity dated "2014" overlaps a period
  starting "2014-10", so it is not outside).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from secretariat.render.filter_dates import PartialDate, parse_partial

Span = tuple[date, date]

_SYMBOL = re.compile(r"([0-9]{1,4})/([0-9]{1,4})")
DATE_KEYS = frozenset({"start", "end", "date", "as_of", "since"})


def parse(value: object) -> PartialDate | None:
    """Return a partial date, or None if the value is not one (wrong type, "2015-13", "2015-02-30")."""
    if not isinstance(value, str):
        return None
    try:
        return parse_partial(value)
    except (TypeError, ValueError):
        return None


def why_invalid(value: object) -> str | None:
    """Return why a value is not a partial date ("invalid date '2015-13': month must be in 1..12"), or None."""
    try:
        parse_partial(value)
    except (TypeError, ValueError) as e:
        return str(e)
    return None


def show_range(value: object) -> str:
    """Write a {start, end} range for a message: "2015-11-16 to 2015-11-18", or "2016-05" if one date."""
    if not isinstance(value, dict):
        return str(value)
    start, end = value.get("start"), value.get("end")
    return str(start) if start == end or end is None else f"{start} to {end}"


def span(value: object) -> Span | None:
    """Return the first and last day a partial date may mean, or None if it is not a date."""
    partial = parse(value)
    if partial is None:
        return None
    first = partial.first()
    if partial.month is None:
        return first, date(partial.year, 12, 31)
    if partial.day is None:
        return first, date(partial.year, partial.month, calendar.monthrange(partial.year, partial.month)[1])
    return first, first


def range_span(value: object) -> Span | None:
    """Return the days a {start, end} range may cover (a bare partial date covers its own span), or None."""
    if not isinstance(value, dict):
        return span(value)
    start, end = span(value.get("start")), span(value.get("end", value.get("start")))
    if start is None or end is None:
        return None
    return start[0], end[1]


def _truncated(partial: PartialDate, precision: int) -> tuple[int, ...]:
    return (partial.year, partial.month or 0, partial.day or 0)[:precision]


def _depth(partial: PartialDate) -> int:
    return 1 if partial.month is None else 2 if partial.day is None else 3


def is_reversed(start: object, end: object) -> bool:
    """Return whether a range certainly ends before it starts, compared at the precision both share."""
    first, last = parse(start), parse(end)
    if first is None or last is None:
        return False
    shared = min(_depth(first), _depth(last))
    return _truncated(first, shared) > _truncated(last, shared)


def wholly_outside(inner: Span, outer: Span) -> bool:
    """Return whether every day of ``inner`` lies outside ``outer``."""
    return inner[1] < outer[0] or inner[0] > outer[1]


def ga_session_span(number: int) -> Span | None:
    """Return the year of the Nth General Assembly session: September of 1945+N to September of 1946+N."""
    if not 1 <= number <= 9999 - 1946:
        return None
    return date(1945 + number, 9, 1), date(1946 + number, 9, 30)


def symbol_prefix(symbol: object) -> int | None:
    """Return the first number of a resolution symbol ("69/149" → 69, "2015/23" → 2015), or None."""
    if not isinstance(symbol, str):
        return None
    match = _SYMBOL.fullmatch(symbol)
    return int(match.group(1)) if match else None


def date_strings(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """Yield (pointer, value) of every string held under a date key (start, end, date, as_of, since, dates)."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{pointer}/{key}"
            if key in DATE_KEYS and isinstance(value, str):
                yield here, value
            elif key == "dates" and isinstance(value, list):
                yield from ((f"{here}/{i}", v) for i, v in enumerate(value) if isinstance(v, str))
            else:
                yield from date_strings(value, here)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from date_strings(item, f"{pointer}/{index}")


def ranges(node: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield (pointer, object) of every object holding both a start and an end string."""
    if isinstance(node, dict):
        if isinstance(node.get("start"), str) and isinstance(node.get("end"), str):
            yield pointer, node
        for key, value in node.items():
            yield from ranges(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from ranges(item, f"{pointer}/{index}")
