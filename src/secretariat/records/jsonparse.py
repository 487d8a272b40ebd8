"""Parse a record file's JSON as the loader needs it: keys given twice refused, short strings held once.

A large file is parsed piece by piece (``records.jsonpieces``) with the same decoder.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

# A character XML cannot hold is, in JSON text, either raw (only U+FFFE, U+FFFF: json.loads refuses raw
# control characters) or an escape; a file with neither holds none, and its strings need no walk.
_ESCAPED_INVALID = re.compile(r"\\(?:[bf]|u(?:00[01]|[dD][89a-fA-F]|[fF]{3}[eEfF]))")
_SHARED = 40  # strings up to this length (codes, kinds, dates, names) recur across records: held once


def may_hold_xml_invalid(text: str) -> bool:
    """Return whether a JSON text may hold a character XML cannot hold (raw or escaped)."""
    return "\ufffe" in text or "\uffff" in text or _ESCAPED_INVALID.search(text) is not None


class Duplicate(ValueError):
    """A key given twice in one object."""


class _Pairs:
    """The object hook of one parse: refuse a repeated key; share equal short strings across objects.

    (The parser itself shares equal keys within one call.)
    """

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        seen = self.seen
        found = {}
        for key, value in pairs:
            kind = type(value)
            if kind is str and len(value) <= _SHARED:
                value = seen.setdefault(value, value)
            elif kind is list:  # copied: the parser's list has room to grow, a copy is of its exact size
                value = [seen.setdefault(v, v) if type(v) is str and len(v) <= _SHARED else v for v in value].copy()
            found[key] = value
        if len(found) != len(pairs):
            raise Duplicate
        return found


def _finite(text: str) -> float:
    number = float(text)
    if math.isinf(number):
        raise ValueError(f"expected a JSON number a computer can hold, found {text} (too large)")
    return number


def _reject_constant(name: str) -> None:
    raise ValueError(f"expected a JSON number, found {name} (not allowed in JSON)")


def decoder() -> json.JSONDecoder:
    """Return a decoder for one parse: its object hook holds the strings shared in that parse."""
    return json.JSONDecoder(object_pairs_hook=_Pairs(), parse_float=_finite, parse_constant=_reject_constant)


def parse_text(text: str) -> Any:
    """Parse a whole JSON text; raise JSONDecodeError, ValueError (Duplicate among them) or RecursionError."""
    return decoder().decode(text)
