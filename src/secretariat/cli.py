"""The command line: parse arguments into options, call the library, choose the exit code."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from secretariat import __version__, limits
from secretariat.errors import SecretariatError, UsageError
from secretariat.model import Revisions
from secretariat.reporters import FINDINGS_FORMATS

# Each command imports what it uses when it runs: start-up is most of a small job's time (benchmarks/draft.py).
if TYPE_CHECKING:
    from secretariat.checks.runner import CheckRun
    from secretariat.pipeline import CheckOptions
    from secretariat.registers.place import RegisterPlace
    from secretariat.registers.update import RegisterUpdate

T = TypeVar("T")

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
FORCE_HELP = "Overwrite a .docx that is not the draft secretariat last wrote there, keeping it as a backup."
REGISTERS_HELP = ("The workspace's registers folder (default: $SECRETARIAT_REGISTERS, else a registers/ folder "
                  "found upward from REPORT_DIR, else the packaged registers).")


@click.group()
@click.version_option(__version__, prog_name="secretariat")
def main() -> None:
    """Draft and validate UN secretariat reports from records."""
    try:
        for limit in limits.ALL:  # a limit set to nonsense is a usage error before any work starts
            _ = limit.value
    except UsageError as e:
        raise click.UsageError(e.message) from e


@main.command("limits")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Text for people, JSON for machines.")
def show_limits(output_format: str) -> None:
    """Show the limits in force, their defaults and the environment variables that change them."""
    rows = [{"limit": limit.name, "value": limit.value, "shown": limit.shown(), "default": limit.shown(limit.default),
             "variable": limit.env, "bounds": limit.bounds} for limit in limits.ALL]
    if output_format == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        click.echo(f"{row['limit']:<20} {row['shown']:>20}  (default {row['default']}; {row['variable']}): "
                   f"{row['bounds']}")


def _revision_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str:
    """Return an ISO date, or a UTC date-time as 2016-06-14T09:30:00Z; refuse anything else."""
    if value is None:
        return ""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as e:
        raise click.BadParameter(f"expected a date such as 2016-06-14 or 2016-06-14T09:30:00Z, "
                                 f"found {value!r}") from e
    if parsed.utcoffset() not in (None, timedelta(0)):
        raise click.BadParameter(f"expected a UTC time (ending in Z), found {value!r}")
    return parsed.date().isoformat() if len(value) == 10 else parsed.strftime("%Y-%m-%dT%H:%M:%SZ")


def _revision_author(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    """Return a printable author name; refuse an empty one or one with control characters."""
    if not value.strip() or any(ord(c) < 32 for c in value):
        raise click.BadParameter(f"expected a name, found {value!r}")
    return value.strip()


def _changes_options(command: Callable[..., None]) -> Callable[..., None]:
    """Add the options that say how changes are shown, gathered into one Revisions argument."""
    def wrapped(changes_style: str, changes_author: str, changes_date: str, **kwargs: Any) -> None:
        revisions = Revisions(author=changes_author, date=changes_date,
                              style="strike-bold" if changes_style == "strike-bold" else "track")
        command(revisions=revisions, **kwargs)

    functools.update_wrapper(wrapped, command)  # keeps the options declared below this decorator too
    for option in (
        click.option("--changes-date", callback=_revision_date, metavar="DATE",
                     help="Date of the revisions, ISO 8601 (default: the draft's masthead date)."),
        click.option("--changes-author", default="secretariat", show_default=True, callback=_revision_author,
                     help="Author of the revisions, as Word shows it."),
        click.option("--changes-style", type=click.Choice(["track", "strike-bold"]), default="track",
                     show_default=True,
                     help="Word tracked changes, or deleted text struck through and new text in bold."),
    ):
        wrapped = option(wrapped)
    return wrapped


@main.command()
@click.argument("report_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the .docx (default: REPORT_DIR/build/<report>.docx).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Text for people, JSON for machines.")
@click.option("--no-comments", is_flag=True, help="Leave the findings out of the draft (a clean copy).")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--changes-against", "against", type=click.Path(exists=True, path_type=Path),
              help="Mark every difference from this earlier version (a report folder or a .docx) as a revision.")
@click.option("--force", is_flag=True, help=FORCE_HELP)
@click.option("--registers", type=click.Path(path_type=Path), default=None, help=REGISTERS_HELP)
@click.option("--layout", type=click.Choice(["issued", "manuscript"]), default="issued", show_default=True,
              help="The UN's issued A4 page, or a double-spaced 12-point manuscript for submission.")
@click.option("--barcode/--no-barcode", default=True, show_default=True,
              help="Draw the job number as a Code 39 barcode on page 1.")
@click.option("--qr/--no-qr", default=True, show_default=True,
              help="Draw the document's address (https://undocs.org/<symbol>) as a QR code on page 1.")
@_changes_options
def draft(report_dir: Path, output: Path | None, output_format: str, no_comments: bool, strict: bool,
          against: Path | None, revisions: Revisions, force: bool, registers: Path | None, layout: str,
          barcode: bool, qr: bool) -> None:
    """Write the Word draft of the report in REPORT_DIR, with the checks' findings as comments."""
    from secretariat.model import Presentation
    from secretariat.pipeline import DraftOptions
    from secretariat.pipeline import draft as run_draft
    from secretariat.reporters import draft as draft_reporter

    options = DraftOptions(report_dir=report_dir, output=output, comments=not no_comments, force=force,
                           registers=registers,
                           presentation=Presentation(layout=layout, barcode=barcode, qr_code=qr))
    as_json = output_format == "json"
    report = draft_reporter.draft_json if as_json else draft_reporter.draft_text
    if against is None:
        result = _run(lambda: run_draft(options), as_json)
    else:
        from secretariat.changes import draft_with_changes

        result = _run(lambda: draft_with_changes(options, against, revisions), as_json)
    click.echo(report(result))
    sys.exit(EXIT_PROBLEMS if result.checks.failed(strict) else EXIT_OK)


@main.command()
@click.argument("report_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(FINDINGS_FORMATS), default="text",
              show_default=True, help="Text for people; JSON or SARIF 2.1.0 for machines.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--select", "select", multiple=True, metavar="CHECK",
              help="Run only this check (repeatable); all checks by default.")
@click.option("--registers", type=click.Path(path_type=Path), default=None, help=REGISTERS_HELP)
def check(report_dir: Path, output_format: str, strict: bool, select: tuple[str, ...],
          registers: Path | None) -> None:
    """Check the records of the report in REPORT_DIR: totals, dates, party counts, structure."""
    from secretariat.checks.runner import discover
    from secretariat.pipeline import CheckOptions
    from secretariat.pipeline import check as run_check
    from secretariat.reporters import findings as findings_reporter

    known = _run(lambda: [plugin.name for plugin in discover()], output_format != "text")
    unknown = [name for name in select if name not in known]
    if unknown:
        raise click.UsageError(f"unknown check {', '.join(unknown)}; the checks are {', '.join(known)}")
    options = CheckOptions(report_dir=report_dir, select=select or None, registers=registers)
    result = _run(lambda: _checked(options, run_check), output_format != "text")
    output = findings_reporter.render(result, output_format)
    if output:
        click.echo(output)
    sys.exit(EXIT_PROBLEMS if result.failed(strict) else EXIT_OK)


@main.command()
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write NEW with its changes since OLD marked.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Text for people, JSON for machines.")
@click.option("--force", is_flag=True, help=FORCE_HELP)
@_changes_options
def compare(old: Path, new: Path, output: Path, output_format: str, revisions: Revisions, force: bool) -> None:
    """Write NEW with every difference from OLD as a revision (each a report folder or a .docx)."""
    _short_job()
    from secretariat.changes import CompareOptions
    from secretariat.changes import compare as run_compare
    from secretariat.reporters import changes as changes_reporter

    as_json = output_format == "json"
    result = _run(lambda: run_compare(CompareOptions(old, new, output, revisions, force)), as_json)
    click.echo(changes_reporter.compare_json(result) if as_json else changes_reporter.compare_text(result))
    sys.exit(EXIT_OK)


@main.command("lint")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(FINDINGS_FORMATS), default="text",
              show_default=True, help="Text for people; JSON or SARIF 2.1.0 for machines.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--date", "on", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="The documents' date, for country names in force (default: each one's masthead date).")
@click.option("--rules", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A rules file (TOML) to add to the shipped rules for files (a report folder uses its own).")
def lint(paths: tuple[Path, ...], output_format: str, strict: bool, on: datetime | None, rules: Path | None) -> None:
    """Lint the prose of report folders, Word documents (.docx) and text or Markdown files for UN style."""
    from secretariat.linting import LintOptions
    from secretariat.linting import lint as run_lint
    from secretariat.reporters import findings as findings_reporter

    options = LintOptions(paths, on.date() if on is not None else None, rules)
    result = _run(lambda: run_lint(options), output_format != "text")
    click.echo(findings_reporter.render(result, output_format))
    sys.exit(EXIT_PROBLEMS if result.failed(strict) else EXIT_OK)


@main.command("new")
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--from", "previous", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The previous report's folder, to start from.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Text for people, JSON for machines.")
@click.option("--keep-register-snapshots", is_flag=True,
              help="Carry the previous report's own <id>.register.json copies (by default the new report uses the "
                   "workspace's registers, kept current in one place).")
def new_report(target: Path, previous: Path, output_format: str, keep_register_snapshots: bool) -> None:
    """Start the next report of a series in TARGET from the previous report's folder (never overwrites)."""
    from secretariat.reporters import new as new_reporter
    from secretariat.series import NewOptions, start_next_report

    as_json = output_format == "json"
    options = NewOptions(target=target, previous=previous, register_snapshots=keep_register_snapshots)
    result = _run(lambda: start_next_report(options), as_json)
    click.echo(new_reporter.new_json(result) if as_json else new_reporter.new_text(result))
    sys.exit(EXIT_OK)


@main.command("review")
@click.argument("edited", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("report_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(FINDINGS_FORMATS), default="text",
              show_default=True, help="Text for people; JSON or SARIF 2.1.0 for machines.")
@click.option("--apply", "apply_edits", is_flag=True,
              help="Write the editors' wording back into content.json and footnotes.json (all or nothing).")
@click.option("--changes", type=click.Choice(["refuse", "accept", "reject"]), default="refuse", show_default=True,
              help="Pending tracked changes: refuse to apply, or take them as accepted or rejected.")
def review_command(edited: Path, report_dir: Path, output_format: str, apply_edits: bool, changes: str) -> None:
    """Compare EDITED (a Word draft back from the editors) with the records of REPORT_DIR."""
    from secretariat.reporters.review import review_output
    from secretariat.review import ReviewOptions, review

    options = ReviewOptions(docx=edited, report_dir=report_dir, apply=apply_edits, changes=changes)
    result = _run(lambda: review(options), output_format != "text")
    click.echo(review_output(result, output_format))
    sys.exit(EXIT_PROBLEMS if result.failed else EXIT_OK)


@main.group("registers")
def registers_group() -> None:
    """Keep the workspace's registers current: parties of a treaty, sessions of a body."""


def _place(registers: Path | None, start: Path | None = None) -> RegisterPlace:
    from secretariat.registers.place import find_registers

    return _run(lambda: find_registers(start or Path.cwd(), registers), False)


@registers_group.command("where")
@click.argument("report_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--registers", type=click.Path(path_type=Path), default=None, help=REGISTERS_HELP)
def registers_where(report_dir: Path | None, registers: Path | None) -> None:
    """Say which register files a report (or the current folder) is checked against."""
    place = _place(registers, report_dir)
    click.echo(f"using {place.describe()}")
    for path in place.files("*.json"):
        click.echo(f"  {path}")


@registers_group.command("add-party")
@click.argument("treaty")
@click.argument("state")
@click.option("--consent", help="Date of ratification, accession …: 2018-07-23, or 2018-07 / 2018 if only the "
                                "month or year is known (kept as a period).")
@click.option("--type", "kind", default="ratification", show_default=True,
              help="The kind of instrument deposited: ratification, accession, acceptance, approval or succession.")
@click.option("--signature", help="Date of signature (2001-12-12).")
@click.option("--source", required=True, help="Where the event is recorded (depositary notification, UNTC page).")
@click.option("--note", help="What a reader of the register needs to know about the entry.")
@click.option("--replace", is_flag=True, help="Change a consent date the register already records.")
@click.option("--registers", type=click.Path(path_type=Path), default=None, help=REGISTERS_HELP)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def add_party(treaty: str, state: str, consent: str | None, kind: str, signature: str | None, source: str,
              note: str | None, replace: bool, registers: Path | None, output_format: str) -> None:
    """Record that STATE (ISO code or name) signed or became a party to TREATY (register id, e.g. tip-protocol)."""
    from secretariat.registers.update import PartyEvent
    from secretariat.registers.update import add_party as run_add

    event = PartyEvent(treaty, state, source, consent, kind, signature, note, replace)
    place = _place(registers)
    update = _run(lambda: run_add(place, Path.cwd(), event), output_format == "json")
    _echo_update(update, f"recorded {state}", output_format)


@registers_group.command("add-session")
@click.argument("number", type=click.IntRange(min=1))
@click.option("--venue", required=True, help="The city, as the masthead writes it (Vienna).")
@click.option("--start", required=True, help="First day: 2018-10-15 (or 2018-10 if only the month is known).")
@click.option("--end", required=True, help="Last day: 2018-10-19 (or 2018-10).")
@click.option("--source", required=True, help="Where the venue and dates are announced, quoted.")
@click.option("--register", "register_name", default="cop-sessions", show_default=True,
              help="The register of sessions (file name without .json).")
@click.option("--replace", is_flag=True, help="Change a session the register already holds.")
@click.option("--registers", type=click.Path(path_type=Path), default=None, help=REGISTERS_HELP)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def add_session(number: int, venue: str, start: str, end: str, source: str, register_name: str, replace: bool,
                registers: Path | None, output_format: str) -> None:
    """Record session NUMBER of the body (venue and dates, with the source) in the register of sessions."""
    from secretariat.registers.update import SessionEvent
    from secretariat.registers.update import add_session as run_add

    event = SessionEvent(register_name, number, venue, start, end, source, replace)
    place = _place(registers)
    update = _run(lambda: run_add(place, Path.cwd(), event), output_format == "json")
    _echo_update(update, f"recorded session {number}", output_format)


@registers_group.command("import")
@click.argument("treaty")
@click.argument("table", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--as-of", "as_of", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="The date of the status the table shows (read from a saved page's 'STATUS AS AT' if omitted).")
@click.option("--source", help="The citation of the table (default: UN Treaty Collection, status as at …).")
@click.option("--registers", type=click.Path(path_type=Path), default=None, help=REGISTERS_HELP)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def import_table(treaty: str, table: Path, as_of: datetime | None, source: str | None, registers: Path | None,
                 output_format: str) -> None:
    """Merge the UN Treaty Collection's participant TABLE (.html page, copied text, or .csv) into TREATY."""
    from secretariat.registers.untc import read_table_file
    from secretariat.registers.update import import_table as run_import

    place = _place(registers)
    read = read_table_file(table)
    day = None if as_of is None else as_of.date()
    update = _run(lambda: run_import(place, Path.cwd(), treaty, read, table, source, day), output_format == "json")
    _echo_update(update, f"imported {len(read.rows)} rows of {table}", output_format)


def _echo_update(update: RegisterUpdate, what: str, output_format: str) -> None:
    from secretariat.reporters import registers as registers_reporter

    click.echo(registers_reporter.update_json(update) if output_format == "json"
               else registers_reporter.update_text(update, what))


def _checked(options: CheckOptions, run_check: Callable[[CheckOptions], CheckRun]) -> CheckRun:
    """Run the checks; records that cannot be loaded become findings, so every format reports them."""
    from secretariat.checks.runner import run_from_error
    from secretariat.registers.names import with_code_hints

    try:
        return run_check(options)
    except SecretariatError as e:
        if isinstance(e, UsageError):
            raise
        return run_from_error(with_code_hints(e))


def _short_job() -> None:
    """Stop the cycle collector for the rest of a job of bounded size, imports included.

    Reference counting frees its garbage as it goes; scanning the many objects that imports create, in search
    of cycles, took about a tenth of a comparison's time.
    """
    import gc

    gc.disable()


def _run(job: Callable[[], T], as_json: bool) -> T:
    try:
        return job()
    except SecretariatError as e:
        _fail(e, as_json)
    except Exception as e:  # a bug, not bad input: say so in one message unless asked for the traceback
        if os.environ.get("SECRETARIAT_DEBUG") == "1":
            raise
        _fail(SecretariatError(f"internal error ({type(e).__name__}: {e}); this is a bug in secretariat, "
                               "please report it (SECRETARIAT_DEBUG=1 shows the traceback)"), as_json)


def _fail(error: SecretariatError, as_json: bool) -> NoReturn:
    from secretariat.registers.names import with_code_hints
    from secretariat.reporters import draft as draft_reporter

    error = with_code_hints(error)  # "'Fiji' is FJI" where a record holds a State's name for its code
    if as_json:
        click.echo(draft_reporter.error_json(error))
    else:
        click.echo(draft_reporter.error_text(error), err=True)
    sys.exit(EXIT_USAGE if isinstance(error, UsageError) else EXIT_PROBLEMS)


@main.command()
@click.argument("report_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("submission-form.xlsx"),
              show_default=True, help="Where to write the form.")
def workbook(report_dir: Path, output: Path) -> None:
    """Write the XLSX submission form of the report in REPORT_DIR, for field offices to fill in."""
    from secretariat.intake.form import WorkbookOptions, write_form

    path = _run(lambda: write_form(WorkbookOptions(report_dir=report_dir, output=output)), False)
    click.echo(f"wrote {path}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--into", "report_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The report folder whose activities.json receives the records.")
@click.option("--replace", is_flag=True,
              help="Overwrite an existing record when a row gives its id with other content.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Text for people, JSON (the receipt) for machines.")
def intake(files: tuple[Path, ...], report_dir: Path, replace: bool, output_format: str) -> None:
    """Take the submitted FILES (.xlsx, .csv, .json) into the report in REPORT_DIR, with a receipt."""
    from secretariat.intake.run import IntakeOptions
    from secretariat.intake.run import intake as run_intake
    from secretariat.reporters.intake import intake_json, intake_text

    options = IntakeOptions(files=files, report_dir=report_dir, replace=replace)
    as_json = output_format == "json"
    result = _run(lambda: run_intake(options), as_json)
    click.echo(intake_json(result) if as_json else intake_text(result))
    sys.exit(EXIT_PROBLEMS if result.failed() else EXIT_OK)
