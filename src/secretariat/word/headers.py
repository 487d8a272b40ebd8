"""Write the running heads and footers, and the section properties that select them."""

# First page: no header; the footer carries the job number with its two dates, then the barcode and QR code
# pictures (when drawn) and the barcode's text.
# Later pages alternate (w:evenAndOddHeaders in settings): even pages have the symbol on the left and
# "page number ... job number" in the footer; odd pages have the symbol on the right and
# "job number ... page number".

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from secretariat.model import Masthead
from secretariat.word import names as n
from secretariat.word.layout import Layout
from secretariat.word.masthead import field_runs, gap_style
from secretariat.word.ooxml import R_NS, SPACE, paragraph, root, serialize, styled_run, sub
from secretariat.word.pictures import Picture, add_picture
from secretariat.word.revisions import Marks
from secretariat.word.runs import add_runs

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


def _field(p: etree._Element, masthead: Masthead, field: str, marks: Marks | None, value: str | None = None,
           style_id: str | None = None) -> None:
    """Append a masthead field's runs, its changes marked; value stands for a field the masthead computes."""
    add_runs(p, field_runs(masthead, field, value), f"masthead.{field}", marks, style_id)


def _header(style_id: str | None, masthead: Masthead, marks: Marks | None) -> bytes:
    """Return a header part: the symbol in a running head style, or one empty paragraph."""
    hdr = root("hdr")
    p = paragraph(hdr, style_id or n.HEADER)
    if style_id is not None:
        _field(p, masthead, "symbol", marks, style_id=gap_style(masthead, "symbol"))
    return serialize(hdr)


def _footer(slot: str, masthead: Masthead, marks: Marks | None, pictures: Sequence[Picture] = ()) -> bytes:
    """Return the footer part for the first, default (odd) or even page."""
    ftr = root("ftr")
    if slot == "first":
        p = paragraph(ftr, n.JOB_NUMBER)
        _field(p, masthead, "job_number", marks, style_id=gap_style(masthead, "job_number"))
        for index, date in enumerate(masthead.job_dates):
            _tab(p)
            _field(p, masthead, f"job_dates.{index}", marks, date)
        if pictures:
            p = paragraph(ftr, n.BARCODE)
            for number, picture in enumerate(pictures, 1):
                if picture.name.startswith("qr"):
                    _tab(p)  # the QR code sits at the right edge of the text block
                add_picture(p, picture, f"rId{number}", number)
        _field(paragraph(ftr, n.BARCODE_TEXT), masthead, "barcode", marks)
        return serialize(ftr)
    p = paragraph(ftr, n.RUNNING_FOOT)
    if slot == "even":
        _page_field(p)
        _tab(p)
        _field(p, masthead, "job_short", marks, masthead.job_short, gap_style(masthead, "job_number"))
    else:
        _field(p, masthead, "job_short", marks, masthead.job_short, gap_style(masthead, "job_number"))
        _tab(p)
        _page_field(p)
    return serialize(ftr)


def header_footer_parts(masthead: Masthead, marks: Marks | None = None, pictures: Sequence[Picture] = ()
                        ) -> list[bytes]:
    """Return the six header and footer parts in HEADER_FOOTER_SLOTS order, changes marked by marks.

    Pictures go on the first footer, whose relationships must give picture i (from 1) the id rId<i>.
    """
    heads = {"first": None, "default": n.RUNNING_HEAD_ODD, "even": n.RUNNING_HEAD_EVEN}
    return [_header(heads[slot], masthead, marks) if kind == "header" else _footer(slot, masthead, marks, pictures)
            for kind, slot in HEADER_FOOTER_SLOTS]


def add_section_properties(body: etree._Element, rel_ids: Sequence[str], layout: Layout) -> None:
    """Append the sectPr: header/footer references (rel_ids in slot order), the layout's page, titlePg."""
    sect = sub(body, "sectPr")
    for (kind, slot), rel_id in zip(HEADER_FOOTER_SLOTS, rel_ids, strict=True):
        sub(sect, f"{kind}Reference", type=slot).set(f"{{{R_NS}}}id", rel_id)
    sub(sect, "pgSz", w=str(layout.page_width), h=str(layout.page_height))
    side = str(layout.margin_side)
    sub(sect, "pgMar", top=str(layout.margin_top), right=side, bottom=str(layout.margin_bottom), left=side,
        header=str(layout.header), footer=str(layout.footer), gutter="0")
    sub(sect, "cols", space="720")
    sub(sect, "titlePg")
