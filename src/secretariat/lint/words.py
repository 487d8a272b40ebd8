"""Whole-word patterns searched fast: the test of the character before a match is made outside the pattern.

A regular expression that opens with a lookbehind is tried at every position of a text; without it, the
engine skips straight to the places where its first character occurs. ``WordPattern`` searches the pattern
without the lookbehind and tests the one character before each candidate itself: the same matches, in the
same order, as ``(?<!before)(?:body)`` (benchmarks/draft.py: the lint is most of a draft's work).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeAlias

_Tree: TypeAlias = dict[str, "_Tree"]


class WordPattern:
    """A pattern that may not follow a character of ``before`` (by default a letter, digit, _ or -)."""

    def __init__(self, body: str, flags: int = 0, before: str = r"[\w-]", *, compile_now: bool = True) -> None:
        self._body, self._flags, self._before = body, flags, before
        self._compiled: tuple[re.Pattern[str], re.Pattern[str]] | None = None
        if compile_now:  # a malformed pattern raises re.error here, where it is defined
            self.compiled()

    def compiled(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """Return the pattern and the test of the character before, compiled on first use."""
        if self._compiled is None:
            self._compiled = re.compile(self._body, self._flags), re.compile(self._before, self._flags)
        return self._compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Yield the matches of the whole-word pattern in a text, as ``re.finditer`` would."""
        pattern, preceding = self.compiled()
        search, before, pos = pattern.search, preceding.match, 0
        while (match := search(text, pos)) is not None:
            start, end = match.span()
            if start == end:  # an empty match: leave what comes after it to the engine's own rules
                yield from re.compile(f"(?<!{self._before})(?:{self._body})", self._flags).finditer(text, pos)
                return
            if start and before(text, start - 1):
                pos = start + 1
                continue
            yield match
            pos = end


def alternation(words: Iterable[str]) -> str:
    """Return a regular expression for any of the words, the longest first at each place, as a letter tree.

    The engine tries a plain alternation word by word at every candidate place; the tree tries a letter once.
    """
    tree: _Tree = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branch(tree)


def _branch(node: _Tree) -> str:
    ends = "" in node
    branches = [re.escape(char) + _branch(child) for char, child in node.items() if char]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    return f"(?:{'|'.join(branches)}){'?' if ends else ''}"
