"""Bad record files give located problems: file, line:column, JSON pointer, expected vs found."""

from __future__ import annotations

from pathlib import Path

import pytest

from secretariat.errors import RecordError
from secretariat.records import load_report


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(RecordError) as caught:
        load_report(folder)
    return [str(p) for p in caught.value.problems]


def test_the_example_loads(example: Path) -> None:
    records = load_report(example)
    assert records.report["session"]["number"] == 8
    assert len([b for b in records.content if "heading" not in b]) == 74


def test_malformed_json_names_line_and_column(example: Path) -> None:
    (example / "figures.json").write_text('{\n  "figures": [\n    {"id": "x",,}\n  ]\n}\n', encoding="utf-8")
    [problem] = problems_of(example)
    assert problem.startswith(f"{example / 'figures.json'}:3:")
    assert "malformed JSON" in problem


def test_every_schema_violation_is_reported_with_its_pointer(example: Path, edit_json) -> None:
    def damage(report: dict) -> None:
        report["session"]["number"] = "eight"
        del report["date"]
        report["colour"] = "blue"
        report["session"]["start"] = "2016-02-30"

    edit_json(example / "report.json", damage)
    problems = problems_of(example)
    joined = "\n".join(problems)
    assert len(problems) == 4, joined
    assert "/session/number: expected integer, found string \"eight\"" in joined
    assert "expected property 'date', found it missing" in joined
    assert "unexpected property" in joined and "colour" in joined
    assert "/session/start: expected a real date as YYYY-MM-DD, for example 2018-07-23, found \"2016-02-30\"" in joined
    for problem in problems:
        assert problem.startswith(f"{example / 'report.json'}:")
        line_col = problem.split(" ")[0].rsplit(":", 2)[1:]
        assert all(part.isdigit() for part in line_col), problem


def test_problems_in_several_files_are_reported_together(example: Path, edit_json) -> None:
    edit_json(example / "report.json", lambda r: r["session"].update(number=-1))
    edit_json(example / "content.json", lambda c: c["blocks"][0].update(heading=7))
    problems = problems_of(example)
    assert {p.split(":")[0] for p in problems} == {str(example / "report.json"), str(example / "content.json")}


def test_a_control_character_names_the_record_and_field(example: Path, edit_json) -> None:
    edit_json(example / "content.json", lambda c: c["blocks"][1].update(text="Bell \u0007 here"))
    [problem] = problems_of(example)
    assert "content.json" in problem and "/blocks/1/text" in problem
    assert "U+0007" in problem


def test_a_missing_record_file_is_named(example: Path) -> None:
    (example / "content.json").unlink()
    [problem] = problems_of(example)
    assert "content.json" in problem and "missing" in problem


def test_text_that_is_not_utf8_is_located(example: Path) -> None:
    (example / "footnotes.json").write_bytes(b'{"footnotes": [{"id": "a", "text": "caf\xe9"}]}')
    [problem] = problems_of(example)
    assert ":1:" in problem and "UTF-8" in problem


def test_a_byte_order_mark_is_accepted(example: Path) -> None:
    path = example / "report.json"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_report(example).report["date"] == "2016-06-14"


def test_duplicate_ids_are_refused(example: Path, edit_json) -> None:
    edit_json(example / "figures.json", lambda f: f["figures"].append(dict(f["figures"][0])))
    [problem] = problems_of(example)
    assert "unique id" in problem and "/figures/" in problem
