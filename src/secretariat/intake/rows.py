"""What readers hand on: submitted rows with their place in the file, and the problems found in them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class CellProblem:
    """One thing wrong in a row: the column (header), the value found and what was expected."""

    column: str
    value: str
    expected: str


@dataclass
class Row:
    """One submitted row: its number as a spreadsheet shows it (the header is row 1), cells keyed by header."""

    number: int
    cells: dict[str, Any]
    problems: list[CellProblem] = field(default_factory=list)


def shown(value: Any) -> str:
    """Return a cell value as text for a rejects file."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
