"""Write what changed since an earlier version: Word tracked changes, or struck and bold text."""

# Tracked changes (ECMA-376 §17.13.5): inserted runs inside w:ins, deleted runs inside w:del with their text
# in w:delText; a paragraph inserted or deleted as a whole also has its mark inserted or deleted
# (w:pPr/w:rPr/w:ins|w:del), so that accepting or rejecting joins it away and the numbering follows. Which
# marks change is chosen so that a joined paragraph keeps its style in LibreOffice and, where possible, Word
# (Marks.block_ends). The last mark of a document cannot change at all.
# Each mark has its own w:id, handed out in writing order above the footnote and comment ids (LibreOffice
# reads all of them as one id space), with the author and date of the revision.
# The strike-bold style is the editorial directive's alternative: deleted text struck, new text in bold.

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from secretariat.model import Change, Revisions
from secretariat.word.ooxml import PPR, RPR, RSTYLE, P, T, w

_DEL_TEXT, _TABLE = w("delText"), w("tbl")
_TAGS = {"inserted": w("ins"), "deleted": w("del")}
_STRIKE_BOLD = {"inserted": w("b"), "deleted": w("strike")}


def revision_time(date_text: str, fallback: str) -> str:
    """Return an ISO date (2016-06-14) or UTC date-time (2016-06-14T09:30:00Z) as Word's w:date; "" gives fallback."""
    if not date_text:
        return fallback
    return f"{date_text}T00:00:00Z" if len(date_text) == 10 else date_text


class Marks:
    """Hand out revision marks for a draft's changes and count them."""

    def __init__(self, revisions: Revisions | None, when: str, first_id: int) -> None:
        self._revisions = revisions or Revisions()
        self._track = self._revisions.style == "track"
        self._attrs = {w("author"): self._revisions.author,
                       w("date"): revision_time(self._revisions.date, when)}
        self._next_id = first_id
        self.count = 0

    @property
    def tracking(self) -> bool:
        """Return whether changes are written as Word tracked changes (else struck and bold)."""
        return self._track

    def _mark(self, parent: etree._Element, change: Change) -> etree._Element:
        """Append a w:ins or w:del element with a fresh id, author and date, and return it."""
        element = etree.SubElement(parent, _TAGS[change], {w("id"): str(self._next_id), **self._attrs})
        self._next_id += 1
        self.count += 1
        return element

    def container(self, parent: etree._Element, change: Change) -> etree._Element:
        """Return where runs of this change go: a new w:ins/w:del when tracking, else parent itself."""
        if not change:
            return parent
        if not self._track:
            self.count += 1
            return parent
        return self._mark(parent, change)

    def finish_run(self, run: etree._Element, change: Change) -> None:
        """Make a written run show its change: deleted text as w:delText, or struck or bold direct formatting."""
        if not change:
            return
        if self._track:
            if change == "deleted":
                for child in run:
                    if child.tag == T:
                        child.tag = _DEL_TEXT
            return
        props = run.find(RPR)
        if props is None:
            props = etree.Element(RPR)
            run.insert(0, props)
        props.append(etree.Element(_STRIKE_BOLD[change]))
        if props[0].tag != RSTYLE:  # rStyle must stay first
            style = props.find(RSTYLE)
            if style is not None:
                props.insert(0, style)

    def paragraph(self, p: etree._Element, change: Change) -> None:
        """Mark p, a line new or gone as a whole, by the paragraph mark before it (its own if none is)."""
        if not change or not self._track:
            return
        previous = p.getprevious()
        while previous is not None and previous.tag != P and previous.tag != _TABLE:
            previous = previous.getprevious()
        self._end(previous if previous is not None and previous.tag == P else p, change)

    def block_ends(self, written: Sequence[tuple[etree._Element, str, Change]], before: etree._Element | None
                   ) -> None:
        """Mark the paragraph marks of blocks new or gone as a whole: (paragraph, style, change) in order.

        For each stretch of such blocks, either their own marks change (Word's way: what remains joins the
        paragraph after them) or the marks before them (what remains joins the paragraph before them).
        LibreOffice gives a joined paragraph the style of the first of them, Word that of the last: the own
        marks are used where the joins they make are between paragraphs of one style, so that both suites
        keep every paragraph's style; else the marks before (before: the paragraph ahead of the first block).
        """
        if not self._track:
            return
        styles = [style for _p, style, _c in written]
        changes = [change for _p, _s, change in written]
        start = 0
        while start < len(written):
            if not changes[start]:
                start += 1
                continue
            end = start
            while end < len(written) and changes[end]:
                end += 1
            previous = written[start - 1][0] if start else before
            own = end < len(written) and _joins_alike(styles, changes, start, end)
            for index in range(start, end):
                if own or previous is None:
                    self._end(written[index][0], changes[index])
                else:
                    self._end(written[index - 1][0] if index > start else previous, changes[index])
            start = end

    def _end(self, p: etree._Element, change: Change) -> None:
        """Mark the paragraph mark of p as inserted or deleted."""
        props = p.find(PPR)
        if props is None:
            props = etree.Element(PPR)
            p.insert(0, props)
        mark_props = props.find(RPR)
        if mark_props is None:
            mark_props = etree.SubElement(props, RPR)
        mark_props.insert(0, self._mark(mark_props, change))


def _joins_alike(styles: Sequence[str], changes: Sequence[Change], start: int, end: int) -> bool:
    """Return whether, with their own marks changed, blocks start..end-1 only join paragraphs of one style.

    Accepting removes the deleted blocks, rejecting the inserted ones; a removed block joins the next block
    that stays (the block at end stays either way).
    """
    for removed in ("deleted", "inserted"):
        index = start
        while index < end:
            if changes[index] != removed:
                index += 1
                continue
            first = index
            while index < end and changes[index] == removed:
                index += 1
            if styles[first] != styles[index]:
                return False
    return True
