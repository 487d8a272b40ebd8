"""Turn what a spreadsheet holds in a date column into an ISO partial date (2015, 2015-11, 2015-11-16)."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any, Literal, NamedTuple

from openpyxl.utils.datetime import from_excel

from secretariat import dates
from secretariat.errors import DateValueError

Order = Literal["DMY", "MDY"]

# Month names as offices write them: in full, in three letters, and "sept".
MONTHS = {written: number for number, name in enumerate(dates.MONTHS, start=1)
          for written in (name.lower(), name.lower()[:3])} | {"sept": 9}
YEARS = range(1900, 2101)
_ISO = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?")
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{4})")
_WORDS = re.compile(r"(?:(\d{1,2})\s+)?([a-z]+)\.?(?:\s+(\d{1,2}))?,?\s+(\d{4})")
_CODES = re.compile(r'"[^"]*"|\[[^]]*\]|\\.')


class Dated(NamedTuple):
    """A date cell of a workbook with its number format, which tells the precision it shows."""

    value: datetime | date
    number_format: str | None

    def __str__(self) -> str:
        return self.value.isoformat()


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if year not in YEARS:
        raise DateValueError(f"expected a year between {YEARS[0]} and {YEARS[-1]}, found {year}")
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        raise DateValueError(f"expected a month 1-12, found {month}")
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise DateValueError(f"expected a real calendar date, found day {day} of month {month} in {year}") from None


def _precision(number_format: str | None) -> int:
    """Return 3, 2 or 1: whether a cell's date format shows the day, only month and year, or only the year."""
    codes = _CODES.sub("", (number_format or "").lower())
    if "d" in codes or not codes.strip():
        return 3
    return 2 if "m" in codes else 1


def from_cell(value: datetime | date, number_format: str | None) -> str:
    """Read a date cell to the precision its format shows ("mmm-yy" gives 2015-11)."""
    moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
    serial = (moment - datetime(1899, 12, 30)).total_seconds() / 86400
    if serial == int(serial) and int(serial) in YEARS:  # a year typed into a date cell: 2015 shows as 07/07/1905
        return _iso(int(serial))
    precision = _precision(number_format)
    return _iso(value.year, value.month if precision >= 2 else None, value.day if precision == 3 else None)


def from_number(value: float) -> str:
    """Read a number in a date column: a year (1900-2100) or an Excel serial date."""
    if not math.isfinite(value) or value != int(value):
        raise DateValueError(f"expected a date, found the number {value}")
    if int(value) in YEARS:
        return _iso(int(value))
    if not 2 < value < 2958466:
        raise DateValueError(f"expected a date, found the number {int(value)}")
    day = from_excel(int(value))
    return _iso(day.year, day.month, day.day)


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _day_first(first: int, second: int, year: int, text: str, order: Order | None) -> str:
    if first > 12 and second <= 12:
        return _iso(year, second, first)
    if second > 12 and first <= 12:
        return _iso(year, first, second)
    if first == second or order == "DMY":
        return _iso(year, second, first)
    if order == "MDY":
        return _iso(year, first, second)
    day_first, month_first = date(year, second, first), date(year, first, second)
    raise DateValueError(
        f"expected an unambiguous date, found {text!r}: it could be {_long(day_first)} or "
        f"{_long(month_first)} (write {day_first.isoformat()}, or use the form, whose convention is DD/MM/YYYY)"
    )


def from_text(text: str, order: Order | None) -> str:
    """Read a written date; numeric day/month orders need ``order`` unless only one reading is a real date."""
    cleaned = " ".join(text.strip().lower().split())
    if re.fullmatch(r"\d{5}", cleaned):
        return from_number(int(cleaned))
    if (match := _ISO.fullmatch(cleaned)) is not None:
        year, month, day = (int(g) if g else None for g in match.groups())
        return _iso(year or 0, month, day)
    if (match := _NUMERIC.fullmatch(cleaned)) is not None:
        first, second, year = (int(g) for g in match.groups())
        return _day_first(first, second, year, text.strip(), order)
    if (match := _MONTH_YEAR.fullmatch(cleaned)) is not None:
        return _iso(int(match.group(2)), int(match.group(1)))
    if (match := _WORDS.fullmatch(cleaned)) is not None and match.group(2) in MONTHS:
        if match.group(1) and match.group(3):
            raise DateValueError(f"expected a date, found {text.strip()!r}")
        day_text = match.group(1) or match.group(3)
        return _iso(int(match.group(4)), MONTHS[match.group(2)], int(day_text) if day_text else None)
    raise DateValueError(
        f"expected a date (DD/MM/YYYY, YYYY-MM-DD, 16 November 2015, a month 2015-11 or a year 2015), "
        f"found {text.strip()!r}"
    )


def to_partial_date(value: Any, order: Order | None) -> str:
    """Normalize any cell value of a date column to an ISO partial date; raise DateValueError otherwise."""
    if isinstance(value, Dated):
        return from_cell(value.value, value.number_format)
    if isinstance(value, datetime | date):
        return from_cell(value, None)
    if isinstance(value, bool):
        raise DateValueError(f"expected a date, found {value}")
    if isinstance(value, int | float):
        return from_number(value)
    return from_text(str(value), order)
