"""Provide the namespaces, element names and small builders the Word part writers share."""

from __future__ import annotations

import re

from lxml import etree

from secretariat.errors import OutputError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"w": W_NS, "r": R_NS}

REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT_BASE = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def w(tag: str) -> str:
    """Return the Clark name of a WordprocessingML tag or attribute."""
    return f"{{{W_NS}}}{tag}"


# Names used on hot paths, computed once.
P, PPR, PSTYLE, R, RPR, RSTYLE = (w(n) for n in ("p", "pPr", "pStyle", "r", "rPr", "rStyle"))
T, TAB, BR = w("t"), w("tab"), w("br")
VAL, ID = w("val"), w("id")
SPACE = f"{{{XML_NS}}}space"

# Characters XML 1.0 cannot hold (tab, newline and carriage return are allowed and handled by the run writer).
BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def check_text(text: str, where: str) -> None:
    """Raise OutputError naming where if text holds a character XML cannot hold."""
    found = BAD_CHARS.search(text)
    if found is not None:
        raise OutputError(f"{where}: the text holds the control character U+{ord(found.group()):04X}, "
                          "which a Word document cannot hold")


def root(tag: str) -> etree._Element:
    """Return a new root element in the w namespace declaring w and r."""
    return etree.Element(w(tag), nsmap=NSMAP)


def sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """Append a w: child with w: attributes (keyword names without prefix) and return it."""
    return etree.SubElement(parent, w(tag), {w(k): v for k, v in attrs.items()})


def paragraph(parent: etree._Element, style_id: str) -> etree._Element:
    """Append a paragraph carrying only a style reference and return it."""
    p = etree.SubElement(parent, P)
    etree.SubElement(etree.SubElement(p, PPR), PSTYLE, {VAL: style_id})
    return p


def styled_run(parent: etree._Element, style_id: str | None) -> etree._Element:
    """Append a run with an optional character style reference and return it."""
    r = etree.SubElement(parent, R)
    if style_id is not None:
        etree.SubElement(etree.SubElement(r, RPR), RSTYLE, {VAL: style_id})
    return r


def serialize(element: etree._Element) -> bytes:
    """Return the part bytes: UTF-8 with a standalone XML declaration."""
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def parse(xml: str) -> etree._Element:
    """Parse a trusted XML fragment written in this package."""
    return etree.fromstring(xml.encode("utf-8"))
