"""Findings of a review, located at the records, and how a person finds a paragraph in the document."""

from __future__ import annotations

import re

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
