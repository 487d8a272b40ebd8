"""Describe what a draft is made from: tool version, digests of the record files, each paragraph's record text."""

from __future__ import annotations

import hashlib

from secretariat import __version__
from secretariat.model import Origin
from secretariat.records import ReportRecords
from secretariat.records.content import sub_paragraphs
from secretariat.records.folder import WAIVERS

TOOL = f"secretariat {__version__}"


def _digest(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_templates(records: ReportRecords) -> tuple[tuple[str, str], ...]:
    """Return (content pointer, record text) for every heading, paragraph, sub-paragraph and footnote."""
    texts: list[tuple[str, str]] = []
    for index, block in enumerate(records.content):
        texts.append((f"/blocks/{index}", str(block["text"])))
        texts += [(f"/blocks/{index}{sub.pointer}", sub.text) for sub in sub_paragraphs(block)]
    texts += [(f"/footnotes/{i}", str(note["text"])) for i, note in enumerate(records.footnotes.values())]
    return tuple(texts)


def origin_of(records: ReportRecords) -> Origin:
    """Return the origin of a draft of records (waivers do not change the text, so they are left out)."""
    files = tuple((name, f.digest()) for name, f in sorted(records.files.items()) if name != WAIVERS)
    whole = _digest("\n".join(f"{name} {digest}" for name, digest in files))
    return Origin(tool=TOOL, report=records.folder.resolve().name, symbol=str(records.report.get("symbol") or ""),
                  records=whole, files=files, templates=record_templates(records))
