"""Notes a series declares routine (report.json routine_notes): folded into one finding, carried by new."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from secretariat.checks import run_checks
from secretariat.cli import main
from secretariat.pipeline import build_draft, comments_for
from secretariat.records import load_report
from secretariat.registers.place import ENVIRONMENT

ROOT = Path(__file__).resolve().parents[1]
ROUTINE = {"code": "figure-as-of-outside-period", "reason": "this series dates its counts at the masthead"}


@pytest.fixture
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    folder = tmp_path / "ctoc-cop-2016-tip"
    shutil.copytree(ROOT / "drafts" / "ctoc-cop-2016-tip", folder, ignore=shutil.ignore_patterns("build"))
    data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    data["routine_notes"] = [ROUTINE]
    (folder / "report.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    return folder


def test_text_and_json_show_one_finding_that_lists_the_places(report: Path) -> None:
    text = CliRunner().invoke(main, ["check", str(report), "--select", "dates"]).output
    [line] = [line for line in text.splitlines() if "figure-as-of-outside-period" in line]
    assert "4 notes routine for this series, at /figures/0/as_of, /figures/1/as_of, /figures/8/as_of, " \
           "/figures/9/as_of: this series dates its counts at the masthead (report.json /routine_notes/0)" in line
    assert text.splitlines()[-1].startswith("0 errors, 0 warnings, 1 note ")
    data = json.loads(CliRunner().invoke(main, ["check", str(report), "--format", "json"]).output)
    [folded] = [f for f in data["findings"] if f["code"] == "figure-as-of-outside-period"]
    assert folded["routine"] == ROUTINE["reason"] and folded["severity"] == "note"
    assert [p["pointer"] for p in folded["places"]] == ["/figures/0/as_of", "/figures/1/as_of", "/figures/8/as_of",
                                                        "/figures/9/as_of"]
    assert folded["places"][2]["message"].startswith("case-law-cases holds as of 2016-05, outside the reporting")
    assert all(not f["places"] and f["routine"] is None for f in data["findings"] if f is not folded)


def test_only_notes_fold_and_the_draft_carries_one_comment(report: Path) -> None:
    records = load_report(report)
    run = run_checks(records, select=("dates", "parties"))
    before = run_checks(load_report(ROOT / "drafts" / "ctoc-cop-2016-tip"), select=("dates", "parties"))
    assert len(before.findings) - len(run.findings) == 3  # four notes became one; nothing else changed
    assert {f.code for f in before.findings} == {f.code for f in run.findings}
    comments = comments_for(run, build_draft(records))
    assert sum("figure-as-of-outside-period" in c.text for c in comments) == 1


def test_new_carries_the_setting_to_the_next_report(report: Path) -> None:
    result = CliRunner().invoke(main, ["new", str(report.parent / "next"), "--from", str(report)])
    assert result.exit_code == 0, result.output
    data = json.loads((report.parent / "next" / "report.json").read_text(encoding="utf-8"))
    assert data["routine_notes"] == [ROUTINE]
