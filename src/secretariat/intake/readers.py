"""Open a submitted file by its type: XLSX workbooks, CSV text and JSON records."""

from __future__ import annotations

import codecs
import csv
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from secretariat.errors import LimitError, Problem, SubmissionError, UnsafeFileError
from secretariat.files import open_regular
from secretariat.intake.columns import Layout
from secretariat.intake.rows import CellProblem, Row, Source, cell_problem, check_headers, make_row, shown
from secretariat.intake.xlsx import OLE2, read_xlsx
from secretariat.limits import CSV_BYTES, FILE_BYTES, MEMBER_BYTES
from secretariat.records.jsonfile import nesting_problem, read_json

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


def _groups(layout: Layout) -> dict[str, str]:
    """Return how each top-level property is laid out: scalar, object, objects, values or text-list."""
    shapes: dict[str, str] = {}
    for field in layout.fields:
        name = field.path[0]
        if field.kind == "text-list":
            shapes[name] = "text-list"
        elif field.numbered:
            shapes[name] = "objects" if len(field.path) == 2 else "values"
        else:
            shapes[name] = "object" if len(field.path) == 2 else "scalar"
    return shapes


def flatten(layout: Layout, record: Any, number: int) -> Row:
    """Return a record as the cells a sheet row would hold (countries.1, places.1.city, ...)."""
    if not isinstance(record, dict):
        return Row(number, {}, [CellProblem("(record)", shown(record)[:60], "expected an object (a record)")])
    shapes = _groups(layout)
    cells: dict[str, Any] = {}
    problems: list[CellProblem] = []
    for key, value in record.items():
        shape = shapes.get(key)
        if shape is None:
            problems.append(CellProblem(key, shown(value)[:60], "no such property in the schema"))
        elif shape in ("scalar", "text-list"):
            cells[key] = value
        elif shape == "object" and isinstance(value, dict):
            cells.update({f"{key}.{sub}": item for sub, item in value.items()})
        elif shape == "values" and isinstance(value, list):
            cells.update({f"{key}.{n}": item for n, item in enumerate(value, start=1)})
        elif shape == "objects" and isinstance(value, list) and all(isinstance(v, dict) for v in value):
            cells.update({f"{key}.{n}.{sub}": item for n, v in enumerate(value, start=1) for sub, item in v.items()})
        else:
            wanted = "an object" if shape == "object" else "a list"
            problems.append(CellProblem(key, shown(value)[:60], f"expected {wanted}, found {type(value).__name__}"))
    for header in [h for h in cells if layout.resolve(h) is None]:
        problems.append(CellProblem(header, shown(cells.pop(header))[:60], "no such property in the schema"))
    for header in list(cells):
        problem = cell_problem(header, cells[header])
        if problem is not None:
            problems.append(problem)
            del cells[header]
    return Row(number, {k: v for k, v in cells.items() if v is not None and v != []}, problems)


def read_json_submission(path: Path, display: str, layout: Layout) -> Source:
    """Parse a JSON file of records; each record is one row (its number is its position, 1 for the first)."""
    loaded = read_json(path, display)
    if not isinstance(loaded, Problem):
        loaded = nesting_problem(loaded) or loaded  # a return is not checked against a schema before its rows are read
    if isinstance(loaded, Problem):
        raise SubmissionError(str(loaded))
    data = loaded.data
    records = data.get(layout.sheet) if isinstance(data, dict) else data
    if not isinstance(records, list):
        raise SubmissionError(f"{display}: expected a list of records or {{\"{layout.sheet}\": [...]}}, "
                              f"found {type(data).__name__}")
    if not records:
        raise SubmissionError(f"{display}: empty: expected at least one record, found none")

    def rows() -> Iterator[Row]:
        for number, record in enumerate(records, start=1):
            yield flatten(layout, record, number)

    headers = sorted({h for r in records if isinstance(r, dict) for h in flatten(layout, r, 0).cells})
    return Source(display, layout.sheet, None, headers, rows())


READERS = {".xlsx": read_xlsx, ".xlsm": read_xlsx, ".csv": read_csv, ".json": read_json_submission}
ADVICE = {
    ".xls": "a legacy .xls workbook: open it and save it as .xlsx",
    ".ods": "an OpenDocument spreadsheet: save it as .xlsx or CSV",
    ".numbers": "a Numbers spreadsheet: export it as .xlsx or CSV",
    ".txt": "text: save it as CSV (.csv)",
    ".tsv": "tab-separated text: name it .csv (tabs are recognized)",
}


SIZE_LIMITS = {".csv": CSV_BYTES, ".json": FILE_BYTES}


def open_source(path: Path, display: str, layout: Layout) -> Source:
    """Open one submission for reading; raise SubmissionError with one clear message if it cannot be read."""
    suffix = path.suffix.lower()
    if path.is_dir():
        raise SubmissionError(f"{display}: expected a file, found a folder")
    if not path.exists() and not path.is_symlink():
        raise SubmissionError(f"{display}: no such file")
    reader = READERS.get(suffix)
    if reader is None:
        advice = ADVICE.get(suffix, f"a {suffix or 'nameless'} file")
        raise SubmissionError(f"{display}: unsupported file type: {advice}; "
                              "expected .xlsx, .csv or .json")
    try:  # a regular file within its size limit (a FIFO or a device is refused without blocking)
        open_regular(path, SIZE_LIMITS.get(suffix, MEMBER_BYTES)).close()
    except (UnsafeFileError, LimitError) as e:
        raise SubmissionError(f"{display}: {e.message.removeprefix(f'{path}: ')}") from e
    return reader(path, display, layout)
