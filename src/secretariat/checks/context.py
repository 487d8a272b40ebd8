"""What every check can read: the records, the registers, and where each figure is used."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from secretariat.checks.finding import Finding, Severity
from secretariat.errors import Location
from secretariat.records import ReportRecords, report_date
from secretariat.render.footnotes import record_texts

_FIGURE_USE = re.compile(r"""fig\[\s*['"]([a-z0-9-]+)['"]\s*\]""")
_ACTIVITY_USE = re.compile(r"""act\[\s*['"]([a-z0-9-]+)['"]\s*\]""")


@dataclass
class CheckContext:
    """The report under check and helpers to locate and report what a check finds."""

    records: ReportRecords
    check: str = ""
    rendered: dict[str, str] = field(default_factory=dict)  # block pointer → rendered plain text

    @property
    def folder(self) -> Path:
        """Return the report folder."""
        return self.records.folder

    @property
    def report_date(self) -> date:
        """Return the masthead date."""
        return report_date(self.records)

    def locate(self, file: str, pointer: str = "") -> Location:
        """Return the location of a JSON pointer in one of the report's record files."""
        loaded = self.records.files.get(file)
        if loaded is None:
            return Location(str(self.folder / file), pointer=pointer or None)
        return loaded.locate(pointer)

    def finding(self, code: str, severity: Severity, file: str, pointer: str, message: str, *,
                expected: object = None, found: object = None, paragraph: str | None = None) -> Finding:
        """Build a finding of this check at a record location."""
        return Finding(code=code, severity=severity, location=self.locate(file, pointer), message=message,
                       expected=None if expected is None else str(expected),
                       found=None if found is None else str(found), paragraph=paragraph, check=self.check)

    def texts(self) -> list[tuple[str, str]]:
        """Return (pointer, source text) of every paragraph text and sub-paragraph in content.json."""
        return record_texts(self.records)

    def _uses(self, pattern: re.Pattern[str]) -> dict[str, list[str]]:
        uses: dict[str, list[str]] = {}
        for pointer, text in self.texts():
            for ident in pattern.findall(text):
                uses.setdefault(ident, []).append(pointer)
        return uses

    def figure_paragraph(self, figure_id: str) -> str | None:
        """Return the pointer of the first content block ("/blocks/12") that prints this figure."""
        uses = self.figure_uses.get(figure_id, [])
        return block_of(uses[0]) if uses else None

    @cached_property
    def figure_uses(self) -> dict[str, list[str]]:
        """Return, for each figure id, the content pointers whose text uses it."""
        return self._uses(_FIGURE_USE)

    @cached_property
    def activity_uses(self) -> dict[str, list[str]]:
        """Return, for each activity id, the content pointers whose text uses it."""
        return self._uses(_ACTIVITY_USE)

    @cached_property
    def _block_pointers(self) -> dict[str, str]:
        pointers: dict[str, str] = {}
        for index, block in enumerate(self.records.content):
            if isinstance(block.get("id"), str):
                pointers.setdefault(block["id"], f"/blocks/{index}")
        return pointers

    def block_pointer(self, block_id: str) -> str | None:
        """Return the content pointer of the paragraph block with this id."""
        return self._block_pointers.get(block_id)

    def figure(self, figure_id: str) -> tuple[int, dict[str, Any]] | None:
        """Return the position and record of a figure."""
        for index, figure in enumerate(self.records.figures.values()):
            if figure.get("id") == figure_id:
                return index, figure
        return None


def block_of(pointer: str) -> str:
    """Return the content block part of a content.json pointer: "/blocks/3/items/1" gives "/blocks/3"."""
    return "/".join(pointer.split("/")[:3])
