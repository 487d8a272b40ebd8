"""Edit a drafted .docx the way editors do, without an office suite: python-docx and raw WordprocessingML."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def rewrite(src: Path, dst: Path, change: Callable[[etree._Element], None], part: str = "word/document.xml",
            drop: tuple[str, ...] = ()) -> Path:
    """Copy a .docx, letting change edit the root of one part; members named in drop are left out."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            data = zin.read(info)
            if info.filename == part:
                root = etree.fromstring(data)
                change(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info.filename, data)
    return dst


def paragraph(root: etree._Element, start: str) -> etree._Element:
    """Return the body paragraph whose text starts with start."""
    for p in root.iter(f"{W}p"):
        if "".join(t.text or "" for t in p.iter(f"{W}t")).startswith(start):
            return p
    raise AssertionError(f"no paragraph starts with {start!r}")


def replace_text(p: etree._Element, old: str, new: str) -> None:
    """Replace text inside the runs of a paragraph (the text must lie within one run)."""
    for t in p.iter(f"{W}t"):
        if t.text and old in t.text:
            t.text = t.text.replace(old, new)
            return
    raise AssertionError(f"{old!r} not found")


def track(p: etree._Element, old: str, new: str, author: str = "Editor A") -> None:
    """Replace old by new in p as a pending tracked change: old in w:del, new in w:ins."""
    for run in p.iter(f"{W}r"):
        t = run.find(f"{W}t")
        if t is None or not t.text or old not in t.text:
            continue
        before, after = t.text.split(old, 1)
        t.text = before
        parent, at = run.getparent(), run.getparent().index(run)
        attrs = {f"{W}id": "9001", f"{W}author": author, f"{W}date": "2026-12-01T00:00:00Z"}
        deleted = etree.Element(f"{W}del", attrs)
        etree.SubElement(etree.SubElement(deleted, f"{W}r"), f"{W}delText").text = old
        inserted = etree.Element(f"{W}ins", {**attrs, f"{W}id": "9002"})
        etree.SubElement(etree.SubElement(inserted, f"{W}r"), f"{W}t").text = new
        rest = etree.Element(f"{W}r")
        etree.SubElement(rest, f"{W}t").text = after
        for offset, element in enumerate((deleted, inserted, rest), 1):
            parent.insert(at + offset, element)
        return
    raise AssertionError(f"{old!r} not found")


def strip_identities(root: etree._Element) -> None:
    """Remove every bookmark, as pasting into a new document does."""
    for tag in ("bookmarkStart", "bookmarkEnd"):
        for element in list(root.iter(f"{W}{tag}")):
            element.getparent().remove(element)
