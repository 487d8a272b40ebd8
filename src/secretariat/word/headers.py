"""Write the running heads and footers, and the section properties that select them."""

# First page: no header; the footer carries the job number with its two dates and the barcode text.
# Later pages alternate (w:evenAndOddHeaders in settings): even pages have the symbol on the left and
# "page number ... job number" in the footer; odd pages have the symbol on the right and
# "job number ... page number".

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from secretariat.model import Masthead
from secretariat.word import names as n
from secretariat.word.ooxml import R_NS, SPACE, paragraph, root, serialize, styled_run, sub
from secretariat.word.runs import text_run

# (part kind, w:type) in the order the parts are written; Word's default header is the odd-page one.
HEADER_FOOTER_SLOTS = (("header", "first"), ("header", "default"), ("header", "even"),
                       ("footer", "first"), ("footer", "default"), ("footer", "even"))


def _page_field(p: etree._Element) -> None:
    """Append a PAGE field (begin, instruction, separator, cached result, end) in the page number style."""
    for piece in ("begin", " PAGE ", "separate", "1", "end"):
        run = styled_run(p, n.PAGE_NUMBER)
        if piece in ("begin", "separate", "end"):
            sub(run, "fldChar", fldCharType=piece)
        elif piece == " PAGE ":
            instr = sub(run, "instrText")
            instr.text = piece
            instr.set(SPACE, "preserve")
        else:
            sub(run, "t").text = piece


def _tab(p: etree._Element) -> None:
    """Append a tab run."""
    sub(styled_run(p, None), "tab")


def _header(style_id: str | None, symbol: str) -> bytes:
    """Return a header part: the symbol in a running head style, or one empty paragraph."""
    hdr = root("hdr")
    p = paragraph(hdr, style_id or n.HEADER)
    if style_id is not None:
        text_run(p, symbol, "masthead.symbol")
    return serialize(hdr)


def _footer(slot: str, masthead: Masthead) -> bytes:
    """Return the footer part for the first, default (odd) or even page."""
    ftr = root("ftr")
    if slot == "first":
        p = paragraph(ftr, n.JOB_NUMBER)
        text_run(p, masthead.job_number, "masthead.job_number",
                 n.STRONG if "job_number" in masthead.gaps else None)
        for date in masthead.job_dates:
            _tab(p)
            text_run(p, date, "masthead.job_dates")
        text_run(paragraph(ftr, n.BARCODE), masthead.barcode, "masthead.barcode")
        return serialize(ftr)
    p = paragraph(ftr, n.RUNNING_FOOT)
    if slot == "even":
        _page_field(p)
        _tab(p)
        text_run(p, masthead.job_short, "masthead.job_number")
    else:
        text_run(p, masthead.job_short, "masthead.job_number")
        _tab(p)
        _page_field(p)
    return serialize(ftr)


def header_footer_parts(masthead: Masthead) -> list[bytes]:
    """Return the six header and footer parts in HEADER_FOOTER_SLOTS order."""
    heads = {"first": None, "default": n.RUNNING_HEAD_ODD, "even": n.RUNNING_HEAD_EVEN}
    return [_header(heads[slot], masthead.symbol) if kind == "header" else _footer(slot, masthead)
            for kind, slot in HEADER_FOOTER_SLOTS]


def add_section_properties(body: etree._Element, rel_ids: Sequence[str]) -> None:
    """Append the sectPr: header/footer references (rel_ids in slot order), A4 page, margins, titlePg."""
    sect = sub(body, "sectPr")
    for (kind, slot), rel_id in zip(HEADER_FOOTER_SLOTS, rel_ids, strict=True):
        sub(sect, f"{kind}Reference", type=slot).set(f"{{{R_NS}}}id", rel_id)
    sub(sect, "pgSz", w=str(n.PAGE_WIDTH), h=str(n.PAGE_HEIGHT))
    sub(sect, "pgMar", top=str(n.MARGIN_TOP), right=str(n.MARGIN_SIDE), bottom=str(n.MARGIN_BOTTOM),
        left=str(n.MARGIN_SIDE), header=str(n.HEADER_FOOTER_DISTANCE), footer=str(n.HEADER_FOOTER_DISTANCE),
        gutter="0")
    sub(sect, "cols", space="720")
    sub(sect, "titlePg")
