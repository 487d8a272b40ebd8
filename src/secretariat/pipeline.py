"""The drafting pipeline: records → Markdown → document model → checks → Word."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from secretariat.checks import CheckRun, Finding, run_checks
from secretariat.errors import Location, OutputError, Problem, RecordError, TemplateError
from secretariat.files import write_file
from secretariat.model import Comment, Draft, Heading, Paragraph, Presentation, Run
from secretariat.records import ReportRecords, load_report, report_date
from secretariat.records.footnotes import footnote_issues
from secretariat.records.previous import load_previous
from secretariat.registers.place import find_registers
from secretariat.render.body import render_body
from secretariat.render.context import template_context
from secretariat.render.environment import RecordTextLoader, make_environment
from secretariat.render.markdown import parse_body
from secretariat.render.masthead import build_masthead
from secretariat.render.origin import origin_of
from secretariat.render.printed import TextRenderer
from secretariat.render.sandbox import BoundedSandbox
from secretariat.render.structure import verify_structure, with_heading_sources

if TYPE_CHECKING:  # the comparison is loaded only by a draft marked against an earlier version
    from secretariat.compare import ChangeSummary

_BLOCK = re.compile(r"^/blocks/\d+")
_SUB_PARAGRAPH = re.compile(r"^/blocks/\d+(/items/\d+)+")


@dataclass(frozen=True)
class DraftOptions:
    """What ``secretariat draft`` was asked to do."""

    report_dir: Path
    output: Path | None = None
    comments: bool = True
    force: bool = False  # overwrite a file that is not the draft secretariat last wrote there (keeping a backup)
    registers: Path | None = None  # the workspace's registers folder, if given
    presentation: Presentation = field(default_factory=Presentation)

    @property
    def output_path(self) -> Path:
        """Return where the draft goes: the given path, else build/<report>.docx in the report folder."""
        if self.output is not None:
            return self.output
        return self.report_dir / "build" / f"{self.report_dir.resolve().name}.docx"


@dataclass(frozen=True)
class CheckOptions:
    """What ``secretariat check`` was asked to do."""

    report_dir: Path
    select: tuple[str, ...] | None = None
    registers: Path | None = None  # the workspace's registers folder, if given


@dataclass(frozen=True)
class DraftResult:
    """What a draft run produced."""

    path: Path
    paragraphs: int
    headings: int
    footnotes: int
    checks: CheckRun = field(default_factory=lambda: CheckRun((), ()))
    comments: int = 0
    notes: tuple[str, ...] = ()
    changes: ChangeSummary | None = None  # what changed since an earlier version, when marked against one


# Given the loaded records and their draft, return the draft marked against an earlier version.
Marker = Callable[[ReportRecords, Draft], "tuple[Draft, ChangeSummary]"]


def render_markdown(records: ReportRecords, strict: bool = True) -> str:
    """Render the report body of loaded records to Markdown.

    Not strict (for the checks), an unreadable previous report is left to the series check to report.
    """
    env, loader, context = _environment(records, strict)
    return render_body(env, loader, records, context)


def text_renderer(records: ReportRecords) -> TextRenderer:
    """Return a renderer of single record texts with the same environment and context as the draft."""
    return TextRenderer(*_environment(records, strict=False))


def _environment(records: ReportRecords, strict: bool) -> tuple[BoundedSandbox, RecordTextLoader, dict[str, Any]]:
    try:
        previous = load_previous(records)
    except RecordError:
        if strict:
            raise
        previous = None
    env, loader = make_environment(report_date(records), records.folder / "templates")
    return env, loader, template_context(records, previous)


def build_draft(records: ReportRecords, strict: bool = True) -> Draft:
    """Turn loaded records into the document model.

    Strict (for a draft): refuse footnotes that would be lost or references that would print as text.
    The checks run with strict off and report the same faults as findings.
    """
    issues = footnote_issues(records) if strict else []
    if issues:
        problems = tuple(Problem(Location(str(records.folder / i.file), pointer=i.pointer), i.message) for i in issues)
        raise RecordError(f"{records.folder}: {len(problems)} footnote problem(s)", problems)
    content_file = str(records.folder / "content.json")
    markdown = render_markdown(records, strict)
    try:
        blocks, footnotes = parse_body(markdown)
    except TemplateError as e:
        raise TemplateError(f"{content_file} {e.message}", location=e.location) from e
    verify_structure(content_file, records.content, blocks)
    masthead = build_masthead(records.report, report_date(records))
    return Draft(masthead=masthead, blocks=with_heading_sources(records.content, blocks), footnotes=footnotes,
                 footnote_sources={key: f"/footnotes/{i}" for i, key in enumerate(records.footnotes)},
                 origin=origin_of(records), title=masthead.title)


def rendered_texts(document: Draft) -> dict[str, str]:
    """Return the printed text of each paragraph by its content pointer."""
    return {
        block.source: "".join(i.text for i in block.inlines if isinstance(i, Run))
        for block in document.blocks
        if isinstance(block, Paragraph) and block.source
    }


def check(options: CheckOptions) -> CheckRun:
    """Load and validate a report, then run the checks on it (rendering it only if a check needs the text)."""
    place = find_registers(options.report_dir, options.registers)
    records = load_report(options.report_dir)
    return run_checks(records, lambda: rendered_texts(build_draft(records, strict=False)), options.select, place)


def _anchor(finding: Finding, known: set[str]) -> str:
    """Return the paragraph or sub-paragraph the finding concerns: the deepest one its location names."""
    located = finding.location.pointer if finding.location.path.endswith("content.json") else None
    if located:
        within = _SUB_PARAGRAPH.match(located)
        if within is not None and within.group() in known:
            return within.group()  # a sub-paragraph's finding goes on the sub-paragraph, not its lead-in
    pointer = finding.paragraph
    if pointer is None and located:
        match = _BLOCK.match(located)
        pointer = match.group() if match else None
    return pointer if pointer in known else ""


def comments_for(run: CheckRun, document: Draft) -> tuple[Comment, ...]:
    """Return one Word comment per finding, on the paragraph it concerns (else the masthead).

    Waived findings are commented too, with their reason: an editor should still see them.
    """
    known = {b.source for b in document.blocks if isinstance(b, Paragraph) and b.source}
    return tuple(
        # for editors: the plain sentence first, the severity and the code last
        Comment(_anchor(f, known), f"{f.message} ({f.severity.value}{', waived: ' + f.waived if f.waived else ''}; "
                                   f"{f.code})")
        for f in run.findings
    )


def draft(options: DraftOptions, mark: Marker | None = None) -> DraftResult:
    """Load, validate, render, check and write one report; raise a SecretariatError on bad input.

    mark, if given, marks the draft's changes against an earlier version before it is written.
    """
    place = find_registers(options.report_dir, options.registers)
    records = load_report(options.report_dir)
    document = build_draft(records)
    checks = run_checks(records, lambda: rendered_texts(document), registers=place)
    document = replace(document, presentation=options.presentation)
    changes = None
    counts = _counts(document)  # of the new draft, without what a marked draft shows deleted
    if mark is not None:
        document, changes = mark(records, document)
    if options.comments:
        document = replace(document, comments=comments_for(checks, document))
    from secretariat.word import write_docx  # here, so that check never loads the Word writer
    from secretariat.word.overwrite import make_room

    path = options.output_path
    if options.output is None:
        _make_build_folder(path.parent)
    backup = make_room(path, options.force, f"secretariat review {path} {options.report_dir} --apply")
    write_docx(document, path)
    notes: tuple[str, ...] = (f"the file that was there is kept as {backup}",) if backup else ()
    if records.report.get("symbol_inferred"):
        notes += (f"the symbol {records.report['symbol']} is inferred, not confirmed (report.json /symbol)",)
    return DraftResult(
        path=path,
        **counts,
        checks=checks,
        comments=len(document.comments),
        notes=notes,
        changes=changes,
    )


def _counts(document: Draft) -> dict[str, int]:
    """Return the numbers of numbered paragraphs, headings and footnotes of a draft."""
    return {"paragraphs": sum(1 for b in document.blocks if isinstance(b, Paragraph) and b.level == 0),
            "headings": sum(1 for b in document.blocks if isinstance(b, Heading)),
            "footnotes": len(document.footnotes)}


def _make_build_folder(folder: Path) -> None:
    """Create the default output folder, telling git to ignore it wherever the report lives."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists() and not ignore.is_symlink():
            write_file(ignore, b"# drafts written by secretariat\n*\n")
    except OSError as e:
        raise OutputError(f"cannot create {folder}: {e.strerror or e}") from e
