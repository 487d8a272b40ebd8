"""Turn documents into passages: plain text or Markdown files, and Word documents of any origin."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Protocol

from secretariat.errors import DocumentError
from secretariat.lint.passage import Passage
from secretariat.lint.rules.numbers import MONTHS

MAX_TEXT_BYTES = 50 * 1024 * 1024
_DATE = re.compile(rf"\b(\d{{1,2}}) ({'|'.join(MONTHS)}) (\d{{4}})\b")
# Page furniture of a UN document: job numbers, barcodes, running heads, page numbers.
_FURNITURE = re.compile(r"(?:[A-Z]\.)?\d{2}-\d{5}\b.*|\*\d{7}\*|[A-Z]+(?:/[\w.]+)+\*?(?:\s+\d+)?|\d{1,3}|_+\s*")
_LABEL = re.compile(r"(?:[-•]\s+)?(?:(\d{1,3})\.|\(([a-z]{1,4})\)|([IVX]{1,5}|[A-H])\.)\s+")
# A line of more than 120 characters ending a sentence ends a paragraph (one paragraph a line, no blank lines).
_ENDED = re.compile(r"^.{120,}[.:;!?][\"”’)]?\s*$")
_STARTS = re.compile(r"\s*(?:[-•]\s+(?:\d{1,3}\.|\([a-z]{1,4}\))|\d{1,3}\.\s+[A-Z]|\([a-z]{1,4}\)\s+[A-Z])")
# Markdown emphasis marks (the delimiters only, group 1) and backslash escapes, taken out of a text file's text.
_MARKS = re.compile(r"(?<![\w*\\])(\*\*?|__?)(?=[^\s*_])(?:[^*\n]*?[^\s*\\])?(\1)(?![\w*])")
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!$|<>])")
_FOOTNOTE = re.compile(r"(?:\^\{[^}]*\}|[¹²³⁴⁵⁶⁷⁸⁹⁰*]+|_{3,}\s*\*|\d{1,2}\s)\s*\S")


def read_text(path: Path) -> str:
    """Return the text of a plain-text or Markdown file; raise DocumentError saying why it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise DocumentError(f"{path}: expected a text file of at most {MAX_TEXT_BYTES:,} bytes, found {size:,}")
        data = path.read_bytes()
    except OSError as e:
        raise DocumentError(f"cannot read {path}: {e.strerror or e}") from e
    if b"\x00" in data[:4096]:
        raise DocumentError(f"{path}: expected plain text or Markdown (UTF-8), found binary data")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DocumentError(f"{path}: expected UTF-8 text, found an invalid byte at offset {e.start}") from e


def text_passages(path: Path, text: str) -> Iterator[Passage]:
    """Split a text into paragraphs at blank lines, each with its line, column and printed label."""
    last = 0
    lines = text.splitlines()
    block: list[tuple[int, str]] = []
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip() and not (block and (_STARTS.match(line) or _ENDED.search(block[-1][1]))):
            block.append((number, line))
            continue
        if block:
            passage = _passage(path, block, last)
            if passage.kind == "paragraph" and passage.label and passage.label.isdigit():
                last = int(passage.label)
            yield passage
        block = [(number, line)] if line.strip() else []


def _passage(path: Path, block: list[tuple[int, str]], last: int) -> Passage:
    """Join a block's lines with spaces, Markdown marks taken out, remembering where each piece came from."""
    segments: list[tuple[int, int, int]] = []
    parts: list[str] = []
    offset = 0
    for number, line in block:
        column = len(line) - len(line.lstrip()) + 1
        stripped = line.strip()
        cuts = sorted({i for m in _MARKS.finditer(stripped) for g in (1, 2) for i in range(*m.span(g))}
                      | {m.start() for m in _ESCAPE.finditer(stripped)})
        kept_from = 0
        for cut in [*cuts, len(stripped)]:
            if cut > kept_from or not segments or segments[-1][1] != number:
                segments.append((offset, number, column + kept_from))
            piece = stripped[kept_from:cut]
            parts.append(piece)
            offset += len(piece)
            kept_from = cut + 1
        parts.append(" ")
        offset += 1
    text = "".join(parts).rstrip(" ")
    markup = " ".join(line.strip() for _, line in block)
    kind, label = _kind(text, markup, last)
    return Passage(text, str(path), kind, label, line=block[0][0], column=segments[0][2],
                   markup=markup if markup != text else None, segments=tuple(segments))


def _kind(text: str, markup: str, last: int) -> tuple[str, str | None]:
    if _FURNITURE.fullmatch(markup.strip()) or re.search(r"\.{4,}|(?:\. ){4,}", text):
        return "other", None
    if _FOOTNOTE.match(text) and not _LABEL.match(text) and len(text) < 2000 and not text[:1].isalpha():
        return "footnote", None
    match = _LABEL.match(text)
    if match is None:
        return "paragraph", None
    number, letter, heading = match.groups()
    if letter:
        return "paragraph", f"{last} ({letter})"
    if number and int(number) > last:
        return "paragraph", number
    return "heading", number or heading


def document_date(texts: list[str]) -> date:
    """Return the first full date of a document's opening (its masthead date), else today."""
    for text in texts:
        match = _DATE.search(text)
        if match:
            day, month, year = match.groups()
            try:
                return date(int(year), MONTHS.index(month) + 1, int(day))
            except ValueError:
                continue
    return date.today()


class ReadText(Protocol):
    """A paragraph or footnote as the Word reader gives it (secretariat.word.reading)."""

    @property
    def label(self) -> str: ...
    @property
    def text(self) -> str: ...


class ReadParagraph(ReadText, Protocol):
    """A paragraph of a Word document as read."""

    @property
    def kind(self) -> str: ...
    @property
    def notes(self) -> Sequence[int]: ...  # the footnotes referenced here (indexes into the footnotes)
    @property
    def note_offsets(self) -> Sequence[int]: ...  # where in the text each reference mark stands


class ReadDocument(Protocol):
    """A Word document as read: body paragraphs and footnotes in order."""

    @property
    def paragraphs(self) -> Sequence[ReadParagraph]: ...
    @property
    def footnotes(self) -> Sequence[ReadText]: ...


def _with_marks(paragraph: ReadParagraph, document: ReadDocument) -> str | None:
    """Return the text with each footnote reference written where it stands, as "[^1]" (None if there is none)."""
    if not paragraph.notes:
        return None
    text = paragraph.text
    for note, offset in sorted(zip(paragraph.notes, paragraph.note_offsets, strict=False), key=lambda n: -n[1]):
        label = document.footnotes[note].label if 0 <= note < len(document.footnotes) else "?"
        text = f"{text[:offset]}[^{label}]{text[offset:]}"
    return text


def docx_passages(path: Path, document: ReadDocument) -> Iterator[Passage]:
    """Return a Word document's passages: paragraphs with their printed labels, then footnotes."""
    previous = ""
    for index, paragraph in enumerate(document.paragraphs, start=1):
        label = paragraph.label or (f"after {previous}" if previous else f"#{index}")
        if paragraph.label:
            previous = paragraph.label
        kind = paragraph.kind if paragraph.kind != "other" else "paragraph"
        yield Passage(paragraph.text, str(path), kind, label, markup=_with_marks(paragraph, document))
    for note in document.footnotes:
        yield Passage(note.text, str(path), "footnote", f"footnote {note.label}")
