"""What readers hand on: submitted rows with their place in the file, and the problems found in them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from secretariat.errors import SecretariatError


class SubmissionError(SecretariatError):
    """A submitted file cannot be taken in at all (wrong type, corrupt, wrong columns); nothing of it is used."""


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
