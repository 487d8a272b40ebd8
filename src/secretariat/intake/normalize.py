"""Normalize submitted rows: each cell through the coercer of its column, a failure kept with its row.

The rules are those cerberus applied here before (``coerce`` with ``nullable``, tests/test_intake_normalize.py
compares the two on the same rows): a cell is coerced, a coercer's ValueError is the cell's problem (none for an
empty cell), a column without a coercer is left as it is. Done directly, without cerberus' per-row
bookkeeping, which was most of an intake's own time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from secretariat.intake import coerce
from secretariat.intake.coerce import country
from secretariat.intake.columns import Field, Layout
from secretariat.intake.dates import Order, to_partial_date
from secretariat.intake.rows import CellProblem, Row, shown
from secretariat.registers.countries import CountryRegister

BATCH = 500


def _date(order: Order | None, value: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return to_partial_date(value, order)


class Normalizer:
    """The coercers of the columns of one file, derived from the schema through the layout."""

    def __init__(self, layout: Layout, headers: list[str], register: CountryRegister, on: date,
                 order: Order | None) -> None:
        coercers: dict[str, Any] = {
            "text": coerce.text, "date": partial(_date, order), "text-list": coerce.text_list,
            "country": country(register, on),
        }
        self.coercers: dict[str, Callable[[Any], Any]] = {}
        for header in headers:
            resolved = layout.resolve(header)
            if resolved is not None:
                self.coercers[header] = self._coercer(resolved[0], coercers)

    @staticmethod
    def _coercer(field: Field, coercers: dict[str, Any]) -> Any:
        if field.kind == "integer":
            return coerce.integer(field.minimum)
        if field.kind == "enum":
            return coerce.enum(field.values)
        return coercers[field.kind]

    def normalize(self, rows: list[Row]) -> list[dict[str, Any]]:
        """Return the coerced cells of each row (empty ones left out); add each failure to its row's problems."""
        coercers, result = self.coercers, []
        for row in rows:
            cells = dict(row.cells)
            for header, value in row.cells.items():
                coercer = coercers.get(header)
                if coercer is None:
                    continue
                try:
                    cells[header] = coercer(value)
                except Exception as e:  # as cerberus did: whatever a coercer raises is the cell's problem
                    if value is not None:
                        row.problems.append(CellProblem(header, shown(value), str(e)))
            result.append({k: v for k, v in cells.items() if v is not None})
        return result
