"""Treaty registers: who became a party when (exactly, or known only to a period), and published counts.

Data: ``<id>.json`` in the workspace's registers folder, else the packaged ``data/registers/<id>.json`` (see
``registers/place.py``), validated by ``schemas/register.schema.json``; see ``data/registers/README.md``. A
report folder may carry its own ``<id>.register.json``, which is used instead of both (a snapshot kept with a
report, or a test case).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from secretariat.dates import Period, period_of
from secretariat.errors import RegisterError, UnknownRegisterError
from secretariat.registers._treaty_files import read_register
from secretariat.registers.place import RegisterPlace, find_registers

__all__ = ["Participant", "PublishedCount", "TreatyRegister", "treaty_register"]

When = date | Period


@dataclass(frozen=True)
class Participant:
    """One signatory or party; ``consent`` is None for a signatory that has not consented to be bound."""

    code: str
    name: str
    kind: str
    signature: date | None
    consent: Period | None
    consent_type: str | None
    source: str
    confidence: str


@dataclass(frozen=True)
class PublishedCount:
    """A number of parties at a date; basis "derived" means computed from other figures, not observed."""

    as_of: date
    parties: int
    basis: str
    source: str


def _span(when: When) -> Period:
    return when if isinstance(when, Period) else Period(when, when)


class TreatyRegister:
    """The participants of one treaty, with questions asked of days or of periods."""

    def __init__(self, register_id: str, short_name: str, path: Path,
                 participants: tuple[Participant, ...], counts: tuple[PublishedCount, ...]) -> None:
        self.id = register_id
        self.short_name = short_name
        self.path = path
        self.participants = participants
        self.counts = counts
        self._by_code = {p.code: p for p in participants}

    @classmethod
    def from_file(cls, path: Path, inside: Path | None = None) -> TreatyRegister:
        """Read and validate a register file (inside ``inside`` if given); raise RegisterError naming the place."""
        data: dict[str, Any] = read_register(path, inside).data
        people = tuple(
            Participant(p["code"], p["name"], p["kind"], _day(p["signature"]), _consent(p["consent"]),
                        None if p["consent"] is None else p["consent"]["type"], p["source"], p["confidence"])
            for p in data["participants"])
        counts = tuple(PublishedCount(date.fromisoformat(c["as_of"]), c["parties"], c["basis"], c["source"])
                       for c in data["counts"])
        return cls(data["id"], data["treaty"]["short_name"], path, people, counts)

    def participant(self, code: str) -> Participant | None:
        """Return the participant with this code, if the register lists it."""
        return self._by_code.get(code)

    def parties_at(self, on: When) -> tuple[frozenset[str], frozenset[str]]:
        """Return the codes of (certain, possible) parties on a day, or on some day of a period."""
        # certain: consent surely by the first day; possible: consent may fall by the last day, not surely by the first
        span = _span(on)
        certain: set[str] = set()
        possible: set[str] = set()
        for p in self.participants:
            if p.consent is None or p.consent.start > span.end:
                continue
            (certain if p.consent.end <= span.start else possible).add(p.code)
        return frozenset(certain), frozenset(possible)

    def joined_between(self, after: When, through: When) -> tuple[frozenset[str], frozenset[str]]:
        """Return (certain, possible) codes of those that became parties after ``after`` and by ``through``."""
        low, high = _span(after), _span(through)
        certain: set[str] = set()
        possible: set[str] = set()
        for p in self.participants:
            if p.consent is None:
                continue
            if p.consent.start > low.end and p.consent.end <= high.start:
                certain.add(p.code)
            elif p.consent.end > low.start and p.consent.start <= high.end:
                possible.add(p.code)
        return frozenset(certain), frozenset(possible)

    def published_count(self, on: date) -> PublishedCount | None:
        """Return the count published (not derived) for exactly this day, if any."""
        found = [c for c in self.counts if c.as_of == on and c.basis == "published"]
        return found[0] if found else None


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _consent(consent: dict[str, Any] | None) -> Period | None:
    if consent is None:
        return None
    if "date" in consent:
        return period_of(consent["date"])
    return Period(date.fromisoformat(consent["between"][0]), date.fromisoformat(consent["between"][1]))


@functools.lru_cache(maxsize=16)
def _load(path: Path, stamp: int, inside: Path | None) -> TreatyRegister:
    try:
        return TreatyRegister.from_file(path, inside)
    except ValueError as e:  # a date the format check let through but the calendar refuses
        raise RegisterError(f"{path}: bad date in the treaty register: {e}") from e


def treaty_register(register_id: str, folder: Path | None = None,
                    place: RegisterPlace | None = None) -> TreatyRegister:
    """Return a register by id: the report folder's own copy, else the workspace's, else the packaged one."""
    if not isinstance(register_id, str) or re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", register_id) is None:
        raise UnknownRegisterError(f"expected a register id (lower-case slug), found {register_id!r}")
    place = place if place is not None else find_registers(folder)
    candidates = [folder / f"{register_id}.register.json"] if folder is not None else []
    candidates.append(place.file(f"{register_id}.json"))
    for path in candidates:
        if path.is_file():
            return _load(path, path.stat().st_mtime_ns, folder if path.parent == folder else None)
    raise UnknownRegisterError(f"no treaty register {register_id!r}: expected {candidates[-1]} "
                               f"(looked in {place.describe()})")
