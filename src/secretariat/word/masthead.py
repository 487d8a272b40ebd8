"""Write the first-page masthead: a two-row table, the session lines, the title and subtitle."""

# Row 1: "United Nations" left, the symbol right, a thick rule under them; row 2: the body left and the
# distribution block right, a thin rule under them (the rules come from the table style's borders).

from __future__ import annotations

import dataclasses

from lxml import etree

from secretariat.model import Masthead, Run
from secretariat.word import names as n
from secretariat.word.comments import MASTHEAD, Anchors
from secretariat.word.footnotes import ASTERISK_ID
from secretariat.word.ooxml import check_text, paragraph, sub
from secretariat.word.revisions import Marks
from secretariat.word.runs import add_runs, footnote_reference, text_run

# Three grid columns in these proportions of the text block, so that row 1 splits 7 : 9 (room for long
# symbols) and row 2 10 : 6.
_GRID = (7, 3, 6)


def _grid(width: int) -> tuple[int, int, int]:
    """Return the three column widths for a text block of width."""
    first, second = (width * share // sum(_GRID) for share in _GRID[:2])
    return first, second, width - first - second


def _check(masthead: Masthead) -> None:
    """Raise OutputError naming the first masthead field that holds a character XML cannot hold."""
    for field in dataclasses.fields(masthead):
        value = getattr(masthead, field.name)
        for text in value if isinstance(value, tuple) else (value,) if isinstance(value, str) else ():
            check_text(text, f"masthead.{field.name}")


def _cell(row: etree._Element, grid: tuple[int, ...], first: int, span: int, valign: str | None = None
          ) -> etree._Element:
    """Append a cell covering span grid columns from column first and return it."""
    tc = sub(row, "tc")
    tcpr = sub(tc, "tcPr")
    sub(tcpr, "tcW", w=str(sum(grid[first:first + span])), type="dxa")
    if span > 1:
        sub(tcpr, "gridSpan", val=str(span))
    if valign is not None:
        sub(tcpr, "vAlign", val=valign)
    return tc


def gap_style(masthead: Masthead, field: str) -> str | None:
    """Return the strong style for a field that shows a gap: a gap prints bold wherever it appears."""
    return n.STRONG if field in masthead.gaps else None


def _line(parent: etree._Element, style_id: str, masthead: Masthead, field: str, marks: Marks | None,
          prefix: str = "", in_cell: bool = False) -> etree._Element:
    """Append a paragraph in style_id with a masthead field and its changes (a field not entered yet in bold)."""
    p = paragraph(parent, style_id)
    if prefix:
        text_run(p, prefix, f"masthead.{field}")
    runs = field_runs(masthead, field)
    add_runs(p, runs, f"masthead.{field}", marks, gap_style(masthead, field))
    changes = {run.change for run in runs}
    if marks is not None and not in_cell and len(changes) == 1 and not prefix:
        marks.paragraph(p, changes.pop())  # a line that is new or gone as a whole
    return p


def field_runs(masthead: Masthead, field: str, value: str | None = None) -> tuple[Run, ...]:
    """Return the runs that print a masthead field: its changes if any, else its value.

    value stands for a field the masthead computes (job_short) or holds in a tuple (job_dates.0).
    """
    return masthead.changes.get(field) or (Run(getattr(masthead, field) if value is None else value),)


def _shown(masthead: Masthead, field: str) -> bool:
    """Return whether a masthead line is printed: it has a value, or had one in the earlier version."""
    return bool(getattr(masthead, field)) or field in masthead.changes


def add_masthead(body: etree._Element, masthead: Masthead, width: int, anchors: Anchors | None = None,
                 marks: Marks | None = None) -> bool:
    """Append the masthead across a text block of width; return whether it placed the agenda asterisk.

    A masthead with nothing in it (a redline of documents secretariat did not write) is left out.
    """
    _check(masthead)
    if not masthead.changes and not any(getattr(masthead, f.name) for f in dataclasses.fields(masthead)
                                        if f.type == "str"):
        return False
    grid = _grid(width)
    table = sub(body, "tbl")
    props = sub(table, "tblPr")
    sub(props, "tblStyle", val=n.MASTHEAD_TABLE)
    sub(props, "tblW", w=str(width), type="dxa")
    sub(props, "tblLayout", type="fixed")
    sub(props, "tblLook", val="0000", firstRow="0", lastRow="0", firstColumn="0", lastColumn="0",
        noHBand="1", noVBand="1")
    columns = sub(table, "tblGrid")
    for column in grid:
        sub(columns, "gridCol", w=str(column))
    top = sub(table, "tr")
    text_run(paragraph(_cell(top, grid, 0, 1, "bottom"), n.MASTHEAD_ORG), "United Nations", "masthead.organization")
    anchor = _line(_cell(top, grid, 1, 2, "bottom"), n.MASTHEAD_SYMBOL, masthead, "symbol", marks, in_cell=True)
    second = sub(table, "tr")
    _line(_cell(second, grid, 0, 2), n.MASTHEAD_BODY, masthead, "body", marks, in_cell=True)
    distr = _cell(second, grid, 2, 1)
    _line(distr, n.MASTHEAD_DISTR, masthead, "distribution", marks, "Distr.: ", in_cell=True)
    _line(distr, n.MASTHEAD_DISTR, masthead, "date", marks, in_cell=True)
    _line(distr, n.MASTHEAD_ORIGINAL, masthead, "original", marks, "Original: ", in_cell=True)
    for style_id, field in ((n.MASTHEAD_SESSION, "session"), (n.MASTHEAD_VENUE, "venue_dates")):
        if _shown(masthead, field):
            _line(body, style_id, masthead, field, marks)
    asterisk = bool(masthead.agenda_item and masthead.agenda_footnote)
    if _shown(masthead, "agenda_item"):
        item = _line(body, n.MASTHEAD_ITEM, masthead, "agenda_item", marks)
        if asterisk:
            footnote_reference(item, ASTERISK_ID, custom_mark="*")
    for style_id, field in ((n.MASTHEAD_AGENDA_TITLE, "agenda_title"), (n.TITLE, "title"),
                            (n.SUBTITLE, "subtitle")):
        if _shown(masthead, field):
            p = _line(body, style_id, masthead, field, marks)
            anchor = p if field == "title" else anchor
    if anchors is not None:
        anchors.anchor(MASTHEAD, anchor)  # comments on the report as a whole go on the title (else the symbol)
    return asterisk
