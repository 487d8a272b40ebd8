"""Property tests over every schema in schemas/: valid records load, one fault is refused with its place.

Each record is written to a temporary report folder and read by the tool's own loader (``load_report``
for a report's record files, ``read_register`` for a treaty register). Valid records are built from the
schema with hypothesis-jsonschema (see ``schema_strategies.py``); a near-valid one is a valid record with
one fault: a key given twice, a lone surrogate, a number too large, NaN, nesting too deep, the text cut
short, a byte that is not UTF-8 (each always refused), or a wrong type, a missing or unexpected key, a
value out of range or off its pattern, an item repeated, another record's ``$schema`` (refused exactly
when the reference validator, ``jsonschema``, says the record is invalid). Whatever the case, only the
tool's own errors (``SecretariatError``) may come out, and each problem names the file and a line:column.

Profiles (registered in ``conftest.py``): ``ci``, the default, is derandomized (the same cases on every
run) and costs well under a minute; ``SECRETARIAT_HYPOTHESIS_PROFILE=long`` draws 20 times as many new
cases on every run.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, event, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from schema_strategies import nodes, records, replaced, schema, text_with
from secretariat.errors import Problem, RecordError, RegisterError, SecretariatError
from secretariat.limits import DEPTH
from secretariat.records import load_report
from secretariat.records.folder import OPTIONAL, REQUIRED, WAIVERS, XML_INVALID
from secretariat.records.schemas import SCHEMA_BASE
from secretariat.registers._treaty_files import read_register

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILES = sorted(path.name for path in (ROOT / "schemas").glob("*.schema.json"))
DEFINITIONS_ONLY = "common.schema.json"
REGISTER = "register.schema.json"
EXAMPLE_REPORT = (ROOT / "drafts" / "ctoc-cop-2016-tip" / "report.json").read_bytes()
LOADED = [name for name in SCHEMA_FILES if name != DEFINITIONS_ONLY]

# What the loaders check beyond the schemas: a schema-valid record may still be refused for these, located.
RULES_BEYOND_SCHEMA = (
    "expected a unique id", "expected text that XML can hold",  # record files
    "expected the id to match the file name", "expected each code once", "expected the ISO3 code of a State",
    "expected a key of /sources", "expected the earliest day before the latest",  # treaty registers
)
SLUG = re.compile("[a-z0-9]+(-[a-z0-9]+)*")
WRONG_VALUES = ("text", 7, -1, 1.5, True, None, [], {}, ["x"], {"x": 1})


def _json_type(value: Any) -> str:
    return "boolean" if isinstance(value, bool) else type(value).__name__


def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


VALIDATORS = {name: _validator(name) for name in LOADED}


def _load(name: str, content: str | bytes, data: Any) -> tuple[Path, SecretariatError | None]:
    """Write a record where its loader looks for it and load it; return its path and the error, if any."""
    raw = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    with tempfile.TemporaryDirectory() as folder:
        if name == REGISTER:
            ident = data.get("id") if isinstance(data, dict) else None
            stem = ident if isinstance(ident, str) and SLUG.fullmatch(ident) else "treaty"  # a rule of its own
            path = Path(folder) / f"{stem}.register.json"
        else:
            path = Path(folder) / name.replace(".schema", "")
            (Path(folder) / "report.json").write_bytes(EXAMPLE_REPORT)  # every load reads the masthead too
        path.write_bytes(raw)
        try:
            if name == REGISTER:
                read_register(path, inside=Path(folder))
            else:
                load_report(Path(folder), only={"report.json", path.name})
        except SecretariatError as e:  # anything else is a crash, and fails the test
            assert isinstance(e, RegisterError if name == REGISTER else RecordError), repr(e)
            return path, e
    return path, None


def _located(path: Path, problem: Problem) -> bool:
    return problem.location.path == str(path) and problem.location.line is not None


def _place_and_message(problem: Problem) -> tuple[int | None, int | None, str | None, str]:
    """Return a problem without its file's path (each case is written to a folder of its own)."""
    return problem.location.line, problem.location.column, problem.location.pointer, problem.message


def _related(pointer: str, problem: Problem) -> bool:
    """Say whether a problem is at the faulty value, inside it or at a value holding it."""
    found = problem.location.pointer
    if found is None:
        return False
    return (pointer + "/").startswith(found + "/") or found.startswith(pointer + "/")


def _assert_loads(name: str, path: Path, error: SecretariatError | None) -> None:
    """Assert a schema-valid record loaded, or was refused only for a rule the schema cannot state."""
    if error is None:
        return
    assert error.problems, str(error)
    for problem in error.problems:
        assert _located(path, problem), str(problem)
        assert problem.message.startswith(RULES_BEYOND_SCHEMA), f"a valid {name} record refused: {problem}"
    event("valid record refused for a rule beyond the schema")


@pytest.mark.parametrize("name", LOADED)
@given(data=st.data())
def test_valid_records_load(name: str, data: st.DataObject) -> None:
    record = data.draw(records(name), label="record")
    assert VALIDATORS[name].is_valid(record), "the generation view admitted a record the schema refuses"
    path, error = _load(name, json.dumps(record, indent=1, ensure_ascii=False), record)
    _assert_loads(name, path, error)


TEXT_FAULTS = ("duplicate key", "lone surrogate", "number too large", "NaN", "integer of 5,000 digits",
               "nested too deep", "cut short", "not UTF-8")


def _fits(kind: str, node: Any) -> bool:
    """Say whether a text fault can be put at a value: a key twice needs an object, a surrogate a string."""
    if kind == "duplicate key":
        return isinstance(node, dict) and bool(node)
    if kind == "lone surrogate":  # one problem is reported per text: a text XML already cannot hold would hide it
        return isinstance(node, str) and XML_INVALID.search(node) is None
    return True


def _text_fault(draw: st.DrawFn, kind: str, record: Any, pointer: str, node: Any) -> str | bytes:
    """Return the record's text with a fault that no loader may accept."""
    text = json.dumps(record, indent=1, ensure_ascii=False)
    if kind == "cut short":
        return text[: draw(st.integers(1, len(text) - 1))]
    if kind == "not UTF-8":
        raw = text.encode("utf-8")
        at = draw(st.integers(0, len(raw)))
        return raw[:at] + b"\xff" + raw[at:]
    if kind == "duplicate key":
        key, value = next(iter(node.items()))
        fragment = "{" + json.dumps(key) + ": " + json.dumps(value) + ", " + json.dumps(node)[1:]
    elif kind == "lone surrogate":
        fragment = json.dumps(node)[:-1] + '\\ud800"'
    elif kind == "nested too deep":
        depth = draw(st.sampled_from([DEPTH.value + 1, 100_000]))
        fragment = "[" * depth + "]" * depth
    else:
        fragment = {"number too large": "1e400", "NaN": "NaN", "integer of 5,000 digits": "9" * 5000}[kind]
    return text_with(record, pointer, fragment)


# Every schema meets every fault of the text in every profile: each pair gets half of the profile's cases.
@pytest.mark.parametrize("kind", TEXT_FAULTS)
@pytest.mark.parametrize("name", LOADED)
@settings(max_examples=max(3, settings().max_examples // 2))
@given(data=st.data())
def test_a_fault_of_the_text_is_refused_with_its_place(name: str, kind: str, data: st.DataObject) -> None:
    record = data.draw(records(name), label="record")
    # the last first: the simplest draw is then a value deep inside the record, not its "$schema"
    places = [(pointer, node) for pointer, node in reversed(nodes(record)) if _fits(kind, node)]
    assume(places)  # a surrogate needs a string: a record of empty lists has none
    pointer, node = data.draw(st.sampled_from(places), label="where")
    path, error = _load(name, _text_fault(data.draw, kind, record, pointer, node), record)
    assert error is not None, f"{kind} at {pointer or '/'} accepted"
    assert error.problems and all(_located(path, p) for p in error.problems), str(error)
    _, before = _load(name, json.dumps(record, indent=1, ensure_ascii=False), record)
    known = {_place_and_message(p) for p in before.problems} if before is not None else set()
    assert {_place_and_message(p) for p in error.problems} - known, f"{kind} at {pointer or '/'} not reported: {error}"


def _data_fault(draw: st.DrawFn, name: str, pointer: str, node: Any) -> tuple[str, Any]:
    """Return a fault of one value (the reference validator decides whether it makes the record invalid)."""
    kinds = ["wrong type"]
    kinds += ["missing key", "unexpected key"] if isinstance(node, dict) else []
    kinds += ["another schema"] if pointer == "" else []
    kinds += ["out of range"] if isinstance(node, int | str | list) and not isinstance(node, bool) else []
    kinds += ["off its pattern"] if isinstance(node, str) else []
    kinds += ["item repeated"] if isinstance(node, list) and node else []
    kind = draw(st.sampled_from(kinds), label="value fault")
    if kind == "wrong type":
        wrong = [value for value in WRONG_VALUES if _json_type(value) != _json_type(node)]
        return kind, draw(st.sampled_from(wrong))
    if kind == "missing key":
        if not node:
            return kind, node
        gone = draw(st.sampled_from(sorted(node)))
        return kind, {key: value for key, value in node.items() if key != gone}
    if kind == "unexpected key":
        return kind, {**node, "unexpected": 1}
    if kind == "another schema":
        other = draw(st.sampled_from([n for n in LOADED if n != name]))
        return kind, {**node, "$schema": SCHEMA_BASE + other}
    if kind == "out of range":
        return kind, -1 if isinstance(node, int) else "" if isinstance(node, str) else []
    if kind == "off its pattern":
        return kind, draw(st.sampled_from([node + "!", " " + node, node.swapcase(), "2016-02-30", "x/1"]))
    return kind, [*node, node[0]]


@pytest.mark.parametrize("name", LOADED)
@given(data=st.data())
def test_a_fault_of_a_value_is_refused_with_its_place(name: str, data: st.DataObject) -> None:
    record = data.draw(records(name), label="record")
    pointer, node = data.draw(st.sampled_from(nodes(record)), label="where")
    kind, new = _data_fault(data.draw, name, pointer, node)
    mutated = replaced(record, pointer, new)
    path, error = _load(name, json.dumps(mutated, indent=1, ensure_ascii=False), mutated)
    if VALIDATORS[name].is_valid(mutated):
        event(f"{kind}: still valid")
        _assert_loads(name, path, error)
        return
    event(f"{kind}: invalid")
    assert error is not None, f"{kind} at {pointer or '/'} accepted: {json.dumps(new)[:200]}"
    assert error.problems and all(_located(path, p) for p in error.problems), str(error)
    assert any(_related(pointer, p) for p in error.problems), f"{kind} at {pointer or '/'} reported elsewhere: {error}"


def test_every_schema_is_exercised() -> None:
    common = json.loads((ROOT / "schemas" / DEFINITIONS_ONLY).read_text(encoding="utf-8"))
    assert set(common) <= {"$schema", "$id", "title", "description", "$defs"}  # no record of its own
    texts = "".join((ROOT / "schemas" / name).read_text(encoding="utf-8") for name in LOADED)
    assert all(f"{DEFINITIONS_ONLY}#/$defs/{definition}" in texts for definition in common["$defs"])
    read_by_report = {name.replace(".schema", "") for name in LOADED if name != REGISTER}
    assert REGISTER in LOADED and read_by_report <= {*REQUIRED, *OPTIONAL, WAIVERS}
