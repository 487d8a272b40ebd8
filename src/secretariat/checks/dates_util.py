"""The calendar facts the dates check reasons with, and where the dates are in a record.

Partial dates, their spans and the rules for comparing them are in ``secretariat.dates``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from secretariat.dates import Span

_SYMBOL = re.compile(r"([0-9]{1,4})/([0-9]{1,4})")
DATE_KEYS = frozenset({"start", "end", "date", "as_of", "since"})


def show_range(value: object) -> str:
    """Write a {start, end} range for a message: "2015-11-16 to 2015-11-18", or "2016-05" if one date."""
    if not isinstance(value, dict):
        return str(value)
    start, end = value.get("start"), value.get("end")
    return str(start) if start == end or end is None else f"{start} to {end}"


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
