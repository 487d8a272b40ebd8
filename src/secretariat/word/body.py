"""Write the body: one paragraph per heading or numbered paragraph, naming its style and nothing else."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from secretariat.errors import Location, OutputError, Problem
from secretariat.model import Block, Change, Heading, Paragraph, Run
from secretariat.word import names as n
from secretariat.word.comments import Anchors
from secretariat.word.identity import Bookmarks
from secretariat.word.ooxml import P, paragraph
from secretariat.word.revisions import Marks
from secretariat.word.runs import NoteNumbers, add_inlines

_PARAGRAPH_STYLES = dict(enumerate(n.PARAGRAPH_LEVELS))
_KEPT_PARAGRAPHS = 3


def _describe(index: int, block: Block) -> str:
    """Return how messages name a block: its source, or its position and first words."""
    if not isinstance(block, Heading) and block.source:
        return block.source
    text = "".join(inline.text for inline in block.inlines if isinstance(inline, Run))
    kind = "heading" if isinstance(block, Heading) else "paragraph"
    return f"block {index} ({kind} {text[:40]!r})"


def _short_closing_chapter(blocks: tuple[Block, ...]) -> int:
    """Return the position of the last chapter heading if that chapter is short enough to keep whole, else len+1.

    The issued report sets its conclusions (a chapter of a few plain paragraphs) on a page of their own rather
    than split them; a longer closing chapter flows like the rest.
    """
    last = max((i for i, b in enumerate(blocks, 1) if isinstance(b, Heading) and b.level == 1), default=0)
    chapter = blocks[last:]
    if last and 0 < len(chapter) <= _KEPT_PARAGRAPHS and all(
            isinstance(b, Paragraph) and b.level == 0 and b.numbered for b in chapter):
        return last
    return len(blocks) + 1


def add_blocks(body: etree._Element, blocks: Iterable[Block], notes: NoteNumbers,
               anchors: Anchors | None = None, bookmarks: Bookmarks | None = None,
               marks: Marks | None = None) -> None:
    """Append one paragraph per block, bookmarked with its source, telling anchors of it; raise OutputError.

    A block deleted since an earlier version (marks show its changes) has no bookmark and anchors nothing.
    """
    headings = n.HEADINGS
    before = body[-1] if len(body) and body[-1].tag == P else None  # the masthead's last line
    written: list[tuple[etree._Element, str, Change]] = []
    ordered = tuple(blocks)
    closing = _short_closing_chapter(ordered)
    for index, block in enumerate(ordered, 1):
        if isinstance(block, Heading):
            style_id = headings.get(block.level)
        elif closing < index < len(ordered):
            style_id = n.NUMBERED_PARAGRAPH_KEPT
        else:
            style_id = _PARAGRAPH_STYLES.get(block.level) if block.numbered else n.NORMAL
        if style_id is None:
            where = _describe(index, block)
            allowed = "1, 2 or 3" if isinstance(block, Heading) else f"0 to {len(_PARAGRAPH_STYLES) - 1}"
            raise OutputError(f"{where}: level {block.level} is not {allowed}",
                              (Problem(Location(where), f"unsupported level {block.level}"),))
        p = paragraph(body, style_id)
        source = block.source
        add_inlines(p, block.inlines, notes, _describe(index, block), marks)
        written.append((p, style_id, block.change))
        if not source or block.change == "deleted":
            continue
        if bookmarks is not None:
            bookmarks.mark(p, source, block.inlines)
        if anchors is not None:
            anchors.anchor(source, p)
    if marks is not None:
        marks.block_ends(written, before)
