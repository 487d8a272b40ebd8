"""The UN editorial Jinja filters: numbers, dates, periods, lists and country names.

Each filter is a plain function taking plain str/int/Decimal/date values and returning a plain ``str``; bad
values raise TypeError or ValueError saying what was expected and what was found (the template layer adds
the template name and line). ``FILTERS`` maps filter names to functions; ``make_filters(on)`` binds the
report date so that ``country`` and ``countries`` give the names in force on that date.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable

from secretariat.registers.countries import CountryRegister, country_register
from secretariat.render.filter_dates import date_range, during, format_date, month_year, year
from secretariat.render.filter_numbers import count, millions, money, number, ordinal, percent, words

__all__ = [
    "FILTERS",
    "count",
    "countries",
    "country",
    "date_range",
    "during",
    "format_date",
    "join_list",
    "make_filters",
    "millions",
    "money",
    "month_year",
    "number",
    "ordinal",
    "percent",
    "words",
]

Filter = Callable[..., str]


def join_list(items: Iterable[str]) -> str:
    """Join strings English style without a serial comma: "a", "a and b", "a, b and c" ("" for none)."""
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise TypeError(f"expected a list of strings, found {type(items).__name__} {items!r}")
    parts = []
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"expected a list of strings, found an item {type(item).__name__} {item!r}")
        parts.append(str(item))
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _check_date(on: object) -> dt.date:
    if not isinstance(on, dt.date):
        raise TypeError(f"expected the report date as a datetime.date, found {type(on).__name__} {on!r}")
    return on


def country(code: str, on: dt.date, capital: bool = False, register: CountryRegister | None = None) -> str:
    """Write one country in running text as named on ``on``: "the Sudan" ("The Sudan" with capital=True)."""
    text = (register or country_register()).running_text(code, _check_date(on))
    return text[:1].upper() + text[1:] if capital else text


def countries(codes: Iterable[str], on: dt.date, register: CountryRegister | None = None) -> str:
    """Write ISO3 codes as running-text names in English alphabetical order ignoring "the", joined."""
    if isinstance(codes, str | bytes) or not isinstance(codes, Iterable):
        raise TypeError(f"expected a list of ISO3 country codes, found {type(codes).__name__} {codes!r}")
    chosen = register or country_register()
    when = _check_date(on)
    listed = list(codes)
    repeated = sorted({c for c in listed if listed.count(c) > 1}, key=str)
    if repeated:
        raise ValueError(f"expected each country once, found repeated codes {', '.join(map(str, repeated))}")
    ordered = sorted(listed, key=lambda code: (chosen.sort_key(code, when), code))
    return join_list([chosen.running_text(code, when) for code in ordered])


FILTERS: dict[str, Filter] = {
    "count": count,
    "words": words,
    "ordinal": ordinal,
    "number": number,
    "date": format_date,
    "month_year": month_year,
    "year": year,
    "during": during,
    "date_range": date_range,
    "join_list": join_list,
    "country": country,
    "countries": countries,
    "money": money,
    "millions": millions,
    "percent": percent,
}


def make_filters(on: dt.date, register: CountryRegister | None = None) -> dict[str, Filter]:
    """Return FILTERS with ``country`` and ``countries`` bound to the report date ``on``."""
    when = _check_date(on)
    bound = dict(FILTERS)
    bound["country"] = functools.partial(country, on=when, register=register)
    bound["countries"] = functools.partial(countries, on=when, register=register)
    return bound
