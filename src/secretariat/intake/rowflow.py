"""Take one batch of rows: normalize, build and validate each record, merge it, and count the outcome."""

from __future__ import annotations

from secretariat.intake.columns import Layout
from secretariat.intake.merge import Merger
from secretariat.intake.nest import make_id, nest, schema_problems
from secretariat.intake.normalize import Normalizer
from secretariat.intake.receipt import FileReceipt, RejectsWriter
from secretariat.intake.rows import CellProblem, Row


def _reject(row: Row, problems: list[CellProblem], rejects: RejectsWriter, receipt: FileReceipt) -> None:
    for problem in problems:
        rejects.add("rejected", receipt.file, receipt.sheet, row.number, problem)
    receipt.rejected += 1


def take_rows(rows: list[Row], normalizer: Normalizer, layout: Layout, merger: Merger, rejects: RejectsWriter,
              receipt: FileReceipt) -> None:
    """Take a batch of rows into the merger, every row counted once in the receipt."""
    if not rows:
        return
    normalized = normalizer.normalize(rows)
    for row, cells in zip(rows, normalized, strict=True):
        receipt.rows_read += 1
        if row.problems:
            _reject(row, row.problems, rejects, receipt)
            continue
        record, origins = nest(layout, cells)
        made = "id" not in record
        if made:
            record = {"id": make_id(record), **record}
        problems = schema_problems(layout, record, origins, row.cells)
        if problems:
            _reject(row, problems, rejects, receipt)
            continue
        where = f"{receipt.file}{f' [{receipt.sheet}]' if receipt.sheet else ''} row {row.number}"
        outcome, why = merger.offer(record, where)
        if outcome == "conflict":
            rejects.add("conflict", receipt.file, receipt.sheet, row.number,
                        CellProblem("id", str(record["id"]), why))
            receipt.conflicts += 1
        elif outcome == "duplicate":
            receipt.duplicates += 1
        else:
            receipt.accepted += 1
            receipt.replaced += outcome == "replaced"
            receipt.ids_made += made
