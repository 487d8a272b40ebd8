"""UN editorial filters for dates and periods: "14 June 2016", "from 16 to 18 November 2015", "17–21 May".

A date may be partial: "2015", "2015-10" or "2015-10-14" (or a ``datetime.date``). A period is a mapping or an
object with ``start`` and ``end`` (partial dates), or a single partial date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from secretariat.dates import MONTHS, PartialDate, parse_partial, written

EN_DASH = "\u2013"

format_date = written  # the `date` filter: "2015", "October 2014", "14 June 2016"


def year(d: object) -> str:
    """Write the year of any date, full or partial: "2014"."""
    return str(parse_partial(d).year)


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
