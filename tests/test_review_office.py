"""review and --apply on drafts that LibreOffice edited and saved: one LibreOffice session for all of them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from secretariat.cli import main
from secretariat.pipeline import DraftOptions, draft
from secretariat.word.reading import read_docx

pytestmark = pytest.mark.office


def review(edited: Path, report: Path, *extra: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    result = CliRunner().invoke(main, ["review", str(edited), str(report), "--format", "json", *extra])
    return result.exit_code, json.loads(result.output)


def test_review_and_apply_what_libreoffice_saved(libreoffice_edits: dict[str, Path], tmp_path: Path) -> None:
    report = tmp_path / "report"
    shutil.copytree(libreoffice_edits["report"], report)
    edited = tmp_path / "edited.docx"
    document = docx.Document(str(libreoffice_edits["edited"]))  # LibreOffice 7.4 crashes on comments over UNO
    target = next(p for p in document.paragraphs if p.text.startswith("UNODC implements a comprehensive"))
    document.add_comment(target.runs, text="Shorten this?", author="Editor D", initials="ED")
    document.save(str(edited))
    code, data = review(edited, report)
    found = {(f["code"], f["pointer"]) for f in data["findings"]}
    assert {("review-paragraph-edited", "/blocks/1"), ("review-value-changed", "/blocks/2"),
            ("review-paragraph-deleted", "/blocks/6"), ("review-paragraph-inserted", "/blocks/5"),
            ("review-comment", "/blocks/5")} <= found
    assert not [f for f in data["findings"] if f["code"] == "review-numbering-not-live"]
    code, data = review(edited, report, "--apply")
    assert data["apply"]["applied"] is True, data["apply"]
    again = tmp_path / "again.docx"
    draft(DraftOptions(report, again, comments=False))
    texts = [[p.text for p in read_docx(f).paragraphs if p.kind != "masthead" and p.text.strip()]
             for f in (edited, again)]
    differences = [(a, b) for a, b in zip(*texts, strict=True) if a != b]
    assert len(differences) == 1 and differences[0][1] == differences[0][0].replace("170 parties", "169 parties")


def test_review_of_libreoffice_tracked_changes(libreoffice_edits: dict[str, Path]) -> None:
    code, data = review(libreoffice_edits["tracked"], libreoffice_edits["report"])
    tracked = [f for f in data["findings"] if f["code"] == "review-tracked-change"]
    assert any(f["pointer"] == "/blocks/2" and "169 parties" in f["message"] for f in tracked)
    assert all("accept or reject" in f["message"] for f in tracked)
    code, data = review(libreoffice_edits["tracked"], libreoffice_edits["report"], "--apply")
    assert code == 1 and data["apply"]["applied"] is False
