"""Derive the flat columns of a submission sheet from a record schema, so the form follows the schema.

A scalar property is one column (``title``); an object is one column per property (``dates.start``); an
array of objects is numbered groups (``places.1.city``, ``places.1.country``, …); an array of countries or
enumerated values is numbered columns, one value each so each cell can have a drop-down (``countries.1``, …);
an array of free text is one column, values separated by ";" (``partners``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from secretariat.intake.dates import Order
from secretariat.records.bundle import inline_refs
from secretariat.records.schemas import SCHEMA_BASE, default_store

Kind = Literal["text", "integer", "date", "enum", "country", "text-list"]

COMMON = SCHEMA_BASE + "common.schema.json"
# Shared definitions recognized by their patterns: a country code is written as a country name, a partial date
# is read from date cells and date text.
SHARED_KINDS: dict[str, Kind] = {"iso3": "country", "partial-date": "date"}
# How many numbered columns the form offers; a submission may add more (countries.11, places.4.city, ...).
FORM_REPEATS = {"places": 3, "countries": 10}
# Columns a submission may leave out even though the schema requires the property: intake makes the id.
GENERATED = frozenset({"id"})
# The form's other sheets, and the row of its Instructions sheet that states how dates are written.
INSTRUCTIONS, LISTS = "Instructions", "lists"
CONVENTION_LABEL = "Date convention"
DATE_FORMAT = "DD/MM/YYYY"
ORDERS: dict[str, Order] = {"DD/MM/YYYY": "DMY", "MM/DD/YYYY": "MDY"}


@dataclass(frozen=True)
class Field:
    """One column template: its header (with {n} for numbered columns), what it holds, and where it goes."""

    header: str
    path: tuple[str, ...]
    kind: Kind
    description: str
    values: tuple[str, ...] = ()
    minimum: int | None = None
    required: bool = False
    numbered: bool = False

    def column(self, n: int = 1) -> str:
        """Return the header of the n-th column of a numbered field (the header itself otherwise)."""
        return self.header.replace("{n}", str(n))


@dataclass(frozen=True)
class Layout:
    """The columns of one kind of record: the sheet name, the schema and its fields in form order."""

    sheet: str
    schema_id: str
    fields: tuple[Field, ...]
    key_order: tuple[str, ...]
    _resolved: dict[str, tuple[Field, int] | None] = field(default_factory=dict, compare=False, repr=False)

    def resolve(self, header: str) -> tuple[Field, int] | None:
        """Return the field a header names and its number (1 for unnumbered fields), or None if unknown."""
        if header not in self._resolved:
            self._resolved[header] = self._resolve(header)
        return self._resolved[header]

    def _resolve(self, header: str) -> tuple[Field, int] | None:
        text = header.strip()
        for candidate in self.fields:
            if not candidate.numbered:
                if text == candidate.header:
                    return candidate, 1
                continue
            match = re.fullmatch(re.escape(candidate.header).replace(r"\{n\}", "([1-9][0-9]{0,2})"), text)
            if match is not None:
                return candidate, int(match.group(1))
        return None

    def form_headers(self) -> list[tuple[str, Field]]:
        """Return the headers of the form in order, numbered fields repeated FORM_REPEATS times."""
        headers: list[tuple[str, Field]] = []
        for one in self.fields:
            count = FORM_REPEATS.get(one.path[0], 1) if one.numbered else 1
            groups = [f for f in self.fields if f.numbered and f.path[0] == one.path[0]]
            if one.numbered and one is not groups[0]:
                continue
            for n in range(1, count + 1):
                headers += [(f.column(n), f) for f in (groups if one.numbered else [one])]
        return headers

    @property
    def required_headers(self) -> tuple[str, ...]:
        """Return the headers a submission must have."""
        return tuple(f.header for f in self.fields if f.required)


def flatten_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """Merge the ``allOf`` members of an inlined schema into one dict; descriptions are joined, outer first."""
    merged: dict[str, Any] = {}
    descriptions = [str(schema["description"])] if "description" in schema else []
    for member in schema.get("allOf", ()):
        flat = flatten_schema(member)
        if "description" in flat and flat["description"] not in descriptions:
            descriptions.append(str(flat["description"]))
        merged.update(flat)
    merged.update({k: v for k, v in schema.items() if k != "allOf"})
    if descriptions:
        merged["description"] = " ".join(descriptions)
    return merged


def _kind(schema: dict[str, Any]) -> Kind:
    if "enum" in schema:
        return "enum"
    shared = default_store().schemas[COMMON]["$defs"]
    for name, kind in SHARED_KINDS.items():
        if "pattern" in schema and schema["pattern"] == shared[name]["pattern"]:
            return kind
    return "integer" if schema.get("type") == "integer" else "text"


def _scalar(header: str, path: tuple[str, ...], schema: dict[str, Any], **extra: Any) -> Field:
    flat = flatten_schema(schema)
    kind = _kind(flat)
    minimum = flat.get("minimum") if kind == "integer" else None
    return Field(header, path, kind, str(flat.get("description", "")), tuple(flat.get("enum", ())),
                 minimum, **extra)


def _fields(name: str, schema: dict[str, Any], required: bool) -> list[Field]:
    flat = flatten_schema(schema)
    if flat.get("type") == "object":
        return [_scalar(f"{name}.{key}", (name, key), sub) for key, sub in flat.get("properties", {}).items()]
    if flat.get("type") == "array":
        items = flatten_schema(flat.get("items", {}))
        if items.get("type") == "object":
            return [_scalar(f"{name}.{{n}}.{key}", (name, key), sub, numbered=True)
                    for key, sub in items.get("properties", {}).items()]
        if _kind(items) in ("enum", "country"):
            merged = {**items, "description": f"{flat.get('description', '')} {items.get('description', '')}"}
            return [_scalar(f"{name}.{{n}}", (name,), merged, numbered=True)]
        return [Field(name, (name,), "text-list", str(flat.get("description", "")))]
    return [_scalar(name, (name,), flat, required=required and name not in GENERATED)]


def build_layout(sheet: str, schema_name: str, definition: str, key_order: tuple[str, ...]) -> Layout:
    """Build the layout of one kind of record from ``$defs/<definition>`` of a project schema."""
    store = default_store()
    schema_id = SCHEMA_BASE + schema_name
    record = inline_refs(store.schemas, schema_id, store.schemas[schema_id]["$defs"][definition])
    required = set(record.get("required", ()))
    fields: list[Field] = []
    for name, sub in record["properties"].items():
        fields += _fields(name, sub, name in required)
    return Layout(sheet, schema_id, tuple(fields), key_order)


# The key order of the bundled records: a resolution's symbol, organ and session follow its title.
ACTIVITY_KEYS = ("id", "kind", "title", "symbol", "organ", "session", "dates", "places", "countries", "partners",
                 "participants", "thematic_area", "paragraph", "narrative", "outside_period_reason")


def activities_layout() -> Layout:
    """Return the layout of the activities sheet."""
    return build_layout("activities", "activities.schema.json", "activity", ACTIVITY_KEYS)
