"""Say what an intake did, for a person (text) or a machine (the JSON receipt)."""

from __future__ import annotations

import csv
import json
from itertools import islice

from secretariat.intake.receipt import FileReceipt
from secretariat.intake.run import IntakeResult, receipt_data

SHOWN = 20


def file_line(receipt: FileReceipt) -> str:
    """Describe one file in one line."""
    where = f"{receipt.file}{f' [{receipt.sheet}]' if receipt.sheet else ''}"
    if receipt.error is not None:
        return f"{where}: not taken in: {receipt.error.removeprefix(where + ': ').removeprefix(receipt.file + ': ')}"
    replaced = f" ({receipt.replaced} replaced)" if receipt.replaced else ""
    return (f"{where}: {receipt.rows_read} row(s) read: {receipt.accepted} accepted{replaced}, "
            f"{receipt.rejected} rejected, {receipt.duplicates} duplicate(s), {receipt.conflicts} conflict(s)")


def _first_rejects(result: IntakeResult) -> list[str]:
    with result.rejects.open(encoding="utf-8", newline="") as handle:
        rows = list(islice(csv.DictReader(handle), SHOWN))
    lines = []
    for row in rows:
        sheet = f" [{row['sheet']}]" if row["sheet"] else ""
        value = f" {row['value']!r}:" if row["value"] else ""
        lines.append(f"  {row['outcome']}: {row['file']}{sheet} row {row['row']}, {row['column']}:{value} "
                     f"{row['expected']}")
    if result.reject_lines > len(rows):
        lines.append(f"  … {result.reject_lines - len(rows)} more in {result.rejects}")
    return lines


def intake_text(result: IntakeResult) -> str:
    """Describe an intake for a person: a line per file, the first problems, and where everything went."""
    lines = [file_line(f) for f in result.files]
    for receipt in result.files:
        lines += [f"note: {note}" for note in receipt.notes]
    if result.reject_lines:
        lines += _first_rejects(result)
    path = result.folder.parent.parent / "activities.json"
    lines.append(f"wrote {path} ({result.records} records)" if result.written else f"{path} unchanged")
    lines.append(f"receipt: {result.receipt}")
    if result.reject_lines:
        lines.append(f"rejects: {result.rejects} ({result.reject_lines} line(s))")
    return "\n".join(lines)


def intake_json(result: IntakeResult) -> str:
    """Describe an intake for a machine: the receipt as written to receipt.json."""
    return json.dumps(receipt_data(result), ensure_ascii=False, indent=2)
