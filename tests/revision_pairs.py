"""Pairs of report versions (old, new) that the revision tests and the redline benchmark compare."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "drafts" / "ctoc-cop-2016-tip"
NEW_FOOTNOTE = "A synthetic footnote added by a test, with a figure of 1,234."


def _edit(path: Path, change: Callable[[Any], None]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _block(content: Any, block_id: str) -> Any:
    return next(b for b in content["blocks"] if b.get("id") == block_id)


def one_figure(folder: Path) -> None:
    """Change the number of parties from 169 to 173."""
    _edit(folder / "figures.json", lambda d: d["figures"][0].update(value=173))


def reworded(folder: Path) -> None:
    """Reword sentences in two paragraphs and a sub-paragraph."""
    def change(content: Any) -> None:
        first = _block(content, "normative-overview")
        first["text"] = first["text"].replace("provided strategic and substantive support to",
                                              "gave strategic and substantive help to")
        second = _block(content, "ga-support")
        second["text"] = second["text"].replace("During the reporting period,", "Throughout the period under review,")
        items = _block(content, "intro-key-achievements")["items"]
        items[0] = items[0].replace("were organized", "have been organized")
    _edit(folder / "content.json", change)


def moved(folder: Path) -> None:
    """Insert a heading and a paragraph with a new footnote, delete a paragraph and a sub-paragraph, move one."""
    def change(content: Any) -> None:
        blocks = content["blocks"]
        blocks.remove(_block(content, "ccpcj-side-events"))
        _block(content, "intro-key-achievements")["items"].pop(1)
        moving = _block(content, "icat-world-day-2015")
        blocks.remove(moving)
        blocks.insert(blocks.index(_block(content, "gmg-reports")) + 1, moving)
        at = blocks.index(_block(content, "leg-pakistan")) + 1
        blocks[at:at] = [{"heading": 3, "text": "Synthetic new sub-section"},
                         {"id": "synthetic-new", "text": "A paragraph that is new in this version.[^synthetic-note]"}]
    _edit(folder / "content.json", change)
    _edit(folder / "footnotes.json",
          lambda d: d["footnotes"].append({"id": "synthetic-note", "text": NEW_FOOTNOTE}))


def footnote(folder: Path) -> None:
    """Change the text of the footnote."""
    def change(notes: Any) -> None:
        notes["footnotes"][0]["text"] = notes["footnotes"][0]["text"].replace(
            "is available at", "can be read at")
    _edit(folder / "footnotes.json", change)


def nested(folder: Path) -> None:
    """Turn a sub-paragraph into one with sub-paragraphs of its own, down to the fourth degree."""
    def change(content: Any) -> None:
        items = _block(content, "intro-key-achievements")["items"]
        items[4] = {"text": "Regional agreements were developed:", "items": [
            "a first strategy;",
            {"text": "a second strategy, with:", "items": [
                "one part;", {"text": "another part, with:", "items": ["a first piece;", "a second piece;"]}]}]}
    _edit(folder / "content.json", change)


def unchanged(folder: Path) -> None:
    """Change nothing."""


EDITS: dict[str, Callable[[Path], None]] = {
    "one-figure": one_figure, "reworded": reworded, "moved": moved, "footnote": footnote, "nested": nested,
    "unchanged": unchanged,
}


def make_pair(name: str, where: Path) -> tuple[Path, Path]:
    """Return (old, new) report folders under where: the example, and the example edited as name says."""
    old = where / name / "old" / "ctoc-cop-2016-tip"
    new = where / name / "new" / "ctoc-cop-2016-tip"
    for folder in (old, new):
        shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("build"))
    EDITS[name](new)
    return old, new


def make_next_session(where: Path) -> tuple[Path, Path]:
    """Return (2016 folder, filled 2018 folder): the next report started with `secretariat new` and filled."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_next_session import fill

    old = where / "next" / "ctoc-cop-2016-tip"
    shutil.copytree(EXAMPLE, old, ignore=shutil.ignore_patterns("build"))
    new = where / "next" / "ctoc-cop-2018-tip"
    subprocess.run([sys.executable, "-m", "secretariat", "new", str(new), "--from", str(old)], check=True,
                   capture_output=True, timeout=120)
    fill(new)
    return old, new
