"""Prove the parsed body has exactly the structure content.json declares.

Record texts are trusted Markdown, but a paragraph text holding a line such as "# …", "* …", "---" or a
blank line would add headings, sub-paragraphs or paragraphs of its own and shift every number after it.
Comparing the parsed blocks with the declared ones catches that, and names the record text to fix.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from secretariat.errors import TemplateError
from secretariat.model import Block, Heading, Run
from secretariat.records.content import empty_sections, sub_paragraphs

EMPTY_SECTION = "[section to be written]"


def _declared(content: list[dict[str, Any]]) -> list[tuple[str, str]]:
    shape = []
    for index, block in enumerate(content):
        if "heading" in block:
            shape.append((f"heading {block['heading']}", f"/blocks/{index}"))
            continue
        shape.append(("paragraph", f"/blocks/{index}"))
        shape += [(f"sub-paragraph of degree {sub.degree}", f"/blocks/{index}{sub.pointer}")
                  for sub in sub_paragraphs(block)]
    return shape


def _parsed(blocks: tuple[Block, ...]) -> list[tuple[str, str]]:
    return [
        (f"heading {block.level}", "") if isinstance(block, Heading)
        else ("paragraph" if block.level == 0 else f"sub-paragraph of degree {block.level}", block.source)
        for block in blocks
    ]


def verify_structure(content_file: str, content: list[dict[str, Any]], blocks: tuple[Block, ...]) -> None:
    """Raise a TemplateError naming the first record text whose Markdown changed the declared structure."""
    declared, parsed = _declared(content), _parsed(blocks)
    for position, expected in enumerate(declared):
        found = parsed[position] if position < len(parsed) else ("nothing", "")
        if found[0] == expected[0] and (found[1] == expected[1] or expected[0].startswith("heading")):
            continue
        # The text that never made its own block is the culprit; else the one before, which made too many.
        seen = {source for _, source in parsed}
        missing = expected[1] not in seen and not expected[0].startswith("heading")
        culprit = declared[position] if missing or position == 0 else declared[position - 1]
        raise TemplateError(
            f"{content_file} {culprit[1]}: expected the text to make one {culprit[0]}, found Markdown that makes "
            f"a {found[0]} where {expected[1]} ({expected[0]}) belongs: a line starting with '#', '*', '-', '+', "
            "'>', a number and '.', '===' or '---', or a blank line, starts a new block"
        )
    if len(parsed) > len(declared):
        raise TemplateError(f"{content_file} {declared[-1][1] if declared else '/blocks'}: expected the last text "
                            f"to end the body, found Markdown that adds a {parsed[len(declared)][0]} after it")


def with_heading_sources(content: list[dict[str, Any]], blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Return blocks with each heading's content pointer, once verify_structure has proven them aligned.

    A heading with no paragraph of its own yet gets a bold gap mark, as a value not entered does.
    """
    empty = {f"/blocks/{index}" for index in empty_sections(content)}
    return tuple(
        replace(block, source=pointer, inlines=block.inlines + ((Run(" "), Run(EMPTY_SECTION, bold=True))
                                                                if pointer in empty else ()))
        if isinstance(block, Heading) else block
        for block, (_kind, pointer) in zip(blocks, _declared(content), strict=True)
    )
