"""CSV submissions in any usual encoding and delimiter, and JSON submissions of records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from secretariat.cli import intake

HEADER = "id,kind,title,dates.start,countries.1,partners,participants.count,participants.description," \
         "thematic_area,paragraph,narrative"
ROW = 'csv-workshop,Workshop,Atelier à Genève,16/11/2015,Côte d\'Ivoire,"IOM; UNICEF","1,311",officials,' \
      "victim-protection,strategy-support,UNODC held a workshop."


def run(report: Path, *files: Path) -> tuple[int, dict[str, Any], list[dict[str, str]]]:
    result = CliRunner().invoke(intake, [*map(str, files), "--into", str(report), "--format", "json"])
    data = json.loads(result.output)
    rejects = list(csv.DictReader(io.StringIO(Path(data["rejects"]).read_text(encoding="utf-8"))))
    return result.exit_code, data, rejects


def last_record(report: Path) -> dict[str, Any]:
    return dict(json.loads((report / "activities.json").read_text(encoding="utf-8"))["activities"][-1])


@pytest.mark.parametrize(("encoding", "note"), [
    ("utf-8", None), ("utf-8-sig", None), ("cp1252", "read as Windows-1252"), ("utf-16", "read as UTF-16"),
])
def test_csv_in_every_usual_encoding_reads_the_same(example: Path, tmp_path: Path, encoding: str,
                                                     note: str | None) -> None:
    path = tmp_path / "returns.csv"
    path.write_bytes(f"{HEADER}\r\n{ROW}\r\n".encode(encoding))
    code, data, rejects = run(example, path)
    assert code == 0, rejects
    assert data["files"][0]["sheet"] == "" and data["files"][0]["accepted"] == 1
    record = last_record(example)
    assert record["title"] == "Atelier à Genève" and record["countries"] == ["CIV"] and record["kind"] == "workshop"
    assert record["participants"]["count"] == 1311 and record["dates"] == {"start": "2015-11-16", "end": "2015-11-16"}
    notes = data["files"][0]["notes"]
    assert (note is None and notes == []) or (note is not None and note in notes[0])


def test_latin_1_bytes_that_windows_1252_cannot_read(example: Path, tmp_path: Path) -> None:
    path = tmp_path / "returns.csv"
    path.write_bytes(f"{HEADER}\n".encode() + ROW.replace("Genève", "Gen\x81ve").encode("latin-1") + b"\n")
    code, data, _ = run(example, path)
    assert code == 0 and "read as Latin-1" in data["files"][0]["notes"][0]


def test_semicolon_delimited_csv_as_european_excel_saves_it(example: Path, tmp_path: Path) -> None:
    path = tmp_path / "returns.csv"
    rows = [HEADER.split(","), next(csv.reader([ROW]))]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    assert run(example, path)[0] == 0
    assert last_record(example)["partners"] == ["IOM", "UNICEF"]


def test_csv_rows_are_numbered_as_a_spreadsheet_shows_them(example: Path, tmp_path: Path) -> None:
    path = tmp_path / "returns.csv"
    bad = ROW.replace("csv-workshop", "second").replace("16/11/2015", "03/04/2015").replace("\x07", "")
    path.write_text(f"{HEADER}\n{ROW}\n\n{bad.replace('officials', 'bell' + chr(7))}\n", encoding="utf-8")
    code, data, rejects = run(example, path)
    assert code == 1 and data["files"][0]["rows_read"] == 2
    assert {(r["row"], r["column"]) for r in rejects} == {("4", "dates.start"), ("4", "participants.description")}
    assert any("control character U+0007" in r["expected"] for r in rejects)
    assert any("it could be 3 April 2015 or 4 March 2015" in r["expected"] for r in rejects)


def test_csv_header_problems_are_named(example: Path, tmp_path: Path) -> None:
    path = tmp_path / "returns.csv"
    path.write_text("id,kind,title,title,colour\n", encoding="utf-8")
    error = run(example, path)[1]["files"][0]["error"]
    assert "unknown column(s) 'colour' (E)" in error and "given twice: 'title' (C and D)" in error
    assert "missing column(s) 'thematic_area', 'paragraph', 'narrative'" in error


def test_json_records_with_names_or_codes(example: Path, tmp_path: Path) -> None:
    record = {"id": "json-meeting", "kind": "meeting", "title": "Regional meeting", "dates": {"start": "2016-02"},
              "places": [{"city": "Bangkok", "country": "Thailand"}], "countries": ["THA", "Vietnam"],
              "partners": ["ASEAN"], "thematic_area": "international-cooperation", "paragraph": "strategy-support",
              "narrative": "A regional meeting was held."}
    path = tmp_path / "records.json"
    path.write_text(json.dumps({"activities": [record, [1, 2], {**record, "id": "x", "colour": "red"}]}),
                    encoding="utf-8")
    code, data, rejects = run(example, path)
    assert code == 1 and (data["files"][0]["accepted"], data["files"][0]["rejected"]) == (1, 2)
    assert last_record(example)["countries"] == ["THA", "VNM"]
    assert last_record(example)["dates"] == {"start": "2016-02", "end": "2016-02"}
    assert [(r["row"], r["column"]) for r in rejects] == [("2", "(record)"), ("3", "colour")]


def test_json_bare_list_and_wrong_shapes(example: Path, tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"kind": "meeting", "dates": "2016"}]), encoding="utf-8")
    _, _, rejects = run(example, path)
    assert ("dates", "expected an object, found str") in {(r["column"], r["expected"]) for r in rejects}
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"figures": []}), encoding="utf-8")
    assert "expected a list of records" in run(example, other)[1]["files"][0]["error"]
