"""Report check findings as SARIF 2.1.0, the format CI systems and editors read."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from secretariat import __version__
from secretariat.checks import CheckRun, Finding, Severity
from secretariat.checks.runner import all_codes

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SOURCE_ROOT = "%SRCROOT%"  # the directory the command ran in
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}


def relative_path(path: str) -> str | None:
    """Return path relative to the current directory in POSIX form, or None if it lies elsewhere."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (OSError, ValueError):
        return None


def artifact_location(path: str) -> dict[str, str]:
    """Return a SARIF artifactLocation: a URI relative to the current directory, else a file: URI."""
    relative = relative_path(path)
    if relative is not None:
        return {"uri": quote(relative), "uriBaseId": SOURCE_ROOT}
    return {"uri": Path(path).resolve().as_uri()}


def _location(finding: Finding) -> dict[str, Any]:
    """Return the SARIF location of a finding: file, line and column if known, the JSON pointer."""
    loc = finding.location
    physical: dict[str, Any] = {"artifactLocation": artifact_location(loc.path)}
    if loc.line is not None and loc.line >= 1:
        region = {"startLine": loc.line}
        if loc.column is not None and loc.column >= 1:
            region["startColumn"] = loc.column
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if loc.pointer is not None:
        location["logicalLocations"] = [{"fullyQualifiedName": loc.pointer or "/", "kind": _kind(loc.pointer)}]
    return location


def _kind(pointer: str) -> str:
    """Return the SARIF logical location kind of a JSON pointer (3.33.7: the whole, a member, an item)."""
    if not pointer:
        return "object"
    return "value" if pointer.rsplit("/", 1)[-1].isdigit() else "property"


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    """Return the SARIF result of one finding."""
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding)],
    }
    if finding.waived is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.waived}]
    properties = {"check": finding.check, "pointer": finding.location.pointer, "paragraph": finding.paragraph,
                  "offset": finding.offset, "expected": finding.expected, "found": finding.found}
    result["properties"] = {key: value for key, value in properties.items() if value}
    related = []
    if finding.register is not None:
        related.append({"id": 1, "message": {"text": "the register this finding rests on"},
                        "physicalLocation": {"artifactLocation": artifact_location(finding.register)}})
    if finding.routine is not None:  # routine notes of the series, folded: each place with its own message
        result["properties"]["routine"] = finding.routine
        related += [{**_location(note), "id": number, "message": {"text": note.message}}
                    for number, note in enumerate(finding.places, start=2)]
    if related:
        result["relatedLocations"] = related
    return result


def sarif_log(run: CheckRun, described: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Return the SARIF log of a run: one run, the rules that occur (described also by described), a result each."""
    descriptions = {**all_codes(), **(described or {})}
    codes = sorted({finding.code for finding in run.findings})
    rules = [{"id": code, "shortDescription": {"text": descriptions.get(code, code)}} for code in codes]
    index = {code: position for position, code in enumerate(codes)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "secretariat", "version": __version__, "rules": rules}},
            "originalUriBaseIds": {SOURCE_ROOT: {"uri": Path.cwd().resolve().as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(finding, index[finding.code]) for finding in run.findings],
            "properties": {"checks": list(run.checks)},
        }],
    }
