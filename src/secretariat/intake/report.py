"""What intake needs of a report folder: its date, its activity records and the ids of its paragraphs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from secretariat.errors import Problem, RecordError
from secretariat.records.jsonfile import read_json
from secretariat.records.schemas import default_store


@dataclass
class ReportFolder:
    """A report folder opened for intake."""

    folder: Path
    on: date
    activities: list[dict[str, Any]]
    paragraphs: list[str]

    @property
    def activities_path(self) -> Path:
        """Return the path of the activity records."""
        return self.folder / "activities.json"


def _load(path: Path, required: bool) -> Any:
    if not path.exists():
        if required:
            raise RecordError(f"{path}: expected this record file, found it missing")
        return None
    loaded = read_json(path, str(path))
    problems = [loaded] if isinstance(loaded, Problem) else default_store().check(loaded)
    if problems:
        raise RecordError(f"{path}: {len(problems)} problem(s): fix the record file before taking in more",
                          tuple(problems))
    return loaded.data if not isinstance(loaded, Problem) else None


def _full_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def report_date(report: dict[str, Any]) -> date:
    """Return the date whose UN country names apply: the report's date, else the session's start, else today."""
    session = report.get("session") if isinstance(report.get("session"), dict) else {}
    for value in (report.get("date"), (session or {}).get("start")):
        found = _full_date(value)
        if found is not None:
            return found
    return date.today()


def open_report(folder: Path, *, with_activities: bool = True, with_paragraphs: bool = False) -> ReportFolder:
    """Open a report folder: report.json must be valid, and so must activities.json and content.json if read."""
    if not folder.is_dir():
        raise RecordError(f"{folder}: expected a report folder, found {'a file' if folder.exists() else 'nothing'}")
    report = _load(folder / "report.json", required=True)
    activities: list[dict[str, Any]] = []
    if with_activities:
        data = _load(folder / "activities.json", required=False)
        activities = list(data["activities"]) if data is not None else []
        seen: set[str] = set()
        for record in activities:
            if record["id"] in seen:
                raise RecordError(f"{folder / 'activities.json'}: the id {record['id']!r} is given twice: "
                                  "fix the record file before taking in more")
            seen.add(record["id"])
    blocks = _load(folder / "content.json", required=False) if with_paragraphs else None
    paragraphs = [b["id"] for b in (blocks or {}).get("blocks", []) if isinstance(b, dict) and "id" in b]
    return ReportFolder(folder, report_date(report), activities, paragraphs)
