"""Report the outcome of ``secretariat draft``."""

from __future__ import annotations

import json
from dataclasses import asdict

from secretariat.errors import SecretariatError
from secretariat.pipeline import DraftResult
from secretariat.reporters import plural
from secretariat.reporters.changes import changes_text
from secretariat.reporters.findings import finding_data, summary_data, summary_line


def draft_text(result: DraftResult) -> str:
    """Describe a finished draft for a person."""
    lines = [f"wrote {result.path} ({plural(result.headings, 'heading')}, "
             f"{plural(result.paragraphs, 'numbered paragraph')}, {plural(result.footnotes, 'footnote')})"]
    placed = {0: "no comments", 1: "1 comment"}.get(result.comments, f"{result.comments} comments")
    lines.append(f"{summary_line(result.checks)}; {placed} in the draft")
    if result.changes is not None:
        lines.append(changes_text(result.changes))
    lines += [f"note: {note}" for note in result.notes]
    return "\n".join(lines)


def draft_json(result: DraftResult) -> str:
    """Describe a finished draft for a machine."""
    data = asdict(result)
    data["path"] = str(result.path)
    data["checks"] = list(result.checks.checks)
    data["findings"] = [finding_data(finding) for finding in result.checks.findings]
    data["summary"] = summary_data(result.checks)
    # ok: the draft was written and no error stands against it (as the exit code says without --strict)
    return json.dumps({"ok": not result.checks.failed(), **data}, ensure_ascii=False, indent=2)


def error_text(error: SecretariatError) -> str:
    """Describe a failure for a person."""
    return f"error: {error}"


def error_json(error: SecretariatError) -> str:
    """Describe a failure for a machine: each problem with its file, line, column and pointer."""
    problems = [
        {**asdict(p.location), "message": p.message} for p in error.problems
    ]
    return json.dumps({"ok": False, "error": error.message, "problems": problems},
                      ensure_ascii=False, indent=2)
