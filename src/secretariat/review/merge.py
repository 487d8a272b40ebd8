"""Three-way merge of one paragraph: the record text, the text as drafted, and the text as edited.

The record text is cut into pieces (render.printed) that together print the drafted text: characters,
values of ``{{ … }}`` expressions, and markup that prints nothing (emphasis, footnote references). The
edited text is compared with the drafted one word by word. Unchanged stretches keep their record text, so
every expression whose value the editor left alone stays an expression. A changed stretch takes the
editor's wording, unless it changes a value: that change is refused (the record of the value decides)
and the stretch stays as the record has it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from secretariat.render.printed import Piece

_WORD = re.compile(r"\w+|\s+|[^\w\s]")
_MARKUP = re.compile(r"([\\*_\[\]<`])")
_BLOCK_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


@dataclass(frozen=True)
class Refusal:
    """A change to a printed value that the merge did not take: the expression, as drafted, as edited."""

    expression: str
    drafted: str
    edited: str


@dataclass
class Merge:
    """The merged record text, the text it must print, and the value changes refused."""

    text: str
    expected: str
    refused: list[Refusal] = field(default_factory=list)


def literal(text: str, at_start: bool = False) -> str:
    """Return an editor's wording as record text: markup characters escaped, Jinja delimiters unable to open."""
    escaped = _MARKUP.sub(r"\\\1", text)
    if at_start:
        escaped = _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2) if not m.group(2)[0].isdigit()
                                   else m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], escaped)
    return escaped.replace("{", "{{ '{' }}") if "{" in escaped else escaped


def _opcodes(drafted: str, edited: str) -> list[tuple[str, int, int, int, int]]:
    """Return difflib opcodes in character offsets, computed over words so that a change keeps whole words."""
    a, b = _WORD.findall(drafted), _WORD.findall(edited)
    starts_a, starts_b = [0], [0]
    for token in a:
        starts_a.append(starts_a[-1] + len(token))
    for token in b:
        starts_b.append(starts_b[-1] + len(token))
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [(tag, starts_a[i1], starts_a[i2], starts_b[j1], starts_b[j2])
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()]


def merge(pieces: list[Piece], edited: str) -> Merge:
    """Return the record text that prints edited, keeping expressions whose value the editor left alone."""
    spans: list[tuple[int, int, Piece]] = []
    position = 0
    for piece in pieces:
        spans.append((position, position + len(piece.printed), piece))
        position += len(piece.printed)
    drafted = "".join(p.printed for p in pieces)
    operations = _opcodes(drafted, edited) or [("equal", 0, 0, 0, 0)]
    out: list[str] = []
    expected: list[str] = []
    refused: list[Refusal] = []
    next_piece = 0
    for number, (tag, i1, i2, j1, j2) in enumerate(operations):
        last = number == len(operations) - 1
        taken = []
        while next_piece < len(spans) and (spans[next_piece][0] < i2 or (last and spans[next_piece][0] <= i2)):
            taken.append(spans[next_piece][2])
            next_piece += 1
        if tag == "equal":
            out += [p.source for p in taken]
            expected.append(edited[j1:j2])
            continue
        touched = [p for s, e, p in spans if p.kind == "value" and s < e
                   and ((i1 < i2 and s < i2 and e > i1) or (i1 == i2 and s < i1 < e))]
        if touched:
            refused.append(Refusal(touched[0].source, drafted[i1:i2], edited[j1:j2]))
            out += [p.source for p in taken]
            expected.append(drafted[i1:i2])
            continue
        invisible = [p.source for p in taken if not p.printed]
        leading = [s for s, _e, p in spans if not p.printed and s == i1 and p in taken]
        out += invisible[:len(leading)]
        out.append(literal(edited[j1:j2], at_start=not "".join(out).strip()))
        out += invisible[len(leading):]
        expected.append(edited[j1:j2])
    return Merge("".join(out), "".join(expected), refused)
