"""Footnote references in record texts: every footnote referenced exactly once, every reference known."""

from __future__ import annotations

import re
from dataclasses import dataclass

from secretariat.records.content import sub_paragraphs
from secretariat.records.folder import ReportRecords

# An unescaped [^label]: a data value's brackets are always escaped, so only record text can make one.
_REFERENCE = re.compile(r"(?<!\\)\[\^([^\]\s]+)\](?!:)")


@dataclass(frozen=True)
class FootnoteIssue:
    """One problem with footnote references: its kind, where, and what was expected vs found."""

    kind: str  # "unreferenced", "unknown", "referenced-twice"
    file: str
    pointer: str
    message: str


def record_texts(records: ReportRecords) -> list[tuple[str, str]]:
    """Return (pointer, text) for every paragraph text and sub-paragraph of content.json."""
    texts = []
    for index, block in enumerate(records.content):
        texts.append((f"/blocks/{index}/text", block["text"]))
        texts += [(f"/blocks/{index}{sub.text_pointer}", sub.text) for sub in sub_paragraphs(block)]
    return texts


def footnote_issues(records: ReportRecords) -> list[FootnoteIssue]:
    """Return every footnote that is referenced never or twice, and every reference to no footnote."""
    seen: dict[str, str] = {}
    issues = []
    for pointer, text in record_texts(records):
        for label in _REFERENCE.findall(text):
            if label not in records.footnotes:
                issues.append(FootnoteIssue("unknown", "content.json", pointer,
                                            f"expected a footnote {label!r} in footnotes.json, found none"))
            elif label in seen:
                issues.append(FootnoteIssue("referenced-twice", "content.json", pointer,
                                            f"expected footnote {label!r} to be referenced once, found it "
                                            f"referenced again (first at {seen[label]})"))
            else:
                seen[label] = pointer
    for index, key in enumerate(records.footnotes):
        if key not in seen:
            issues.append(FootnoteIssue("unreferenced", "footnotes.json", f"/footnotes/{index}",
                                        f"expected a reference [^{key}] in the content, found none"))
    return issues
