"""Decide what became of one record text in the edited draft: unchanged, merged, in conflict, or unmappable."""

from __future__ import annotations

from dataclasses import dataclass

from secretariat.errors import TemplateError
from secretariat.render.printed import Piece
from secretariat.review.compare import Comparison
from secretariat.review.merge import Merge, merge

UNCHANGED, MERGED, CONFLICT, UNMAPPABLE = "unchanged", "merged", "conflict", "unmappable"
STALE = "stale"  # the editor left it alone, but the records print something else now


@dataclass(frozen=True)
class Outcome:
    """The drafted and edited text of a record, and the merge of the edit into its record text."""

    pointer: str
    drafted: str
    edited: str
    status: str
    merge: Merge | None = None

    @property
    def wording_changed(self) -> bool:
        """Return whether the editor changed anything besides refused values."""
        return self.merge is None or self.merge.expected != self.drafted


def outcome(comparison: Comparison, pointer: str, edited: str, joined: tuple[str, ...] = ()) -> Outcome:
    """Return what became of the record at pointer (and of those joined into it), given its text as edited."""
    pointers = (pointer, *joined)
    records = [comparison.texts[p] for p in pointers]
    drafted = "".join(comparison.drafted[p] for p in pointers)
    printed = "".join(r.printed for r in records)
    if not joined and edited == printed:  # the records already say it
        return Outcome(pointer, drafted, edited, UNCHANGED)
    if not joined and edited == drafted:
        return Outcome(pointer, drafted, edited, STALE)
    if drafted != printed:  # the records changed since the draft, and so did the editor
        return Outcome(pointer, drafted, edited, CONFLICT)
    pieces: list[Piece] = []
    for each, record in zip(pointers, records, strict=True):
        found = comparison.renderer.pieces(f"{comparison.records.folder / record.file} {each}", record.template,
                                           record.printed)
        if found is None:
            return Outcome(pointer, drafted, edited, UNMAPPABLE)
        pieces += found
    merged = merge(pieces, edited)
    try:
        prints = comparison.renderer.printed(f"{comparison.records.folder / records[0].file} {pointer}", merged.text)
    except TemplateError:
        prints = None
    if prints != merged.expected:
        return Outcome(pointer, drafted, edited, UNMAPPABLE, merged)
    return Outcome(pointer, drafted, edited, MERGED, merged)
