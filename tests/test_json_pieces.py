"""A large record file parsed piece by piece gives the data, and the problems, the whole-text parse gives."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from secretariat.records import jsonfile, jsonpieces
from secretariat.records.jsonfile import JsonFile, read_json
from secretariat.records.jsonpieces import parse_stream

EXAMPLE = Path(__file__).resolve().parents[1] / "drafts" / "ctoc-cop-2016-tip"
ACTIVITIES = (EXAMPLE / "activities.json").read_text(encoding="utf-8")


def _both(path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int) -> tuple[object, object]:
    """Return what read_json gives for a file as a small file (whole text) and as a large one (in pieces)."""
    whole = read_json(path, path.name)
    with monkeypatch.context() as patch:
        patch.setattr(jsonfile, "KEEP_TEXT", 0)
        patch.setattr(jsonpieces, "CHUNK", chunk)
        pieces = read_json(path, path.name)
    return whole, pieces


@pytest.mark.parametrize("chunk", [1, 7, 4096, 1 << 20])
@pytest.mark.parametrize("name", ["activities.json", "content.json", "report.json", "figures.json"])
def test_pieces_give_the_data_of_the_whole_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,
                                                chunk: int) -> None:
    path = tmp_path / name
    path.write_bytes(codecs.BOM_UTF8 + (EXAMPLE / name).read_bytes())
    whole, pieces = _both(path, monkeypatch, chunk)
    assert isinstance(whole, JsonFile) and isinstance(pieces, JsonFile)
    assert pieces.source is None and pieces.data == whole.data
    assert pieces.may_hold_xml_invalid == whole.may_hold_xml_invalid


@pytest.mark.parametrize("text", [
    json.dumps(json.loads(ACTIVITIES), separators=(",", ":")),  # no space: the guessed batches are refused
    json.dumps(json.loads(ACTIVITIES)["activities"], indent=1),  # an array at the root
    '[1, 2.5, 12345678901234567890123, -0, 1e5, "é€𝄞", true, null, [], {}, [[{"a": [{"b": 1}]}]]]',
    '{"a": [], "b": [{"c": 1}, {"c": 2}], "d": {"e": [1]}, "f": "x"}', '"just a string"', " 42 ", "[]", "{}",
    "[" * 100 + "]" * 100,  # deep, but the depth limit is the schema check's to apply
])
def test_unusual_but_valid_texts_give_the_same_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    text: str) -> None:
    path = tmp_path / "records.json"
    path.write_text(text, encoding="utf-8")
    for chunk in (1, 3, 64, 1 << 18):
        whole, pieces = _both(path, monkeypatch, chunk)
        assert isinstance(pieces, JsonFile) and isinstance(whole, JsonFile) and pieces.data == whole.data
        assert repr(pieces.data) == repr(whole.data)  # integers stay integers, exactly


@pytest.mark.parametrize("text", [
    '{"a": 1, "a": 2}', '{"activities": [{"id": "x", "id": "y"}]}', '{"a": [1, 2}', '{"a": [1, 2]} 3',
    '{"a": NaN}', '{"a": [1e999]}', '{"a": [1, 2]', '{"a": "\x07"}', "[" * 5000 + "]" * 5000, "", "  ",
    '{"a": [{"b": 1},]}', '{"a" 1}', "[1 2]", '{"b": [' + "9" * 5000 + "]}",
])
def test_broken_texts_give_the_same_located_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    text: str) -> None:
    path = tmp_path / "records.json"
    path.write_text(text, encoding="utf-8")
    for chunk in (1, 5, 1 << 18):
        whole, pieces = _both(path, monkeypatch, chunk)
        assert not isinstance(whole, JsonFile)
        assert pieces == whole


def test_bytes_that_are_not_utf8_give_the_same_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "records.json"
    path.write_bytes(b'{"a": ["ok", "caf\xe9"]}')
    whole, pieces = _both(path, monkeypatch, 4)
    assert not isinstance(whole, JsonFile) and pieces == whole and "0xe9" in str(whole)


def test_an_escape_split_between_two_pieces_is_still_suspected(tmp_path: Path) -> None:
    text = '{"a": ["' + "x" * 20 + '\\u0007"]}'
    for chunk in range(1, len(text) + 1):
        path = tmp_path / "records.json"
        path.write_text(text, encoding="utf-8")
        jsonpieces.CHUNK, saved = chunk, jsonpieces.CHUNK
        try:
            with path.open("rb") as stream:
                parsed = parse_stream(stream)
        finally:
            jsonpieces.CHUNK = saved
        assert parsed is not None and parsed[1] is True, chunk


def test_short_strings_are_held_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "activities.json"
    path.write_text(ACTIVITIES, encoding="utf-8")
    _, pieces = _both(path, monkeypatch, 1 << 18)
    assert isinstance(pieces, JsonFile)
    kinds = [a["kind"] for a in pieces.data["activities"]]
    countries = [c for a in pieces.data["activities"] for c in a.get("countries", [])]
    assert len({id(k) for k in kinds}) == len(set(kinds)) < len(kinds)
    assert len({id(c) for c in countries}) == len(set(countries)) < len(countries)
