"""Walk the body of content.json: the sub-paragraphs of a paragraph ((a), (b) … and, nested in them, (i), a.,
i.), and the sections that have no paragraph yet."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

DEGREES = 4  # (a), (i), a., i. (Editorial Manual, paragraphs and subparagraphs)


@dataclass(frozen=True)
class SubParagraph:
    """One sub-paragraph: where it is under its block, its degree (1 for (a)), and where its text is."""

    pointer: str  # "/items/1" or "/items/1/items/0", relative to the block
    degree: int
    text_pointer: str  # the pointer itself for a plain text item, else pointer + "/text"
    text: str


def sub_paragraphs(block: dict[str, Any], prefix: str = "", degree: int = 1) -> Iterator[SubParagraph]:
    """Yield the sub-paragraphs of block (a paragraph, or an item with its own items) in reading order."""
    for index, item in enumerate(block.get("items", [])):
        pointer = f"{prefix}/items/{index}"
        if isinstance(item, str):
            yield SubParagraph(pointer, degree, pointer, item)
        else:
            yield SubParagraph(pointer, degree, f"{pointer}/text", item["text"])
            yield from sub_paragraphs(item, pointer, degree + 1)


def empty_sections(blocks: Sequence[dict[str, Any]]) -> list[int]:
    """Return the indexes of the headings with no paragraph before the next heading of their level or higher."""
    empty = []
    for index, block in enumerate(blocks):
        level = block.get("heading")
        if not isinstance(level, int):
            continue
        for later in blocks[index + 1:]:
            other = later.get("heading")
            if not isinstance(other, int):
                break  # a paragraph: the section has text
            if other <= level:
                empty.append(index)
                break
        else:
            empty.append(index)  # the body ends under this heading
    return empty
