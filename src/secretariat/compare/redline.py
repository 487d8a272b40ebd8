"""Mark a new draft against an old one: every difference as an insertion or deletion the writer can show."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from secretariat.compare.blocks import align, same_block
from secretariat.compare.words import diff_inlines, marked
from secretariat.model import Block, Draft, FootnoteRef, Inline, Masthead, Revisions, Run

# The masthead fields a reader sees (the document title property is not one of them).
_MASTHEAD_FIELDS = tuple(f.name for f in dataclasses.fields(Masthead) if f.type == "str")
_DELETED_NOTE = "{key} (deleted)"


@dataclass(frozen=True)
class ChangeSummary:
    """What changed between two drafts, and how their paragraphs were matched."""

    against: str  # the earlier version: a report folder or a .docx
    aligned_by: str  # "record ids", "identities" or "text"
    changed: int = 0  # blocks kept, with changes inside
    inserted: int = 0  # blocks new as a whole
    deleted: int = 0  # blocks gone as a whole
    footnotes_changed: int = 0
    masthead_changed: tuple[str, ...] = ()
    style: str = "track"

    @property
    def unchanged(self) -> bool:
        """Return whether old and new show the same text everywhere."""
        return not (self.changed or self.inserted or self.deleted or self.footnotes_changed
                    or self.masthead_changed)


@dataclass(frozen=True)
class Version:
    """A version of a report ready to compare: its draft, and what its paragraphs came from."""

    draft: Draft
    keys: dict[str, str] = field(default_factory=dict)  # a paragraph's source → its record id or identity
    aligned_by: str = "text"  # "record ids" (a report folder), "identities" (a secretariat .docx) or "text"
    styled: bool = True  # whether its runs carry their italics and bold (a .docx read back does not)


@dataclass(frozen=True)
class Redline:
    """A new draft marked against an old one, and what changed."""

    draft: Draft
    summary: ChangeSummary


def _blocks(old: Draft, new: Draft, old_keys: Mapping[str, str] | None, new_keys: Mapping[str, str] | None,
            styled: bool) -> tuple[list[Block], Counter[str]]:
    """Return the blocks of the marked draft and how many were changed, inserted and deleted."""
    counts: Counter[str] = Counter()
    blocks: list[Block] = []
    for i, j in align(old.blocks, new.blocks, old_keys, new_keys, styled):
        if i is None and j is not None:
            counts["inserted"] += 1
            block = new.blocks[j]
            blocks.append(replace(block, inlines=marked(block.inlines, "inserted"), change="inserted"))
        elif j is None and i is not None:
            counts["deleted"] += 1
            block = old.blocks[i]
            blocks.append(replace(block, inlines=marked(block.inlines, "deleted"), change="deleted"))
        elif i is not None and j is not None:
            if same_block(old.blocks[i], new.blocks[j], styled):
                blocks.append(new.blocks[j])
                continue
            inlines, changes = diff_inlines(old.blocks[i].inlines, new.blocks[j].inlines, styled)
            counts["changed"] += 1 if changes else 0
            blocks.append(replace(new.blocks[j], inlines=inlines))
    return blocks, counts


def _footnotes(old: Draft, new: Draft, blocks: list[Block], styled: bool
               ) -> tuple[list[Block], dict[str, tuple[Inline, ...]], int]:
    """Return the blocks (deleted references to a footnote still referenced renamed) and the marked footnotes."""
    live = {i.key for b in blocks for i in b.inlines if isinstance(i, FootnoteRef) and i.change != "deleted"}
    notes: dict[str, tuple[Inline, ...]] = {}
    changed = 0
    for key, text in new.footnotes.items():
        if key in old.footnotes:
            notes[key], changes = diff_inlines(old.footnotes[key], text, styled)
            changed += 1 if changes else 0
        else:
            notes[key] = marked(text, "inserted")
    renamed: list[Block] = []
    for block in blocks:
        inlines: list[Inline] = []
        for inline in block.inlines:
            if isinstance(inline, FootnoteRef) and inline.change == "deleted":
                key = _DELETED_NOTE.format(key=inline.key) if inline.key in live else inline.key
                notes[key] = marked(old.footnotes[inline.key], "deleted")
                changed += 0 if inline.key in new.footnotes else 1
                inline = FootnoteRef(key, "deleted")
            inlines.append(inline)
        renamed.append(replace(block, inlines=tuple(inlines)))
    return renamed, notes, changed


def _masthead(old: Masthead, new: Masthead) -> Masthead:
    """Return new's masthead with the runs of every field that differs from old's."""
    pairs = [(name, getattr(old, name), getattr(new, name)) for name in _MASTHEAD_FIELDS]
    pairs.append(("job_short", old.job_short, new.job_short))
    pairs += [(f"job_dates.{k}", a, b) for k, (a, b) in enumerate(zip(old.job_dates, new.job_dates, strict=False))]
    changes: dict[str, tuple[Run, ...]] = {}
    for name, before, after in pairs:
        if before != after:
            runs, _ = diff_inlines((Run(before),), (Run(after),))
            changes[name] = tuple(run for run in runs if isinstance(run, Run))
    return replace(new, changes=changes)


def redline(old: Draft, new: Draft, summary: ChangeSummary, revisions: Revisions | None = None,
            old_keys: Mapping[str, str] | None = None, new_keys: Mapping[str, str] | None = None,
            styled: bool = True) -> Redline:
    """Return new marked against old; keys map a paragraph's source to what it was made from (a record id).

    summary names the earlier version and how blocks are aligned; the counts are filled in here. Not styled,
    italics and bold are not compared (one side was read back from a .docx).
    """
    revisions = revisions or Revisions()
    blocks, counts = _blocks(old, new, old_keys, new_keys, styled)
    blocks, notes, notes_changed = _footnotes(old, new, blocks, styled)
    masthead = _masthead(old.masthead, new.masthead)
    draft = replace(new, masthead=masthead, blocks=tuple(blocks), footnotes=notes, revisions=revisions)
    return Redline(draft, replace(summary, changed=counts["changed"], inserted=counts["inserted"],
                                  deleted=counts["deleted"], footnotes_changed=notes_changed,
                                  masthead_changed=tuple(masthead.changes), style=revisions.style))
