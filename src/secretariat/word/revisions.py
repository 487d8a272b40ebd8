"""Write what changed since an earlier version: Word tracked changes, or struck and bold text."""

# Tracked changes (ECMA-376 §17.13.5): inserted runs inside w:ins, deleted runs inside w:del with their text
# in w:delText; a paragraph inserted or deleted as a whole also has its mark inserted or deleted
# (w:pPr/w:rPr/w:ins|w:del), so that accepting or rejecting joins it away and the numbering follows. The
# mark that changes is the one before the paragraph, as Word writes it when Enter is pressed at the end of the
# previous paragraph: on joining, LibreOffice keeps the properties of the first of the two paragraphs, so the
# paragraph that stays keeps its own style. (The last mark of a document cannot change at all.)
# Each mark has its own w:id, handed out in writing order above the footnote and comment ids (LibreOffice
# reads all of them as one id space), with the author and date of the revision.
# The strike-bold style is the editorial directive's alternative: deleted text struck, new text in bold.

from __future__ import annotations

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
        """Mark p as inserted or deleted as a whole (only when tracking): the paragraph mark before it changes.

        Without a paragraph right before p (the first in a cell or after a table), p's own mark changes.
        """
        if not change or not self._track:
            return
        previous = p.getprevious()
        while previous is not None and previous.tag != P and previous.tag != _TABLE:
            previous = previous.getprevious()
        if previous is not None and previous.tag == P:
            p = previous
        props = p.find(PPR)
        if props is None:
            props = etree.Element(PPR)
            p.insert(0, props)
        mark_props = props.find(RPR)
        if mark_props is None:
            mark_props = etree.SubElement(props, RPR)
        mark = self._mark(mark_props, change)
        mark_props.insert(0, mark)
