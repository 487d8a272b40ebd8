"""What the rules read: passages of text with where they come from, and what they report."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property


@dataclass(frozen=True)
class Passage:
    """One paragraph of text to lint, and where a reader finds it."""

    text: str  # the text as a reader sees it
    file: str  # the file it came from
    kind: str = "paragraph"  # "paragraph" | "heading" | "footnote" | "masthead" | "other"
    label: str | None = None  # as printed: "17", "3 (f)", "footnote 1"; None when unknown
    pointer: str | None = None  # the JSON pointer of a record text
    line: int | None = None  # the line the text starts on (text files)
    column: int | None = None
    markup: str | None = None  # the source with its Markdown marks, when there is one
    segments: tuple[tuple[int, int, int], ...] = ()  # (offset in text, line, column) where each source line starts

    @cached_property
    def folded(self) -> str:
        """Return the text case-folded, for quick tests of whether a rule can match at all."""
        return self.text.casefold()

    def position(self, offset: int) -> tuple[int | None, int | None]:
        """Return the line and column in the source file of an offset in the text."""
        if not self.segments:
            return self.line, None if self.column is None else self.column + offset
        start, line, column = next(s for s in reversed(self.segments) if s[0] <= offset or s is self.segments[0])
        return line, column + max(0, offset - start)


@dataclass(frozen=True)
class Hit:
    """What a rule found: a code, a span of the passage text, and expected vs found."""

    code: str
    severity: str  # "error", "warning" or "note", as the findings' severities
    start: int
    end: int
    message: str
    expected: str | None = None  # the suggested replacement, when there is one
    found: str | None = None


@dataclass
class Document:
    """What rules remember from one passage to the next within one document."""

    on: date  # the document's date: country names in force then
    seen: dict[str, dict[str, str]] = field(default_factory=dict)  # per-rule memory, keyed by the rule

    def memory(self, key: str) -> dict[str, str]:
        """Return the rule's memory for this document (what it saw, and where), made on first use."""
        return self.seen.setdefault(key, {})


_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]*[A-Z0-9])")


# Abbreviations whose full stop ends no sentence: "(No. 29)", "para. 12", "Mr. Fedotov".
_NO_END = re.compile(r"(?:\b(?:No|Nos|no|nos|para|paras|art|arts|vol|p|pp|cf|e\.g|i\.e|Mr|Ms|Mrs|Dr|St|Corr|Rev|Add|"
                     r"Sect|sect|chap|fig|Fig|approx|Vol|Art|Para)|\b[A-Z])$")


def sentence_starts(text: str) -> list[int]:
    """Return the offsets at which sentences start (after ., ! or ? and a space, and at the start)."""
    starts = [len(text) - len(text.lstrip())]
    # an abbreviation is at most 6 letters and the end of the search: look no further back than that
    starts += [m.end() for m in _SENTENCE_END.finditer(text) if not _NO_END.search(text, max(0, m.start() - 10),
                                                                                   m.start())]
    return starts
