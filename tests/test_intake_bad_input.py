"""Bad submissions: each gets one clear message, and nothing of a file that cannot be read is taken in."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from secretariat.cli import intake

HEADERS = ["id", "kind", "title", "dates.start", "dates.end", "places.1.city", "places.1.country", "countries.1",
           "countries.2", "partners", "participants.count", "participants.description", "thematic_area",
           "paragraph", "narrative"]


def good_row(n: int = 1, **change: Any) -> dict[str, Any]:
    row = {"id": f"office-workshop-{n}", "kind": "workshop", "title": f"Workshop {n} on victim identification",
           "dates.start": datetime(2015, 11, 16), "dates.end": datetime(2015, 11, 18), "places.1.city": "Hanoi",
           "places.1.country": "Vietnam", "countries.1": "Viet Nam", "countries.2": "Lao People's Democratic Republic",
           "partners": "IOM; UNICEF", "participants.count": "1,311", "participants.description": "officials",
           "thematic_area": "criminal-justice-response", "paragraph": "strategy-support",
           "narrative": "UNODC held a workshop."}
    row.update(change)
    return row


def workbook(path: Path, rows: list[dict[str, Any]], headers: list[str] = HEADERS, sheet: str = "activities",
             edit: Any = None) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    ws.append(headers)
    for row in rows:
        ws.append([row.get(h) for h in headers])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, datetime):
                cell.number_format = "DD/MM/YYYY"
    if edit is not None:
        edit(ws)
    book.save(path)
    return path


def run(report: Path, *files: Path, replace: bool = False) -> tuple[int, dict[str, Any], list[dict[str, str]]]:
    args = [*map(str, files), "--into", str(report), "--format", "json", *(["--replace"] if replace else [])]
    result = CliRunner().invoke(intake, args)
    data = json.loads(result.output)
    rejects = list(csv.DictReader(io.StringIO(Path(data["rejects"]).read_text(encoding="utf-8"))))
    for receipt in data["files"]:
        assert receipt["rows_read"] == receipt["accepted"] + receipt["rejected"] + receipt["duplicates"] + \
            receipt["conflicts"]
    return result.exit_code, data, rejects


def unchanged(report: Path, before: bytes) -> bool:
    return (report / "activities.json").read_bytes() == before


def test_a_good_workbook_is_taken_in(example: Path, tmp_path: Path) -> None:
    code, data, rejects = run(example, workbook(tmp_path / "a.xlsx", [good_row(1), good_row(2)]))
    assert code == 0 and data["files"][0]["accepted"] == 2 and rejects == []
    record = json.loads((example / "activities.json").read_text(encoding="utf-8"))["activities"][-1]
    assert record["places"] == [{"city": "Hanoi", "country": "VNM"}] and record["countries"] == ["VNM", "LAO"]
    assert record["participants"] == {"count": 1311, "description": "officials"}
    assert record["dates"] == {"start": "2015-11-16", "end": "2015-11-18"} and record["partners"] == ["IOM", "UNICEF"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("returns.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "a legacy .xls workbook: open it and save it"),
    ("returns.ods", b"PK\x03\x04", "an OpenDocument spreadsheet"),
    ("returns.pdf", b"%PDF-1.4", "unsupported file type: a .pdf file; expected .xlsx, .csv or .json"),
    ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "a password-protected or legacy .xls workbook"),
    ("text.xlsx", b"id,kind\n", "not an XLSX workbook (corrupt, or another kind of file renamed .xlsx)"),
    ("broken.xlsx", b"PK\x03\x04" + b"\0" * 200, "a corrupt workbook: it cannot be read"),
    ("book.csv", b"PK\x03\x04" + b"\0" * 20, "expected CSV text, found a workbook"),
    ("bad.json", b'{"activities": [', "malformed JSON"),
])
def test_files_that_cannot_be_read_get_one_message_and_add_nothing(example: Path, tmp_path: Path, name: str,
                                                                  content: bytes, message: str) -> None:
    before = (example / "activities.json").read_bytes()
    path = tmp_path / name
    path.write_bytes(content)
    good = workbook(tmp_path / "good.xlsx", [good_row()])
    code, data, _ = run(example, path, good)
    assert code == 1
    bad, fine = data["files"]
    assert message in bad["error"] and bad["rows_read"] == 0
    assert fine["accepted"] == 1 and data["records"] == 109  # the other file is still taken in
    assert not unchanged(example, before)


def test_missing_file_and_folder(example: Path, tmp_path: Path) -> None:
    code, data, _ = run(example, tmp_path / "nowhere.xlsx", tmp_path)
    assert code == 1
    assert "no such file" in data["files"][0]["error"] and "found a folder" in data["files"][1]["error"]


def test_empty_sheet_and_header_only_sheet(example: Path, tmp_path: Path) -> None:
    before = (example / "activities.json").read_bytes()
    empty = workbook(tmp_path / "empty.xlsx", [], headers=[])
    header_only = workbook(tmp_path / "header.xlsx", [])
    code, data, _ = run(example, empty, header_only)
    assert code == 1 and unchanged(example, before)
    assert "empty: expected a header row with the form's columns" in data["files"][0]["error"]
    assert "no rows: expected at least one filled-in row" in data["files"][1]["error"]


def test_extra_and_missing_columns_are_named(example: Path, tmp_path: Path) -> None:
    headers = [h for h in HEADERS if h != "narrative"] + ["Comments"]
    code, data, _ = run(example, workbook(tmp_path / "cols.xlsx", [good_row()], headers=headers))
    error = data["files"][0]["error"]
    assert code == 1
    assert "unknown column(s) 'Comments' (O)" in error and "missing column(s) 'narrative'" in error


def test_wrong_sheet_name_among_several(example: Path, tmp_path: Path) -> None:
    def add_sheet(ws: Any) -> None:
        ws.parent.create_sheet("Other")

    path = workbook(tmp_path / "sheets.xlsx", [good_row()], sheet="Figures", edit=add_sheet)
    code, data, _ = run(example, path)
    assert "expected a sheet named 'activities', found the sheets 'Figures', 'Other'" in data["files"][0]["error"]
    single = workbook(tmp_path / "single.xlsx", [good_row()], sheet="Sheet1")
    assert run(example, single)[1]["files"][0]["accepted"] == 1  # one data sheet: its name does not matter


def patch_sheet(path: Path, old: bytes, new: bytes) -> None:
    """Rewrite the first sheet's XML inside a workbook (to give a formula its cached value)."""
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info.filename) for info in source.infolist()}
    members["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"].replace(old, new)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)


def test_formulas_give_their_cached_values_and_uncalculated_ones_are_named(example: Path, tmp_path: Path) -> None:
    path = workbook(tmp_path / "f.xlsx", [good_row(1, **{"participants.count": "=1000+311"}),
                                          good_row(2, **{"participants.count": "=2000+1"}),
                                          good_row(3, **{"participants.count": "=1/0"})])
    patch_sheet(path, b"<f>1000+311</f><v></v>", b"<f>1000+311</f><v>1311</v>")
    patch_sheet(path, b"<f>1/0</f><v></v>", b'<f>1/0</f><v>#DIV/0!</v>')
    patch_sheet(path, b'<c r="K4"><f>1/0</f>', b'<c r="K4" t="e"><f>1/0</f>')
    code, data, rejects = run(example, path)
    assert code == 1 and data["files"][0]["accepted"] == 1 and data["files"][0]["rejected"] == 2
    uncached, error = rejects
    assert (uncached["row"], uncached["column"], uncached["value"]) == ("3", "participants.count", "formula in K3")
    assert "a formula that was never calculated (no cached value)" in uncached["expected"]
    assert (error["row"], error["value"]) == ("4", "#DIV/0!") and "spreadsheet error" in error["expected"]
    record = json.loads((example / "activities.json").read_text(encoding="utf-8"))["activities"][-1]
    assert record["id"] == "office-workshop-1" and record["participants"]["count"] == 1311


def test_merged_cells_reject_the_rows_they_cover_and_name_the_range(example: Path, tmp_path: Path) -> None:
    path = workbook(tmp_path / "m.xlsx", [good_row(1), good_row(2), good_row(3)],
                    edit=lambda ws: ws.merge_cells("M3:M4"))
    code, data, rejects = run(example, path)
    assert data["files"][0]["accepted"] == 1 and data["files"][0]["rejected"] == 2
    assert [(r["row"], r["column"], r["value"]) for r in rejects] == [("3", "thematic_area", "M3:M4"),
                                                                      ("4", "thematic_area", "M3:M4")]
    assert "found the merged cells M3:M4: unmerge them" in rejects[0]["expected"]
    header = workbook(tmp_path / "h.xlsx", [good_row(1)], edit=lambda ws: ws.merge_cells("A1:B1"))
    assert "merged cells A1:B1 in the header row" in run(example, header)[1]["files"][0]["error"]


@pytest.mark.parametrize(("change", "column", "value", "expected"), [
    ({"participants.count": -3}, "participants.count", "-3", "expected a whole number of at least 0, found -3"),
    ({"participants.count": "about 50"}, "participants.count", "about 50", "expected a whole number of at least 0"),
    ({"participants.count": 12.5}, "participants.count", "12.5", "expected a whole number"),
    ({"countries.1": "Austrai"}, "countries.1", "Austrai", "or 'Austria'?"),
    ({"places.1.country": "Narnia"}, "places.1.country", "Narnia", "as the United Nations writes it"),
    ({"kind": "Workshp"}, "kind", "Workshp", "did you mean 'workshop'?"),
    ({"dates.start": "03/04/2015"}, "dates.start", "03/04/2015", "it could be 3 April 2015 or 4 March 2015"),
    ({"dates.start": "31/02/2015"}, "dates.start", "31/02/2015", "expected a real calendar date"),
    ({"dates.start": "soon"}, "dates.start", "soon", "expected a date"),
    ({"id": "Office Workshop"}, "id", "Office Workshop", "expected an identifier of lower-case letters"),
    ({"narrative": None}, "narrative", "", "expected a value in column 'narrative', found none"),
    ({"participants.description": None}, "participants.description", "", "expected a value"),
])
def test_row_problems_are_rejected_with_column_value_and_expectation(example: Path, tmp_path: Path,
                                                                    change: dict[str, Any], column: str, value: str,
                                                                    expected: str) -> None:
    before = (example / "activities.json").read_bytes()
    path = workbook(tmp_path / "rows.xlsx", [good_row(1, **change)])
    code, data, rejects = run(example, path)
    assert code == 1 and data["files"][0]["rejected"] == 1 and unchanged(example, before)
    [reject] = rejects
    assert (reject["outcome"], reject["sheet"], reject["row"]) == ("rejected", "activities", "2")
    assert (reject["column"], reject["value"]) == (column, value) and expected in reject["expected"], reject


def test_dates_in_every_form_an_office_writes(example: Path, tmp_path: Path) -> None:
    cases = {"2015": "2015", 2015: "2015", "2015-11": "2015-11", "11/2015": "2015-11", "November 2015": "2015-11",
             "16 November 2015": "2015-11-16", "16/11/2015": "2015-11-16", 42324: "2015-11-16",
             "2015-11-16": "2015-11-16", datetime(2015, 11, 1): "2015-11-01"}
    rows = [good_row(n, **{"dates.start": given, "dates.end": None}) for n, given in enumerate(cases)]
    code, data, rejects = run(example, workbook(tmp_path / "dates.xlsx", rows))
    assert code == 0, rejects
    records = json.loads((example / "activities.json").read_text(encoding="utf-8"))["activities"][-len(cases):]
    assert [r["dates"] for r in records] == [{"start": want, "end": want} for want in cases.values()]


def test_month_shown_by_the_cell_format_keeps_month_precision(example: Path, tmp_path: Path) -> None:
    def month_format(ws: Any) -> None:
        ws["D2"].number_format = "mmm-yy"

    run(example, workbook(tmp_path / "m.xlsx", [good_row(1, **{"dates.start": datetime(2015, 11, 1),
                                                                "dates.end": None})], edit=month_format))
    record = json.loads((example / "activities.json").read_text(encoding="utf-8"))["activities"][-1]
    assert record["dates"] == {"start": "2015-11", "end": "2015-11"}


def test_the_forms_date_convention_makes_day_month_dates_unambiguous(example: Path, tmp_path: Path) -> None:
    def convention(ws: Any) -> None:
        sheet = ws.parent.create_sheet("Instructions")
        sheet.append(["Date convention", "DD/MM/YYYY"])

    path = workbook(tmp_path / "form.xlsx", [good_row(1, **{"dates.start": "03/04/2015", "dates.end": "05/04/2015"})],
                    edit=convention)
    code, _, rejects = run(example, path)
    assert code == 0, rejects
    record = json.loads((example / "activities.json").read_text(encoding="utf-8"))["activities"][-1]
    assert record["dates"] == {"start": "2015-04-03", "end": "2015-04-05"}


def test_a_value_under_no_header_is_rejected(example: Path, tmp_path: Path) -> None:
    def stray(ws: Any) -> None:
        ws.cell(2, len(HEADERS) + 2, "stray note")

    code, _, rejects = run(example, workbook(tmp_path / "s.xlsx", [good_row()], edit=stray))
    assert code == 1 and rejects[0]["column"] == "column Q" and rejects[0]["value"] == "stray note"


def test_blank_rows_are_skipped_and_rows_keep_their_spreadsheet_numbers(example: Path, tmp_path: Path) -> None:
    def gap(ws: Any) -> None:
        ws.insert_rows(3, 2)

    code, data, rejects = run(example, workbook(tmp_path / "g.xlsx", [good_row(1), good_row(2, kind="nope")],
                                                 edit=gap))
    assert data["files"][0]["rows_read"] == 2 and rejects[0]["row"] == "5"


def test_rows_without_ids_get_stable_ids_and_repeat_as_duplicates(example: Path, tmp_path: Path) -> None:
    path = workbook(tmp_path / "noid.xlsx", [good_row(1, id=None)])
    assert run(example, path)[1]["files"][0]["ids_made"] == 1
    record = json.loads((example / "activities.json").read_text(encoding="utf-8"))["activities"][-1]
    assert record["id"].startswith("workshop-1-on-victim-identification-")
    again = run(example, path)[1]["files"][0]
    assert (again["accepted"], again["duplicates"]) == (0, 1)


def test_same_activity_under_another_id_is_a_duplicate(example: Path, tmp_path: Path) -> None:
    first = workbook(tmp_path / "1.xlsx", [good_row(1)])
    second = workbook(tmp_path / "2.xlsx", [good_row(1, id="renamed-workshop")])
    code, data, _ = run(example, first, second)
    assert code == 0 and data["files"][1]["duplicates"] == 1


def test_two_rows_with_one_id_and_different_content_conflict_even_with_replace(example: Path,
                                                                              tmp_path: Path) -> None:
    path = workbook(tmp_path / "twice.xlsx", [good_row(1), good_row(1, title="Another title")])
    code, data, rejects = run(example, path, replace=True)
    assert code == 1 and data["files"][0]["conflicts"] == 1
    assert rejects[0]["outcome"] == "conflict" and "was given with other content in" in rejects[0]["expected"]


def test_an_invalid_report_folder_stops_before_anything_is_written(example: Path, tmp_path: Path) -> None:
    (example / "activities.json").write_text('{"activities": [{"id": 1}]}', encoding="utf-8")
    result = CliRunner().invoke(intake, [str(workbook(tmp_path / "a.xlsx", [good_row()])), "--into", str(example)])
    assert result.exit_code == 1 and "fix the record files before taking in more" in result.output
    assert not (example / "intake").exists()


def test_a_workbook_damaged_inside_its_sheet_adds_nothing(example: Path, tmp_path: Path) -> None:
    before = (example / "activities.json").read_bytes()
    path = workbook(tmp_path / "big.xlsx", [good_row(n) for n in range(300)])
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    data[middle:middle + 8] = bytes(b ^ 0xFF for b in data[middle:middle + 8])
    path.write_bytes(bytes(data))
    code, result, rejects = run(example, path)
    assert code == 1 and "a corrupt workbook" in result["files"][0]["error"]
    assert result["files"][0]["rows_read"] == 0 and rejects == [] and unchanged(example, before)


def test_a_failed_write_leaves_the_records_and_the_folder_as_they_were(example: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import secretariat.files as files

    def refuse(*_: object) -> None:
        raise OSError(28, "No space left on device")

    before = (example / "activities.json").read_bytes()
    monkeypatch.setattr(files.os, "replace", refuse)
    result = CliRunner().invoke(intake, [str(workbook(tmp_path / "a.xlsx", [good_row()])), "--into", str(example)])
    assert result.exit_code == 1 and "activities.json: No space left on device" in result.output
    assert unchanged(example, before)
    assert [p.name for p in example.iterdir() if p.name.startswith(".")] == []
    assert [p.name for p in (example / "intake").iterdir()] == [".lock"]
