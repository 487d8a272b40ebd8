"""The submission form and the way back: the 2016 example typed into the form intakes to the same records."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from secretariat.cli import intake, workbook
from secretariat.intake.columns import activities_layout
from secretariat.intake.readers import flatten
from secretariat.records import load_report, report_date
from secretariat.registers import country_register

ON = date(2016, 6, 14)
EXAMPLE_RECORDS = Path(__file__).resolve().parents[1] / "drafts" / "ctoc-cop-2016-tip" / "activities.json"


def office_value(header: str, value: Any) -> Any:
    """Write a record's value the way an office types it: names for countries, date cells, "; " lists."""
    resolved = activities_layout().resolve(header)
    assert resolved is not None
    kind = resolved[0].kind
    if kind == "country":
        return country_register().name(value, ON)
    if kind == "date" and len(value) == 10:
        return datetime.fromisoformat(value)
    if kind == "date":
        return value  # a month or a year, typed as text ('2015-11)
    if kind == "text-list":
        return "; ".join(value)
    return value


def fill_form(form: Path, target: Path, records: list[dict[str, Any]]) -> None:
    """Type records into the form's cells with openpyxl, keeping the form's formats and validations."""
    book = openpyxl.load_workbook(form)
    sheet = book["activities"]
    columns = {cell.value: cell.column for cell in sheet[1]}
    for number, record in enumerate(records, start=2):
        for header, value in flatten(activities_layout(), record, number).cells.items():
            cell = sheet.cell(number, columns[header], office_value(header, value))
            if isinstance(cell.value, datetime):
                cell.number_format = "DD/MM/YYYY"
    book.save(target)


@pytest.fixture
def empty_report(example: Path) -> Path:
    """Return a copy of the example whose activities.json has no records."""
    path = example / "activities.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({"$schema": data["$schema"], "activities": []}, indent=2) + "\n", encoding="utf-8")
    return example


@pytest.fixture
def form(example: Path, tmp_path: Path) -> Path:
    target = tmp_path / "submission-form.xlsx"
    result = CliRunner().invoke(workbook, [str(example), "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


@pytest.fixture
def filled(form: Path, tmp_path: Path) -> Path:
    target = tmp_path / "returns" / "office.xlsx"
    target.parent.mkdir()
    fill_form(form, target, json.loads(EXAMPLE_RECORDS.read_text(encoding="utf-8"))["activities"])
    return target


def run_intake(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(intake, list(args))
    return result.exit_code, result.output


def test_form_has_a_sheet_per_kind_lists_instructions_and_date_cells(form: Path) -> None:
    book = openpyxl.load_workbook(form)
    assert book.sheetnames == ["activities", "Instructions", "lists"]
    assert book["lists"].sheet_state == "hidden"
    sheet = book["activities"]
    headers = [cell.value for cell in sheet[1]]
    assert headers[:5] == ["id", "kind", "title", "dates.start", "dates.end"]
    assert "countries.10" in headers and "places.3.country" in headers and "participants.count" in headers
    validated = {}
    for validation in sheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            validated[headers[cell_range.min_col - 1]] = validation.formula1
    enumerated = ["kind", "thematic_area", "participants.qualifier", "organ", "paragraph", "countries.1",
                  "countries.10", "places.1.country", "places.3.country"]
    assert all(name in validated for name in enumerated), validated
    assert validated["countries.1"] == "=list_country"
    countries = [row[0] for row in book["lists"].iter_rows(min_row=2, values_only=True) if row[0]]
    country_column = [c.value for c in book["lists"][1]].index("country") + 1
    names = [r[0] for r in book["lists"].iter_rows(min_row=2, min_col=country_column, max_col=country_column,
                                                   values_only=True) if r[0]]
    assert "Czech Republic" in names and "Czechia" not in names and "Viet Nam" in names  # as in force in 2016
    assert countries[:2] == ["meeting", "side-event"]
    assert sheet.column_dimensions["D"].number_format == "DD/MM/YYYY"
    instructions = {row[0]: row[1] for row in book["Instructions"].iter_rows(values_only=True) if row[0]}
    assert instructions["Date convention"] == "DD/MM/YYYY"
    assert "narrative" in instructions and "countries.N  (N = 1 to 10 on the form)" in instructions


def test_filled_form_intakes_to_the_example_records_byte_for_byte(empty_report: Path, filled: Path) -> None:
    code, output = run_intake(str(filled), "--into", str(empty_report))
    assert code == 0, output
    assert "108 row(s) read: 108 accepted, 0 rejected, 0 duplicate(s), 0 conflict(s)" in output
    assert (empty_report / "activities.json").read_bytes() == EXAMPLE_RECORDS.read_bytes()
    records = load_report(empty_report).activities
    assert list(records.values()) == json.loads(EXAMPLE_RECORDS.read_text(encoding="utf-8"))["activities"]


def test_running_the_same_submission_again_changes_nothing(empty_report: Path, filled: Path) -> None:
    assert run_intake(str(filled), "--into", str(empty_report))[0] == 0
    before = (empty_report / "activities.json").stat()
    code, output = run_intake(str(filled), "--into", str(empty_report), "--format", "json")
    assert code == 0
    receipt = json.loads(output)
    assert receipt["files"][0]["duplicates"] == 108 and receipt["files"][0]["accepted"] == 0
    assert receipt["records_written"] is False
    after = (empty_report / "activities.json").stat()
    assert (before.st_mtime_ns, before.st_size) == (after.st_mtime_ns, after.st_size)
    assert json.loads(Path(receipt["receipt"]).read_text(encoding="utf-8")) == receipt


def test_a_conflicting_row_is_reported_and_applied_only_with_replace(example: Path, form: Path,
                                                                      tmp_path: Path) -> None:
    records = json.loads(EXAMPLE_RECORDS.read_text(encoding="utf-8"))["activities"]
    changed = [{**records[0], "title": "Sixth meeting of the Working Group (revised)"}, records[1]]
    target = tmp_path / "revised.xlsx"
    fill_form(form, target, changed)
    original = (example / "activities.json").read_bytes()
    code, output = run_intake(str(target), "--into", str(example))
    assert code == 1
    assert "1 duplicate(s), 1 conflict(s)" in output
    assert "id 'wg-tip-6th-meeting' is in activities.json with other content (differs in title)" in output
    assert (example / "activities.json").read_bytes() == original
    code, output = run_intake(str(target), "--into", str(example), "--replace")
    assert code == 0, output
    assert "1 accepted (1 replaced)" in output
    replaced = load_report(example).activities["wg-tip-6th-meeting"]
    assert replaced["title"] == "Sixth meeting of the Working Group (revised)"
    assert len(load_report(example).activities) == 108


def test_receipt_and_rejects_are_written_in_the_report_folder(example: Path, form: Path, tmp_path: Path) -> None:
    target = tmp_path / "one.xlsx"
    fill_form(form, target, [{**json.loads(EXAMPLE_RECORDS.read_text(encoding="utf-8"))["activities"][0],
                              "id": "new-meeting", "participants": {"count": -5, "description": "officials"}}])
    code, output = run_intake(str(target), "--into", str(example), "--format", "json")
    assert code == 1
    receipt = json.loads(output)
    assert Path(receipt["receipt"]).parent.parent == example / "intake"
    rejects = Path(receipt["rejects"]).read_text(encoding="utf-8").splitlines()
    assert rejects[0] == "outcome,file,sheet,row,column,value,expected"
    assert rejects[1].startswith(f"rejected,{target},activities,2,participants.count,-5,")


def test_commands_are_reachable_through_python_m_secretariat(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "form.xlsx"
    done = subprocess.run([sys.executable, "-m", "secretariat", "workbook", str(example), "-o", str(target)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([sys.executable, "-m", "secretariat", "intake", str(target), "--into", str(example)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "no rows" in done.stdout


def test_the_example_records_as_a_json_submission_intake_to_the_same_file(empty_report: Path) -> None:
    code, output = run_intake(str(EXAMPLE_RECORDS), "--into", str(empty_report))
    assert code == 0, output
    assert (empty_report / "activities.json").read_bytes() == EXAMPLE_RECORDS.read_bytes()


def test_headers_are_matched_without_regard_to_case(empty_report: Path, tmp_path: Path) -> None:
    path = tmp_path / "returns.csv"
    path.write_text("Kind,Title,Thematic_Area,Paragraph,Narrative\nmeeting,A meeting,trust-fund,p-1,Held.\n",
                    encoding="utf-8")
    assert run_intake(str(path), "--into", str(empty_report))[0] == 0


def test_usage_errors_exit_2_and_bad_folders_exit_1(example: Path, tmp_path: Path) -> None:
    assert run_intake("--into", str(example))[0] == 2
    assert run_intake(str(tmp_path / "a.xlsx"))[0] == 2
    code, output = run_intake(str(tmp_path / "a.xlsx"), "--into", str(tmp_path / "nowhere"))
    assert code == 1 and "expected a report folder, found nothing" in output
    result = CliRunner().invoke(workbook, [str(tmp_path / "nowhere"), "-o", str(tmp_path / "f.xlsx")])
    assert result.exit_code == 1 and "expected a report folder" in result.output
    result = CliRunner().invoke(workbook, [str(example), "-o", str(tmp_path / "no" / "f.xlsx")])
    assert result.exit_code == 1 and "cannot write" in result.output and "No such file or directory" in result.output
    assert list(tmp_path.glob("**/*.tmp")) == []


def test_the_form_names_countries_as_at_the_date_the_draft_uses(example: Path, tmp_path: Path, edit_json) -> None:
    edit_json(example / "report.json", lambda report: report.update(date=None))  # as `new` leaves it
    target = tmp_path / "form.xlsx"
    result = CliRunner().invoke(workbook, [str(example), "-o", str(target)])
    assert result.exit_code == 0, result.output
    instructions = {row[0]: row[1] for row in openpyxl.load_workbook(target)["Instructions"].iter_rows(values_only=True)
                    if row[0]}
    assert report_date(load_report(example)) == date(2014, 10, 1)  # the reporting period's first day
    assert "in force on 2014-10-01;" in instructions["Countries"]
