"""One report date: on a folder made by new, draft, check and the submission form state names at the same date."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from secretariat.checks import run_checks
from secretariat.cli import main
from secretariat.intake.form import LISTS
from secretariat.pipeline import build_draft, rendered_texts
from secretariat.records import load_report
from secretariat.registers.place import ENVIRONMENT

ROOT = Path(__file__).resolve().parents[1]
# Three States renamed after 2016: the names in force on 1 May 2016 and on 1 March 2019.
BEFORE = ("Swaziland", "the former Yugoslav Republic of Macedonia", "Turkey")
AFTER = ("Eswatini", "North Macedonia", "Turkey")


@pytest.fixture
def started(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    shutil.copytree(ROOT / "drafts" / "ctoc-cop-2016-tip", tmp_path / "old", ignore=shutil.ignore_patterns("build"))
    assert CliRunner().invoke(main, ["new", str(tmp_path / "new"), "--from", str(tmp_path / "old")]).exit_code == 0
    folder = tmp_path / "new"
    figures = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
    new_parties = next(f for f in figures["figures"] if f["id"] == "new-parties")
    new_parties.update(value=["MKD", "SWZ", "TUR"], as_of="2018-06-14")
    (folder / "figures.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    content = json.loads((folder / "content.json").read_text(encoding="utf-8"))
    content["blocks"].append({"id": "typed-names", "text": "Eswatini and Swaziland."})  # typed, not from data
    (folder / "content.json").write_text(json.dumps(content, indent=2), encoding="utf-8")
    return folder


def _form_names(folder: Path) -> set[str]:
    out = folder.parent / "form.xlsx"
    assert CliRunner().invoke(main, ["workbook", str(folder), "-o", str(out)]).exit_code == 0
    sheet = load_workbook(out)[LISTS]
    column = next(c for c in sheet.iter_cols(values_only=True) if c[0] == "country")
    return {name for name in column[1:] if name}


def _set_date(folder: Path, day: str) -> None:
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    report["date"] = day
    (folder / "report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")


@pytest.mark.parametrize(("day", "names", "flagged"), [(None, BEFORE, "Eswatini"), ("2019-03-01", AFTER, "Swaziland")])
def test_draft_check_and_form_state_names_at_one_date(started: Path, day: str | None, names: tuple[str, ...],
                                                      flagged: str) -> None:
    if day is not None:
        _set_date(started, day)
    records = load_report(started)
    printed = " ".join(rendered_texts(build_draft(records, strict=False)).values())
    form = _form_names(started)
    for name in names:
        assert name in printed and name in form, name
    other = set(BEFORE + AFTER) - set(names)
    assert not other & form, other & form  # the form offers no name the draft would not print
    assert not [n for n in other if n in printed.replace("Eswatini and Swaziland.", "")]
    style = [f for f in run_checks(records, select=("style",)).findings if f.code == "country-name"]
    assert [f.found for f in style] == [flagged]  # the check judges the typed names at that same date
