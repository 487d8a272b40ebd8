"""Find and load the previous report of a series, named by report.json's previous_report."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from secretariat.errors import RecordError, clipped
from secretariat.records.folder import ReportRecords, load_report


def previous_folder(records: ReportRecords) -> Path | None:
    """Return the previous report's folder, or None if the report names none."""
    name = records.report.get("previous_report")
    return (records.folder / name).resolve() if isinstance(name, str) else None


@cache
def _load(folder: Path) -> ReportRecords:
    return load_report(folder)


def load_previous(records: ReportRecords) -> ReportRecords | None:
    """Return the previous report's records; a missing or invalid previous report is a RecordError."""
    folder = previous_folder(records)
    if folder is None:
        return None
    try:
        return _load(folder)
    except RecordError as e:
        raise RecordError(f"{records.folder / 'report.json'} /previous_report: the previous report "
                          f"{clipped(folder)} cannot be used: {e.message}", e.problems) from e
