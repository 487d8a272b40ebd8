"""Read one JSON record file, turning every way it can be unreadable into a located problem."""

from __future__ import annotations

import gc
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from secretariat.errors import Location, Problem
from secretariat.records.sourcemap import PointerIndex


@dataclass(frozen=True)
class JsonFile:
    """A parsed JSON file with the text it came from, for locating pointers later."""

    path: Path
    display: str
    text: str
    data: Any

    def locate(self, pointer: str) -> Location:
        """Return the line:column of the value at a JSON pointer (or of the nearest enclosing one)."""
        index = _index(self.text)
        offset = index.offset(pointer)
        while offset is None and pointer:
            pointer = pointer.rsplit("/", 1)[0]
            offset = index.offset(pointer)
        if offset is None:
            return Location(self.display, pointer=pointer)
        line, column = index.line_column(offset)
        return Location(self.display, line, column, pointer)


@lru_cache(maxsize=8)
def _index(text: str) -> PointerIndex:
    return PointerIndex(text)


def _finite(text: str) -> float:
    number = float(text)
    if math.isinf(number):
        raise ValueError(f"expected a JSON number a computer can hold, found {text} (too large)")
    return number


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
        enabled = gc.isenabled()
        gc.disable()  # parsing builds no cycles; collections during it cost more than the parse
        try:
            data = json.loads(text, parse_constant=_reject_constant, parse_float=_finite)
        finally:
            if enabled:
                gc.enable()
    except json.JSONDecodeError as e:
        return Problem(Location(display, e.lineno, e.colno), f"malformed JSON: {e.msg}")
    except ValueError as e:
        return Problem(Location(display), f"malformed JSON: {e}")
    return JsonFile(path, display, text, data)
