"""What every check can read: the records, where each figure is used, and the rendered text when a check asks."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from secretariat.checks.finding import Finding, Severity
from secretariat.errors import Location
from secretariat.records import ReportRecords, report_date
from secretariat.records.footnotes import record_texts
from secretariat.registers.place import RegisterPlace, find_registers

_FIGURE_USE = re.compile(r"""fig\[\s*['"]([a-z0-9-]+)['"]\s*\]""")
_RECORD_POINTER = re.compile(r"^/(activities|figures)/(\d+)")


@dataclass
class CheckContext:
    """The report under check and helpers to locate and report what a check finds."""

    records: ReportRecords
    check: str = ""
    render: Callable[[], Mapping[str, str]] | None = None  # the rendered text, made only if a check asks
    place: RegisterPlace | None = None  # where the registers are; None: found from the report folder

    @property
    def rendered(self) -> Mapping[str, str]:
        """Return the printed text of each paragraph by its content pointer (rendering it on first use)."""
        return self.render() if self.render is not None else {}

    @property
    def folder(self) -> Path:
        """Return the report folder."""
        return self.records.folder

    @cached_property
    def registers(self) -> RegisterPlace:
        """Return where this report's registers are kept."""
        return self.place if self.place is not None else find_registers(self.folder)

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
                expected: object = None, found: object = None, paragraph: str | None = None,
                register: object = None) -> Finding:
        """Build a finding of this check at a record location (``register``: the register file it rests on)."""
        return Finding(code=code, severity=severity, location=self.locate(file, pointer), message=message,
                       expected=None if expected is None else str(expected),
                       found=None if found is None else str(found), paragraph=paragraph, check=self.check,
                       register=None if register is None else str(register))

    def texts(self) -> list[tuple[str, str]]:
        """Return (pointer, source text) of every paragraph text and sub-paragraph in content.json."""
        return record_texts(self.records)

    def figure_paragraph(self, figure_id: str) -> str | None:
        """Return the pointer of the first content block ("/blocks/12") that prints this figure."""
        uses = self.figure_uses.get(figure_id, [])
        return self.block_of(uses[0]) if uses else None

    @cached_property
    def figure_uses(self) -> dict[str, list[str]]:
        """Return, for each figure id, the content pointers whose text uses it."""
        uses: dict[str, list[str]] = {}
        for pointer, text in self.texts():
            for ident in _FIGURE_USE.findall(text):
                uses.setdefault(ident, []).append(pointer)
        return uses

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

    def record_items(self, file: str, key: str) -> list[Any]:
        """Return the list under ``key`` in a record file ([] if the file or list is absent)."""
        loaded = self.records.files.get(file)
        items = loaded.data.get(key) if loaded is not None and isinstance(loaded.data, dict) else None
        return items if isinstance(items, list) else []

    def paragraph_of(self, file: str, pointer: str) -> str | None:
        """Return the content block that reports the activity, or first uses the figure, at this pointer."""
        match = _RECORD_POINTER.match(pointer) if file in ("activities.json", "figures.json") else None
        if match is None:
            return None
        record = self.record_items(file, match.group(1))[int(match.group(2))]
        if not isinstance(record, dict):
            return None
        if match.group(1) == "figures":
            return self.figure_paragraph(str(record.get("id")))
        paragraph = record.get("paragraph")
        return self.block_pointer(paragraph) if isinstance(paragraph, str) else None

    @staticmethod
    def block_of(pointer: str) -> str:
        """Return the content block part of a content.json pointer: "/blocks/3/items/1" gives "/blocks/3"."""
        return "/".join(pointer.split("/")[:3])
