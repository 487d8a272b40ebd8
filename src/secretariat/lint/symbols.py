"""United Nations document symbols: series roots and the shape of their components."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Series that open a symbol (Dag Hammarskjöld Library, "UN Documentation: Symbols"; ../shared/un-style.md).
ROOTS = frozenset({"A", "S", "E", "ST", "CTOC", "CAC", "CCPCJ", "UNODC", "TD", "DP", "UNEP", "ICCD", "CRC",
                   "CEDAW", "CERD", "CAT", "CCPR", "HRC", "TRADE", "ECE", "ESCAP", "ECLAC", "ECA", "ESCWA"})
# Subsidiary series that only exist under a root: the presidential statements of the Security Council.
UNDER = {"PRST": "S"}
_COMPONENT = re.compile(r"[A-Z][A-Za-z]*(\.\d+)?|\d+|(Add|Rev|Corr|Amend)\.\d+")
# A symbol-like token in running text: capitalized components joined by slashes.
IN_TEXT = re.compile(r"(?<![\w/.])([A-Z][A-Za-z0-9.]*(?:/[A-Za-z0-9.]+)+)")


def cited(text: str) -> Iterator[re.Match[str]]:
    """Return the symbol-like tokens of a text (group 1); a text without a slash is not even searched."""
    return IN_TEXT.finditer(text) if "/" in text else iter(())


def symbol_problem(symbol: str, latest_year: int) -> tuple[str, str] | None:
    """Return (expected, found) if a symbol is malformed, else None."""
    parts = symbol.split("/")
    if parts[0] in UNDER:
        return f"{UNDER[parts[0]]}/{symbol}", symbol
    if parts[0] not in ROOTS:
        return f"a symbol opening with a United Nations series ({', '.join(sorted(ROOTS)[:6])} …)", symbol
    if len(parts) < 2 or any(_COMPONENT.fullmatch(part) is None for part in parts):
        return "components of letters (with a .number) or digits separated by '/'", symbol
    years = [int(p) for p in parts if len(p) == 4 and p.isdigit()]
    if any(year < 1946 or year > latest_year for year in years):
        return f"a year between 1946 and {latest_year}", symbol
    return None
