"""Read one JSON record file, turning every way it can be unreadable into a located problem."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from json_source_map import calculate

from secretariat.errors import Location, Problem


@dataclass(frozen=True)
class JsonFile:
    """A parsed JSON file with the text it came from, for locating pointers later."""

    path: Path
    display: str
    text: str
    data: Any

    def locate(self, pointer: str) -> Location:
        """Return the line:column of the value at a JSON pointer (computed on demand: it is slow)."""
        entries = _source_map(self.text)
        entry = entries.get(pointer)
        while entry is None and pointer:
            pointer = pointer.rsplit("/", 1)[0]
            entry = entries.get(pointer)
        if entry is None:
            return Location(self.display, pointer=pointer)
        start = entry.key_start if entry.key_start is not None else entry.value_start
        return Location(self.display, start.line + 1, start.column + 1, pointer)


@lru_cache(maxsize=8)
def _source_map(text: str) -> dict[str, Any]:
    return calculate(text)  # type: ignore[no-any-return]


def _reject_constant(name: str) -> None:
    raise ValueError(f"expected a JSON number, found {name} (not allowed in JSON)")


def read_json(path: Path, display: str) -> JsonFile | Problem:
    """Read and parse a JSON file; return the parsed file or the problem that stops it."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        return Problem(Location(display), f"cannot read the file: {e.strerror or e}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        found = raw[e.start : e.start + 1].hex()
        return Problem(Location(display, line, column), f"expected UTF-8 text, found byte 0x{found}")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as e:
        return Problem(Location(display, e.lineno, e.colno), f"malformed JSON: {e.msg}")
    except ValueError as e:
        return Problem(Location(display), f"malformed JSON: {e}")
    return JsonFile(path, display, text, data)
