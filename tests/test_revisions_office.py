"""LibreOffice referees the tracked changes: accepting all gives the new draft, rejecting all the old one."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from office import require
from revision_pairs import EDITS, make_next_session, make_pair
from secretariat.changes import CompareOptions, compare, draft_with_changes
from secretariat.model import Revisions
from secretariat.pipeline import DraftOptions, draft

pytestmark = pytest.mark.office

HERE = Path(__file__).resolve().parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def footnote_texts(docx: Path) -> list[str]:
    """Return the text of every real footnote of a .docx, in order."""
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/footnotes.xml"))
    return ["".join(t.text or "" for t in note.iter(f"{W}t")).strip()
            for note in root.iter(f"{W}footnote") if note.get(f"{W}type") in (None, "normal")]


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
    out = where / "out"
    out.mkdir()
    require("soffice")
    subprocess.run(["/usr/bin/python3", str(HERE / "lo_revisions.py"), str(out), *sorted(map(str, inputs.iterdir()))],
                   check=True, timeout=300)
    return out


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8-sig").splitlines()


@pytest.mark.parametrize("name", [*EDITS, "next"])
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
