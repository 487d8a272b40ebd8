"""Fold the notes a series declares routine (report.json ``routine_notes``) into one finding per code."""

from __future__ import annotations

from dataclasses import replace
from difflib import get_close_matches

from secretariat.checks.context import CheckContext
from secretariat.checks.finding import Finding, Severity
from secretariat.records import ReportRecords


def fold_routine(records: ReportRecords, findings: list[Finding], known: set[str]) -> list[Finding]:
    """Return the findings with each routine code's notes folded into one that lists the places."""
    result = list(findings)
    context = CheckContext(records, check="routine")
    for index, entry in enumerate(records.report.get("routine_notes") or []):
        code, reason = entry["code"], entry["reason"]
        if code not in known:
            near = get_close_matches(code, sorted(known), n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            result.append(context.finding(
                "routine-code-unknown", Severity.WARNING, "report.json", f"/routine_notes/{index}",
                f"expected the code of a finding some check reports, found {code!r}{hint}: no note is folded "
                "under it"))
            continue
        # errors and warnings always stand on their own; a waived note already says why it is accepted
        notes = sorted((f for f in result if f.code == code and f.severity is Severity.NOTE and f.counts
                        and not f.places), key=Finding.sort_key)
        if not notes:
            continue
        result = [f for f in result if f not in notes]
        where = ", ".join(_where(note) for note in notes)
        count = "1 note" if len(notes) == 1 else f"{len(notes)} notes"
        result.append(replace(
            notes[0], message=f"{count} routine for this series, at {where}: {reason} (report.json "
                              f"/routine_notes/{index}); the first says: {notes[0].message}",
            expected=None, found=None, routine=reason, places=tuple(notes)))
    return result


def _where(note: Finding) -> str:
    """Return where a folded note is: its record pointer, or the paragraph as printed."""
    return note.location.pointer or (f"paragraph {note.paragraph}" if note.paragraph else note.location.path)
