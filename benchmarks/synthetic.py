"""Write a synthetic report folder: N numbered paragraphs and M footnotes made from the example's own text.

The paragraphs cycle through the 2016 example's paragraph blocks (with their Jinja expressions,
sub-paragraphs and italics), so the load is the one a real report of that length would give.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "drafts" / "ctoc-cop-2016-tip"


def _load(name: str) -> dict[str, list[dict[str, object]]]:
    return json.loads((EXAMPLE / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def write_synthetic(folder: Path, paragraphs: int = 2000, footnotes: int = 200) -> Path:
    """Create the folder and return it."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name in ("report.json", "figures.json", "activities.json"):
        shutil.copy(EXAMPLE / name, folder / name)
    source = [b for b in _load("content.json")["blocks"] if "heading" not in b]
    plain = [b for b in source if "[^" not in str(b["text"])]
    every = max(paragraphs // footnotes, 1) if footnotes else 0
    blocks: list[dict[str, object]] = []
    notes: list[dict[str, str]] = []
    for i in range(paragraphs):
        if i % 50 == 0:
            blocks.append({"heading": 1 + (i // 50) % 3, "text": f"Part {i // 50 + 1} of the synthetic report"})
        block = dict(plain[i % len(plain)], id=f"p{i + 1}")
        if every and i % every == 0 and len(notes) < footnotes:
            notes.append({"id": f"note-{len(notes) + 1}", "text": f"Synthetic footnote {len(notes) + 1}, "
                          "citing *Global Report on Trafficking in Persons 2014*."})
            block["text"] = f"{block['text']}[^note-{len(notes)}]"
        blocks.append(block)
    (folder / "content.json").write_text(json.dumps({"blocks": blocks}, indent=1), encoding="utf-8")
    (folder / "footnotes.json").write_text(json.dumps({"footnotes": notes}, indent=1), encoding="utf-8")
    return folder
