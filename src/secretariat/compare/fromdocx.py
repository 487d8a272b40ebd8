"""Turn a .docx read back (ours, edited since, or anyone's) into a version of the report to compare."""

# The reader gives each paragraph's plain text, kind, style, identity and where its footnote references
# stand; italics and bold are not read, so a comparison with a .docx ignores them. The masthead lines are
# recognized by their styles; what only the running footers hold (job number, its dates, the barcode) is not
# read and is taken from the other version, so it is never marked.

from __future__ import annotations

import re
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from secretariat import __version__
from secretariat.compare.redline import Version
from secretariat.model import Block, Draft, FootnoteRef, Heading, Inline, Masthead, Origin, Paragraph, Presentation, Run
from secretariat.word import names as n
from secretariat.word.reading import ReadDocument, ReadParagraph, read_docx

_MASTHEAD_STYLES = {n.MASTHEAD_SYMBOL: "symbol", n.MASTHEAD_BODY: "body", n.MASTHEAD_ORIGINAL: "original",
                    n.MASTHEAD_SESSION: "session", n.MASTHEAD_VENUE: "venue_dates", n.MASTHEAD_ITEM: "agenda_item",
                    n.MASTHEAD_AGENDA_TITLE: "agenda_title", n.TITLE: "title", n.SUBTITLE: "subtitle"}
_PREFIXES = {"distribution": "Distr.: ", "original": "Original: "}
_LEVEL = re.compile(r"(\d)$")
FOOTERS_ONLY = ("job_number", "job_dates", "barcode")
_BLANK = Masthead(symbol="", distribution="", date="", original="", body="", session="", venue_dates="",
                  agenda_item="", agenda_footnote="", agenda_title="", title="", subtitle="", job_number="",
                  job_dates=("", ""), barcode="")


def _inlines(text: str, offsets: tuple[int, ...], keys: list[str]) -> tuple[Inline, ...]:
    """Return text cut at the footnote references (by character offset) into runs and references."""
    result: list[Inline] = []
    start = 0
    for offset, key in zip(offsets, keys, strict=True):
        if offset > start:
            result.append(Run(text[start:offset]))
        result.append(FootnoteRef(key))
        start = max(start, offset)
    if start < len(text):
        result.append(Run(text[start:]))
    return tuple(result)


def _block(paragraph: ReadParagraph, inlines: tuple[Inline, ...]) -> Block | None:
    """Return the heading or paragraph a read paragraph is (None for an empty one that is not numbered)."""
    source = paragraph.identity or ""
    if paragraph.kind == "heading":
        found = _LEVEL.search(paragraph.style)
        level = int(found.group(1)) if found and found.group(1) in "123" else min((paragraph.level or 0) + 1, 3)
        return Heading(level, inlines, source)
    if not paragraph.text.strip() and not paragraph.numbered:
        return None
    numbered = paragraph.kind in ("paragraph", "subparagraph")
    return Paragraph(inlines, _paragraph_level(paragraph), source, numbered=numbered)


def _paragraph_level(paragraph: ReadParagraph) -> int:
    """Return 0 for a numbered paragraph, 1 to 4 for a sub-paragraph (by our style, else by its list level)."""
    if paragraph.kind != "subparagraph":
        return 0
    if paragraph.style in n.PARAGRAPH_LEVELS:
        return n.PARAGRAPH_LEVELS.index(paragraph.style)
    return min(max(paragraph.level or 1, 1), len(n.PARAGRAPH_LEVELS) - 1)


def _masthead(document: ReadDocument, fallback: Masthead | None) -> Masthead:
    """Return the masthead the document's masthead lines print; what they do not hold comes from fallback."""
    values: dict[str, Any] = {f.name: "" for f in fields(Masthead) if f.type == "str"}
    distr = 0
    for paragraph in document.paragraphs:
        if paragraph.kind != "masthead":
            continue
        if paragraph.style == n.MASTHEAD_DISTR:
            name = ("distribution", "date")[min(distr, 1)]
            distr += 1
        else:
            name = _MASTHEAD_STYLES.get(paragraph.style, "")
        if name:
            values[name] = paragraph.text.removeprefix(_PREFIXES.get(name, ""))
    notes = [note for note in document.footnotes if note.label == "*" or note.identity == "masthead"]
    values["agenda_footnote"] = notes[0].text if notes else ""
    if fallback is None:
        return replace(_BLANK, **values)
    kept = {name: getattr(fallback, name) for name in FOOTERS_ONLY}
    return replace(fallback, **{**values, **kept}, gaps=frozenset(), changes={})


def _origin(made_from: dict[str, Any] | None, symbol: str) -> Origin:
    """Return what a draft read back was made from: its own records if secretariat wrote it, else none.

    Written into a redline of it, this lets the redline be read back and overwritten like any draft of ours.
    """
    if made_from is None:
        return Origin(tool=f"secretariat {__version__}", report="", symbol=symbol, records="")
    return Origin(tool=made_from["tool"], report=made_from["report"], symbol=made_from["symbol"],
                  records=made_from["records"], files=tuple(sorted(made_from["files"].items())),
                  templates=tuple(made_from["templates"].items()))


def docx_version(path: Path, other: Draft | None = None) -> Version:
    """Return the .docx at path as a version to compare with other (whose footnote keys and footers it uses).

    A secretariat draft aligns by its identities; another document by its text.
    """
    document = read_docx(path)
    ours = document.made_from is not None and bool(document.made_from["records"])  # not a redline of others'
    by_source = {source: key for key, source in other.footnote_sources.items()} if other is not None else {}
    others = list(other.footnotes) if other is not None else []
    numbered = [note for note in document.footnotes if note.label != "*" and note.identity != "masthead"]
    keys: dict[int, str] = {}
    for index, note in enumerate(numbered):
        if note.identity is not None:  # ours: the note's record, under the other version's key for it
            key = by_source.get(note.identity, note.identity)
        elif index < len(others) and not ours:
            key = others[index]  # another document: notes pair in order
        else:
            key = f"{path.name} note {note.label}"
        keys[document.footnotes.index(note)] = key
    blocks: list[Block] = []
    for paragraph in document.paragraphs:
        if paragraph.kind == "masthead":
            continue
        pairs = [(offset, keys[i]) for i, offset in zip(paragraph.notes, paragraph.note_offsets, strict=True)
                 if i in keys]
        inlines = _inlines(paragraph.text, tuple(o for o, _ in pairs), [k for _, k in pairs])
        block = _block(paragraph, inlines)
        if block is not None:
            blocks.append(block)
    footnotes: dict[str, tuple[Inline, ...]] = {keys[i]: (Run(document.footnotes[i].text),) for i in keys}
    sources = {keys[i]: identity for i in keys if (identity := document.footnotes[i].identity) is not None}
    masthead = _masthead(document, other.masthead if other is not None else None)
    draft = Draft(masthead=masthead, blocks=tuple(blocks), footnotes=footnotes, footnote_sources=sources,
                  title=masthead.title, origin=_origin(document.made_from, masthead.symbol),
                  presentation=Presentation(drawn=document.pictures),
                  language=other.language if other is not None else "en-GB")
    identities = {b.source: b.source for b in blocks if b.source}
    return Version(draft, identities, "identities" if ours else "text", styled=False)
