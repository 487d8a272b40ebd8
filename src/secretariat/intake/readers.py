"""Open a submitted file by its type: XLSX workbooks, CSV text and JSON records."""

from __future__ import annotations

from pathlib import Path

from secretariat.errors import SubmissionError
from secretariat.intake.columns import Layout
from secretariat.intake.csvfile import read_csv
from secretariat.intake.jsonsub import read_json_submission
from secretariat.intake.source import Source
from secretariat.intake.xlsx import read_xlsx

READERS = {".xlsx": read_xlsx, ".xlsm": read_xlsx, ".csv": read_csv, ".json": read_json_submission}
ADVICE = {
    ".xls": "a legacy .xls workbook: open it and save it as .xlsx",
    ".ods": "an OpenDocument spreadsheet: save it as .xlsx or CSV",
    ".numbers": "a Numbers spreadsheet: export it as .xlsx or CSV",
    ".txt": "text: save it as CSV (.csv)",
    ".tsv": "tab-separated text: name it .csv (tabs are recognized)",
}


def open_source(path: Path, display: str, layout: Layout) -> Source:
    """Open one submission for reading; raise SubmissionError with one clear message if it cannot be read."""
    suffix = path.suffix.lower()
    if path.is_dir():
        raise SubmissionError(f"{display}: expected a file, found a folder")
    if not path.exists():
        raise SubmissionError(f"{display}: no such file")
    reader = READERS.get(suffix)
    if reader is None:
        advice = ADVICE.get(suffix, f"a {suffix or 'nameless'} file")
        raise SubmissionError(f"{display}: unsupported file type: {advice}; "
                              "expected .xlsx, .csv or .json")
    return reader(path, display, layout)
