"""Derive the layout of a kind of record from its JSON Schema: which columns, what each holds, in which order."""

from __future__ import annotations

from typing import Any

from secretariat.intake.columns import COMMON, GENERATED, SHARED_KINDS, Field, Kind, Layout
from secretariat.records.bundle import inline_refs
from secretariat.records.schemas import SCHEMA_BASE, default_store


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
