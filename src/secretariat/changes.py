"""Mark a draft's changes against an earlier version: ``draft --changes-against`` and ``compare``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from secretariat.compare import ChangeSummary, Redline, Version, redline
from secretariat.compare.fromdocx import docx_version
from secretariat.errors import UsageError
from secretariat.model import Draft, Revisions
from secretariat.word import write_docx

if TYPE_CHECKING:  # drafting a report folder loads the pipeline; comparing two .docx does not need it
    from secretariat.pipeline import DraftOptions, DraftResult
    from secretariat.records import ReportRecords


def record_keys(records: ReportRecords) -> dict[str, str]:
    """Return the record id of every paragraph and sub-paragraph source that has one."""
    from secretariat.records.content import sub_paragraphs

    keys: dict[str, str] = {}
    for index, block in enumerate(records.content):
        if "id" in block:
            keys[f"/blocks/{index}"] = f"id:{block['id']}"
            keys.update({f"/blocks/{index}{sub.pointer}": f"id:{block['id']}{sub.pointer}"
                         for sub in sub_paragraphs(block)})
    return keys


def _records_version(path: Path) -> Version:
    """Return the report folder at path, drafted on the fly, as a version to compare."""
    from secretariat.pipeline import build_draft
    from secretariat.records import load_report

    records = load_report(path)
    return Version(build_draft(records), record_keys(records), "record ids")


def _is_docx(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() == ".docx"


def _check_input(path: Path) -> None:
    """Raise UsageError unless path is a report folder or a .docx."""
    if not path.is_dir() and not _is_docx(path):
        found = "nothing" if not path.exists() else f"a {path.suffix or 'file without suffix'} file"
        raise UsageError(f"{path}: expected a report folder or a .docx, found {found}")


def _by(old: Version, new: Version) -> str:
    """Return how two versions align: by record ids or identities where both have them, else by text."""
    if old.aligned_by == new.aligned_by:
        return old.aligned_by
    return "identities" if {old.aligned_by, new.aligned_by} == {"record ids", "identities"} else "text"


def _keys(version: Version, by: str) -> dict[str, str] | None:
    """Return the keys of version's paragraphs for aligning by: a folder's own sources are its identities."""
    if by == "text":
        return None
    if version.aligned_by == by:
        return version.keys
    return {b.source: b.source for b in version.draft.blocks if b.source}


def mark(old: Version, new: Version, against: Path, revisions: Revisions) -> Redline:
    """Return new's draft marked against old's; paragraphs align by record id or identity where both have them."""
    by = _by(old, new)
    summary = ChangeSummary(against=str(against), aligned_by=by)
    return redline(old.draft, new.draft, summary, revisions, _keys(old, by), _keys(new, by),
                   styled=old.styled and new.styled)


def draft_with_changes(options: DraftOptions, against: Path, revisions: Revisions) -> DraftResult:
    """Draft a report with every difference from the version at against (a report folder or a .docx) marked."""
    from secretariat.pipeline import draft

    _check_input(against)
    old = _records_version(against) if against.is_dir() else None

    def marker(records: ReportRecords, document: Draft) -> tuple[Draft, ChangeSummary]:
        earlier = old if old is not None else docx_version(against, document)
        marked = mark(earlier, Version(document, record_keys(records), "record ids"), against, revisions)
        return marked.draft, marked.summary

    return draft(options, marker)


@dataclass(frozen=True)
class CompareOptions:
    """What ``secretariat compare`` was asked to do."""

    old: Path
    new: Path
    output: Path
    revisions: Revisions = Revisions()
    force: bool = False  # overwrite a file that is not a draft secretariat last wrote there (keeping a backup)


@dataclass(frozen=True)
class CompareResult:
    """What a compare run wrote."""

    path: Path
    changes: ChangeSummary
    backup: Path | None = None  # where the file that was at path is kept (overwritten with force)


def compare(options: CompareOptions) -> CompareResult:
    """Write NEW marked against OLD; refuse to write over either of them, or over another file unless forced."""
    from secretariat.word.overwrite import make_room

    for given in (options.old, options.new):
        if options.output.resolve() == given.resolve():
            raise UsageError(f"-o {options.output}: that is an input of the comparison; choose another file")
    for given in (options.old, options.new):
        _check_input(given)
    new = _records_version(options.new) if options.new.is_dir() else None
    old = _records_version(options.old) if options.old.is_dir() else None
    if new is None:
        new = docx_version(options.new, old.draft if old is not None else None)
    if old is None:
        old = docx_version(options.old, new.draft)
    marked = mark(old, new, options.old, options.revisions)
    backup = make_room(options.output, options.force)
    write_docx(marked.draft, options.output)
    return CompareResult(options.output, marked.summary, backup)
