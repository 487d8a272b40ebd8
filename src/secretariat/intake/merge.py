"""Decide what each accepted row does to the report's records, and write the record file.

A row whose record is already there (same id and content, or the same content under another id) is a
duplicate; a row whose id is there with other content is a conflict, unless ``replace`` is set. The rows of
one file are held apart until the file has been read to its end, so a file that fails half-way adds nothing.
New records are spooled to a temporary JSON-lines file, not held in memory.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from secretariat.intake.nest import content_digest
from secretariat.records.writing import replace_records

Outcome = Literal["accepted", "replaced", "duplicate", "conflict"]


def full_digest(record: dict[str, Any]) -> str:
    """Return a digest of the whole record, id included; key order does not matter."""
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@dataclass
class _Layer:
    ids: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    contents: dict[str, str] = field(default_factory=dict)
    replaced: dict[str, dict[str, Any]] = field(default_factory=dict)
    added: int = 0


class Merger:
    """The records already in the report and those taken in so far, with the decision for each new one."""

    def __init__(self, existing: list[dict[str, Any]], replace: bool, spool_dir: Path) -> None:
        self.existing = existing
        self.replace = replace
        self.main = _Layer()
        self._by_id = {str(record["id"]): record for record in existing}
        for record in existing:
            self.main.ids[str(record["id"])] = (full_digest(record), None)
            self.main.contents.setdefault(content_digest(record), str(record["id"]))
        self._spool_dir = spool_dir
        self._spools: list[Path] = []
        self._pending = _Layer()
        self._pending_spool: Any = None

    def _find(self, key: str) -> tuple[str, str | None] | None:
        return self._pending.ids.get(key) or self.main.ids.get(key)

    def offer(self, record: dict[str, Any], origin: str) -> tuple[Outcome, str]:
        """Decide what a valid record does; return the outcome and, for a conflict, why."""
        ident, digest, content = str(record["id"]), full_digest(record), content_digest(record)
        known = self._find(ident)
        if known is not None and known[0] == digest:
            return "duplicate", ""
        if known is not None:
            if known[1] is not None:
                return "conflict", f"id {ident!r} was given with other content in {known[1]}"
            if not self.replace:
                return "conflict", f"id {ident!r} is in activities.json with other content ({self._diff(record)}); " \
                                   "use --replace to overwrite it"
            self._pending.replaced[ident] = record
            self._pending.ids[ident] = (digest, origin)
            self._pending.contents[content] = ident
            return "replaced", ""
        same = self._pending.contents.get(content) or self.main.contents.get(content)
        if same is not None:
            return "duplicate", f"the same activity as {same!r}"
        self._pending.ids[ident] = (digest, origin)
        self._pending.contents[content] = ident
        self._spool(record)
        return "accepted", ""

    def _diff(self, record: dict[str, Any]) -> str:
        old = self._by_id[str(record["id"])]
        keys = sorted(k for k in set(old) | set(record) if old.get(k) != record.get(k))
        return "differs in " + ", ".join(keys)

    def _spool(self, record: dict[str, Any]) -> None:
        if self._pending_spool is None:
            handle, name = tempfile.mkstemp(prefix=".intake-", suffix=".jsonl", dir=self._spool_dir)
            self._pending_spool = (os.fdopen(handle, "w", encoding="utf-8"), Path(name))
        self._pending_spool[0].write(json.dumps(record, ensure_ascii=False) + "\n")
        self._pending.added += 1

    def commit(self) -> None:
        """Keep what the current file added."""
        self.main.ids.update(self._pending.ids)
        self.main.contents.update(self._pending.contents)
        self.main.replaced.update(self._pending.replaced)
        self.main.added += self._pending.added
        if self._pending_spool is not None:
            self._pending_spool[0].close()
            self._spools.append(self._pending_spool[1])
        self._pending, self._pending_spool = _Layer(), None

    def rollback(self) -> None:
        """Forget what the current file added."""
        if self._pending_spool is not None:
            self._pending_spool[0].close()
            self._pending_spool[1].unlink(missing_ok=True)
        self._pending, self._pending_spool = _Layer(), None

    @property
    def changed(self) -> bool:
        """Return whether the record file needs writing."""
        return self.main.added > 0 or bool(self.main.replaced)

    def _records(self) -> Iterator[dict[str, Any]]:
        for record in self.existing:
            yield self.main.replaced.get(str(record["id"]), record)
        for spool in self._spools:
            with spool.open(encoding="utf-8") as handle:
                for line in handle:
                    yield json.loads(line)

    def write(self, path: Path, schema_id: str) -> int:
        """Write every record to ``path`` atomically; return the count."""
        return replace_records(path, {"$schema": schema_id}, "activities", self._records())

    def close(self) -> None:
        """Delete the spool files."""
        self.rollback()
        for spool in self._spools:
            spool.unlink(missing_ok=True)
