"""The calendar facts the dates check reasons with, and where the dates are in a record.

Partial dates, their spans and the rules for comparing them are in ``secretariat.dates``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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


def date_fields(node: Any) -> tuple[list[tuple[str, str]], list[tuple[str, dict[str, Any]]]]:
    """Walk a record once; return its date strings and its ranges, each with its pointer, in document order.

    A date string is a string held under a date key (start, end, date, as_of, since) or in a ``dates`` list;
    a range is an object holding both a start and an end string.
    """
    strings: list[tuple[str, str]] = []
    ranges: list[tuple[str, dict[str, Any]]] = []
    _walk(node, "", strings, ranges, True)
    return strings, ranges


def activity_date_fields(data: Any) -> tuple[Iterable[tuple[str, Any]], Iterable[tuple[str, Any]]]:
    """Return what ``date_fields`` returns for a valid activities.json, visiting only each activity's range.

    activities.schema.json allows dates in an activity only as its ``dates`` range (tests/test_dates_check.py
    holds the schema to that), so the whole-record walk, most of the check at 1,000,000 activities, is not needed.
    Both are walked lazily, one after the other: lists of every date's pointer would add some 200 MB there.
    """
    activities = data.get("activities") if type(data) is dict else None
    if type(activities) is not list:
        return date_fields(data)
    return _activity_dates(activities, False), _activity_dates(activities, True)


def _activity_dates(activities: list[Any], ranges: bool) -> Iterator[tuple[str, Any]]:
    for index, activity in enumerate(activities):
        dates = activity.get("dates") if type(activity) is dict else None
        if dates is None and type(activity) is dict:
            continue
        if type(dates) is dict and all(type(value) is str for value in dates.values()):
            pointer = f"/activities/{index}/dates"
            if not ranges:
                yield from ((f"{pointer}/{key}", value) for key, value in dates.items())
            elif "start" in dates and "end" in dates:
                yield pointer, dates
        else:  # not as the schema has it (the checks may be handed unvalidated records): walk it all
            strings: list[tuple[str, str]] = []
            found: list[tuple[str, dict[str, Any]]] = []
            _walk(activity, f"/activities/{index}", strings, found, True)
            yield from found if ranges else strings


def _walk(node: Any, pointer: str, strings: list[tuple[str, str]], ranges: list[tuple[str, dict[str, Any]]],
          dated: bool) -> None:
    # Only containers are visited, and types are compared exactly (parsed JSON holds no subclasses): at
    # 1,000,000 activities this walk is most of the check. Inside a ``dates`` list only its own strings are
    # dates (dated is off below it); ranges count everywhere.
    if type(node) is dict:
        if type(node.get("start")) is str and type(node.get("end")) is str:
            ranges.append((pointer, node))
        for key, value in node.items():
            kind = type(value)
            if kind is str:
                if dated and key in DATE_KEYS:
                    strings.append((f"{pointer}/{key}", value))
            elif kind is dict or kind is list:
                here = f"{pointer}/{key}"
                listed = dated and key == "dates" and kind is list
                if listed:
                    strings.extend((f"{here}/{i}", v) for i, v in enumerate(value) if type(v) is str)
                _walk(value, here, strings, ranges, dated and not listed)
    elif type(node) is list:
        for index, item in enumerate(node):
            kind = type(item)
            if kind is dict or kind is list:
                _walk(item, f"{pointer}/{index}", strings, ranges, dated)
