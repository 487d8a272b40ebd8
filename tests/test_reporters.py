"""Reporters of findings: text grouped by file, JSON, SARIF 2.1.0, and the draft command's summary."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from secretariat import __version__
from secretariat.checks import CheckRun, Finding, Severity
from secretariat.compare import ChangeSummary
from secretariat.errors import Location
from secretariat.pipeline import DraftResult
from secretariat.reporters import draft, findings, sarif
from secretariat.reporters.changes import changes_text

CODES = {"party-count": "the stated number of parties differs from the register",
         "date-outside-period": "a date falls outside the reporting period"}


def make_run(folder: Path) -> CheckRun:
    """Return a run over two files: an error with line:col, a waived warning, notes without positions."""
    content, report = str(folder / "content.json"), str(folder / "report.json")
    return CheckRun((
        Finding("party-count", Severity.ERROR, Location(content, 12, 5, "/blocks/3/text"),
                "the report says 170 parties", expected="169", found="170", paragraph="/blocks/3", check="parties"),
        Finding("date-outside-period", Severity.WARNING, Location(content, 40, None, "/blocks/7"),
                "expected a date in 2014-10 to 2016-04, found 2016-06-14", expected="within 2014-10 to 2016-04",
                found="2016-06-14", check="dates", waived="the press release came after the period"),
        Finding("structure-note", Severity.NOTE, Location(report, pointer=""), "the whole report", check="structure"),
        Finding("structure-note", Severity.NOTE, Location(report), "no position at all", check="structure"),
    ), ("dates", "parties", "structure"))


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CheckRun:
    """Return the sample run, with the current directory above its files and fixed code descriptions."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sarif, "all_codes", lambda: dict(CODES))
    (tmp_path / "report").mkdir()
    return make_run(tmp_path / "report")


def test_text_groups_findings_by_file_with_positions_and_summary(run: CheckRun) -> None:
    lines = findings.render(run, "text").splitlines()
    assert lines == [
        "report/content.json",
        "  12:5 /blocks/3/text  error    party-count  the report says 170 parties (expected 169, found 170)",
        "  40 /blocks/7         warning  date-outside-period  expected a date in 2014-10 to 2016-04, found "
        "2016-06-14 (waived: the press release came after the period)",
        "report/report.json",
        "  /  note     structure-note  the whole report",
        "  -  note     structure-note  no position at all",
        "1 error, 0 warnings, 2 notes (1 waived) from checks: dates, parties, structure",
    ]


def test_text_summary_of_an_empty_run_is_one_line() -> None:
    assert findings.render(CheckRun((), ("dates", "parties")), "text") == "no findings from checks: dates, parties"
    assert findings.render(CheckRun((), ()), "text") == "no findings (no checks ran)"


def test_text_keeps_paths_outside_the_current_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    elsewhere = str(tmp_path / "elsewhere" / "figures.json")
    one = CheckRun((Finding("x", Severity.WARNING, Location(elsewhere, 2, 3), "m"),), ("c",))
    assert findings.render(one, "text").splitlines()[:2] == [elsewhere, "  2:3  warning  x  m"]
    assert findings.summary_line(one) == "0 errors, 1 warning, 0 notes (0 waived) from checks: c"


def test_json_lists_every_field_a_summary_and_the_checks(run: CheckRun) -> None:
    data = json.loads(findings.render(run, "json"))
    assert set(data) == {"findings", "summary", "checks"}
    first = data["findings"][0]
    assert first == {"code": "party-count", "severity": "error", "check": "parties",
                     "file": str(Path.cwd() / "report" / "content.json"), "line": 12, "column": 5,
                     "pointer": "/blocks/3/text", "paragraph": "/blocks/3", "offset": None,
                     "message": "the report says 170 parties", "expected": "169", "found": "170", "waived": None,
                     "register": None, "routine": None, "places": []}
    assert data["findings"][1]["waived"] == "the press release came after the period"
    assert [f["line"] for f in data["findings"]] == [12, 40, None, None]
    assert data["summary"] == {"errors": 1, "warnings": 0, "notes": 2, "waived": 1, "total": 4}
    assert data["checks"] == ["dates", "parties", "structure"]


def sarif_of(run: CheckRun) -> dict[str, Any]:
    """Return the SARIF log of a run, parsed, after checking the properties SARIF 2.1.0 requires."""
    log = json.loads(findings.render(run, "sarif"))
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json" and log["version"] == "2.1.0"
    [only] = log["runs"]
    assert only["tool"]["driver"]["name"] == "secretariat"
    for rule in only["tool"]["driver"]["rules"]:
        assert rule["id"] and rule["shortDescription"]["text"]
    for result in only["results"]:
        assert result["message"]["text"] and result["level"] in {"error", "warning", "note"}
        for location in result["locations"]:
            assert location["physicalLocation"]["artifactLocation"]["uri"]
        for suppression in result.get("suppressions", []):
            assert suppression["kind"] in {"inSource", "external"}
    return log


def test_sarif_run_has_driver_rules_and_levels(run: CheckRun) -> None:
    [only] = sarif_of(run)["runs"]
    driver = only["tool"]["driver"]
    assert driver["version"] == __version__
    assert driver["rules"] == [
        {"id": "date-outside-period", "shortDescription": {"text": CODES["date-outside-period"]}},
        {"id": "party-count", "shortDescription": {"text": CODES["party-count"]}},
        {"id": "structure-note", "shortDescription": {"text": "structure-note"}},  # unknown code: its own name
    ]
    results = only["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("party-count", "error"), ("date-outside-period", "warning"), ("structure-note", "note"),
        ("structure-note", "note")]
    assert all(driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    assert results[0]["message"]["text"] == "the report says 170 parties"
    assert only["columnKind"] == "unicodeCodePoints"


def test_sarif_locations_regions_and_pointers(run: CheckRun) -> None:
    [only] = sarif_of(run)["runs"]
    base = only["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == Path.cwd().resolve().as_uri() + "/"
    located = [r["locations"][0] for r in only["results"]]
    assert located[0]["physicalLocation"] == {
        "artifactLocation": {"uri": "report/content.json", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 12, "startColumn": 5}}
    assert located[1]["physicalLocation"]["region"] == {"startLine": 40}
    assert "region" not in located[2]["physicalLocation"] and "region" not in located[3]["physicalLocation"]
    assert located[0]["logicalLocations"] == [{"fullyQualifiedName": "/blocks/3/text", "kind": "property"}]
    assert located[1]["logicalLocations"] == [{"fullyQualifiedName": "/blocks/7", "kind": "value"}]
    assert located[2]["logicalLocations"] == [{"fullyQualifiedName": "/", "kind": "object"}]
    assert "logicalLocations" not in located[3]
    assert only["results"][0]["properties"] == {"check": "parties", "pointer": "/blocks/3/text",
                                                "paragraph": "/blocks/3", "expected": "169", "found": "170"}


def test_sarif_uris_outside_the_directory_and_with_spaces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    inside, outside = "my report/content.json", str(tmp_path / "other" / "report.json")
    log = sarif_of(CheckRun((Finding("a", Severity.NOTE, Location(inside, 1, 1), "m"),
                             Finding("b", Severity.NOTE, Location(outside), "m")), ()))
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]]
    assert uris == [{"uri": "my%20report/content.json", "uriBaseId": "%SRCROOT%"},
                    {"uri": (tmp_path / "other" / "report.json").as_uri()}]


def test_sarif_suppresses_waived_findings_only(run: CheckRun) -> None:
    results = sarif_of(run)["runs"][0]["results"]
    assert results[1]["suppressions"] == [{"kind": "inSource",
                                           "justification": "the press release came after the period"}]
    assert all("suppressions" not in r for i, r in enumerate(results) if i != 1)


def test_sarif_of_an_empty_run_is_valid_and_empty() -> None:
    [only] = sarif_of(CheckRun((), ("dates",)))["runs"]
    assert only["results"] == [] and only["tool"]["driver"]["rules"] == []


def test_sarif_rules_describe_the_built_in_codes() -> None:
    log = sarif_of(CheckRun((Finding("waiver-unused", Severity.WARNING, Location("waivers.json"), "m"),), ()))
    [rule] = log["runs"][0]["tool"]["driver"]["rules"]
    assert rule["shortDescription"]["text"] == "a waiver in waivers.json matches no finding"


def test_draft_reports_summarize_findings_and_comments(run: CheckRun) -> None:
    result = DraftResult(path=Path("out.docx"), paragraphs=74, headings=18, footnotes=1, checks=run, comments=3)
    lines = draft.draft_text(result).splitlines()
    assert lines[0].startswith("wrote out.docx")
    assert lines[1] == ("1 error, 0 warnings, 2 notes (1 waived) from checks: dates, parties, structure; "
                        "3 comments in the draft")
    data = json.loads(draft.draft_json(result))
    assert data["ok"] is False  # the draft is written, but an error stands against it
    assert data["comments"] == 3 and data["checks"] == ["dates", "parties", "structure"]
    assert [f["code"] for f in data["findings"]] == ["party-count", "date-outside-period", "structure-note",
                                                     "structure-note"]
    assert data["summary"]["errors"] == 1 and data["summary"]["waived"] == 1
    clean = DraftResult(path=Path("out.docx"), paragraphs=1, headings=0, footnotes=0,
                        checks=CheckRun((), ("dates",)))
    assert draft.draft_text(clean).splitlines()[1] == "no findings from checks: dates; no comments in the draft"
    assert json.loads(draft.draft_json(clean))["ok"] is True


def test_the_change_summary_names_masthead_fields_as_a_person_does() -> None:
    summary = ChangeSummary("old.docx", "identities", changed=1, footnotes_changed=1,
                            masthead_changed=("symbol", "venue_dates", "job_number", "job_short", "job_dates.0",
                                              "job_dates.1"))
    assert changes_text(summary) == ("changes against old.docx marked as tracked changes: paragraphs and headings: "
                                     "1 changed, 0 inserted, 0 deleted, 1 footnote changed, masthead: symbol, "
                                     "venue and dates, job number, job dates")
