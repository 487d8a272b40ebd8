"""Write a synthetic report folder: N numbered paragraphs and M footnotes, on the example's metadata."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "drafts" / "ctoc-cop-2016-tip"
SENTENCE = ("UNODC continued to provide {{ fig['activities-total'].value | count }} activities "
            "in {{ report.session.number | ordinal }} session countries, with *tools* and workshops held "
            "{{ act[first].dates | during }} for practitioners and officials. ")


def write_synthetic(folder: Path, paragraphs: int = 2000, footnotes: int = 200) -> Path:
    """Create the folder and return it."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name in ("report.json", "figures.json", "activities.json"):
        shutil.copy(EXAMPLE / name, folder / name)
    activities = json.loads((EXAMPLE / "activities.json").read_text(encoding="utf-8"))["activities"]
    dated = next(a["id"] for a in activities if "dates" in a)
    sentence = SENTENCE.replace("first", repr(dated))
    blocks: list[dict[str, object]] = []
    every = max(paragraphs // footnotes, 1) if footnotes else 0
    notes = []
    for i in range(paragraphs):
        if i % 100 == 0:
            blocks.append({"heading": 1 + (i // 100) % 3, "text": f"Section {i // 100 + 1}"})
        text = sentence * 3
        if every and i % every == 0 and len(notes) < footnotes:
            notes.append({"id": f"note-{len(notes) + 1}", "text": f"Synthetic footnote {len(notes) + 1}."})
            text += f"[^note-{len(notes)}]"
        blocks.append({"id": f"p{i + 1}", "text": text})
    (folder / "content.json").write_text(json.dumps({"blocks": blocks}, indent=1), encoding="utf-8")
    (folder / "footnotes.json").write_text(json.dumps({"footnotes": notes}, indent=1), encoding="utf-8")
    return folder
