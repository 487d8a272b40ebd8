"""The schemas are valid 2020-12 schemas, and inlining their $refs changes no verdict."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from secretariat.records.bundle import inline_refs
from secretariat.records.metaschema import schema_problems
from secretariat.records.schemas import SCHEMA_BASE, default_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "drafts" / "ctoc-cop-2016-tip"


def test_every_schema_passes_the_metaschema_and_resolves_locally() -> None:
    store = default_store()
    assert len(store.schemas) >= 6
    assert schema_problems(store) == []


def mutations(data: object) -> list[object]:
    """Return the record with each scalar in turn replaced by wrong values, and some keys removed or added."""
    variants: list[object] = []

    def walk(node: object, path: tuple[object, ...]) -> None:
        if isinstance(node, dict):
            for key in list(node):
                walk(node[key], (*path, key))
            variants.append(_edit(data, path, lambda n: n.pop(next(iter(n)), None)))
            variants.append(_edit(data, path, lambda n: n.update(unexpected=1)))
        elif isinstance(node, list):
            for index, item in enumerate(node[:3]):
                walk(item, (*path, index))
        else:
            for wrong in ("", "x\n", -1, 1.5, None, "2016-02-30", "ZZZ", [], {}):
                variants.append(_set(data, path, wrong))

    walk(data, ())
    return variants


def _edit(data: object, path: tuple[object, ...], change) -> object:
    copied = copy.deepcopy(data)
    node = copied
    for part in path:
        node = node[part]  # type: ignore[index]
    change(node)
    return copied


def _set(data: object, path: tuple[object, ...], value: object) -> object:
    copied = copy.deepcopy(data)
    node = copied
    for part in path[:-1]:
        node = node[part]  # type: ignore[index]
    node[path[-1]] = value  # type: ignore[index]
    return copied


def verdict(validator: Draft202012Validator, instance: object) -> set[tuple[str, ...]]:
    return {tuple(map(str, e.absolute_path)) for e in validator.iter_errors(instance)}


@pytest.mark.parametrize("name", ["report", "figures", "activities", "content", "footnotes"])
def test_inlined_schema_agrees_with_the_referencing_one(name: str) -> None:
    store = default_store()
    schema_id = f"{SCHEMA_BASE}{name}.schema.json"
    plain = Draft202012Validator(store.schemas[schema_id], registry=store.registry,
                                 format_checker=Draft202012Validator.FORMAT_CHECKER)
    inlined = Draft202012Validator(inline_refs(store.schemas, schema_id, store.schemas[schema_id]),
                                   format_checker=Draft202012Validator.FORMAT_CHECKER)
    record = json.loads((EXAMPLE / f"{name}.json").read_text(encoding="utf-8"))
    cases = [record, *mutations(record)]
    invalid = 0
    for case in cases:
        expected = verdict(plain, case)
        assert verdict(inlined, case) == expected
        invalid += bool(expected)
    assert invalid > len(cases) // 2
