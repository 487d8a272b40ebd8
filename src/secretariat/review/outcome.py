"""Decide what became of one record text in the edited draft: unchanged, merged, in conflict, or unmappable."""

from __future__ import annotations

from dataclasses import dataclass

from secretariat.errors import TemplateError
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


def outcome(comparison: Comparison, pointer: str, edited: str) -> Outcome:
    """Return what became of the record at pointer, given its text as edited."""
    record = comparison.texts[pointer]
    drafted = comparison.drafted[pointer]
    if edited == record.printed:  # the records already say it
        return Outcome(pointer, drafted, edited, UNCHANGED)
    if edited == drafted:
        return Outcome(pointer, drafted, edited, STALE)
    if drafted != record.printed:  # the records changed since the draft, and so did the editor
        return Outcome(pointer, drafted, edited, CONFLICT)
    name = f"{comparison.records.folder / record.file} {pointer}"
    pieces = comparison.renderer.pieces(name, record.template, record.printed)
    if pieces is None:
        return Outcome(pointer, drafted, edited, UNMAPPABLE)
    merged = merge(pieces, edited)
    try:
        prints = comparison.renderer.printed(name, merged.text)
    except TemplateError:
        prints = None
    if prints != merged.expected:
        return Outcome(pointer, drafted, edited, UNMAPPABLE, merged)
    return Outcome(pointer, drafted, edited, MERGED, merged)
