"""Hypothesis strategies for records valid against the project's schemas, and one-fault mutations of them.

Valid records are built from each schema with ``hypothesis_jsonschema.from_schema``, never filtered for
validity. Given the schemas as they are, that was impractical (20 figures records took over 3 minutes), so
``generation_view`` rewrites a schema into one that admits exactly the same records in a shape the library
generates quickly, and ``records`` composes closed objects and arrays itself (each part's strategy built
once, instead of hypothesis-jsonschema merging the whole subschema again on every draw):

- the portable end anchor ``(?![\\s\\S])`` of the patterns is written ``\\Z`` (the same in Python's ``re``);
  ``from_regex`` handles it without filtering;
- ``dependentRequired`` (2020-12) is written ``dependencies`` (draft 7), the spelling the library knows;
- ``if``/``then``/``else`` whose branches exclude each other (a heading or a paragraph; a text or an
  object) becomes ``anyOf`` of the two branches;
- an ``allOf`` of ``if {kind: …} then …`` (figures) is split into one object schema per kind, each with
  only the alternatives of ``value`` that kind allows;
- arrays hold at most three items and free texts at most 40 characters unless the schema says otherwise.

Every record drawn is checked against the real schema by the tests, so a view that admitted a record the
schema refuses would fail them.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from secretariat.records.bundle import inline_refs
from secretariat.records.schemas import default_store

END = "(?![\\s\\S])"
MAX_ITEMS = 3
MAX_TEXT = 40
_CLOSED_OBJECT = {"type", "properties", "required", "additionalProperties", "description", "title"}
_PLAIN_ARRAY = {"type", "items", "minItems", "maxItems", "uniqueItems", "description", "title"}


def _branches(node: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the alternatives of a schema, anyOf and oneOf flattened (the schemas' oneOf differ in type)."""
    for key in ("anyOf", "oneOf"):
        if key in node:
            return [leaf for branch in node[key] for leaf in _branches(branch)]
    return [node]


def _restricted(node: dict[str, Any], then: dict[str, Any]) -> dict[str, Any]:
    """Return the alternatives of node that a then-clause allows, each with the clause's own constraints."""
    kept = []
    for own in _branches(node):
        for extra in _branches(then):
            rules = {k: v for k, v in extra.items() if k not in ("description", "title")}
            if own.get("type") == rules.get("type") and all(own.get(k, v) == v for k, v in rules.items()
                                                           if k in own and k != "type"):
                kept.append({**own, **rules})
    return {"anyOf": kept}


def _split_on_kind(node: dict[str, Any]) -> dict[str, Any]:
    """Return an object whose allOf of ``if {prop: values} then …`` is one schema per value of prop."""
    conditions = node["allOf"]
    (prop, _), = conditions[0]["if"]["properties"].items()
    rest = {key: value for key, value in node.items() if key != "allOf"}
    split = []
    for value in node["properties"][prop]["enum"]:
        properties = {**rest["properties"], prop: {"const": value}}
        for condition in conditions:
            test = condition["if"]["properties"][prop]
            if value in test.get("enum", [test.get("const")]):
                for name, then in condition["then"]["properties"].items():
                    properties[name] = _restricted(properties[name], then)
        split.append({**rest, "properties": properties})
    return {"anyOf": split}


def generation_view(node: Any) -> Any:
    """Return the schema rewritten to admit the same records in a shape that is quick to generate."""
    if isinstance(node, list):
        return [generation_view(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = dict(node)
    if isinstance(node.get("pattern"), str):
        node["pattern"] = node["pattern"].replace(END, "\\Z")
    conditions = node.get("allOf", [])
    if conditions and all(isinstance(c, dict) and set(c) == {"if", "then"} for c in conditions):
        node = _split_on_kind(node)
    if "dependentRequired" in node:
        node["dependencies"] = node.pop("dependentRequired")
    if node.get("type") == "array" and "maxItems" not in node:
        node["maxItems"] = max(node.get("minItems", 0), MAX_ITEMS)
    if node.get("type") == "string" and not {"pattern", "format", "maxLength"} & set(node):
        node["maxLength"] = max(node.get("minLength", 0), MAX_TEXT)
    if {"if", "then", "else"} <= set(node):
        node["anyOf"] = [node.pop("then"), node.pop("else")]
        del node["if"]
    return {key: value if key in ("enum", "const") else
            {name: generation_view(sub) for name, sub in value.items()} if key == "properties" else
            generation_view(value) for key, value in node.items()}


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _strategy(node: dict[str, Any]) -> st.SearchStrategy[Any]:
    keys = set(node)
    if node.get("type") == "object" and keys <= _CLOSED_OBJECT and node.get("additionalProperties") is False:
        properties = node.get("properties", {})
        required = set(node.get("required", ()))
        return st.fixed_dictionaries({k: _strategy(s) for k, s in properties.items() if k in required},
                                     optional={k: _strategy(s) for k, s in properties.items() if k not in required})
    if node.get("type") == "array" and keys <= _PLAIN_ARRAY and isinstance(node.get("items"), dict):
        return st.lists(_strategy(node["items"]), min_size=node.get("minItems", 0), max_size=node["maxItems"],
                        unique_by=_canonical if node.get("uniqueItems") else None)
    if set(node) - {"description", "title"} == {"anyOf"}:
        return st.one_of([_strategy(branch) for branch in node["anyOf"]])
    return from_schema(node)


def schema(name: str) -> dict[str, Any]:
    """Return a project schema by file name, its references inlined (as the loader validates it)."""
    store = default_store()
    sid = next(sid for sid in store.schemas if sid.endswith("/" + name))
    return inline_refs(store.schemas, sid, store.schemas[sid])  # type: ignore[no-any-return]


@cache
def records(name: str) -> st.SearchStrategy[Any]:
    """Return a strategy of records valid against the schema of that file name."""
    whole = {k: v for k, v in schema(name).items() if k not in ("$schema", "$id", "$defs")}  # no $ref is left
    return _strategy(generation_view(whole))


def nodes(value: Any, pointer: str = "") -> list[tuple[str, Any]]:
    """Return (JSON pointer, value) for the value and everything inside it, containers included."""
    found = [(pointer, value)]
    if isinstance(value, dict):
        for key, child in value.items():
            found += nodes(child, f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += nodes(child, f"{pointer}/{index}")
    return found


def replaced(data: Any, pointer: str, new: Any) -> Any:
    """Return a copy of data with the value at a JSON pointer replaced (the root if the pointer is empty)."""
    if not pointer:
        return new
    head, _, rest = pointer[1:].partition("/")
    key = head.replace("~1", "/").replace("~0", "~")
    if isinstance(data, list):
        copy = list(data)
        copy[int(key)] = replaced(copy[int(key)], "/" + rest if rest else "", new)
        return copy
    return {**data, key: replaced(data[key], "/" + rest if rest else "", new)}


_MARK = "\x00fault-here\x00"


def text_with(data: Any, pointer: str, fragment: str) -> str:
    """Return data as JSON text with the value at pointer written as a raw fragment of text."""
    text = json.dumps(replaced(data, pointer, _MARK), indent=1, ensure_ascii=False)
    return text.replace(json.dumps(_MARK), fragment, 1)
