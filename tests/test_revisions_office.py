"""LibreOffice referees the tracked changes: accepting all gives the new draft, rejecting all the old one."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from office import accept_and_reject_in_libreoffice, edit_in_libreoffice, require
from revision_pairs import EDITS, make_next_session, make_pair
from secretariat.changes import CompareOptions, compare, draft_with_changes
from secretariat.model import Revisions
from secretariat.pipeline import DraftOptions, draft

pytestmark = pytest.mark.office

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def footnote_texts(docx: Path) -> list[str]:
    """Return the text of every real footnote of a .docx, in order, without the asterisk note's mark.

    (LibreOffice saves a custom mark a second time as text: "**CTOC/COP/2016/1." after a round trip.)
    """
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/footnotes.xml"))
    return ["".join(t.text or "" for t in note.iter(f"{W}t")).strip().lstrip("*")
            for note in root.iter(f"{W}footnote") if note.get(f"{W}type") in (None, "normal")]


EDITOR = [{"replace": "Security Council", "by": "the Council"},
          {"delete": "UNODC is a member of the Global Migration Group"},
          {"insert_after": "UNODC continued to provide Member States", "text": "A paragraph an editor added."}]
DOCX_PAIRS = ["docx", "edited", "foreign"]


def _docx_pairs(inputs: Path, folders: tuple[Path, Path], where: Path) -> None:
    """Write the pairs whose OLD is a .docx: ours, ours edited in LibreOffice since, and two foreign ones."""
    old, new = inputs / "moved-old.docx", inputs / "moved-new.docx"
    compare(CompareOptions(old, new, inputs / "docx-marked.docx"))  # two drafts secretariat wrote
    shutil.copy(old, inputs / "docx-old.docx")
    shutil.copy(new, inputs / "docx-new.docx")
    # sent to the editors, edited by them in LibreOffice, then the records moved on: mark against their copy
    edit_in_libreoffice([{"in": str(old), "out": str(inputs / "edited-old.docx"), "edits": EDITOR}], where)
    draft_with_changes(DraftOptions(folders[1], inputs / "edited-marked.docx", comments=False),
                       inputs / "edited-old.docx", Revisions())
    shutil.copy(new, inputs / "edited-new.docx")
    # two documents secretariat did not write (pandoc made them): aligned by text, written in the UN format
    for side, source in (("old", old), ("new", new)):
        foreign = where / f"foreign-{side}.docx"
        subprocess.run([require("pandoc"), str(source), "-o", str(foreign)], check=True, timeout=60)
        compare(CompareOptions(foreign, foreign, inputs / f"foreign-{side}.docx"))  # how it reads, unmarked
    compare(CompareOptions(where / "foreign-old.docx", where / "foreign-new.docx", inputs / "foreign-marked.docx"))


@pytest.fixture(scope="module")
def refereed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write every pair's old, new and marked drafts, then have LibreOffice accept and reject them in one start."""
    where = tmp_path_factory.mktemp("revisions")
    inputs = where / "in"
    inputs.mkdir()
    pairs = {name: make_pair(name, where) for name in EDITS}
    pairs["next"] = make_next_session(where)
    for name, (old, new) in pairs.items():
        for side, folder in (("old", old), ("new", new)):
            draft(DraftOptions(folder, inputs / f"{name}-{side}.docx", comments=False))
        if name == "next":  # the next session's draft, marked against the previous report as it is drafted
            draft_with_changes(DraftOptions(new, inputs / f"{name}-marked.docx", comments=False), old, Revisions())
        else:
            compare(CompareOptions(old, new, inputs / f"{name}-marked.docx"))
    _docx_pairs(inputs, pairs["moved"], where)
    out = where / "out"
    out.mkdir()
    accept_and_reject_in_libreoffice(sorted(inputs.iterdir()), out)
    return out


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8-sig").splitlines()


@pytest.mark.parametrize("name", [*EDITS, "next", *DOCX_PAIRS])
def test_accept_all_gives_new_and_reject_all_gives_old(refereed: Path, name: str) -> None:
    count = int((refereed / f"{name}-marked.count").read_text())
    if name == "unchanged":
        assert count == 0
        assert lines(refereed / f"{name}-marked.txt") == lines(refereed / f"{name}-new.txt")
        return
    assert count > 0
    for action, side in (("accept", "new"), ("reject", "old")):
        assert lines(refereed / f"{name}-marked.{action}.txt") == lines(refereed / f"{name}-{side}.txt"), action
        assert (footnote_texts(refereed / f"{name}-marked.{action}.docx")
                == footnote_texts(refereed / f"{name}-{side}.docx")), action
