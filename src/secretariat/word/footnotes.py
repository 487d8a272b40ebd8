"""Write the footnotes part: separators, the masthead's asterisk note and the numbered notes."""

# Ids -1 and 0 are the separator and continuation separator (listed in settings' w:footnotePr), id 1 is
# the asterisk note (custom mark, so it does not take a number) and the numbered notes follow from id 2
# in the order of their references in the body, which is the order Word numbers them.

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from secretariat.errors import Location, OutputError, Problem
from secretariat.model import Inline, Run
from secretariat.word import names as n
from secretariat.word.identity import MASTHEAD, Bookmarks
from secretariat.word.ooxml import paragraph, root, serialize, styled_run, sub, w
from secretariat.word.revisions import Marks
from secretariat.word.runs import NoNotes, add_inlines, add_runs, text_run

SEPARATOR_ID, CONTINUATION_ID, ASTERISK_ID = -1, 0, 1
_FIRST_NUMBERED_ID = 2


class Footnotes:
    """Number the draft's footnotes in the order of their references and write the footnotes part."""

    def __init__(self, texts: Mapping[str, tuple[Inline, ...]], sources: Mapping[str, str] | None = None) -> None:
        self._texts = texts
        self._sources = sources or {}
        self._ids: dict[str, int] = {}
        self._where: dict[str, str] = {}

    def reference(self, key: str, where: str) -> int:
        """Return the footnote id for key; raise OutputError if key is unknown or already referenced."""
        if key not in self._texts:
            raise OutputError(f"{where}: footnote {key!r} is not defined in the draft's footnotes",
                              (Problem(Location(where), f"unknown footnote {key!r}"),))
        if key in self._ids:
            raise OutputError(f"{where}: footnote {key!r} is referenced a second time (first in "
                              f"{self._where[key]}); a Word footnote has exactly one reference",
                              (Problem(Location(where), f"second reference to footnote {key!r}"),))
        self._ids[key] = _FIRST_NUMBERED_ID + len(self._ids)
        self._where[key] = where
        return self._ids[key]

    def part(self, asterisk_text: str, bookmarks: Bookmarks | None = None, marks: Marks | None = None,
             asterisk_runs: tuple[Run, ...] = ()) -> bytes:
        """Return the footnotes part, each note bookmarked with its source; raise OutputError on unused notes.

        marks show the changes of the notes' runs, and asterisk_runs those of the asterisk note's text.
        """
        unused = [key for key in self._texts if key not in self._ids]
        if unused:
            names = ", ".join(repr(key) for key in unused)
            plural = "s" if len(unused) > 1 else ""
            raise OutputError(f"footnote{plural} {names} never referenced in the text")
        notes = root("footnotes")
        for note_id, kind, mark in ((SEPARATOR_ID, "separator", "separator"),
                                    (CONTINUATION_ID, "continuationSeparator", "continuationSeparator")):
            note = sub(notes, "footnote", type=kind, id=str(note_id))
            sub(etree.SubElement(paragraph(note, n.FOOTNOTE_SEPARATOR), w("r")), mark)
        if asterisk_text:
            p = paragraph(sub(notes, "footnote", id=str(ASTERISK_ID)), n.FOOTNOTE_TEXT)
            text_run(p, "*", "masthead.agenda_footnote", n.FOOTNOTE_REFERENCE)
            sub(styled_run(p, None), "tab")
            at = len(p)
            runs = asterisk_runs or (Run(asterisk_text),)
            add_runs(p, runs, "masthead.agenda_footnote", marks)
            if bookmarks is not None:
                bookmarks.mark(p, MASTHEAD, runs, at)
        no_nesting = NoNotes("a footnote")
        for key, note_id in self._ids.items():
            p = paragraph(sub(notes, "footnote", id=str(note_id)), n.FOOTNOTE_TEXT)
            sub(styled_run(p, n.FOOTNOTE_REFERENCE), "footnoteRef")
            sub(styled_run(p, None), "tab")
            at = len(p)
            add_inlines(p, self._texts[key], no_nesting, f"footnote {key!r}", marks)
            if bookmarks is not None and key in self._sources:
                bookmarks.mark(p, self._sources[key], self._texts[key], at)
        return serialize(notes)

