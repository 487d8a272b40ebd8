"""UN editorial filters for dates and periods: "14 June 2016", "from 16 to 18 November 2015", "17–21 May".

A date may be partial: "2015", "2015-10" or "2015-10-14" (or a ``datetime.date``). A period is a mapping or an
object with ``start`` and ``end`` (partial dates), or a single partial date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
EN_DASH = "\u2013"

_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def first(self) -> dt.date:
        """Return the first day the partial date covers."""
        return dt.date(
            self.year, 1 if self.month is None else self.month, 1 if self.day is None else self.day
        )

    @property
    def precision(self) -> str:
        """Return "year", "month" or "day"."""
        return "year" if self.month is None else "month" if self.day is None else "day"

    def __str__(self) -> str:
        if self.month is None:
            return str(self.year)
        month_year = f"{MONTHS[self.month - 1]} {self.year}"
        return month_year if self.day is None else f"{self.day} {month_year}"


def parse_partial(value: object) -> PartialDate:
    """Return ``value`` (date, "YYYY", "YYYY-MM" or "YYYY-MM-DD") as a PartialDate; raise if invalid."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise TypeError(
            f"expected a date or a 'YYYY[-MM[-DD]]' string, found {type(value).__name__} {value!r}"
        )
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


def format_date(d: object) -> str:
    """Write a date: "2015", "October 2014", "14 June 2016" (no leading zero, no comma)."""
    return str(parse_partial(d))


def month_year(d: object) -> str:
    """Write the month and year of a full or month date: "October 2014"."""
    partial = parse_partial(d)
    if partial.month is None:
        raise ValueError(f"expected a month or a full date, found the year-only date {d!r}")
    return str(PartialDate(partial.year, partial.month))


def period_bounds(period: object) -> tuple[PartialDate, PartialDate]:
    """Return the start and end of a period (a single date is its own start and end); raise if reversed."""
    if isinstance(period, Mapping):
        start, end = period.get("start"), period.get("end")
    elif isinstance(period, str | dt.date | PartialDate):
        start, end = period, None
    else:
        start, end = getattr(period, "start", None), getattr(period, "end", None)
    if start is None:
        raise ValueError(f"expected a period with a 'start' date, found {period!r}")
    first = parse_partial(start)
    last = first if end is None else parse_partial(end)
    if last.first() < first.first():
        raise ValueError(f"period ends ({last}) before it starts ({first}): {period!r}")
    return first, last


def _span(first: PartialDate, last: PartialDate, between: str) -> str:
    if first.precision == last.precision == "day" and first.year == last.year:
        if first.month == last.month:
            return f"{first.day}{between}{last}"
        return f"{first.day} {MONTHS[(first.month or 1) - 1]}{between}{last}"
    if first.precision == last.precision == "month" and first.year == last.year:
        return f"{MONTHS[(first.month or 1) - 1]}{between}{last}"
    return f"{first}{between}{last}"


def during(period: object) -> str:
    """Write a period in running text: "from 16 to 18 November 2015", "on 16 December 2015", "in 2015"."""
    first, last = period_bounds(period)
    if first == last:
        return f"on {first}" if first.precision == "day" else f"in {first}"
    return "from " + _span(first, last, " to ")


def date_range(period: object) -> str:
    """Write a period masthead style with an en dash: "17–21 October 2016", "2015–2020"."""
    first, last = period_bounds(period)
    if first == last:
        return str(first)
    return _span(first, last, EN_DASH)
