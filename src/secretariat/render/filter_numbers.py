"""UN editorial filters for numbers: counts, words, ordinals, figures, money, millions and percentages.

Inputs are int, Decimal or a plain decimal string ("1311", "0.5"); floats are refused because they are
inexact (parse JSON records with ``parse_float=Decimal``). Every filter returns a plain ``str``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from secretariat import english_numbers

Number = int | Decimal | str

_DECIMAL_TEXT = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_CENT = Decimal("0.01")
_SCALES = ((9, "billion"), (6, "million"))


def to_decimal(value: object, what: str = "a number") -> Decimal:
    """Return ``value`` as a finite Decimal; raise TypeError/ValueError naming what was expected and found."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        found = f"float {value!r}: floats are inexact" if isinstance(value, float) else repr(value)
        raise TypeError(
            f"expected {what} (int, Decimal or decimal string), found {type(value).__name__} {found}"
        )
    if isinstance(value, str):
        if not _DECIMAL_TEXT.fullmatch(value):
            raise ValueError(f"expected {what} written as digits (e.g. '1311' or '0.5'), found {value!r}")
        return Decimal(value)
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"expected {what}, found {value!r}")
    return number


def to_whole(value: object, what: str = "a whole number") -> int:
    """Return ``value`` as a non-negative int; raise if it is negative or has a fraction."""
    number = to_decimal(value, what)
    if number != number.to_integral_value():
        raise ValueError(f"expected {what}, found {value!r}, which has a fraction")
    if number < 0:
        raise ValueError(f"expected {what} of zero or more, found {value!r}")
    return int(number)


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def words(n: Number) -> str:
    """Spell out a whole number: "thirty-six", "one thousand three hundred and eleven" (British "and")."""
    return english_numbers.cardinal(to_whole(n)).replace(",", "")


def count(n: Number, capital: bool = False) -> str:
    """Write a count: words below 10 ("six"), figures from 10 ("1,311"); at a sentence start always words."""
    whole = to_whole(n, "a count (whole number)")
    if capital:
        return _capitalize(words(whole))
    return words(whole) if whole < 10 else f"{whole:,}"


def ordinal(n: Number) -> str:
    """Spell out an ordinal: 8 -> "eighth", 69 -> "sixty-ninth", 71 -> "seventy-first"."""
    whole = to_whole(n, "an ordinal number (1 or more)")
    if whole < 1:
        raise ValueError(f"expected an ordinal number of 1 or more, found {n!r}")
    return english_numbers.ordinal(whole).replace(",", "")


def number(n: Number) -> str:
    """Write a number in figures with thousands commas, keeping given decimals: "1,311", "5", "0.5"."""
    value = to_decimal(n)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return f"{int(value):,}"
    return f"{value:,f}"


def _plain(value: Decimal) -> str:
    return f"{value.normalize():,f}"


def _scaled(value: Decimal, scales: tuple[tuple[int, str], ...]) -> str | None:
    for power, word in scales:
        if value >= Decimal(10) ** power:
            amount = value.scaleb(-power)
            if amount == amount.quantize(_CENT):
                return f"{_plain(amount)} {word}"
    return None


def money(amount: Number) -> str:
    """Write US dollars: "$1.75 million" when exact to two decimals, else in full: "$357,701", "$12.50"."""
    value = to_decimal(amount, "an amount of money")
    if value < 0:
        raise ValueError(f"expected an amount of money of zero or more, found {amount!r}")
    scaled = _scaled(value, _SCALES)
    if scaled is not None:
        return f"${scaled}"
    if value == value.to_integral_value():
        return f"${int(value):,}"
    cents = value.quantize(_CENT)
    if cents != value:
        raise ValueError(f"expected an amount of money in whole cents, found {amount!r}")
    return f"${cents:,.2f}"


def millions(n: Number) -> str:
    """Write a large number as "5.6 million" when exact to two decimals of a million, else in figures."""
    value = to_decimal(n)
    scaled = _scaled(value, _SCALES[1:])
    return scaled if scaled is not None else number(value)


def percent(n: Number) -> str:
    """Write a percentage in figures with "per cent": "12 per cent", "2.5 per cent"."""
    return f"{number(n)} per cent"
