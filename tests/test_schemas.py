"""The schemas are valid 2020-12 schemas, and inlining their $refs changes no verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from mutations import mutations, trimmed
from secretariat.records.bundle import inline_refs
from secretariat.records.metaschema import schema_problems
from secretariat.records.schemas import SCHEMA_BASE, default_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "drafts" / "ctoc-cop-2016-tip"


def test_every_schema_passes_the_metaschema_and_resolves_locally() -> None:
    store = default_store()
    assert len(store.schemas) >= 6
    assert schema_problems(store) == []


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
    cases = [record, *mutations(trimmed(record))]
    invalid = 0
    for case in cases:
        expected = verdict(plain, case)
        assert verdict(inlined, case) == expected
        invalid += bool(expected)
    assert invalid > len(cases) // 2
