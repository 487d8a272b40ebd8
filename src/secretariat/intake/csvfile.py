"""Read a CSV submission: find its encoding (BOM, UTF-8, then Windows-1252 or Latin-1) and its delimiter."""

from __future__ import annotations

import codecs
import csv
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from secretariat.errors import SubmissionError
from secretariat.intake.columns import Layout
from secretariat.intake.headers import check_headers, make_row
from secretariat.intake.rows import Row
from secretariat.intake.source import Source
from secretariat.intake.xlsxscan import OLE2

CHUNK = 1 << 20
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
DELIMITERS = ",;\t"


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(path: Path, display: str) -> tuple[str, str | None]:
    """Return the encoding to read a CSV file with, and a note when it is not UTF-8."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK\x03\x04") or head == OLE2:
        raise SubmissionError(f"{display}: expected CSV text, found a workbook (XLSX or XLS): name it .xlsx, "
                              "or save it as CSV")
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return encoding, None if encoding == "utf-8-sig" else "read as UTF-16 (byte order mark)"
    if _decodes(path, "utf-8"):
        return "utf-8", None
    if _decodes(path, "cp1252"):
        return "cp1252", "not UTF-8: read as Windows-1252; check accented letters, and save as CSV UTF-8 next time"
    return "latin-1", "not UTF-8: read as Latin-1; check accented letters, and save as CSV UTF-8 next time"


def _rows(handle: IO[str], reader: Iterator[list[str]], where: str, headers: list[str | None]) -> Iterator[Row]:
    number = 1
    try:
        for values in reader:
            number += 1
            row = make_row(number, headers, values)
            if row is not None:
                yield row
    except csv.Error as e:
        raise SubmissionError(f"{where}: malformed CSV after row {number}: {e}") from e
    finally:
        handle.close()


def read_csv(path: Path, display: str, layout: Layout) -> Source:
    """Open a CSV file, check its header row, and return its rows as a stream."""
    try:
        encoding, note = detect_encoding(path, display)
        handle = path.open(encoding=encoding, newline="")
    except OSError as e:
        raise SubmissionError(f"{display}: cannot read the file: {e.strerror or e}") from e
    try:
        first_line = handle.readline()
        delimiter = max(DELIMITERS, key=first_line.count)
        reader = csv.reader(itertools.chain([first_line], handle), delimiter=delimiter)
        header_row = next(reader, [])
        headers = check_headers(layout, list(header_row), display)
    except (csv.Error, SubmissionError) as e:
        handle.close()
        if isinstance(e, SubmissionError):
            raise
        raise SubmissionError(f"{display}: malformed CSV in the header row: {e}") from e
    notes = [f"{display}: {note}"] if note else []
    return Source(display, "", None, [h for h in headers if h], _rows(handle, reader, display, headers), notes)
