"""Align the blocks of two drafts: which heading or paragraph of the old one became which of the new one."""

# First the blocks that are exactly alike, in order (difflib's longest matching runs). Between two such
# anchors, the remaining blocks are paired by a small dynamic programme that keeps their order and maximizes
# how alike the pairs are: a reworded paragraph stays one paragraph with word changes, a paragraph that has
# nothing in common with any other is deleted or inserted as a whole (unless it is the only one deleted and the
# only one inserted at one place: then it was rewritten there), and a moved one is deleted where it was and
# inserted where it is. Blocks that carry the same key (a record id) pair even when much reworded.

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from difflib import SequenceMatcher

from secretariat.compare.words import plain_words
from secretariat.model import Block, Heading, Paragraph, Run

# Below this share of common words two differently keyed blocks are not the same block rewritten; blocks with
# one key need KEYED (a content pointer can move to another record when records are inserted before it). KEYED
# is low enough that a sub-paragraph cut short and given sub-paragraphs of its own ("Regional agreements
# continued to be developed, including …" to "Regional agreements were developed:") keeps its common words.
SIMILAR, KEYED = 0.5, 0.1
# A gap larger than this (old × new blocks) is not paired block by block: deleted and inserted as a whole.
_MAX_CELLS = 250_000

Pair = tuple[int | None, int | None]  # (old index, new index); None on one side: inserted or deleted


def _kind(block: Block) -> tuple[str, int, bool]:
    if isinstance(block, Heading):
        return "heading", block.level, True
    return "paragraph", block.level, block.numbered


def _signature(block: Block, styled: bool) -> tuple[object, ...]:
    """Return what must be equal for two blocks to be the same (cheap: no words are split here)."""
    if styled:
        return (_kind(block), block.inlines)
    return (_kind(block), "".join(i.text if isinstance(i, Run) else f"\0{i.key}\0" for i in block.inlines))


def same_block(old: Block, new: Block, styled: bool = True) -> bool:
    """Return whether two blocks print the same (styled: in the same italics and bold too)."""
    return _signature(old, styled) == _signature(new, styled)


def block_key(block: Block, keys: Mapping[str, str]) -> str | None:
    """Return the key of a block: what it was made from, when the caller knows it for the block's source."""
    if isinstance(block, Paragraph) and block.source:
        return keys.get(block.source)
    return None


def _similarities(old: Sequence[Block], new: Sequence[Block]) -> list[list[float]]:
    """Return how alike each old block is to each new block (share of common words; 0 below KEYED)."""
    old_words = [plain_words(block.inlines) for block in old]
    table = [[0.0] * len(new) for _ in old]
    matcher = SequenceMatcher(None, autojunk=False)
    for j, block in enumerate(new):
        matcher.set_seq2(plain_words(block.inlines))  # analysed once per new block
        for i, words in enumerate(old_words):
            if _kind(old[i]) != _kind(block):
                continue
            matcher.set_seq1(words)
            if matcher.real_quick_ratio() >= KEYED and matcher.quick_ratio() >= KEYED:
                table[i][j] = matcher.ratio()
    return table


def _pair_gap(old: Sequence[Block], new: Sequence[Block], old_keys: Sequence[str | None],
              new_keys: Sequence[str | None], moved: Callable[[Block, Block], bool]) -> list[Pair]:
    """Pair the blocks of a gap between anchors, in order; unpaired ones are deleted, then inserted.

    moved tells whether either of two blocks stands unchanged elsewhere in the other version.
    """
    rows, cols = len(old), len(new)
    if rows * cols == 0 or rows * cols > _MAX_CELLS:
        return [(i, None) for i in range(rows)] + [(None, j) for j in range(cols)]
    score = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    gain: dict[tuple[int, int], float] = {}
    alike_table = _similarities(old, new)
    for i in range(rows):
        for j in range(cols):
            if _kind(old[i]) != _kind(new[j]):
                continue
            same_key = old_keys[i] is not None and old_keys[i] == new_keys[j]
            alike = alike_table[i][j]
            if alike >= (KEYED if same_key else SIMILAR):
                gain[i, j] = alike + (1.0 if same_key else 0.0)
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            if (i, j) in gain:
                best = max(best, gain[i, j] + score[i + 1][j + 1])
            score[i][j] = best
    pairs: list[Pair] = []
    i = j = 0
    deleted: list[Pair] = []
    inserted: list[Pair] = []

    def flush() -> list[Pair]:
        """Return the blocks deleted and inserted between two pairs; one of each of a kind is one rewritten."""
        if len(deleted) == len(inserted) == 1:
            a, b = deleted[0][0], inserted[0][1]
            if a is not None and b is not None and _kind(old[a]) == _kind(new[b]) and not moved(old[a], new[b]):
                return [(a, b)]
        return deleted + inserted

    while i < rows and j < cols:
        if (i, j) in gain and score[i][j] == gain[i, j] + score[i + 1][j + 1]:
            pairs += flush() + [(i, j)]
            deleted, inserted = [], []
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            deleted.append((i, None))
            i += 1
        else:
            inserted.append((None, j))
            j += 1
    deleted += [(k, None) for k in range(i, rows)]
    inserted += [(None, k) for k in range(j, cols)]
    return pairs + flush()


def align(old: Sequence[Block], new: Sequence[Block], old_keys: Mapping[str, str] | None = None,
          new_keys: Mapping[str, str] | None = None, styled: bool = True) -> list[Pair]:
    """Return the blocks of old and new as pairs in the order a marked draft shows them (styled: italics count)."""
    old_signatures = {_signature(b, styled) for b in old}
    new_signatures = {_signature(b, styled) for b in new}

    def moved(before: Block, after: Block) -> bool:
        return _signature(before, styled) in new_signatures or _signature(after, styled) in old_signatures

    okeys = [block_key(b, old_keys or {}) for b in old]
    nkeys = [block_key(b, new_keys or {}) for b in new]
    matcher = SequenceMatcher(None, [_signature(b, styled) for b in old], [_signature(b, styled) for b in new],
                              autojunk=False)
    result: list[Pair] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result += [(i1 + k, j1 + k) for k in range(i2 - i1)]
            continue
        gap = _pair_gap(old[i1:i2], new[j1:j2], okeys[i1:i2], nkeys[j1:j2], moved)
        result += [(None if a is None else a + i1, None if b is None else b + j1) for a, b in gap]
    return result
