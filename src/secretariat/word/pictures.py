"""Place page 1's barcode and QR code as inline pictures in the first-page footer."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from secretariat.model import Masthead, Presentation
from secretariat.word.barcode import code39_png, qr_png
from secretariat.word.ooxml import A_NS as _A
from secretariat.word.ooxml import R_NS, styled_run, sub
from secretariat.word.ooxml import WP_NS as _WP

_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_EMU_PER_CM = 360000
_BAR_HEIGHT, _QR_SIDE = 0.8 * _EMU_PER_CM, 1.6 * _EMU_PER_CM
_MODULE = 0.026 * _EMU_PER_CM  # the narrow bar of the Code 39 symbol: 0.26 mm
UNDOCS = "https://undocs.org/"


@dataclass(frozen=True)
class Picture:
    """One PNG on page 1: its file name in word/media, size in EMU and a description for screen readers."""

    name: str
    data: bytes
    width: int
    height: int
    description: str


def page_one_pictures(masthead: Masthead, presentation: Presentation) -> list[Picture]:
    """Return the barcode of the job number and the QR code of the document's address, as asked and possible."""
    pictures = []
    digits = masthead.barcode.strip("*")
    if presentation.barcode and "barcode" not in masthead.gaps and digits:
        data, modules = code39_png(digits)
        pictures.append(Picture("barcode.png", data, round(modules * _MODULE), round(_BAR_HEIGHT),
                                f"Code 39 barcode of the job number {digits}"))
    if presentation.qr_code and "symbol" not in masthead.gaps and masthead.symbol:
        address = UNDOCS + masthead.symbol
        description = f"QR code of the document's address {address}"
        data = dict(presentation.drawn).get(description) or qr_png(address)
        pictures.append(Picture("qrcode.png", data, round(_QR_SIDE), round(_QR_SIDE), description))
    return pictures


def _el(parent: etree._Element, ns: str, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{ns}}}{tag}", attrs)


def add_picture(p: etree._Element, picture: Picture, rel_id: str, number: int) -> None:
    """Append picture to paragraph p as an inline drawing pointing at relationship rel_id."""
    inline = _el(sub(styled_run(p, None), "drawing"), _WP, "inline", distT="0", distB="0", distL="0", distR="0")
    size = {"cx": str(picture.width), "cy": str(picture.height)}
    _el(inline, _WP, "extent", **size)
    _el(inline, _WP, "docPr", id=str(number), name=picture.name, descr=picture.description)
    data = _el(_el(inline, _A, "graphic"), _A, "graphicData", uri=_PIC)
    pic = _el(data, _PIC, "pic")
    names = _el(pic, _PIC, "nvPicPr")
    _el(names, _PIC, "cNvPr", id=str(number), name=picture.name, descr=picture.description)
    _el(names, _PIC, "cNvPicPr")
    fill = _el(pic, _PIC, "blipFill")
    _el(fill, _A, "blip").set(f"{{{R_NS}}}embed", rel_id)
    _el(_el(fill, _A, "stretch"), _A, "fillRect")
    shape = _el(pic, _PIC, "spPr")
    xfrm = _el(shape, _A, "xfrm")
    _el(xfrm, _A, "off", x="0", y="0")
    _el(xfrm, _A, "ext", **size)
    _el(_el(shape, _A, "prstGeom", prst="rect"), _A, "avLst")
