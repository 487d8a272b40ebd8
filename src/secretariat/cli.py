"""The command line: parse arguments into options, call the library, choose the exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

import click

from secretariat import __version__
from secretariat.checks.runner import CheckRun, run_from_error
from secretariat.errors import SecretariatError, UsageError
from secretariat.pipeline import CheckOptions
from secretariat.reporters import draft as draft_reporter
from secretariat.reporters import findings as findings_reporter
from secretariat.reporters import new as new_reporter

T = TypeVar("T")

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


@click.group()
@click.version_option(__version__, prog_name="secretariat")
def main() -> None:
    """Draft and validate UN secretariat reports from records."""


@main.command()
@click.argument("report_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the .docx (default: REPORT_DIR/build/<report>.docx).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Text for people, JSON for machines.")
@click.option("--no-comments", is_flag=True, help="Leave the findings out of the draft (a clean copy).")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
def draft(report_dir: Path, output: Path | None, output_format: str, no_comments: bool, strict: bool) -> None:
    """Write the Word draft of the report in REPORT_DIR, with the checks' findings as comments."""
    from secretariat.pipeline import DraftOptions
    from secretariat.pipeline import draft as run_draft

    options = DraftOptions(report_dir=report_dir, output=output, comments=not no_comments)
    as_json = output_format == "json"
    report = draft_reporter.draft_json if as_json else draft_reporter.draft_text
    result = _run(lambda: run_draft(options), as_json)
    click.echo(report(result))
    sys.exit(EXIT_PROBLEMS if result.checks.failed(strict) else EXIT_OK)


@main.command()
@click.argument("report_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(findings_reporter.FORMATS), default="text",
              show_default=True, help="Text for people; JSON or SARIF 2.1.0 for machines.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--select", "select", multiple=True, metavar="CHECK",
              help="Run only this check (repeatable); all checks by default.")
def check(report_dir: Path, output_format: str, strict: bool, select: tuple[str, ...]) -> None:
    """Check the records of the report in REPORT_DIR: totals, dates, party counts, structure."""
    from secretariat.checks.runner import discover
    from secretariat.pipeline import CheckOptions
    from secretariat.pipeline import check as run_check

    known = _run(lambda: [plugin.name for plugin in discover()], output_format != "text")
    unknown = [name for name in select if name not in known]
    if unknown:
        raise click.UsageError(f"unknown check {', '.join(unknown)}; the checks are {', '.join(known)}")
    options = CheckOptions(report_dir=report_dir, select=select or None)
    result = _run(lambda: _checked(options, run_check), output_format != "text")
    output = findings_reporter.render(result, output_format)
    if output:
        click.echo(output)
    sys.exit(EXIT_PROBLEMS if result.failed(strict) else EXIT_OK)


@main.command("new")
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--from", "previous", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The previous report's folder, to start from.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Text for people, JSON for machines.")
def new_report(target: Path, previous: Path, output_format: str) -> None:
    """Start the next report of a series in TARGET from the previous report's folder (never overwrites)."""
    from secretariat.series import NewOptions, start_next_report

    as_json = output_format == "json"
    result = _run(lambda: start_next_report(NewOptions(target=target, previous=previous)), as_json)
    click.echo(new_reporter.new_json(result) if as_json else new_reporter.new_text(result))
    sys.exit(EXIT_OK)


def _checked(options: CheckOptions, run_check: Callable[[CheckOptions], CheckRun]) -> CheckRun:
    """Run the checks; records that cannot be loaded become findings, so every format reports them."""
    try:
        return run_check(options)
    except SecretariatError as e:
        if isinstance(e, UsageError):
            raise
        return run_from_error(e)


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
    if as_json:
        click.echo(draft_reporter.error_json(error))
    else:
        click.echo(draft_reporter.error_text(error), err=True)
    sys.exit(EXIT_USAGE if isinstance(error, UsageError) else EXIT_PROBLEMS)


def _register_intake() -> None:
    """Add the intake commands (they live with the intake package)."""
    from secretariat.intake.commands import intake, workbook

    main.add_command(workbook)
    main.add_command(intake)


_register_intake()
