"""Findings of a review, located at the records, and how a person finds a paragraph in the document."""

from __future__ import annotations

import re
from os.path import commonprefix

from secretariat.checks.finding import Finding, Severity
from secretariat.review.compare import Comparison
from secretariat.word.reading import ReadParagraph

_FIGURE = re.compile(r"fig\[\s*['\"]([^'\"]+)['\"]\s*\]")
_BLOCK = re.compile(r"^/blocks/\d+")


def name(paragraph: ReadParagraph) -> str:
    """Return how a person finds a paragraph in the document: its printed number, else its first words."""
    if paragraph.kind == "footnote":
        return paragraph.label
    noun = "heading" if paragraph.kind == "heading" else "paragraph"
    if paragraph.label:
        return f"{noun} {paragraph.label}"
    words = paragraph.text.strip()
    return f"the {noun} starting {words[:40] + ('…' if len(words) > 40 else '')!r}"


def short(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def difference(before: str, after: str, context: int = 20) -> tuple[str, str]:
    """Return the part of each text that differs, with the words around it: '…a pressing global…'."""
    start = len(commonprefix([before, after]))
    same_end = min(len(commonprefix([before[::-1], after[::-1]])), len(before) - start, len(after) - start)
    lo = max(start - context, 0)
    while lo > 0 and not before[lo - 1].isspace():  # the common part is alike in both: whole words only
        lo -= 1
    tail = min(context, same_end)
    while tail < same_end and not before[len(before) - same_end + tail].isspace():
        tail += 1

    def cut(text: str) -> str:
        hi = len(text) - same_end + tail
        return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")

    return short(cut(before), 160), short(cut(after), 160)


class Located:
    """Collect the findings of a review, each located at a record."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.items: list[Finding] = []

    def add(self, code: str, severity: Severity, pointer: str | None, message: str, file: str = "content.json",
            expected: str | None = None, found: str | None = None) -> None:
        block = _BLOCK.match(pointer) if pointer and file == "content.json" else None
        self.items.append(Finding(code, severity, self.comparison.locate(pointer, file), message, expected, found,
                                  block.group() if block else None, "review"))

    def value_source(self, expression: str) -> str:
        """Return the record a {{ … }} expression prints, as a person would look it up."""
        figure = _FIGURE.search(expression)
        figures = list(self.comparison.records.figures)
        if figure and figure.group(1) in figures:
            return f"figure {figure.group(1)!r} (figures.json /figures/{figures.index(figure.group(1))})"
        if "report." in expression:
            return f"report.json ({expression.strip('{} ')})"
        return f"the records ({expression.strip('{} ')})"
