"""Read the rows of an XLSX submission with openpyxl in read-only mode, formulas as their cached values.

Read-only mode exposes no merged ranges, and with ``data_only=True`` a formula that was never calculated
reads as an empty cell. Both are found by one streaming pass over the sheet's XML (``scan_sheet``):
``<mergeCell ref=...>`` elements, and ``<c>`` elements holding an ``<f>`` but no ``<v>`` with content. The
same look inside the package tells files that are not workbooks at all.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
from defusedxml import ElementTree  # no entity expansion, no external entities
from openpyxl.utils.cell import column_index_from_string, range_boundaries

from secretariat.errors import SubmissionError
from secretariat.intake.columns import CONVENTION_LABEL, INSTRUCTIONS, LISTS, ORDERS, Layout
from secretariat.intake.dates import Dated, Order
from secretariat.intake.rows import CellProblem, Row, Source, check_headers, make_row
from secretariat.limits import COMPRESSION_RATIO, MEMBER_BYTES


def _pick_sheet(names: list[str], layout: Layout, display: str) -> str:
    for name in names:
        if name.strip().casefold() == layout.sheet:
            return name
    data = [n for n in names if n not in (INSTRUCTIONS, LISTS)]
    if len(data) == 1:
        return data[0]
    found = ", ".join(map(repr, names))
    raise SubmissionError(f"{display}: expected a sheet named {layout.sheet!r}, found the sheets {found}")


def _convention(workbook: Any) -> Order | None:
    if INSTRUCTIONS not in workbook.sheetnames:
        return None
    for row in workbook[INSTRUCTIONS].iter_rows(max_col=2, values_only=True):
        if row and str(row[0] or "").strip() == CONVENTION_LABEL:
            return ORDERS.get(str(row[1] if len(row) > 1 else "").strip().upper())
    return None


def _value(cell: Any) -> Any:
    value = cell.value
    if isinstance(value, datetime | date):
        return Dated(value, cell.number_format)
    return value


def _cell_problems(row: Row, cells: tuple[Any, ...], headers: list[str | None], scan: SheetScan) -> None:
    if row.number in scan.merged:
        ref = scan.merged[row.number]
        first = (range_boundaries(ref)[0] or 1) - 1
        merged_in = (headers[first] if first < len(headers) else None) or ref
        row.problems.append(CellProblem(merged_in, ref, f"expected one value in each cell, found the merged cells "
                                                        f"{ref}: unmerge them and fill in every cell"))
    for ref in scan.uncached.get(row.number, ()):
        index = column_index_from_string(ref.rstrip("0123456789")) - 1
        column = headers[index] if index < len(headers) and headers[index] else ref
        row.problems.append(CellProblem(column or ref, f"formula in {ref}", "expected a value, found a formula that "
                                        "was never calculated (no cached value): open the file in a spreadsheet "
                                        "program, let it calculate, and save it"))
    for position, cell in enumerate(cells):
        if getattr(cell, "data_type", None) == "e" and position < len(headers):
            row.cells.pop(headers[position] or "", None)
            column = headers[position] or f"column {position + 1}"
            row.problems.append(CellProblem(column, str(cell.value), "expected a value, found a spreadsheet "
                                                                     "error (a formula that fails)"))


def _rows(workbook: Any, where: str, sheet: str, headers: list[str | None], scan: SheetScan) -> Iterator[Row]:
    cells_by_row = workbook[sheet].iter_rows(min_row=2)
    number = 1
    try:
        while True:
            try:
                cells = next(cells_by_row)
            except StopIteration:
                return
            except Exception as e:  # a package damaged past its header row
                raise SubmissionError(f"{where}: a corrupt workbook: reading stopped after row {number} "
                                      f"({type(e).__name__}: {e})") from e
            number += 1
            row = make_row(number, headers, [_value(c) for c in cells])
            if row is None and number not in scan.merged and number not in scan.uncached:
                continue
            row = row if row is not None else Row(number, {})
            _cell_problems(row, cells, headers, scan)
            yield row
    finally:
        workbook.close()


def _open(path: Path, display: str, layout: Layout) -> tuple[Any, str, SheetScan]:
    """Load the workbook read-only and scan the sheet to read; raise SubmissionError if either fails."""
    workbook = None
    try:
        with zipfile.ZipFile(path) as archive:
            check_members(archive, display)
            parts = sheet_parts(archive)
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
            sheet = _pick_sheet(workbook.sheetnames, layout, display)
            return workbook, sheet, scan_sheet(archive, parts[sheet])
    except Exception as e:  # zipfile, XML and openpyxl errors all mean the same to the office
        if workbook is not None:
            workbook.close()
        if isinstance(e, SubmissionError):
            raise
        raise SubmissionError(f"{display}: a corrupt workbook: it cannot be read ({type(e).__name__}: {e})") from e


def read_xlsx(path: Path, display: str, layout: Layout) -> Source:
    """Open a workbook, check its header row, and return its rows as a stream."""
    check_signature(path, display)
    workbook, sheet, scan = _open(path, display, layout)
    where = f"{display} [{sheet}]"
    try:
        worksheet = workbook[sheet]
        worksheet.reset_dimensions()
        first = next(worksheet.iter_rows(min_row=1, max_row=1, values_only=True), ())
        order = _convention(workbook)
        if 1 in scan.merged:
            raise SubmissionError(f"{where}: merged cells {scan.merged[1]} in the header row: unmerge them")
        headers = check_headers(layout, list(first), where)
    except Exception as e:
        workbook.close()
        if isinstance(e, SubmissionError):
            raise
        raise SubmissionError(f"{where}: a corrupt workbook: it cannot be read ({type(e).__name__}: {e})") from e
    return Source(display, sheet, order, [h for h in headers if h], _rows(workbook, where, sheet, headers, scan))


OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
_CELL_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]")
CHUNK = 1 << 20
_SMALL_PART = 1 << 20  # below this, any ratio is harmless (small XML compresses very well)


@dataclass
class SheetScan:
    """What the scan of one sheet found: merged ranges by row, and cells whose formula has no value."""

    merged: dict[int, str] = field(default_factory=dict)
    uncached: dict[int, list[str]] = field(default_factory=dict)


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


def check_members(archive: zipfile.ZipFile, display: str) -> None:
    """Refuse a zip bomb before anything is decompressed: each part's size and compression ratio are limited.

    The sizes are those the zip's directory declares; zipfile never gives more than a part declares.
    """
    for info in archive.infolist():
        if info.file_size > MEMBER_BYTES.value:
            raise SubmissionError(f"{display}: part {info.filename}: "
                                  f"{MEMBER_BYTES.exceeded(MEMBER_BYTES.shown(info.file_size))}")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _SMALL_PART and ratio > COMPRESSION_RATIO.value:
            found = f"{ratio:,.0f} times (a zip bomb?)"
            raise SubmissionError(f"{display}: part {info.filename}: {COMPRESSION_RATIO.exceeded(found)}")


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
        _, first, _, last = range_boundaries(ref)
        for row in range(first or 1, (last or first or 1) + 1):
            scan.merged.setdefault(row, ref)
    return scan
