"""Parse a large JSON file piece by piece, so that its whole text is never held beside its data.

The text of a file outside Latin-1 takes twice its size in memory: at 1,000,000 activities, holding it
while the data is built doubled the peak. Anything the piecewise parse does not accept, it leaves to the
whole-text parse (``parse_stream`` returns None), which finds and locates the problem as for a small file.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from typing import IO, Any

from secretariat.limits import FILE_BYTES
from secretariat.records.jsonparse import decoder, may_hold_xml_invalid

_SPACE = re.compile(r"[ \t\n\r]*")
CHUNK = 2**18  # bytes read at a time: small pieces leave no large holes in the heap as they come and go


class _Unaccepted(Exception):
    """The piecewise parse met something it leaves to the whole-text parse."""


class _Pieces:
    """A JSON text decoded piece by piece, with a window on the part not yet parsed."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream, self.decode = stream, codecs.getincrementaldecoder("utf-8-sig")().decode
        self.text, self.pos, self.ended, self.suspect, self.tail = "", 0, False, False, ""
        self.moved, self.refused = 0, -1  # how often the window moved on; when a guessed batch was refused
        self.scan_once: Callable[[str, int], tuple[Any, int]] = decoder().scan_once  # type: ignore[attr-defined]  # typeshed omits it
        self.room = FILE_BYTES.value  # a file growing past the limit is left to the whole-text read, which refuses it

    def more(self) -> None:
        if self.ended:
            raise _Unaccepted
        raw = self.stream.read(max(CHUNK, len(self.text)))
        self.room -= len(raw)
        if self.room < 0:
            raise _Unaccepted
        self.ended = not raw
        try:
            piece = self.decode(raw, final=self.ended)
        except UnicodeDecodeError as e:
            raise _Unaccepted from e
        self.suspect = self.suspect or may_hold_xml_invalid(self.tail + piece)
        self.tail = piece[-5:]  # an escape split across two pieces is still found
        self.text, self.pos = self.text[self.pos:] + piece, 0
        self.moved += 1

    def char(self) -> str:
        """Return the next character that is not white space, without consuming it ("" at the end)."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text) or self.ended:
                return self.text[self.pos:self.pos + 1]
            self.more()

    def expect(self, char: str) -> None:
        if self.char() != char:
            raise _Unaccepted
        self.pos += 1

    def value(self) -> Any:
        """Parse the next value whole; a value reaching the end of the window is parsed again with more text."""
        self.char()
        while True:
            try:
                value, end = self.scan_once(self.text, self.pos)
            except (StopIteration, ValueError, RecursionError) as e:
                if self.ended:
                    raise _Unaccepted from e
                self.more()
                continue
            if end < len(self.text) or self.ended:
                self.pos = end
                return value
            self.more()

    def items(self, closer: str, item: Callable[[], Any], boundary: str | None = None) -> list[Any]:
        """Parse the items of an array or object whose opening bracket was consumed."""
        found: list[Any] = []
        if self.char() == closer:
            self.pos += 1
            return found
        while True:
            batch = self.batch(boundary) if boundary else None
            if batch is None:
                found.append(item())
            else:
                found += batch
            if self.char() == closer:
                self.pos += 1
                return found
            self.expect(",")

    def batch(self, boundary: str) -> list[Any] | None:
        """Parse the whole items the window holds in one call (which shares their keys), or None.

        The window is cut after the last ``boundary`` (a closing brace, comma and the space before the first
        item): a guess, but "[" + text + "]" parses only if the text is whole items, so a wrong guess costs
        time, never data. After one wrong guess, items are parsed one at a time until the window moves on.
        """
        cut = self.text.rfind(boundary, self.pos) + 1
        if cut <= self.pos or self.refused == self.moved:
            return None
        batch = "[" + self.text[self.pos:cut] + "]"
        try:
            found, end = self.scan_once(batch, 0)
        except (StopIteration, ValueError, RecursionError):
            found, end = None, 0
        if end != len(batch):
            self.refused = self.moved
            return None
        self.pos = cut
        return found  # type: ignore[no-any-return]

    def member(self) -> tuple[str, Any]:
        key = self.value()
        if type(key) is not str:
            raise _Unaccepted
        self.expect(":")
        return key, self.top(nested=True)

    def top(self, nested: bool = False) -> Any:
        """Parse a value, the root's own arrays and objects (and the arrays in the root object) one item at a time."""
        opener = self.char()
        if opener == "[":
            self.pos += 1
            gap = _SPACE.match(self.text, self.pos).group()  # type: ignore[union-attr]  # between items too
            return self.items("]", self.value, "}," + gap + "{" if self.char() == "{" else None)
        if opener == "{" and not nested:
            self.pos += 1
            pairs = self.items("}", self.member)
            found = dict(pairs)
            if len(found) != len(pairs):
                raise _Unaccepted
            return found
        return self.value()


def parse_stream(stream: IO[bytes]) -> tuple[Any, bool] | None:
    """Parse a JSON file piece by piece; return its data and whether it may hold XML-invalid characters.

    None if the file is not plain valid JSON (the whole-text parse then says what is wrong, and where).
    """
    pieces = _Pieces(stream)
    try:
        data = pieces.top()
        if pieces.char() != "":
            return None
    except _Unaccepted:
        return None
    return data, pieces.suspect
