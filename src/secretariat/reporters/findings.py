"""Report check findings: text grouped by file for people, JSON and SARIF 2.1.0 for machines."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from secretariat.checks import CheckRun, Finding, Severity
from secretariat.reporters import FINDINGS_FORMATS, plural
from secretariat.reporters.sarif import relative_path, sarif_log

FORMATS = FINDINGS_FORMATS
_NOUNS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}


def render(run: CheckRun, output_format: str, codes: Mapping[str, str] | None = None) -> str:
    """Return the findings of a run in the given format ("text", "json" or "sarif"); codes describe rules."""
    if output_format == "json":
        return _dump({"findings": [finding_data(f) for f in run.findings], "summary": summary_data(run),
                      "checks": list(run.checks)})
    if output_format == "sarif":
        return _dump(sarif_log(run, codes))
    return render_text(run)


def _dump(data: dict[str, Any]) -> str:
    """Return data as indented JSON with non-ASCII text kept readable."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def finding_data(finding: Finding) -> dict[str, Any]:
    """Return one finding as a JSON object."""
    loc = finding.location
    return {"code": finding.code, "severity": finding.severity.value, "check": finding.check, "file": loc.path,
            "line": loc.line, "column": loc.column, "pointer": loc.pointer, "paragraph": finding.paragraph,
            "offset": finding.offset,
            "message": finding.message, "expected": finding.expected, "found": finding.found,
            "waived": finding.waived, "register": finding.register, "routine": finding.routine,
            "places": [{"file": note.location.path, "line": note.location.line, "column": note.location.column,
                        "pointer": note.location.pointer, "paragraph": note.paragraph, "message": note.message}
                       for note in finding.places]}


def summary_data(run: CheckRun) -> dict[str, int]:
    """Return the counts of findings that count, by severity, and of waived findings."""
    counts = {f"{noun}s": sum(1 for f in run.findings if f.counts and f.severity == severity)
              for severity, noun in _NOUNS.items()}
    return {**counts, "waived": sum(1 for f in run.findings if not f.counts), "total": len(run.findings)}


def summary_line(run: CheckRun) -> str:
    """Return the one-line summary: "1 error, 2 warnings, 0 notes (1 waived) from checks: a, b"."""
    checks = f"from checks: {', '.join(run.checks)}" if run.checks else "(no checks ran)"
    if not run.findings:
        return f"no findings {checks}"
    data = summary_data(run)
    counts = ", ".join(plural(data[f"{noun}s"], noun) for noun in _NOUNS.values())
    return f"{counts} ({data['waived']} waived) {checks}"


def render_text(run: CheckRun) -> str:
    """Return the findings grouped by file, a heading line per file, then the summary line."""
    groups: dict[str, list[Finding]] = {}
    for finding in run.findings:
        groups.setdefault(finding.location.path, []).append(finding)
    lines = []
    for path, findings in groups.items():
        lines.append(relative_path(path) or path)
        places = [_place(f) for f in findings]
        width = max(len(place) for place in places)
        for place, finding in zip(places, findings, strict=True):
            lines.append(f"  {place:<{width}}  {finding.severity.value:<7}  {finding.code}  {_message(finding)}")
    lines.append(summary_line(run))
    return "\n".join(lines)


def _place(finding: Finding) -> str:
    """Return "line:col pointer" with whatever of the two is known, "-" if neither is."""
    loc = finding.location
    if loc.line is None and loc.pointer is None and finding.paragraph:  # a Word document: ¶ as printed, offset
        return f"¶{finding.paragraph}" + ("" if finding.offset is None else f" +{finding.offset}")
    position = "" if loc.line is None else str(loc.line) + ("" if loc.column is None else f":{loc.column}")
    pointer = None if loc.pointer is None else (loc.pointer or "/")
    return " ".join(part for part in (position, pointer) if part) or "-"


def _message(finding: Finding) -> str:
    """Return the message, expected vs found unless the message already says them, and any waiver."""
    text = finding.message
    stated = [(word, value) for word, value in (("expected", finding.expected), ("found", finding.found))
              if value is not None]
    if stated and not all(_says(text, value) for _word, value in stated):
        text += " (" + ", ".join(f"{word} {value}" for word, value in stated) + ")"
    if finding.register is not None:
        text += f" [register: {relative_path(finding.register) or finding.register}]"
    if finding.waived is not None:
        text += f" (waived: {finding.waived})"
    return text


def _says(text: str, value: str) -> bool:
    """Return whether text states value: verbatim, or every figure or date in it ("within 2014-10 to 2016-04")."""
    figures = [word for word in value.split() if any(c.isdigit() for c in word)]
    return value in text or (bool(figures) and all(figure in text for figure in figures))
