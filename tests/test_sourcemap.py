"""PointerIndex gives every pointer the line:column json-source-map gives, without mapping the whole file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from json_source_map import calculate

from secretariat.records.sourcemap import PointerIndex

EXAMPLE = Path(__file__).resolve().parents[1] / "drafts" / "ctoc-cop-2016-tip"


def expected_positions(text: str) -> dict[str, tuple[int, int]]:
    """Return json-source-map's 1-based line:column of every pointer (key start, else value start)."""
    result = {}
    for pointer, entry in calculate(text).items():
        start = entry.key_start if entry.key_start is not None else entry.value_start
        result[pointer] = (start.line + 1, start.column + 1)
    return result


def assert_same_positions(text: str) -> int:
    index = PointerIndex(text)
    expected = expected_positions(text)
    for pointer in reversed(list(expected)):  # out of order, to exercise the cached line counts
        offset = index.offset(pointer)
        assert offset is not None, pointer
        assert index.line_column(offset) == expected[pointer], pointer
    return len(expected)


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLE.glob("*.json")))
def test_every_pointer_of_the_example_is_where_json_source_map_says(name: str) -> None:
    text = (EXAMPLE / name).read_text(encoding="utf-8")
    assert assert_same_positions(text) > 5
    data = json.loads(text)
    assert assert_same_positions(json.dumps(data)) > 5
    assert assert_same_positions(json.dumps(data, indent="\t", ensure_ascii=True)) > 5


def test_odd_layouts_and_values() -> None:
    text = '  \n {"a": [1, {"b": "é\\"x"}, [], {}, [[true, null]]],\r\n\t"c" :  -2.5e3 , "d":{"e":"\\u00e9"}}\n'
    assert assert_same_positions(text) == 14


def test_escaped_keys_and_missing_pointers() -> None:
    text = '{"a/b": {"m~n": [10, 20]}, "x": 1}'
    index = PointerIndex(text)
    assert index.offset("/a~1b/m~0n/1") == text.index("20")
    assert index.offset("") == 0
    for missing in ("/nothing", "/x/0", "/a~1b/m~0n/2", "/a~1b/m~0n/-", "/a~1b/m~0n/x"):
        assert index.offset(missing) is None


def test_a_large_array_is_scanned_once(monkeypatch: pytest.MonkeyPatch) -> None:
    items = [{"id": f"item-{i}", "dates": {"start": "2015", "end": "2016"}} for i in range(20_000)]
    text = json.dumps({"activities": items}, indent=2)
    index = PointerIndex(text)
    scanned: list[int] = []
    scan = PointerIndex._scan

    def counted(self: PointerIndex, start: int) -> dict[str, tuple[int, int | None]]:
        scanned.append(start)
        return scan(self, start)

    monkeypatch.setattr(PointerIndex, "_scan", counted)
    last = index.offset("/activities/19999/dates")
    assert last is not None and text[last:].startswith('"dates"')
    line, column = index.line_column(last)
    assert (line, column) == (text.count("\n", 0, last) + 1, 7)
    first = index.offset("/activities/0/id")
    assert first is not None and index.line_column(first) == (4, 7)
    assert index.offset("/activities/10000/id") is not None
    array = text.index("[")
    assert scanned.count(array) == 1 and scanned.count(0) == 1  # the array and the root, each once
    assert len(scanned) == 5  # root, array, and the three items asked for
