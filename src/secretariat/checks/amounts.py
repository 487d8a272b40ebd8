"""Intervals for stated amounts: what a rounded figure can stand for, for tolerant comparisons."""

from __future__ import annotations

from decimal import Decimal


def stated_interval(value: Decimal) -> tuple[Decimal, Decimal]:
    """Return the interval a stated amount stands for: half a unit of its last significant digit either side.

    "$2.3 million" (2300000) stands for 2,250,000 to 2,350,000; "$400,000" for 350,000 to 450,000;
    "$357,701" for 357,700.5 to 357,701.5.
    """
    if value == 0:
        return (Decimal(0), Decimal(0))
    normalized = value.normalize()
    exponent = normalized.as_tuple().exponent
    unit = Decimal(1).scaleb(int(exponent)) if isinstance(exponent, int) else Decimal(1)
    half = unit / 2
    return (value - half, value + half)


def overlaps(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    """Return whether two closed intervals share a point."""
    return a[0] <= b[1] and b[0] <= a[1]


def money_text(value: Decimal) -> str:
    """Return an amount of dollars with thousands separators and no needless decimals."""
    rounded = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.quantize(Decimal("0.01"))
    return f"${rounded:,}"
