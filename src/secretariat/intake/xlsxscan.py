"""Look inside an XLSX package for what openpyxl's read-only mode does not show: merged cells, formulas
without a cached value, and files that are not workbooks at all.

Read-only mode exposes no merged ranges, and with ``data_only=True`` a formula that was never calculated
reads as an empty cell. Both are found by one streaming pass over the sheet's XML: ``<mergeCell ref=...>``
elements, and ``<c>`` elements holding an ``<f>`` but no ``<v>`` with content.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from openpyxl.utils.cell import range_boundaries

from secretariat.errors import SubmissionError

OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
_CELL_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]")
CHUNK = 1 << 20


@dataclass
class SheetScan:
    """What the scan of one sheet found: merged ranges by row, and cells whose formula has no value."""

    merged: dict[int, str] = field(default_factory=dict)
    uncached: dict[int, list[str]] = field(default_factory=dict)
    merged_ranges: list[str] = field(default_factory=list)


def check_signature(path: Path, display: str) -> None:
    """Refuse a file that is not a zip package, saying what it seems to be instead."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as e:
        raise SubmissionError(f"{display}: cannot read the file: {e.strerror or e}") from e
    if head == OLE2:
        raise SubmissionError(f"{display}: a password-protected or legacy .xls workbook: remove the password "
                              "(or open it and save it as .xlsx) and submit it again")
    if not head.startswith(b"PK\x03\x04"):
        raise SubmissionError(f"{display}: not an XLSX workbook (corrupt, or another kind of file renamed .xlsx)")


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Return the zip member of each sheet, by sheet name."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.findall("p:Relationship", _NS)}
    parts = {}
    for sheet in workbook.findall("m:sheets/m:sheet", _NS):
        target = targets.get(sheet.get(f"{{{_NS['r']}}}id"), "")
        member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        parts[sheet.get("name", "")] = member
    return parts


def _formulas_without_values(chunk: bytes, scan: SheetScan) -> None:
    for tag in (b"<f>", b"<f "):
        start = chunk.find(tag)
        while start != -1:
            cell_start = chunk.rfind(b"<c ", 0, start)
            cell_end = chunk.find(b"</c>", start)
            cell = chunk[cell_start:cell_end]
            ref = _CELL_REF.search(cell)
            if ref is not None and _VALUE.search(cell) is None:
                row = int(ref.group(2))
                scan.uncached.setdefault(row, []).append((ref.group(1) + ref.group(2)).decode())
            start = chunk.find(tag, start + 1)


def _end(buffer: bytes, tag: bytes) -> int:
    found = buffer.rfind(tag)
    return found + len(tag) if found != -1 else 0


def scan_sheet(archive: zipfile.ZipFile, member: str) -> SheetScan:
    """Stream one sheet's XML once; return its merged ranges and formulas without cached values."""
    scan = SheetScan()
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(CHUNK):
            buffer = tail + chunk
            cut = max(_end(buffer, b"</c>"), _end(buffer, b"</row>"))
            done, tail = buffer[:cut], buffer[cut:]
            _formulas_without_values(done, scan)
    for match in _MERGE.finditer(tail):
        ref = match.group(1).decode()
        scan.merged_ranges.append(ref)
        _, first, _, last = range_boundaries(ref)
        for row in range(first or 1, (last or first or 1) + 1):
            scan.merged.setdefault(row, ref)
    return scan
