"""Read a JSON submission of records ({"activities": [...]} or a bare list) as flat rows, like a sheet's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from secretariat.errors import Problem, SubmissionError
from secretariat.intake.columns import Layout
from secretariat.intake.rows import CellProblem, Row, shown
from secretariat.intake.source import Source
from secretariat.records.jsonfile import read_json


def _groups(layout: Layout) -> dict[str, str]:
    """Return how each top-level property is laid out: scalar, object, objects, values or text-list."""
    shapes: dict[str, str] = {}
    for field in layout.fields:
        name = field.path[0]
        if field.kind == "text-list":
            shapes[name] = "text-list"
        elif field.numbered:
            shapes[name] = "objects" if len(field.path) == 2 else "values"
        else:
            shapes[name] = "object" if len(field.path) == 2 else "scalar"
    return shapes


def flatten(layout: Layout, record: Any, number: int) -> Row:
    """Return a record as the cells a sheet row would hold (countries.1, places.1.city, ...)."""
    if not isinstance(record, dict):
        return Row(number, {}, [CellProblem("(record)", shown(record)[:60], "expected an object (a record)")])
    shapes = _groups(layout)
    cells: dict[str, Any] = {}
    problems: list[CellProblem] = []
    for key, value in record.items():
        shape = shapes.get(key)
        if shape is None:
            problems.append(CellProblem(key, shown(value)[:60], "no such property in the schema"))
        elif shape in ("scalar", "text-list"):
            cells[key] = value
        elif shape == "object" and isinstance(value, dict):
            cells.update({f"{key}.{sub}": item for sub, item in value.items()})
        elif shape == "values" and isinstance(value, list):
            cells.update({f"{key}.{n}": item for n, item in enumerate(value, start=1)})
        elif shape == "objects" and isinstance(value, list) and all(isinstance(v, dict) for v in value):
            cells.update({f"{key}.{n}.{sub}": item for n, v in enumerate(value, start=1) for sub, item in v.items()})
        else:
            wanted = "an object" if shape == "object" else "a list"
            problems.append(CellProblem(key, shown(value)[:60], f"expected {wanted}, found {type(value).__name__}"))
    for header in [h for h in cells if layout.resolve(h) is None]:
        problems.append(CellProblem(header, shown(cells.pop(header))[:60], "no such property in the schema"))
    return Row(number, {k: v for k, v in cells.items() if v is not None and v != []}, problems)


def read_json_submission(path: Path, display: str, layout: Layout) -> Source:
    """Parse a JSON file of records; each record is one row (its number is its position, 1 for the first)."""
    loaded = read_json(path, display)
    if isinstance(loaded, Problem):
        raise SubmissionError(str(loaded))
    data = loaded.data
    records = data.get(layout.sheet) if isinstance(data, dict) else data
    if not isinstance(records, list):
        raise SubmissionError(f"{display}: expected a list of records or {{\"{layout.sheet}\": [...]}}, "
                              f"found {type(data).__name__}")
    if not records:
        raise SubmissionError(f"{display}: empty: expected at least one record, found none")

    def rows() -> Iterator[Row]:
        for number, record in enumerate(records, start=1):
            yield flatten(layout, record, number)

    headers = sorted({h for r in records if isinstance(r, dict) for h in flatten(layout, r, 0).cells})
    return Source(display, layout.sheet, None, headers, rows())
