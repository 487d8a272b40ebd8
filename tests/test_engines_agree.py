"""jsonschema-rs and jsonschema give the same verdict on every record we can think of: the fast path is sound.

SchemaStore.check trusts jsonschema-rs only when it says "valid"; these tests prove that whenever it says
so, jsonschema agrees, and the other way round, on the example's records, every check case directory,
every register file, their mutated variants, edge values at every field, and every pattern and format.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from jsonschema import Draft202012Validator

from mutations import _set, mutations, trimmed
from secretariat.records.jsonfile import JsonFile, read_json
from secretariat.records.schemas import SCHEMA_BASE, SchemaStore, default_store
from test_check_cases import build_case, case_dirs

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "drafts" / "ctoc-cop-2016-tip"
REGISTERS = ROOT / "data" / "registers"
RECORDS = ("report", "figures", "activities", "content", "footnotes")

EDGE_VALUES: tuple[object, ...] = (
    "2016-02-29", "2015-02-29", "2000-02-29", "1900-02-29", "0000-01-01", "0001-01-01", "2016-02-29\n",
    "2016-04", "2016", "\n", "x\n", "ABC", "ABC\n", "abc", "a-b", "a--b", "-a", "12345", "12345\n", "1.50",
    "1.", "é", "😀", "\u2028", "\u00a0", "Ａ", "１", "2 (b)", "CTOC/COP/2016/2", "CTOC/COP/2016/2\n",
    0, 1, 1.0, 2.0, 0.0, -0.0, 16.0, 16.5, 10**30, -(10**30), 2**63, 2**64, 1e300, float("inf"), float("-inf"),
    True, False, None, [], {}, [1, 1.0], ["a", "a"], {"start": "2016", "end": "2016"},
)


def rs_verdict(store: SchemaStore, schema_id: str, instance: object) -> bool | None:
    """Return jsonschema-rs's verdict, or None where it cannot take the value."""
    validator = store.fast.validator(schema_id)
    assert validator is not None, store.fast.errors
    try:
        return validator.is_valid(instance)
    except ValueError:
        return None


def py_verdict(store: SchemaStore, schema_id: str, instance: object) -> bool:
    """Return whether jsonschema, as SchemaStore uses it, finds no error."""
    return next(store.validator(schema_id).iter_errors(instance), None) is None


def _has_surrogate(value: object) -> bool:
    return any(0xD800 <= ord(c) <= 0xDFFF for c in json.dumps(value, ensure_ascii=False))


def assert_agree(store: SchemaStore, schema_id: str, instances: list[object]) -> tuple[int, int]:
    """Assert both engines agree on each instance; return how many were valid and invalid."""
    valid = 0
    for instance in instances:
        expected = py_verdict(store, schema_id, instance)
        found = rs_verdict(store, schema_id, instance)
        if found is None:
            assert _has_surrogate(instance), instance
            assert store.fast.is_valid(schema_id, instance) is False
            continue
        assert found == expected, f"{schema_id}: jsonschema says {expected}, jsonschema-rs {found}: " \
            f"{json.dumps(instance, ensure_ascii=False)[:300]}"
        valid += expected
    return valid, len(instances) - valid


def _scalars(node: object, path: tuple[object, ...] = ()) -> Iterator[tuple[tuple[object, ...], object]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _scalars(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _scalars(value, (*path, index))
    else:
        yield path, node


def edge_variants(data: object) -> list[object]:
    """Return the record with each scalar replaced by each edge value, and strings given stray newlines."""
    variants = []
    for path, value in _scalars(data):
        if not path:
            continue
        wrong: list[object] = list(EDGE_VALUES)
        if isinstance(value, str):
            wrong += [value + "\n", value + "\r\n", "\n" + value, value + " ", value.upper(), value + "\ud800"]
        if isinstance(value, int) and not isinstance(value, bool):
            wrong += [float(value), value + 0.5, -value, str(value)]
        variants += [_set(data, path, w) for w in wrong]
    return variants


def record_variants(data: object) -> list[object]:
    """Return the record itself, its mutations and its edge variants (on a trimmed copy)."""
    small = trimmed(data)
    return [data, small, *mutations(small), *edge_variants(small)]


def test_every_schema_compiles_in_jsonschema_rs() -> None:
    store = default_store()
    for schema_id in store.schemas:
        assert store.fast.validator(schema_id) is not None, store.fast.errors


@pytest.mark.parametrize("name", RECORDS)
def test_engines_agree_on_the_example_and_its_variants(name: str) -> None:
    store = default_store()
    record = json.loads((EXAMPLE / f"{name}.json").read_text(encoding="utf-8"))
    valid, invalid = assert_agree(store, f"{SCHEMA_BASE}{name}.schema.json", record_variants(record))
    assert valid > 10 and invalid > 100, (valid, invalid)


def _records(folder: Path) -> Iterator[JsonFile]:
    for path in sorted(folder.glob("*.json")):
        loaded = read_json(path, str(path))
        if isinstance(loaded, JsonFile):
            yield loaded


SCHEMA_REGISTERS = sorted(p for p in REGISTERS.glob("*.json") if '"$schema"' in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", SCHEMA_REGISTERS, ids=lambda p: p.name)
def test_engines_agree_on_every_register_file_and_its_variants(path: Path) -> None:
    store = default_store()
    loaded = read_json(path, path.name)
    assert isinstance(loaded, JsonFile)
    schema_id = store.schema_id_for(loaded)
    assert schema_id in store.schemas
    assert_agree(store, schema_id, record_variants(loaded.data))


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_engines_agree_on_every_check_case(case: Path, tmp_path: Path) -> None:
    store = default_store()
    folder = build_case(case, tmp_path / "report")
    supplied = {p.name for p in case.glob("*.json")}
    for record in _records(folder):
        schema_id = SCHEMA_BASE + record.path.stem + ".schema.json"
        if schema_id not in store.schemas:
            continue
        instances = record_variants(record.data) if record.path.name in supplied else [record.data]
        assert_agree(store, schema_id, instances)
        named = store.schema_id_for(record)
        if named in store.schemas:
            assert (store.check(record) == []) == py_verdict(store, named, record.data)


def _keyword_nodes(node: object) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if "pattern" in node or "format" in node:
            yield node
        for value in node.values():
            yield from _keyword_nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _keyword_nodes(value)


def _example_strings() -> set[str]:
    found = set()
    for path in [*EXAMPLE.glob("*.json"), *REGISTERS.glob("*.json")]:
        for _, value in _scalars(json.loads(path.read_text(encoding="utf-8"))):
            if isinstance(value, str) and len(value) <= 60:
                found.add(value)
    return found


ALPHABET = "0123456789azAZ-/.() \n\r\t\u2028é１"


def _near(seed: str, rng: random.Random, count: int) -> Iterator[str]:
    for _ in range(count):
        chars = list(seed)
        where = rng.randrange(len(chars) + 1)
        op = rng.randrange(3)
        if op == 0:
            chars.insert(where, rng.choice(ALPHABET))
        elif chars and where < len(chars):
            chars[where] = rng.choice(ALPHABET) if op == 1 else ""
        yield "".join(chars)


def _dates() -> Iterator[str]:
    for year in ("0000", "0001", "0999", "1600", "1900", "2000", "2015", "2016", "2100", "9999"):
        for month in range(14):
            for day in range(33):
                yield f"{year}-{month:02d}-{day:02d}"


def test_engines_agree_on_every_pattern_and_format() -> None:
    store, rng = default_store(), random.Random(2016)
    seeds = sorted(_example_strings()) + ["", "\n", "0000", "2016-02-29", "x/y", "a.json", "/", "//", "/a/b"]
    nodes = [n for schema in store.schemas.values() for n in _keyword_nodes(schema)]
    assert len(nodes) >= 10
    for node in nodes:
        schema = {k: v for k, v in node.items() if k in ("type", "pattern", "format")}
        fast = jsonschema_rs.Draft202012Validator(schema, validate_formats=True, offline=True)
        slow = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        matching = [s for s in seeds if slow.is_valid(s)]
        assert matching, schema
        strings = [*seeds, *(s + e for s in seeds for e in ("\n", "\r", "\r\n", " ", "\u2028")), *_dates()]
        strings += [near for s in matching for near in _near(s, rng, 40)]
        for text in strings:
            assert fast.is_valid(text) == slow.is_valid(text), f"{schema}: {text!r}"


def test_a_value_jsonschema_rs_cannot_take_is_left_to_jsonschema() -> None:
    store = default_store()
    record = json.loads((EXAMPLE / "footnotes.json").read_text(encoding="utf-8"))
    record["footnotes"][0]["id"] = "lone-\ud800-surrogate"
    loaded = JsonFile(EXAMPLE / "footnotes.json", "footnotes.json", json.dumps(record), record)
    assert rs_verdict(store, store.schema_id_for(loaded), record) is None
    assert store.fast.is_valid(store.schema_id_for(loaded), record) is False
    [problem] = store.check(loaded)
    assert problem.location.pointer == "/footnotes/0/id" and "expected an identifier of lower-case" in problem.message


def test_a_valid_record_never_reaches_jsonschema() -> None:
    store = SchemaStore(ROOT / "schemas")
    for name in RECORDS:
        path = EXAMPLE / f"{name}.json"
        loaded = read_json(path, str(path))
        assert isinstance(loaded, JsonFile)
        assert store.check(loaded) == []
    assert store._validators == {}
