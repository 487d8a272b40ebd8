"""Write the first-page masthead: a two-row table, the session lines, the title and subtitle."""

# Row 1: "United Nations" left, the symbol right, a thick rule under them; row 2: the body left and the
# distribution block right, a thin rule under them (the rules come from the table style's borders).

from __future__ import annotations

import dataclasses

from lxml import etree

from secretariat.model import Masthead
from secretariat.word import names as n
from secretariat.word.comments import MASTHEAD, Anchors
from secretariat.word.footnotes import ASTERISK_ID
from secretariat.word.ooxml import check_text, paragraph, sub
from secretariat.word.runs import footnote_reference, text_run

# Three grid columns so that row 1 splits 7 cm / 9 cm (room for long symbols) and row 2 10 cm / 6 cm.
_GRID = (3969, 1701, 3402)


def _check(masthead: Masthead) -> None:
    """Raise OutputError naming the first masthead field that holds a character XML cannot hold."""
    for field in dataclasses.fields(masthead):
        value = getattr(masthead, field.name)
        for text in value if isinstance(value, tuple) else (value,) if isinstance(value, str) else ():
            check_text(text, f"masthead.{field.name}")


def _cell(row: etree._Element, first: int, span: int, valign: str | None = None) -> etree._Element:
    """Append a cell covering span grid columns from column first and return it."""
    tc = sub(row, "tc")
    tcpr = sub(tc, "tcPr")
    sub(tcpr, "tcW", w=str(sum(_GRID[first:first + span])), type="dxa")
    if span > 1:
        sub(tcpr, "gridSpan", val=str(span))
    if valign is not None:
        sub(tcpr, "vAlign", val=valign)
    return tc


def _line(parent: etree._Element, style_id: str, text: str, field: str, gaps: frozenset[str] = frozenset()
          ) -> etree._Element:
    """Append a one-run paragraph in style_id (a field not entered yet in bold) and return it."""
    p = paragraph(parent, style_id)
    text_run(p, text, f"masthead.{field}", n.STRONG if field in gaps else None)
    return p


def add_masthead(body: etree._Element, masthead: Masthead, anchors: Anchors | None = None) -> bool:
    """Append the masthead to body; return whether it placed the agenda asterisk footnote reference."""
    _check(masthead)
    gaps = masthead.gaps
    table = sub(body, "tbl")
    props = sub(table, "tblPr")
    sub(props, "tblStyle", val=n.MASTHEAD_TABLE)
    sub(props, "tblW", w=str(n.TEXT_WIDTH), type="dxa")
    sub(props, "tblLayout", type="fixed")
    sub(props, "tblLook", val="0000", firstRow="0", lastRow="0", firstColumn="0", lastColumn="0",
        noHBand="1", noVBand="1")
    grid = sub(table, "tblGrid")
    for width in _GRID:
        sub(grid, "gridCol", w=str(width))
    top = sub(table, "tr")
    _line(_cell(top, 0, 1, "bottom"), n.MASTHEAD_ORG, "United Nations", "organization")
    anchor = _line(_cell(top, 1, 2, "bottom"), n.MASTHEAD_SYMBOL, masthead.symbol, "symbol", gaps)
    second = sub(table, "tr")
    _line(_cell(second, 0, 2), n.MASTHEAD_BODY, masthead.body, "body", gaps)
    distr = _cell(second, 2, 1)
    _line(distr, n.MASTHEAD_DISTR, f"Distr.: {masthead.distribution}", "distribution", gaps)
    _line(distr, n.MASTHEAD_DISTR, masthead.date, "date", gaps)
    _line(distr, n.MASTHEAD_ORIGINAL, f"Original: {masthead.original}", "original", gaps)
    for style_id, field in ((n.MASTHEAD_SESSION, "session"), (n.MASTHEAD_VENUE, "venue_dates")):
        if getattr(masthead, field):
            _line(body, style_id, getattr(masthead, field), field, gaps)
    asterisk = bool(masthead.agenda_item and masthead.agenda_footnote)
    if masthead.agenda_item:
        item = _line(body, n.MASTHEAD_ITEM, masthead.agenda_item, "agenda_item", gaps)
        if asterisk:
            footnote_reference(item, ASTERISK_ID, custom_mark="*")
    for style_id, field in ((n.MASTHEAD_AGENDA_TITLE, "agenda_title"), (n.TITLE, "title"),
                            (n.SUBTITLE, "subtitle")):
        if getattr(masthead, field):
            p = _line(body, style_id, getattr(masthead, field), field, gaps)
            anchor = p if field == "title" else anchor
    if anchors is not None:
        anchors.anchor(MASTHEAD, anchor)  # comments on the report as a whole go on the title (else the symbol)
    return asterisk
