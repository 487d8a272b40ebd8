"""Turn a normalized flat row into a record, and check the record against its JSON Schema (the authority)."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any

from jsonschema.exceptions import ValidationError

from secretariat.intake.columns import Layout
from secretariat.intake.rows import CellProblem, shown
from secretariat.records.schemas import default_store, describe


def _ordered(record: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    rank = {key: position for position, key in enumerate(order)}
    return {key: record[key] for key in sorted(record, key=lambda k: rank.get(k, len(rank)))}


def nest(layout: Layout, cells: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Return the record a flat row describes and, for each JSON pointer in it, the header it came from."""
    record: dict[str, Any] = {}
    numbered: dict[str, dict[int, Any]] = {}
    origins: dict[str, str] = {}
    for header, value in cells.items():
        resolved = layout.resolve(header)
        if resolved is None:
            continue
        field, n = resolved
        if not field.numbered:
            target = record.setdefault(field.path[0], {}) if len(field.path) == 2 else record
            target[field.path[-1]] = value
            origins["/" + "/".join(field.path)] = header
        elif len(field.path) == 2:
            numbered.setdefault(field.path[0], {}).setdefault(n, {})[field.path[1]] = (value, header)
        else:
            numbered.setdefault(field.path[0], {})[n] = (value, header)
    for name, items in numbered.items():
        values: list[Any] = []
        for n in sorted(items):
            item = items[n]
            if isinstance(item, dict):
                origins[f"/{name}/{len(values)}"] = next(iter(item.values()))[1]
                for key, (_, header) in item.items():
                    origins[f"/{name}/{len(values)}/{key}"] = header
                values.append({key: value for key, (value, _) in item.items()})
            else:
                for value in item[0] if isinstance(item[0], list) else [item[0]]:
                    origins[f"/{name}/{len(values)}"] = item[1]
                    values.append(value)
        record[name] = values
    dates = record.get("dates")
    if isinstance(dates, dict) and "start" in dates and "end" not in dates:
        dates["end"] = dates["start"]
    for name in ("places", "countries", "partners"):
        record.setdefault(name, [])
    for group in ("dates", "participants"):
        if isinstance(record.get(group), dict):
            record[group] = _ordered(record[group], ("start", "end", "count", "qualifier", "description"))
    record["places"] = [_ordered(place, ("city", "country")) if isinstance(place, dict) else place
                        for place in record["places"]]
    return _ordered(record, layout.key_order), origins


def content_digest(record: dict[str, Any]) -> str:
    """Return a digest of a record's content without its id (the same activity under another id is the same)."""
    content = {key: value for key, value in record.items() if key != "id"}
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def make_id(record: dict[str, Any]) -> str:
    """Make an id from the title and a digest of the content: the same row always gets the same id."""
    title = unicodedata.normalize("NFKD", str(record.get("title", "activity")))
    slug = re.sub(r"[^a-z0-9]+", "-", title.encode("ascii", "ignore").decode().lower()).strip("-")
    words = slug[:48].rsplit("-", 1)[0] if len(slug) > 48 else slug
    return f"{words or 'activity'}-{content_digest(record)[:8]}"


def _pointer(error: ValidationError) -> str:
    return "".join("/" + str(p) for p in error.absolute_path)


def schema_problems(layout: Layout, record: dict[str, Any], origins: dict[str, str],
                    cells: dict[str, Any]) -> list[CellProblem]:
    """Validate one record against the schema; return each problem under the column it came from."""
    store = default_store()
    document = {"activities": [record]} if layout.sheet == "activities" else record
    if store.fast.is_valid(layout.schema_id, document):
        return []
    problems = []
    prefix = "/activities/0" if layout.sheet == "activities" else ""
    for error in store.validator(layout.schema_id).iter_errors(document):
        pointer = _pointer(error).removeprefix(prefix)
        if error.validator == "required":
            for name in error.validator_value:
                if isinstance(error.instance, dict) and name not in error.instance:
                    column = _missing_column(origins, pointer, name)
                    problems.append(CellProblem(column, "", f"expected a value in column {column!r}, found none"))
            continue
        column = _column(origins, pointer)
        problems.append(CellProblem(column, shown(cells.get(column, "")), describe(error)))
    return problems


def _column(origins: dict[str, str], pointer: str) -> str:
    header = origins.get(pointer) or next((h for p, h in origins.items() if p.startswith(pointer + "/")), None)
    while header is None and pointer:
        pointer = pointer.rsplit("/", 1)[0]
        header = origins.get(pointer)
    return header or pointer.lstrip("/").replace("/", ".") or "(row)"


def _missing_column(origins: dict[str, str], pointer: str, name: str) -> str:
    sibling = origins.get(pointer)
    if sibling is not None:
        return f"{sibling.rsplit('.', 1)[0]}.{name}"
    return f"{pointer.strip('/').replace('/', '.')}.{name}".lstrip(".")
