"""Report what changed between two versions: ``compare``, and the line ``draft --changes-against`` adds."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING

from secretariat.reporters import plural

if TYPE_CHECKING:
    from secretariat.changes import CompareResult
    from secretariat.compare import ChangeSummary


# the masthead's fields as a person names them (JSON keeps the field names)
_MASTHEAD_NAMES = {"venue_dates": "venue and dates", "agenda_item": "agenda item", "agenda_footnote": "agenda footnote",
                   "agenda_title": "agenda title", "job_number": "job number", "job_short": "job number",
                   "job_dates.0": "job dates", "job_dates.1": "job dates"}


def _masthead_fields(fields: list[str] | tuple[str, ...]) -> str:
    names = [_MASTHEAD_NAMES.get(f, f.replace("_", " ")) for f in fields]
    return ", ".join(dict.fromkeys(names))


def changes_text(changes: ChangeSummary) -> str:
    """Describe what a marked draft shows changed since the earlier version."""
    if changes.unchanged:
        return f"no changes against {changes.against}: the draft holds no revision marks"
    how = "as tracked changes" if changes.style == "track" else "struck through (deleted) and in bold (new)"
    parts = [f"paragraphs and headings: {changes.changed} changed, {changes.inserted} inserted, "
             f"{changes.deleted} deleted", plural(changes.footnotes_changed, "footnote") + " changed"]
    if changes.masthead_changed:
        parts.append("masthead: " + _masthead_fields(changes.masthead_changed))
    note = ("; paragraphs matched by their text, not by the records they came from"
            if changes.aligned_by == "text" else "")
    return f"changes against {changes.against} marked {how}: {', '.join(parts)}{note}"


def compare_text(result: CompareResult) -> str:
    """Describe a finished comparison for a person."""
    kept = f"\nthe file that was there is kept as {result.backup}" if result.backup else ""
    return f"wrote {result.path}\n{changes_text(result.changes)}{kept}"


def compare_json(result: CompareResult) -> str:
    """Describe a finished comparison for a machine."""
    data = {"ok": True, "path": str(result.path), "changes": asdict(result.changes),
            "unchanged": result.changes.unchanged, "backup": str(result.backup) if result.backup else None}
    return json.dumps(data, ensure_ascii=False, indent=2)
