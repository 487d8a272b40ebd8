"""Take submitted files into a report: read, normalize, validate, merge, and write the receipt."""

from __future__ import annotations

import fcntl
import json
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from secretariat.errors import LimitError, OutputError, RecordError, SecretariatError, SubmissionError, UnsafeFileError
from secretariat.files import write_file
from secretariat.intake.columns import Layout, activities_layout
from secretariat.intake.merge import Merger
from secretariat.intake.nest import make_id, nest, schema_problems
from secretariat.intake.normalize import BATCH, Normalizer
from secretariat.intake.readers import open_source
from secretariat.intake.receipt import FileReceipt, RejectsWriter
from secretariat.intake.rows import CellProblem, Row
from secretariat.limits import DEPTH
from secretariat.records import ReportRecords, load_report, report_date
from secretariat.registers.countries import country_register


@dataclass(frozen=True)
class IntakeOptions:
    """What ``secretariat intake`` was asked to do."""

    files: tuple[Path, ...]
    report_dir: Path
    replace: bool = False


@dataclass
class IntakeResult:
    """What an intake did: a receipt per file, and where the records, receipt and rejects were written."""

    files: list[FileReceipt]
    folder: Path
    receipt: Path
    rejects: Path
    written: bool
    records: int
    reject_lines: int = 0

    def failed(self) -> bool:
        """Return whether any file, row or conflict needs attention."""
        return any(f.failed() for f in self.files)


def open_report(folder: Path, files: tuple[str, ...] = ("report.json", "activities.json")) -> ReportRecords:
    """Load what intake needs of a report folder; raise RecordError, asking for a fix before more is taken in."""
    try:
        return load_report(folder, only=files)
    except RecordError as e:
        raise RecordError(f"{e.message}: fix the record files before taking in more", e.problems) from e


def _take_file(path: Path, report: ReportRecords, layout: Layout, merger: Merger, rejects: RejectsWriter,
               receipt: FileReceipt) -> None:
    source = open_source(path, str(path), layout)
    receipt.sheet, receipt.notes = source.sheet, source.notes
    normalizer = Normalizer(layout, source.headers, country_register(), report_date(report), source.order)
    batch = []
    for row in source.rows:
        batch.append(row)
        if len(batch) == BATCH:
            take_rows(batch, normalizer, layout, merger, rejects, receipt)
            batch = []
    take_rows(batch, normalizer, layout, merger, rejects, receipt)
    if receipt.rows_read == 0:
        raise SubmissionError(f"{path}{f' [{source.sheet}]' if source.sheet else ''}: no rows: expected at least "
                              "one filled-in row under the header row")


def intake(options: IntakeOptions) -> IntakeResult:
    """Take every file in; a file that cannot be read is reported and adds nothing; others go on."""
    open_report(options.report_dir)  # refuse an invalid report folder before writing anything into it
    layout = activities_layout()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder = options.report_dir / "intake" / stamp
    try:
        folder.mkdir(parents=True)
        lock = (options.report_dir / "intake" / ".lock").open("w")
    except OSError as e:
        raise OutputError(f"{folder}: cannot create the intake folder: {e.strerror or e}") from e
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        report = open_report(options.report_dir)  # read again under the lock: another intake may have written
        merger = Merger(list(report.activities.values()), options.replace, folder)
        rejects = RejectsWriter(folder)
        try:
            receipts = []
            for path in options.files:
                receipt = FileReceipt(str(path))
                try:
                    _take_file(path, report, layout, merger, rejects, receipt)
                except (SubmissionError, LimitError, UnsafeFileError, RecursionError) as e:
                    merger.rollback()  # one unreadable return adds nothing; the others still go in
                    rejects.rollback()
                    receipt.emptied(e.message if isinstance(e, SecretariatError) else
                                    f"{path}: nested too deeply to read: {DEPTH.exceeded('more')}")
                else:
                    merger.commit()
                    rejects.commit()
                receipts.append(receipt)
            records = len(report.activities)
            if merger.changed:
                records = merger.write(report.folder / "activities.json", layout.schema_id)
            result = IntakeResult(receipts, folder, folder / "receipt.json", folder / "rejects.csv",
                                  merger.changed, records, rejects.lines)
            rejects.finish(result.rejects)
            _write_receipt(result)
        except BaseException:
            rejects.discard()
            merger.close()
            shutil.rmtree(folder, ignore_errors=True)
            raise
        merger.close()
    return result


def _write_receipt(result: IntakeResult) -> None:
    data = receipt_data(result)
    write_file(result.receipt, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def receipt_data(result: IntakeResult) -> dict[str, object]:
    """Return the receipt of a whole intake as plain data."""
    totals = {key: sum(getattr(f, key) for f in result.files)
              for key in ("rows_read", "accepted", "replaced", "rejected", "duplicates", "conflicts")}
    return {"ok": not result.failed(), "files": [f.data() for f in result.files], "totals": totals,
            "records_written": result.written, "records": result.records,
            "receipt": str(result.receipt), "rejects": str(result.rejects), "reject_lines": result.reject_lines}


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
