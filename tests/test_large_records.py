"""A large record file's text is not held in memory; reading it again gives the same digest and locations."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from secretariat.records import jsonfile
from secretariat.records.jsonfile import JsonFile, read_json

EXAMPLE = Path(__file__).resolve().parents[1] / "drafts" / "ctoc-cop-2016-tip"
POINTERS = ("", "/activities/3/dates/start", "/activities/12/countries/1", "/activities/40", "/nowhere/7")


def _read(path: Path) -> JsonFile:
    loaded = read_json(path, path.name)
    assert isinstance(loaded, JsonFile)
    return loaded


@pytest.mark.parametrize("bom", [False, True])
def test_a_file_read_again_matches_the_held_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bom: bool) -> None:
    path = tmp_path / "activities.json"
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + (EXAMPLE / "activities.json").read_bytes())
    held = _read(path)
    monkeypatch.setattr(jsonfile, "KEEP_TEXT", 100)
    large = _read(path)
    assert held.source is not None and large.source is None
    assert large.data == held.data
    assert large.text == held.text
    assert large.digest() == held.digest()
    assert [large.locate(p) for p in POINTERS] == [held.locate(p) for p in POINTERS]
    assert large.locate("/activities/3/dates/start").line is not None


def test_a_large_file_gone_before_locating_is_located_by_pointer(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "activities.json"
    path.write_bytes((EXAMPLE / "activities.json").read_bytes())
    monkeypatch.setattr(jsonfile, "KEEP_TEXT", 100)
    large = _read(path)
    path.unlink()
    location = large.locate("/activities/3/dates/start")
    assert location.line is None and location.path == "activities.json"


def test_characters_xml_cannot_hold_are_still_found_in_a_large_file(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from secretariat.records.folder import control_character_problems

    path = tmp_path / "activities.json"
    text = (EXAMPLE / "activities.json").read_text(encoding="utf-8")
    path.write_text(text.replace('"title": "', '"title": "\\u0007', 1), encoding="utf-8")
    monkeypatch.setattr(jsonfile, "KEEP_TEXT", 100)
    problems = control_character_problems(_read(path))
    assert len(problems) == 1 and "U+0007" in problems[0].message and problems[0].location.line is not None
    assert control_character_problems(_read(EXAMPLE / "activities.json")) == []
