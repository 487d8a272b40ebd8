"""Read any .docx, ours or not, into paragraphs, footnotes and comments with their identities.

``read_docx(path)`` returns a ReadDocument or raises a DocumentError with one located message. Review,
tracked changes and the linter of any .docx all read through here: nothing else parses a .docx.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from secretariat.errors import DocumentError
from secretariat.word.identity import MADE_FROM_NS, identity_of, read_made_from, written_digest
from secretariat.word.ooxml import A_NS, PPR, PSTYLE, R_NS, VAL, WP_NS, P, w
from secretariat.word.readnumbering import Numbering
from secretariat.word.readpackage import Package
from secretariat.word.readtext import ParagraphParts, ReadChange, walk

__all__ = ["ReadChange", "ReadComment", "ReadDocument", "ReadFootnote", "ReadParagraph", "is_untouched_draft",
           "read_docx"]

_BODY_CONTAINERS = {w(tag) for tag in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml")}
_NOTE_KINDS_SKIPPED = ("separator", "continuationSeparator", "continuationNotice")
_MADE_FROM = f"{{{MADE_FROM_NS}}}madeFrom"
_INLINE, _DOC_PR, _BLIP, _EMBED = f"{{{WP_NS}}}inline", f"{{{WP_NS}}}docPr", f"{{{A_NS}}}blip", f"{{{R_NS}}}embed"


@dataclass(frozen=True)
class ReadParagraph:
    """A body paragraph as a reader sees it, with the record it came from when the draft says so."""

    kind: str  # "heading" | "paragraph" | "subparagraph" | "masthead" | "other"
    label: str  # as printed by live numbering: "17", "3 (f)", "II.A"; "" if unnumbered
    text: str
    identity: str | None  # "/blocks/5", "/blocks/3/items/2"; None when no identity bookmark is there
    rejected: str = ""  # the text with every pending change rejected (equal to text when none is pending)
    identities: tuple[str, ...] = ()  # every identity found (two after an editor merged two paragraphs)
    style: str = ""
    numbered: bool = False  # live Word numbering (not typed numbers)
    level: int | None = None  # list level when numbered
    notes: tuple[int, ...] = ()  # indexes into ReadDocument.footnotes of the notes referenced here
    note_offsets: tuple[int, ...] = ()  # for each of notes, where in text its reference mark stands
    changes: tuple[ReadChange, ...] = ()  # tracked changes still pending
    index: int = 0  # position among ReadDocument.paragraphs


@dataclass(frozen=True)
class ReadFootnote:
    """A footnote in the order of its reference, with its printed mark."""

    label: str  # "1", "*"
    text: str
    identity: str | None  # "/footnotes/0", or "masthead" for the masthead's asterisk note
    changes: tuple[ReadChange, ...] = ()


@dataclass(frozen=True)
class ReadComment:
    """An editor's comment and the paragraph it is on (None if it is elsewhere, as in a footnote)."""

    author: str
    date: str
    text: str
    paragraph: int | None


@dataclass(frozen=True)
class ReadDocument:
    """Everything review needs from a .docx."""

    path: Path
    paragraphs: tuple[ReadParagraph, ...]
    footnotes: tuple[ReadFootnote, ...]
    comments: tuple[ReadComment, ...]
    made_from: dict[str, Any] | None  # what a secretariat draft was made from; None for other documents
    pictures: tuple[tuple[str, bytes], ...] = ()  # (description, bytes) of the pictures in the page footers


def _paragraphs(container: etree._Element, pending: list[str]) -> Iterator[tuple[etree._Element, list[str]]]:
    """Yield body paragraphs in order with the bookmark names that start just before each."""
    for child in container:
        if child.tag == P:
            yield child, pending[:]
            pending.clear()
        elif child.tag == w("bookmarkStart"):
            pending.append(child.get(w("name"), ""))
        elif child.tag in _BODY_CONTAINERS:
            yield from _paragraphs(child, pending)


def _identities(names: list[str], originals: set[str]) -> tuple[str, ...]:
    """Return the identities of bookmark names; a copy's only where the original is nowhere else."""
    found = [identity_of(name) for name in names]
    return tuple(i for i, copied in (f for f in found if f is not None) if not copied or i not in originals)


def _originals(names: list[str]) -> set[str]:
    found = [identity_of(name) for name in names]
    return {i for i, copied in (f for f in found if f is not None) if not copied}


def _notes(package: Package, part: str | None) -> dict[int, tuple[str, str | None, tuple[ReadChange, ...]]]:
    """Return footnote w:id -> (text, identity, changes) for the real notes of the footnotes part."""
    found: dict[int, tuple[str, str | None, tuple[ReadChange, ...]]] = {}
    if part is None:
        return found
    notes: list[tuple[etree._Element, str, list[ParagraphParts]]] = []
    for note in package.xml(part).iter(w("footnote")):
        if note.get(w("type")) in _NOTE_KINDS_SKIPPED:
            continue
        walks = [walk(p, skip_note_marks=True) for p in note.iter(P)]
        text = "\n".join("".join(x.text) for x in walks).lstrip(" \t")
        notes.append((note, text, walks))
    originals = _originals([name for _n, _t, walks in notes for x in walks for name in x.bookmarks])
    for note, text, walks in notes:
        identities = _identities([name for x in walks for name in x.bookmarks], originals)
        try:
            key = int(note.get(w("id"), ""))
        except ValueError:
            continue
        found[key] = (text, identities[0] if identities else None, tuple(c for x in walks for c in x.changes))
    return found


def _comments(package: Package, part: str | None) -> dict[str, tuple[str, str, str]]:
    if part is None:
        return {}
    return {c.get(w("id"), ""): (c.get(w("author"), ""), c.get(w("date"), ""),
                                 "\n".join("".join(t.text or "" for t in p.iter(w("t"))) for p in c.iter(P)))
            for c in package.xml(part).iter(w("comment"))}


def _made_from_item(package: Package) -> etree._Element | None:
    for name in package.names("customXml/item"):
        if name.startswith("customXml/itemProps") or not name.endswith(".xml"):
            continue
        item = package.xml(name)
        if item.tag == _MADE_FROM:
            return item
    return None


def _made_from(package: Package) -> dict[str, Any] | None:
    item = _made_from_item(package)
    return read_made_from(item) if item is not None else None


def _footer_pictures(package: Package) -> tuple[tuple[str, bytes], ...]:
    """Return (description, bytes) of every picture drawn in a footer: page 1's barcode and QR code."""
    found: list[tuple[str, bytes]] = []
    for _id, kind, part in package.relationships(package.main):
        if kind != "footer":
            continue
        media = {rel_id: target for rel_id, _kind, target in package.relationships(part)}
        for inline in package.xml(part).iter(_INLINE):
            described, blip = inline.find(_DOC_PR), next(inline.iter(_BLIP), None)
            target = media.get(blip.get(_EMBED, "")) if blip is not None else None
            data = package.read(target) if target else None
            if described is not None and data is not None:
                found.append((described.get("descr", ""), data))
    return tuple(found)


def is_untouched_draft(path: Path) -> bool:
    """Return whether path is a draft exactly as secretariat wrote it (no editor has saved it since)."""
    try:
        package = Package(Path(path))
    except DocumentError:
        return False
    try:
        item = _made_from_item(package)  # only its seal: what the draft was made from is not needed here
        written = item.get("written", "") if item is not None else ""
        if not written:
            return False
        members = [(name, package.read(name) or b"") for name in package.names("")]
        return bool(written_digest(members) == written)
    except DocumentError:
        return False
    finally:
        package.close()


def read_docx(path: Path) -> ReadDocument:
    """Read a .docx; raise DocumentError if it is not a readable Word document."""
    package = Package(Path(path))
    try:
        related = package.related(package.main)
        body = package.xml(package.main).find(w("body"))
        numbering = Numbering(package.xml(related.get("styles", "")), package.xml(related.get("numbering", "")))
        notes = _notes(package, related.get("footnotes"))
        comment_texts = _comments(package, related.get("comments"))
        paragraphs: list[ReadParagraph] = []
        footnotes: list[ReadFootnote] = []
        comments: list[ReadComment] = []
        seen_comments: set[str] = set()
        number = 0
        found = _paragraphs(body if body is not None else etree.Element("none"), [])
        walked = [(p, before, walk(p)) for p, before in found]
        originals = _originals([name for _p, before, parts in walked for name in before + parts.bookmarks])
        for p, before, parts in walked:
            style_element = p.find(f"{PPR}/{PSTYLE}")
            style = style_element.get(VAL, "") if style_element is not None else ""
            label, level = numbering.label(p)
            indexes, offsets = [], []
            for (note_id, mark), offset in zip(parts.notes, parts.note_offsets, strict=True):
                if note_id in notes:
                    offsets.append(offset)
                    number += 0 if mark else 1
                    text, identity, changes = notes[note_id]
                    if mark and text.startswith(mark):  # a custom mark some suites write as plain text
                        text = text.removeprefix(mark).lstrip(" \t")
                    indexes.append(len(footnotes))
                    footnotes.append(ReadFootnote(mark or str(number), text, identity, changes))
            for comment_id in parts.comments:
                if comment_id in comment_texts and comment_id not in seen_comments:
                    seen_comments.add(comment_id)
                    comments.append(ReadComment(*comment_texts[comment_id], paragraph=len(paragraphs)))
            identities = _identities(before + parts.bookmarks, originals)
            paragraphs.append(ReadParagraph(
                kind=numbering.kind(style or None, level), label=label or "", text="".join(parts.text),
                rejected="".join(parts.rejected),
                identity=identities[0] if identities else None, identities=identities, style=style,
                numbered=label is not None, level=level, notes=tuple(indexes), note_offsets=tuple(offsets),
                changes=tuple(parts.changes),
                index=len(paragraphs)))
        comments += [ReadComment(*texts, paragraph=None) for key, texts in comment_texts.items()
                     if key not in seen_comments]
        return ReadDocument(Path(path), tuple(paragraphs), tuple(footnotes), tuple(comments), _made_from(package),
                            _footer_pictures(package))
    finally:
        package.close()
