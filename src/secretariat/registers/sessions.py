"""The register of sessions of an intergovernmental body: number, venue and dates, each with its source.

Data: ``<name>-sessions.json`` in the workspace's registers folder, else the packaged
``data/registers/cop-sessions.json`` (see ``data/registers/cop-sessions.README.md``). Dates are partial
("2014-10" when a source gives only the month), so a check can confirm what the register knows and no more.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from secretariat.dates import parse_partial
from secretariat.errors import SecretariatError, SessionRegisterError
from secretariat.files import read_regular
from secretariat.limits import FILE_BYTES
from secretariat.registers.place import RegisterPlace, find_registers

PATTERN = "*-sessions.json"


@dataclass(frozen=True)
class Session:
    """One session as the register knows it."""

    number: int
    venue: str
    start: str  # partial date
    end: str  # partial date
    source: str


@dataclass(frozen=True)
class SessionRegister:
    """The sessions of one body, by number."""

    body: str
    sessions: dict[int, Session]
    path: str

    def get(self, number: object) -> Session | None:
        """Return the session with this number, or None if the register does not hold it."""
        return self.sessions.get(number) if isinstance(number, int) else None


def _session(entry: Any, where: str) -> Session:
    if not isinstance(entry, dict):
        raise SessionRegisterError(f"{where}: expected an object, found {type(entry).__name__}")
    number, venue, source = entry.get("number"), entry.get("venue"), entry.get("source")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise SessionRegisterError(f"{where}: expected a session number of at least 1, found {number!r}")
    for name, value in (("venue", venue), ("source", source)):
        if not isinstance(value, str) or not value:
            raise SessionRegisterError(f"{where}: expected a non-empty {name}, found {value!r}")
    days = []
    for name in ("start", "end"):
        try:
            days.append(parse_partial(entry.get(name)))
        except (TypeError, ValueError) as e:
            raise SessionRegisterError(f"{where}: {name}: {e}") from None
    if days[0].first() > days[1].last():
        raise SessionRegisterError(f"{where}: expected the session to start on or before its end, found start "
                                   f"{entry['start']} after end {entry['end']}")
    return Session(number, str(venue), entry["start"], entry["end"], str(source))


def read_register(path: Path) -> SessionRegister:
    """Read and check one register file; raise SessionRegisterError saying what is wrong."""
    try:
        data = json.loads(read_regular(path, FILE_BYTES).decode("utf-8"))
    except (SecretariatError, ValueError) as e:
        raise SessionRegisterError(f"{path}: cannot read the register of sessions: {e}") from None
    if not isinstance(data, dict) or not isinstance(data.get("body"), str) or not isinstance(
            data.get("sessions"), list):
        raise SessionRegisterError(f"{path}: expected an object with a body and a list of sessions")
    sessions: dict[int, Session] = {}
    for index, entry in enumerate(data["sessions"]):
        session = _session(entry, f"{path} /sessions/{index}")
        if session.number in sessions:
            raise SessionRegisterError(f"{path} /sessions/{index}: session {session.number} listed twice")
        sessions[session.number] = session
    return SessionRegister(data["body"], sessions, str(path))


@functools.lru_cache(maxsize=16)
def _read(path: Path, stamp: int) -> SessionRegister:
    return read_register(path)


def session_registers(place: RegisterPlace | None = None) -> tuple[SessionRegister, ...]:
    """Return the registers of sessions: the workspace's first, then the packaged ones it does not replace."""
    place = place if place is not None else find_registers(None)
    return tuple(_read(path.resolve(), path.stat().st_mtime_ns) for path in place.files(PATTERN))


def register_for(body: object, place: RegisterPlace | None = None) -> SessionRegister | None:
    """Return the register of the body with this name, or None if there is none."""
    return next((r for r in session_registers(place) if r.body == body), None)
