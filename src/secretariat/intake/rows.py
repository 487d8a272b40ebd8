"""What readers hand on: the checked header row, and each row with its place in the file and its problems."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from openpyxl.utils.cell import get_column_letter

from secretariat.errors import SubmissionError
from secretariat.intake.columns import Layout
from secretariat.intake.dates import Order
from secretariat.limits import COLUMNS, ROWS, TEXT_CHARS


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


# What separates the values of a list cell ("IOM; UNICEF"), as intake splits them.
LIST_SEPARATORS = re.compile(r"\s*[;\n]\s*")
# Where a spreadsheet program may start a cell inside a CSV cell: after a line break (a reader that splits
# lines naively) or a semicolon (the list separator, hence the CSV delimiter, of many locales).
_CELL_STARTS = re.compile(r"([;\n\r]\s*)")


def neutralized(text: str) -> str:
    """Return text as a CSV cell no spreadsheet program runs: each formula-like value in it gets an apostrophe."""
    parts = _CELL_STARTS.split(text)
    return "".join("'" + part if index % 2 == 0 and formula_like(part) else part
                   for index, part in enumerate(parts))


def shown(value: Any) -> str:
    """Return a cell value as text for a rejects file."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass
class Source:
    """A submission opened for reading; rows are read as they are iterated."""

    file: str
    sheet: str
    order: Order | None
    headers: list[str]
    rows: Iterator[Row]
    notes: list[str] = field(default_factory=list)


def check_headers(layout: Layout, cells: list[Any], where: str) -> list[str | None]:
    """Return the header of each position (None where the header cell is empty); raise on a wrong header row."""
    headers: list[str | None] = []
    seen: dict[str, str] = {}
    unknown, repeated = [], []
    if len(cells) > COLUMNS.value:
        raise SubmissionError(f"{where}: {COLUMNS.exceeded(f'{len(cells):,} columns in the header row')}")
    for position, cell in enumerate(cells, start=1):
        letter = get_column_letter(position)
        written = shown(cell).strip() if cell is not None else ""
        header = written.casefold()
        if not header:
            headers.append(None)
            continue
        if layout.resolve(header) is None:
            unknown.append(f"{written!r} ({letter})")
        elif header in seen:
            repeated.append(f"{header!r} ({seen[header]} and {letter})")
        seen.setdefault(header, letter)
        headers.append(header)
    if not seen:
        raise SubmissionError(f"{where}: empty: expected a header row with the form's columns "
                              f"({', '.join(h for h, _ in layout.form_headers()[:5])}, …)")
    missing = [h for h in layout.required_headers if h not in seen]
    found = [f"unknown column(s) {', '.join(unknown)}" if unknown else "",
             f"column(s) given twice: {', '.join(repeated)}" if repeated else "",
             f"missing column(s) {', '.join(map(repr, missing))}" if missing else ""]
    if unknown or repeated or missing:
        raise SubmissionError(f"{where}: the header row does not match the form: "
                              + "; ".join(f for f in found if f)
                              + ". The form's columns are in `secretariat workbook`'s Instructions sheet.")
    return headers


# What a spreadsheet program would run as a formula (or DDE command) when the text is opened as a cell.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9][0-9.,\s]*")


def formula_like(value: object) -> TypeGuard[str]:
    """Return whether a text would be taken for a formula by a spreadsheet program (a signed number is not)."""
    return isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value)


def formula_expected(found: str, item: bool = False) -> str:
    """Say that a value (or an item of a list cell) would run as a formula, and what to do."""
    what = f"an item {found[:60]!r} starting" if item else "one starting"
    return f"expected text, found {what} with {found[0]!r}, which a spreadsheet program runs as a formula: " \
        "remove that first character"


def cell_problem(column: str, value: object, most: int | None = None) -> CellProblem | None:
    """Return what is wrong with one submitted value on its own: a formula-like text, or a text over the limit.

    ``most`` is the text size limit in force, when the caller has read it already (once per row, not per cell).
    """
    if isinstance(value, list):
        found = next((v for v in value if formula_like(v)), None)
    else:
        found = value if formula_like(value) else None
    if found is not None:
        return CellProblem(column, shown(found)[:60], formula_expected(found))
    if isinstance(value, str) and len(value) > (TEXT_CHARS.value if most is None else most):
        return CellProblem(column, shown(value)[:60], TEXT_CHARS.exceeded(f"{len(value):,} characters"))
    return None


def make_row(number: int, headers: list[str | None], values: list[Any] | tuple[Any, ...]) -> Row | None:
    """Key a row's values by header; None for a row with nothing in it (blank rows are not counted)."""
    if number - 1 > ROWS.value:
        raise SubmissionError(f"row {number:,}: {ROWS.exceeded('more')}")
    if len(values) > COLUMNS.value:
        raise SubmissionError(f"row {number:,}: {COLUMNS.exceeded(f'{len(values):,} values in the row')}")
    cells: dict[str, Any] = {}
    problems: list[CellProblem] = []
    most = TEXT_CHARS.value
    for position, value in enumerate(values):
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        header = headers[position] if position < len(headers) else None
        if header is None:
            letter = get_column_letter(position + 1)
            problems.append(CellProblem(f"column {letter}", shown(value),
                                        "nothing in a column without a header: add the header or move the value"))
            continue
        problem = cell_problem(header, value, most)
        if problem is not None:
            problems.append(problem)
            continue
        cells[header] = value
    if not cells and not problems:
        return None
    return Row(number, cells, problems)
