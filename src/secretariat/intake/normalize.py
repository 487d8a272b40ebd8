"""Normalize submitted rows with cerberus, in batches: one validator, one call per batch of rows.

cerberus re-checks its schema on every ``normalized()`` call; with one call per row that costs about as
much as the coercions themselves (about 1,300 rows a second). A batch is one document, ``{"rows": [...]}``,
whose list schema applies the row schema to every row, so the check is paid once per batch
(benchmarks/intake.py measures it: over ten times faster).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial
from typing import Any

from cerberus import Validator
from cerberus.errors import COERCION_FAILED, BaseErrorHandler, ValidationError

from secretariat.intake import coerce
from secretariat.intake.coerce import country
from secretariat.intake.columns import Field, Layout
from secretariat.intake.dates import Order, to_partial_date
from secretariat.intake.rows import CellProblem, Row, shown
from secretariat.registers.countries import CountryRegister

BATCH = 500


class _Collect(BaseErrorHandler):  # type: ignore[misc]
    """Collect coercion failures as (row index, header, message)."""

    def __call__(self, errors: Any) -> list[tuple[int, str, str]]:
        return list(self._flat(errors))

    def _flat(self, errors: Any) -> Iterator[tuple[int, str, str]]:
        for error in errors:
            if isinstance(error, ValidationError) and error.is_group_error:
                yield from self._flat(error.child_errors)
            elif error.code == COERCION_FAILED.code and len(error.document_path) == 3:
                message = str(error.info[0]) if error.info else "a value of another kind"
                yield int(error.document_path[1]), str(error.document_path[2]), message


def _date(order: Order | None, value: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return to_partial_date(value, order)


class Normalizer:
    """The cerberus rules of the columns of one file, derived from the schema through the layout."""

    def __init__(self, layout: Layout, headers: list[str], register: CountryRegister, on: date,
                 order: Order | None) -> None:
        coercers: dict[str, Any] = {
            "text": coerce.text, "date": partial(_date, order), "text-list": coerce.text_list,
            "country": country(register, on),
        }
        rules: dict[str, Any] = {}
        for header in headers:
            resolved = layout.resolve(header)
            if resolved is not None:
                rules[header] = {"coerce": self._coercer(resolved[0], coercers), "nullable": True}
        self.schema = {"rows": {"type": "list", "schema": {"type": "dict", "schema": rules}}}
        self.validator = Validator(self.schema, error_handler=_Collect())

    @staticmethod
    def _coercer(field: Field, coercers: dict[str, Any]) -> Any:
        if field.kind == "integer":
            return coerce.integer(field.minimum)
        if field.kind == "enum":
            return coerce.enum(field.values)
        return coercers[field.kind]

    def normalize(self, rows: list[Row]) -> list[dict[str, Any]]:
        """Normalize a batch in place of its cells; add each failure to its row's problems."""
        document = {"rows": [dict(row.cells) for row in rows]}
        result = self.validator.normalized(document, always_return_document=True)
        for index, header, message in self.validator.errors:
            row = rows[index]
            row.problems.append(CellProblem(header, shown(row.cells.get(header)), message))
        return [{k: v for k, v in cells.items() if v is not None} for cells in result["rows"]]
