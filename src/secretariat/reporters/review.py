"""Report a review: its findings (as check does) and, with --apply, each change applied or refused."""

from __future__ import annotations

import json
from dataclasses import asdict

from secretariat.reporters.findings import render
from secretariat.review import CODES, ReviewResult


def review_output(result: ReviewResult, output_format: str) -> str:
    """Return the review in the given format; the apply's receipt follows the findings."""
    from secretariat.reporters.draft import error_json, error_text  # only here: it loads the revision code
    findings = render(result.run, output_format, CODES)
    if output_format == "sarif" or (result.applied is None and result.refused is None):
        return findings
    if output_format == "json":
        data = json.loads(findings)
        if result.refused is not None:
            data["apply"] = {"applied": False, **json.loads(error_json(result.refused))}
        elif result.applied is not None:
            data["apply"] = {"applied": result.applied.receipt is not None, "note": result.applied.note,
                             "receipt": str(result.applied.receipt) if result.applied.receipt else None,
                             "changes": [asdict(c) for c in result.applied.changes]}
        return json.dumps(data, ensure_ascii=False, indent=2)
    lines = [findings, ""]
    if result.refused is not None:
        lines.append(error_text(result.refused))
    elif result.applied is not None:
        for change in result.applied.changes:
            mark = "applied" if change.applied else "refused"
            lines.append(f"  {mark:<8} {change.action:<16} {change.file} {change.pointer or '(new)'}  {change.detail}")
        receipt = f"; receipt: {result.applied.receipt}" if result.applied.receipt else ""
        lines.append(f"apply: {result.applied.note}{receipt}")
    return "\n".join(lines)
