"""Mark a draft's changes against an earlier version: ``draft --changes-against`` and ``compare``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from secretariat.compare import ChangeSummary, Redline, redline
from secretariat.errors import UsageError
from secretariat.model import Draft, Revisions
from secretariat.pipeline import DraftOptions, DraftResult, build_draft, draft
from secretariat.records import ReportRecords, load_report
from secretariat.word import write_docx


@dataclass(frozen=True)
class Version:
    """An earlier or later version of a report, ready to compare: its draft and what its blocks came from."""

    draft: Draft
    keys: dict[str, str] = field(default_factory=dict)  # a paragraph's source → its record id
    aligned_by: str = "text"


def record_keys(records: ReportRecords) -> dict[str, str]:
    """Return the record id of every paragraph and sub-paragraph source that has one."""
    keys: dict[str, str] = {}
    for index, block in enumerate(records.content):
        if "id" in block:
            keys[f"/blocks/{index}"] = f"id:{block['id']}"
            keys.update({f"/blocks/{index}/items/{k}": f"id:{block['id']}/items/{k}"
                         for k in range(len(block.get("items", ())))})
    return keys


def load_version(path: Path) -> Version:
    """Return the report at path (a report folder, drafted on the fly) as a version to compare."""
    if path.is_dir():
        records = load_report(path)
        return Version(build_draft(records), record_keys(records), "record ids")
    raise UsageError(f"{path}: expected a report folder, found "
                     f"{'a file' if path.exists() else 'nothing'} (a .docx cannot be compared yet)")


def mark(old: Version, new: Version, against: Path, revisions: Revisions) -> Redline:
    """Return new's draft marked against old's; paragraphs align by record id where both have them."""
    aligned_by = old.aligned_by if old.aligned_by == new.aligned_by else "text"
    summary = ChangeSummary(against=str(against), aligned_by=aligned_by)
    keys = aligned_by != "text"
    return redline(old.draft, new.draft, summary, revisions, old.keys if keys else None,
                   new.keys if keys else None)


def draft_with_changes(options: DraftOptions, against: Path, revisions: Revisions) -> DraftResult:
    """Draft a report with every difference from the version at against marked."""
    old = load_version(against)

    def marker(records: ReportRecords, document: Draft) -> tuple[Draft, ChangeSummary]:
        marked = mark(old, Version(document, record_keys(records), "record ids"), against, revisions)
        return marked.draft, marked.summary

    return draft(options, marker)


@dataclass(frozen=True)
class CompareOptions:
    """What ``secretariat compare`` was asked to do."""

    old: Path
    new: Path
    output: Path
    revisions: Revisions = Revisions()


@dataclass(frozen=True)
class CompareResult:
    """What a compare run wrote."""

    path: Path
    changes: ChangeSummary


def compare(options: CompareOptions) -> CompareResult:
    """Write NEW marked against OLD; refuse to write over either of them."""
    for given in (options.old, options.new):
        if options.output.resolve() == given.resolve():
            raise UsageError(f"-o {options.output}: that is an input of the comparison; choose another file")
    marked = mark(load_version(options.old), load_version(options.new), options.old, options.revisions)
    write_docx(marked.draft, options.output)
    return CompareResult(options.output, marked.summary)
