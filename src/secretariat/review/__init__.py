"""Review an edited Word draft against its records, and carry the editors' wording back into them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from secretariat.checks.finding import Finding
from secretariat.checks.runner import CheckRun
from secretariat.errors import ReviewError
from secretariat.pipeline import build_draft, text_renderer
from secretariat.records import load_report
from secretariat.review.codes import CODES
from secretariat.review.compare import CHANGES, Comparison, compare
from secretariat.review.findings import review_findings
from secretariat.review.outcome import Outcome, outcome
from secretariat.review.receipt import Applied, apply_edits, earlier_apply
from secretariat.word.reading import read_docx

__all__ = ["CHANGES", "CODES", "ReviewOptions", "ReviewResult", "review"]


@dataclass(frozen=True)
class ReviewOptions:
    """What ``secretariat review`` was asked to do."""

    docx: Path
    report_dir: Path
    apply: bool = False
    changes: str = "refuse"  # pending tracked changes: refuse, accept or reject


@dataclass(frozen=True)
class ReviewResult:
    """The findings of a review and, with --apply, what was applied."""

    run: CheckRun
    comparison: Comparison
    outcomes: dict[str, Outcome]
    applied: Applied | None = None
    refused: ReviewError | None = None  # why --apply wrote nothing

    @property
    def failed(self) -> bool:
        """Return whether the review fails: an error finding, or edits that could not be applied."""
        return self.run.failed() or self.refused is not None


def outcomes_of(comparison: Comparison) -> dict[str, Outcome]:
    """Return what became of every record text found in the document (paragraphs and footnotes)."""
    found = {item.pointer: outcome(comparison, item.pointer, item.text, item.joined)
             for item in comparison.placed if item.pointer is not None}
    for note in comparison.doc.footnotes:
        pointer = comparison.pointer_of(note.identity)
        if pointer in comparison.texts and comparison.texts[pointer].kind == "footnote":
            found[pointer] = outcome(comparison, pointer, note.text.strip())
    return found


def review(options: ReviewOptions) -> ReviewResult:
    """Compare an edited draft with the report's records; raise a SecretariatError on bad input."""
    records = load_report(options.report_dir)
    doc = read_docx(options.docx)
    applied = earlier_apply(records, options.docx)
    comparison = compare(doc, records, build_draft(records, strict=False), text_renderer(records), options.changes,
                         applied)
    outcomes = outcomes_of(comparison)
    findings: list[Finding] = sorted(review_findings(comparison, outcomes), key=Finding.sort_key)
    run = CheckRun(tuple(findings), ("review",))
    if not options.apply:
        return ReviewResult(run, comparison, outcomes)
    try:
        return ReviewResult(run, comparison, outcomes, apply_edits(comparison, outcomes))
    except ReviewError as e:
        return ReviewResult(run, comparison, outcomes, refused=e)
