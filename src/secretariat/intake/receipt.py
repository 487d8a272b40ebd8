"""Count what happened to each submitted file, and write the rejects file row by row as it is read."""

from __future__ import annotations

import csv
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from secretariat.files import new_temp
from secretariat.intake.rows import CellProblem, neutralized

REJECT_COLUMNS = ("outcome", "file", "sheet", "row", "column", "value", "expected")


@dataclass
class FileReceipt:
    """What happened to one file. ``rows_read`` always equals accepted + rejected + duplicates + conflicts."""

    file: str
    sheet: str = ""
    rows_read: int = 0
    accepted: int = 0
    replaced: int = 0
    rejected: int = 0
    duplicates: int = 0
    conflicts: int = 0
    ids_made: int = 0
    error: str | None = None
    notes: list[str] = field(default_factory=list)

    def failed(self) -> bool:
        """Return whether anything in this file needs the office's attention."""
        return self.error is not None or self.rejected > 0 or self.conflicts > 0

    def emptied(self, error: str) -> None:
        """Mark the file as not taken in at all: nothing of it counts."""
        self.rows_read = self.accepted = self.replaced = self.rejected = self.duplicates = 0
        self.conflicts = self.ids_made = 0
        self.error = error

    def data(self) -> dict[str, Any]:
        """Return the receipt of the file as plain data."""
        return asdict(self)


class RejectsWriter:
    """The rejects CSV: one line per problem (or conflict); each file's lines kept apart until it is done."""

    def __init__(self, folder: Path) -> None:
        handle, self.path = new_temp(folder / "rejects.csv")  # the user's umask, as every output: not 0600
        self._out: IO[str] = os.fdopen(handle, "w", encoding="utf-8", newline="")
        csv.writer(self._out).writerow(REJECT_COLUMNS)
        self._file: IO[str] | None = None
        self._writer: Any = None
        self._folder = folder
        self.lines = 0
        self._pending_lines = 0

    def add(self, outcome: str, file: str, sheet: str, row: int, problem: CellProblem) -> None:
        """Add one problem of the current file."""
        if self._file is None:
            self._file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="", dir=self._folder)
            self._writer = csv.writer(self._file)
        cells = (outcome, file, sheet, str(row), problem.column, problem.value, problem.expected)
        self._writer.writerow([neutralized(cell) for cell in cells])  # opened in Excel: never a live formula
        self._pending_lines += 1

    def commit(self) -> None:
        """Keep the current file's lines."""
        if self._file is not None:
            self._file.seek(0)
            while chunk := self._file.read(1 << 20):
                self._out.write(chunk)
            self._file.close()
        self.lines += self._pending_lines
        self._file, self._pending_lines = None, 0

    def rollback(self) -> None:
        """Drop the current file's lines."""
        if self._file is not None:
            self._file.close()
        self._file, self._pending_lines = None, 0

    def finish(self, target: Path) -> None:
        """Move the rejects file into place."""
        self.rollback()
        self._out.close()
        os.replace(self.path, target)

    def discard(self) -> None:
        """Delete the temporary file (after a failure)."""
        self.rollback()
        self._out.close()
        self.path.unlink(missing_ok=True)
