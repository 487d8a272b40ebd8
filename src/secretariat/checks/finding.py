"""Findings are data: a stable code, a severity, a location and a message saying expected vs found."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from secretariat.errors import Location


class Severity(StrEnum):
    """How much a finding matters: errors fail a check run, warnings only with --strict."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True)
class Finding:
    """One thing a check found in a report."""

    code: str  # stable, kebab-case: "total-mismatch", "date-outside-period" ...
    severity: Severity
    location: Location
    message: str  # says what was expected and what was found
    expected: str | None = None
    found: str | None = None
    paragraph: str | None = None  # the content block pointer ("/blocks/12"), or a paragraph as printed ("3 (f)")
    check: str = ""  # the plugin that found it
    waived: str | None = None  # the reason the secretariat gave for accepting it
    offset: int | None = None  # the character offset in that paragraph's text, where the lint knows it
    register: str | None = None  # the register file the finding was judged against, if any
    routine: str | None = None  # why the series counts these notes as routine (report.json routine_notes)
    places: tuple[Finding, ...] = ()  # the routine notes folded into this one, each at its own place

    def waive(self, reason: str) -> Finding:
        """Return the finding marked as knowingly accepted, with the reason."""
        return replace(self, waived=reason)

    @property
    def counts(self) -> bool:
        """Return whether the finding still counts against the report (it is not waived)."""
        return self.waived is None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order findings by file, position, then code."""
        loc = self.location
        return (loc.path, loc.line or 0, loc.column or 0, loc.pointer or "", self.code)
