"""Partial dates ("2015", "2015-11", "2015-11-16"), the days they span, and how the UN writes them.

A partial date stands for every day it may mean: "2015" is 1 January to 31 December 2015. Two rules follow
from that, used everywhere so that nothing guesses:

- a range is reversed only if its start is after its end at the precision both share ("2015-11" to "2015"
  is not reversed: both are in 2015);
- something lies outside a period only if its whole span does (an activity dated "2014" overlaps a period
  starting "2014-10", so it is not outside).

This module is the lowest layer of the package: it imports nothing from secretariat.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")

Span = tuple[dt.date, dt.date]


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def first(self) -> dt.date:
        """Return the first day the partial date covers."""
        return dt.date(self.year, 1 if self.month is None else self.month, 1 if self.day is None else self.day)

    def last(self) -> dt.date:
        """Return the last day the partial date covers."""
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return self.first()

    @property
    def precision(self) -> str:
        """Return "year", "month" or "day"."""
        return "year" if self.month is None else "month" if self.day is None else "day"

    def __str__(self) -> str:
        if self.month is None:
            return str(self.year)
        month_year = f"{MONTHS[self.month - 1]} {self.year}"
        return month_year if self.day is None else f"{self.day} {month_year}"


@dataclass(frozen=True)
class Period:
    """The days from start to end, both inclusive; a single day has start equal to end."""

    start: dt.date
    end: dt.date

    @property
    def exact(self) -> bool:
        """Return whether the period is a single day."""
        return self.start == self.end


def parse_partial(value: object) -> PartialDate:
    """Return ``value`` (date, "YYYY", "YYYY-MM" or "YYYY-MM-DD") as a PartialDate; raise if invalid."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise TypeError(f"expected a date or a 'YYYY[-MM[-DD]]' string, found {type(value).__name__} {value!r}")
    return _parse_text(value)


@lru_cache(maxsize=4096)
def _parse_text(value: str) -> PartialDate:
    """Parse a partial date string (cached: a long report repeats the same few hundred dates)."""
    match = _PARTIAL.fullmatch(value)
    if match is None:
        raise ValueError(f"expected a date written 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', found {value!r}")
    year, month, day = (int(g) if g else None for g in match.groups())
    partial = PartialDate(year or 0, month, day)
    try:
        partial.first()
    except ValueError as exc:
        raise ValueError(f"invalid date {value!r}: {exc}") from None
    return partial


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


def written(value: object) -> str:
    """Write a date the UN way: "2015", "October 2014", "14 June 2016" (no leading zero, no comma)."""
    return str(parse_partial(value))


def period_of(value: object) -> Period:
    """Return the days a partial date names ("2016", "2016-06", "2016-06-14"); raise ValueError if none."""
    partial = parse_partial(value)
    return Period(partial.first(), partial.last())


def span(value: object) -> Span | None:
    """Return the first and last day a partial date may mean, or None if it is not a date."""
    if isinstance(value, str):
        return _text_span(value)
    partial = parse(value)
    return None if partial is None else (partial.first(), partial.last())


@lru_cache(maxsize=4096)
def _text_span(value: str) -> Span | None:
    # cached like the parse: the dates check asks for the span of every activity's dates
    partial = parse(value)
    return None if partial is None else (partial.first(), partial.last())


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
    if isinstance(start, str) and isinstance(end, str):
        return _texts_reversed(start, end)
    return _reversed(start, end)


@lru_cache(maxsize=4096)
def _texts_reversed(start: str, end: str) -> bool:
    return _reversed(start, end)


def _reversed(start: object, end: object) -> bool:
    first, last = parse(start), parse(end)
    if first is None or last is None:
        return False
    shared = min(_depth(first), _depth(last))
    return _truncated(first, shared) > _truncated(last, shared)


def wholly_outside(inner: Span, outer: Span) -> bool:
    """Return whether every day of ``inner`` lies outside ``outer``."""
    return inner[1] < outer[0] or inner[0] > outer[1]


def next_start(end: str) -> str:
    """Return the partial date right after a period's end, at the same precision."""
    partial = parse_partial(end)
    after = partial.last() + dt.timedelta(days=1)
    if partial.precision == "year":
        return str(after.year)
    return f"{after.year}-{after.month:02d}" if partial.precision == "month" else after.isoformat()
