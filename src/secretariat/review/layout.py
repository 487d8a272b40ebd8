"""Findings about the document's shape: paragraphs inserted, deleted or moved, and numbering no longer Word's."""

from __future__ import annotations

import re
from bisect import bisect_left

from secretariat.checks.finding import Severity
from secretariat.review.compare import Comparison, Placed
from secretariat.review.located import Located, name, short

_TYPED_NUMBER = re.compile(r"\s*(\d+[.)]|\([a-z]{1,3}\))\s")


def structure_findings(found: Located, comparison: Comparison) -> None:
    """Report paragraphs inserted, deleted and moved."""
    order = {pointer: index for index, pointer in enumerate(comparison.texts)}
    previous: str | None = None
    for item in comparison.placed:
        if item.pointer is None:
            where = f"after {previous}" if previous else "before the first block"
            found.add("review-paragraph-inserted", Severity.WARNING, previous,
                      f"{name(item.paragraph)} was inserted ({where}): {short(item.text)}")
        else:
            previous = item.pointer
    present = {item.pointer for item in comparison.placed if item.pointer is not None}
    into = {joined: item for item in comparison.placed for joined in item.joined}
    for pointer, record in comparison.texts.items():
        if record.kind != "footnote" and pointer not in present:
            noun = "heading" if record.kind == "heading" else record.kind.replace("sub", "sub-")
            how = f"merged into {name(into[pointer].paragraph)}" if pointer in into else "deleted"
            found.add("review-paragraph-deleted", Severity.WARNING, pointer,
                      f"the {noun} {short(comparison.drafted[pointer])} was {how}")
    for item in moved(comparison.placed, order):
        found.add("review-paragraph-moved", Severity.WARNING, item.pointer,
                  f"{name(item.paragraph)} was moved: {short(item.text)}")


def moved(placed: list[Placed], order: dict[str, int]) -> list[Placed]:
    """Return the placed paragraphs out of record order: all but a longest run that keeps the order."""
    known = [item for item in placed if item.pointer is not None]
    ranks = [order[item.pointer] for item in known if item.pointer is not None]
    tails: list[int] = []  # patience sorting: index into ranks of the smallest tail of each length
    parent = [-1] * len(ranks)
    tail_ranks: list[int] = []
    for index, rank in enumerate(ranks):
        position = bisect_left(tail_ranks, rank)
        if position == len(tail_ranks):
            tail_ranks.append(rank)
            tails.append(index)
        else:
            tail_ranks[position] = rank
            tails[position] = index
        parent[index] = tails[position - 1] if position else -1
    keep: set[int] = set()
    index = tails[-1] if tails else -1
    while index >= 0:
        keep.add(index)
        index = parent[index]
    return [item for index, item in enumerate(known) if index not in keep]


def numbering_findings(found: Located, comparison: Comparison) -> None:
    """Report body paragraphs no longer numbered by Word: typed numbers, numbering removed or restarted."""
    last = 0
    for paragraph in comparison.doc.paragraphs:
        pointer = comparison.placed_at(paragraph.index)
        kind = comparison.texts[pointer].kind if pointer is not None else paragraph.kind
        if kind not in ("paragraph", "subparagraph"):
            continue
        if not paragraph.numbered and paragraph.text.strip():
            typed = _TYPED_NUMBER.match(paragraph.text)
            how = f"its number {typed.group(1)!r} is typed" if typed else "it has lost its number"
            found.add("review-numbering-not-live", Severity.WARNING, pointer,
                      f"{name(paragraph)}: expected Word numbering, found that {how}; apply the paragraph style "
                      "again so that Word numbers it")
        elif kind == "paragraph" and paragraph.label.isdigit():
            number = int(paragraph.label)
            if number != last + 1:
                found.add("review-numbering-not-live", Severity.WARNING, pointer,
                          f"{name(paragraph)}: expected number {last + 1}, found the numbering restarted or "
                          "skipped; continue the list in Word", expected=str(last + 1), found=str(number))
            last = number
