"""Read what a paragraph says: its text with pending changes shown accepted, its marks and its revisions."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from secretariat.word import names as n
from secretariat.word.ooxml import PPR, RPR, RSTYLE, VAL, R, T, w

_TEXT = {T: None, w("tab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-", w("softHyphen"): ""}
_SKIPPED_REVISIONS = {w("del"): "deletion", w("moveFrom"): "move (from)"}
_SHOWN_REVISIONS = {w("ins"): "insertion", w("moveTo"): "move (to)"}
_CONTAINERS = {w(tag) for tag in ("hyperlink", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml", "dir",
                                  "bdo")}
_NOTE_REF, _BOOKMARK, _DEL_TEXT = w("footnoteReference"), w("bookmarkStart"), w("delText")
_COMMENT_MARKS = (w("commentRangeStart"), w("commentReference"))
_AUTHOR, _DATE, _NAME, _ID = w("author"), w("date"), w("name"), w("id")
_MARK_CHANGES = ((f"{RPR}/{w('ins')}", "paragraph inserted"), (f"{RPR}/{w('del')}", "paragraph mark deleted"))
_PARAGRAPH_CHANGE, _RUN_CHANGE = w("pPrChange"), w("rPrChange")
_COMMENT_REF, _CUSTOM_MARK = w("commentReference"), w("customMarkFollows")


@dataclass(frozen=True)
class ReadChange:
    """A tracked change still pending: insertion, deletion, move, paragraph mark or formatting."""

    kind: str
    author: str
    date: str
    text: str = ""


@dataclass
class ParagraphParts:
    """What one walk over a paragraph collects."""

    text: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)  # the text with every pending change rejected
    notes: list[tuple[int, str]] = field(default_factory=list)  # footnote w:id, custom mark ("" if numbered)
    note_offsets: list[int] = field(default_factory=list)  # where in the text each of notes is referenced
    bookmarks: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    changes: list[ReadChange] = field(default_factory=list)


def _change(element: etree._Element, kind: str, text: str = "") -> ReadChange:
    return ReadChange(kind, element.get(_AUTHOR, ""), element.get(_DATE, ""), text)


def _deleted_text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(_DEL_TEXT, T))


def walk(p: etree._Element, skip_note_marks: bool = False) -> ParagraphParts:
    """Collect the text, footnote references, bookmarks, comments and pending changes of a paragraph."""
    parts = ParagraphParts()
    ppr = p.find(PPR)
    if ppr is not None:
        for path, kind in _MARK_CHANGES:
            mark = ppr.find(path)
            if mark is not None:
                parts.changes.append(_change(mark, kind))
        formatting = ppr.find(_PARAGRAPH_CHANGE)
        if formatting is not None:
            parts.changes.append(_change(formatting, "formatting"))
    _walk(p, parts, skip_note_marks)
    return parts


def _walk(parent: etree._Element, parts: ParagraphParts, skip_note_marks: bool) -> None:
    for child in parent:
        tag = child.tag
        if tag == R:
            _run(child, parts, skip_note_marks)
        elif tag in _SKIPPED_REVISIONS:
            deleted = _deleted_text(child)
            parts.rejected.append(deleted)
            parts.changes.append(_change(child, _SKIPPED_REVISIONS[tag], deleted))
        elif tag in _SHOWN_REVISIONS:
            before, kept = len(parts.text), len(parts.rejected)
            _walk(child, parts, skip_note_marks)
            del parts.rejected[kept:]
            parts.changes.append(_change(child, _SHOWN_REVISIONS[tag], "".join(parts.text[before:])))
        elif tag == _BOOKMARK:
            parts.bookmarks.append(child.get(_NAME, ""))
        elif tag in _COMMENT_MARKS:
            parts.comments.append(child.get(_ID, ""))
        elif tag in _CONTAINERS:
            _walk(child, parts, skip_note_marks)


def _run(run: etree._Element, parts: ParagraphParts, skip_note_marks: bool) -> None:
    properties = run.find(RPR)
    if properties is not None:
        formatting = properties.find(_RUN_CHANGE)
        if formatting is not None:
            parts.changes.append(_change(formatting, "formatting"))
        style = properties.find(RSTYLE)
        if skip_note_marks and style is not None and style.get(VAL) == n.FOOTNOTE_REFERENCE:
            return  # the mark at the start of a footnote ("1", or a custom "*")
    custom = False
    for child in run:
        tag = child.tag
        if tag in _TEXT:
            text = child.text or "" if tag == T else _TEXT[tag]
            if custom:  # the custom mark of a footnote reference prints as the mark, not as text
                parts.notes[-1] = (parts.notes[-1][0], parts.notes[-1][1] + (text or ""))
                continue
            parts.text.append(text or "")
            parts.rejected.append(text or "")
        elif tag == _NOTE_REF:
            custom = child.get(_CUSTOM_MARK) in ("1", "true", "on")
            parts.notes.append((_note_id(child), ""))
            parts.note_offsets.append(sum(len(piece) for piece in parts.text))
        elif tag == _COMMENT_REF:
            parts.comments.append(child.get(_ID, ""))


def _note_id(element: etree._Element) -> int:
    try:
        return int(element.get(_ID, "-9"))
    except ValueError:
        return -9
