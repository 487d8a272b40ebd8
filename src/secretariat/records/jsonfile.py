"""Read one JSON record file, turning every way it can be unreadable into a located problem.

Refused, each with its line:column: duplicate keys (one value would be silently lost), nesting deeper
than the limit, numbers a computer cannot hold, and NaN or Infinity (not JSON).
"""

from __future__ import annotations

import codecs
import gc
import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from secretariat.errors import LimitError, Location, Problem, RecordError, SecretariatError, UnsafeFileError
from secretariat.files import open_regular, read_regular
from secretariat.limits import DEPTH, FILE_BYTES
from secretariat.records.jsonparse import may_hold_xml_invalid, parse_text
from secretariat.records.jsonpieces import parse_stream
from secretariat.records.sourcemap import PointerIndex, first_fault

# A larger file's text is not held beside its data (at 1,000,000 activities it would be some 900 MB): it is
# read again in the rare case it is needed, to locate a finding or to take the file's digest.
KEEP_TEXT = 16 * 2**20


@dataclass(frozen=True)
class JsonFile:
    """A parsed JSON file with the text it came from (held if small), for locating pointers later."""

    path: Path
    display: str
    source: str | None
    data: Any
    may_hold_xml_invalid: bool = True
    _reread: dict[str, PointerIndex] = field(default_factory=dict, compare=False, repr=False)

    @property
    def text(self) -> str:
        """Return the text the data was parsed from, reading a large file again."""
        if self.source is not None:
            return self.source
        return read_regular(self.path, FILE_BYTES).decode("utf-8-sig")

    def digest(self) -> str:
        """Return the SHA-256 of the file's text (without a byte-order mark), reading a large file in pieces."""
        if self.source is not None:
            return "sha256:" + hashlib.sha256(self.source.encode("utf-8")).hexdigest()
        digest = hashlib.sha256()
        try:
            with open_regular(self.path, FILE_BYTES) as stream:
                digest.update(stream.read(2**20).removeprefix(codecs.BOM_UTF8))
                for piece in iter(lambda: stream.read(2**20), b""):
                    digest.update(piece)
        except (OSError, SecretariatError) as e:
            raise RecordError(f"{self.display}: cannot read the file again: {getattr(e, 'strerror', None) or e}") from e
        return "sha256:" + digest.hexdigest()

    def _pointer_index(self) -> PointerIndex | None:
        if self.source is not None:
            return _index(self.source)
        if "index" not in self._reread:
            try:
                self._reread["index"] = PointerIndex(self.text)
            except (OSError, UnicodeDecodeError, SecretariatError):  # gone or changed since: located by pointer only
                return None
        return self._reread["index"]

    def locate(self, pointer: str) -> Location:
        """Return the line:column of the value at a JSON pointer (or of the nearest enclosing one)."""
        index = self._pointer_index()
        if index is None:
            return Location(self.display, pointer=pointer)
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


def _located(display: str, text: str, offset: int, message: str) -> Problem:
    line = text.count("\n", 0, offset) + 1
    return Problem(Location(display, line, offset - text.rfind("\n", 0, offset)), message)


def read_json(path: Path, display: str, inside: Path | None = None) -> JsonFile | Problem:
    """Read and parse a JSON file (regular, inside ``inside`` if given); return it or the problem that stops it."""
    enabled = gc.isenabled()
    gc.disable()  # parsing builds no cycles; collections during it cost more than the parse
    try:
        return _read(path, display, inside)
    finally:
        if enabled:
            gc.enable()


def _read(path: Path, display: str, inside: Path | None) -> JsonFile | Problem:
    try:
        with open_regular(path, FILE_BYTES, inside) as stream:
            if os.fstat(stream.fileno()).st_size > KEEP_TEXT:
                streamed = parse_stream(stream)
                if streamed is not None:
                    return JsonFile(path, display, None, streamed[0], streamed[1])
        raw = read_regular(path, FILE_BYTES, inside)
    except OSError as e:
        return Problem(Location(display), f"cannot read the file: {e.strerror or e}")
    except (UnsafeFileError, LimitError) as e:
        return Problem(Location(display), e.message.removeprefix(f"{path}: "))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        found = raw[e.start : e.start + 1].hex()
        return Problem(Location(display, line, column), f"expected UTF-8 text, found byte 0x{found}")
    del raw  # not held while the data is built
    try:
        data = parse_text(text)
    except json.JSONDecodeError as e:
        return Problem(Location(display, e.lineno, e.colno), f"malformed JSON: {e.msg}")
    except (ValueError, RecursionError) as e:
        fault = first_fault(text, DEPTH.value)
        if fault is None:
            return Problem(Location(display), f"malformed JSON: {e}")
        return _located(display, text, *fault)
    return JsonFile(path, display, text if len(text) <= KEEP_TEXT else None, data, may_hold_xml_invalid(text))


def nesting_problem(record: JsonFile) -> Problem | None:
    """Return the problem of a record nested deeper than the limit, located; None if it is not."""
    level, depth = [record.data] if isinstance(record.data, dict | list) else [], 0  # a record may be a bare 7
    while level:
        depth += 1
        if depth > DEPTH.value:
            fault = first_fault(record.text, DEPTH.value)
            offset, message = fault if fault is not None else (0, DEPTH.exceeded("a deeper one"))
            return _located(record.display, record.text, offset, message)
        level = [child for item in level for child in (item.values() if isinstance(item, dict) else item)
                 if isinstance(child, dict | list)]
    return None
