"""Find the line:column of a JSON pointer, or of the first fault, in a JSON text, fast even in a large file.

json-source-map maps every value of a file before answering (about 35 s for 100,000 activity records,
which one finding in activities.json would pay). This index maps only the containers on the way to
the pointers asked for, skips every other value with the C JSON decoder, and keeps what it found.
Positions are those json-source-map gives: a member at its key, an array item at its value.
"""

from __future__ import annotations

import gc
import json
import math
import re
import sys
from bisect import bisect_right
from collections.abc import Callable

from secretariat.limits import DEPTH

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]|-?(?:NaN|Infinity)|-?[0-9][0-9.eE+-]*|:')
_DIGITS = sys.get_int_max_str_digits() or 4300
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


class PointerIndex:
    """Where the values of one JSON text start, found on demand."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._children: dict[int, dict[str, tuple[int, int | None]]] = {}
        self._lines: list[tuple[int, int]] = [(0, 0)]  # known (offset, newlines before it), sorted

    def _space(self, pos: int) -> int:
        match = _SPACE.match(self.text, pos)
        return match.end() if match else pos

    def _scan(self, start: int) -> dict[str, tuple[int, int | None]]:
        text = self.text
        children: dict[str, tuple[int, int | None]] = {}
        closer = "}" if text[start] == "{" else "]"
        pos = self._space(start + 1)
        while pos < len(text) and text[pos] != closer:
            key: int | None = None
            if closer == "}":
                key = pos
                name, pos = _scanstring(text, pos + 1)
                pos = self._space(self._space(pos) + 1)
            else:
                name = str(len(children))
            children[name] = (pos, key)
            pos = self._space(_DECODER.raw_decode(text, pos)[1])
            if pos < len(text) and text[pos] == ",":
                pos = self._space(pos + 1)
        return children

    def offset(self, pointer: str) -> int | None:
        """Return the offset of the key (or, in an array or at the root, the value) a pointer names."""
        pos, key = self._space(0), None
        for part in pointer.split("/")[1:] if pointer else []:
            if pos >= len(self.text) or self.text[pos] not in "{[":
                return None
            if pos not in self._children:
                enabled = gc.isenabled()
                gc.disable()  # skipping builds many short-lived objects and no cycles
                try:
                    self._children[pos] = self._scan(pos)
                except ValueError:
                    return None
                finally:
                    if enabled:
                        gc.enable()
            found = self._children[pos].get(part.replace("~1", "/").replace("~0", "~"))
            if found is None:
                return None
            pos, key = found
        return key if key is not None else pos

    def line_column(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column (in characters) of an offset."""
        at = bisect_right(self._lines, (offset, len(self.text))) - 1
        known, newlines = self._lines[at]
        line = newlines + self.text.count("\n", known, offset)
        self._lines.insert(at + 1, (offset, line))
        return line + 1, offset - self.text.rfind("\n", 0, offset)


def _number_fault(token: str) -> str | None:
    if token.lstrip("-") in ("NaN", "Infinity"):
        return f"expected a JSON number, found {token} (not allowed in JSON)"
    digits = len(token.lstrip("-"))
    if token.lstrip("-").isdigit() and digits > _DIGITS:
        return f"expected a JSON number a computer can hold, found an integer of {digits:,} digits"
    try:
        too_large = math.isinf(float(token))
    except ValueError:
        return None
    return f"expected a JSON number a computer can hold, found {token[:40]} (too large)" if too_large else None


def first_fault(text: str, depth: int) -> tuple[int, str] | None:
    """Return the offset and message of the first duplicate key, over-deep nesting or bad number in a JSON text."""
    keys: list[set[str] | None] = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            keys.append(set() if token == "{" else None)
            if len(keys) > depth:
                return match.start(), DEPTH.exceeded("a deeper one here")
        elif token in "]}":
            if keys:
                keys.pop()
        elif token.startswith('"'):
            following = _TOKEN.match(text, _space(text, match.end()))
            current = keys[-1] if keys else None
            if current is not None and following is not None and following.group() == ":":
                name = json.loads(token)
                if name in current:
                    return match.start(), f"expected each key once in an object, found {token[:60]} again " \
                                          "(one of its values would be lost)"
                current.add(name)
        elif token != ":":
            fault = _number_fault(token)
            if fault is not None:
                return match.start(), fault
    return None


def _space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos
