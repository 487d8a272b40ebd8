"""Run the lint rules over the passages of one document and turn what they find into findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from secretariat.checks.finding import Finding
from secretariat.errors import Location
from secretariat.lint.passage import Document, Hit, Passage
from secretariat.lint.rulefile import TextRule
from secretariat.lint.rules import FAMILIES, Family, builtin_rules

Locate = Callable[[Passage], Location]  # where a record passage is: its file, line:column and pointer
_SKIPPED_KINDS = frozenset({"other"})  # page furniture: running heads, job numbers, page numbers


def lint_passages(passages: Iterable[Passage], on: date, extra: Sequence[TextRule] = (),
                  families: Iterable[str] | None = None, locate: Locate | None = None) -> list[Finding]:
    """Lint the passages of one document in order; return the findings, deduplicated per place and code."""
    chosen = [FAMILIES[name] for name in (families if families is not None else FAMILIES)]
    rules: list[Family] = [*chosen, *(rule.check for rule in (*builtin_rules(), *extra))]
    doc = Document(on)
    findings: list[Finding] = []
    seen: set[tuple[str, str | None, str | None, int, str]] = set()
    for passage in passages:
        if passage.kind in _SKIPPED_KINDS or not passage.text.strip():
            continue
        hits = sorted((hit for rule in rules for hit in rule(passage, doc)), key=lambda hit: hit.start)
        for hit in hits:
            key = (passage.file, passage.pointer, passage.label, hit.start, hit.code)
            if key not in seen:
                seen.add(key)
                findings.append(to_finding(passage, hit, locate))
    return findings


def to_finding(passage: Passage, hit: Hit, locate: Locate | None = None) -> Finding:
    """Return the finding of a hit: located at the record, the line:column, or the paragraph and offset."""
    if passage.pointer is not None and locate is not None:
        location = locate(passage)
    elif passage.line is not None:
        location = Location(passage.file, *passage.position(hit.start))
    else:
        location = Location(passage.file)
    return Finding(code=hit.code, severity=hit.severity, location=location, message=hit.message,
                   expected=hit.expected, found=hit.found, paragraph=passage.label, check="style",
                   offset=hit.start)
