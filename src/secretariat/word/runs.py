"""Turn model inlines into runs that carry nothing but a character style reference."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import groupby
from typing import Protocol

from lxml import etree

from secretariat.errors import OutputError
from secretariat.model import Inline, Run
from secretariat.word import names as n
from secretariat.word.ooxml import BR, ID, RPR, RSTYLE, SPACE, TAB, VAL, R, T, check_text, styled_run, w
from secretariat.word.revisions import Marks

_REFERENCE_TAG = w("footnoteReference")
_BREAKS = re.compile(r"(\t|\r\n|\r|\n)")
_STYLE_OF = {(False, False): None, (True, False): n.EMPHASIS, (False, True): n.STRONG,
             (True, True): n.STRONG_EMPHASIS}


class NoteNumbers(Protocol):
    """Hand out the w:id of the footnote a FootnoteRef points to."""

    def reference(self, key: str, where: str) -> int:
        """Return the footnote id for key, referenced from where."""
        ...


def add_text(run: etree._Element, text: str) -> None:
    """Append text to a run, tabs and line ends as w:tab and w:br."""
    if "\t" not in text and "\n" not in text and "\r" not in text:
        t = etree.SubElement(run, T)
        t.text = text
        t.set(SPACE, "preserve")
        return
    for piece in _BREAKS.split(text):
        if piece == "\t":
            etree.SubElement(run, TAB)
        elif piece in ("\n", "\r", "\r\n"):
            etree.SubElement(run, BR)
        elif piece:
            t = etree.SubElement(run, T)
            t.text = piece
            t.set(SPACE, "preserve")


def text_run(parent: etree._Element, text: str, where: str, style_id: str | None = None) -> None:
    """Append a run of checked text with an optional character style."""
    check_text(text, where)
    add_text(styled_run(parent, style_id), text)


def footnote_reference(parent: etree._Element, note_id: int, custom_mark: str | None = None) -> etree._Element:
    """Append a footnote reference run and return it; a custom mark suppresses the automatic number."""
    run = etree.SubElement(parent, R)
    etree.SubElement(etree.SubElement(run, RPR), RSTYLE, {VAL: n.FOOTNOTE_REFERENCE})
    if custom_mark is None:
        etree.SubElement(run, _REFERENCE_TAG, {ID: str(note_id)})
        return run
    etree.SubElement(run, _REFERENCE_TAG, {w("customMarkFollows"): "1", ID: str(note_id)})
    add_text(run, custom_mark)
    return run


def add_inlines(parent: etree._Element, inlines: Iterable[Inline], notes: NoteNumbers, where: str,
                marks: Marks | None = None, style_id: str | None = None) -> None:
    """Append the runs and footnote references of inlines to a paragraph, their changes marked by marks.

    style_id, if given, is the character style of every plain run (a masthead gap's bold).
    """
    for change, group in groupby(inlines, key=lambda inline: inline.change):
        target = marks.container(parent, change) if marks is not None else parent
        for inline in group:
            if isinstance(inline, Run):
                check_text(inline.text, where)
                run = styled_run(target, _STYLE_OF[inline.italic, inline.bold] or style_id)
                add_text(run, inline.text)
            else:
                run = footnote_reference(target, notes.reference(inline.key, where))
            if marks is not None:
                marks.finish_run(run, change)


def add_runs(parent: etree._Element, runs: Sequence[Run], where: str, marks: Marks | None,
             style_id: str | None = None) -> None:
    """Append marked runs (no footnote references) to a paragraph."""
    add_inlines(parent, runs, NoNotes("the masthead or a running head"), where, marks, style_id)


class NoNotes:
    """Refuse footnote references where there can be none (in a footnote, the masthead, a running head)."""

    def __init__(self, place: str) -> None:
        self._place = place

    def reference(self, key: str, where: str) -> int:
        """Raise: no footnote reference belongs here."""
        raise OutputError(f"{where}: footnote {key!r} is referenced inside {self._place}")
