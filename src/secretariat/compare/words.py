"""Compare two runs of inlines word by word and return one run of inlines with the changes marked."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from typing import Literal

from secretariat.model import Change, FootnoteRef, Inline, Run

# A number keeps its separators and a word its apostrophe ("1,311", "1.75", "UNODC's"), so a changed figure is
# one deleted and one inserted word; spaces and other punctuation, hyphens and the slash of a symbol included,
# are tokens of their own ("Twenty" to "Twenty-two" inserts "-two"; CTOC/COP/2016/2 to CTOC/COP/2018/2
# changes one word).
_TOKEN = re.compile(r"\w+(?:[.,'’]\w+)*|\s+|[^\w\s]")

# (text, italic, bold) for words, ("\0ref", key, False) for a footnote reference: hashable, compared as is
Token = tuple[str, object, bool]
_REF = "\0ref"


def tokens(inlines: Iterable[Inline]) -> list[Token]:
    """Return the words, spaces, punctuation and footnote references of inlines, with their style."""
    result: list[Token] = []
    for inline in inlines:
        if isinstance(inline, FootnoteRef):
            result.append((_REF, inline.key, False))
        else:
            result += [(word, inline.italic, inline.bold) for word in _TOKEN.findall(inline.text)]
    return result


def plain_words(inlines: Iterable[Inline]) -> list[str]:
    """Return the words of inlines without style or references, for measuring how alike two texts are."""
    return [token[0] for token in tokens(inlines) if token[0] != _REF and not token[0].isspace()]


def _inlines(found: Sequence[Token], change: Change) -> list[Inline]:
    """Return tokens as inlines: neighbouring words of one style joined into one run."""
    result: list[Inline] = []
    for text, style, bold in found:
        if text == _REF:
            result.append(FootnoteRef(str(style), change))
            continue
        last = result[-1] if result else None
        if isinstance(last, Run) and (last.italic, last.bold) == (style, bold):
            result[-1] = Run(last.text + text, last.italic, last.bold, change)
        else:
            result.append(Run(text, bool(style), bold, change))
    return result


Segment = tuple[Literal["equal", "change"], list[Token], list[Token]]


def unstyled(found: list[Token]) -> list[Token]:
    """Return tokens compared without their italics and bold (for a version read back from a .docx)."""
    return [token if token[0] == _REF else (token[0], False, False) for token in found]


def _segments(old: list[Token], new: list[Token], styled: bool) -> list[Segment]:
    """Return equal and changed stretches; a lone space between two changes joins them (fewer, clearer marks)."""
    a, b = (old, new) if styled else (unstyled(old), unstyled(new))
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    merged: list[Segment] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        before, after = old[i1:i2], new[j1:j2]
        bridge = (tag == "equal" and 0 < index < len(opcodes) - 1 and len(before) == 1 and before[0][0].isspace())
        changed = tag != "equal" or bridge
        if changed and merged and merged[-1][0] == "change":
            merged[-1][1].extend(before)
            merged[-1][2].extend(after)
        else:
            merged.append(("change" if changed else "equal", before, after))
    return merged


def diff_inlines(old: Sequence[Inline], new: Sequence[Inline], styled: bool = True) -> tuple[tuple[Inline, ...], int]:
    """Return new's inlines with what old had and new has not marked deleted, what is new marked inserted.

    Also return the number of changed stretches (0: the two are the same). Not styled, italics and bold are
    not compared (equal text keeps new's style).
    """
    old_tokens, new_tokens = tokens(old), tokens(new)
    if (old_tokens == new_tokens) if styled else (unstyled(old_tokens) == unstyled(new_tokens)):
        return tuple(new), 0  # most paragraphs of two versions are the same: no matching needed
    result: list[Inline] = []
    changes = 0
    for tag, before, after in _segments(old_tokens, new_tokens, styled):
        if tag == "equal":
            result += _inlines(after, "")
            continue
        changes += 1
        result += _inlines(before, "deleted") + _inlines(after, "inserted")
    return tuple(result), changes


def marked(inlines: Iterable[Inline], change: Change) -> tuple[Inline, ...]:
    """Return inlines all marked with one change (a paragraph or footnote new or gone as a whole)."""
    return tuple(Run(i.text, i.italic, i.bold, change) if isinstance(i, Run) else FootnoteRef(i.key, change)
                 for i in inlines)
