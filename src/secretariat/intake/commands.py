"""The ``workbook`` and ``intake`` commands: parse arguments into options and call the library."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

import click

from secretariat.errors import SecretariatError

T = TypeVar("T")
EXIT_OK, EXIT_PROBLEMS = 0, 1


def _fail(error: SecretariatError, as_json: bool) -> NoReturn:
    from secretariat.reporters.draft import error_json, error_text

    if as_json:
        click.echo(error_json(error))
    else:
        click.echo(error_text(error), err=True)
    sys.exit(EXIT_PROBLEMS)


def _run(job: Callable[[], T], as_json: bool) -> T:
    try:
        return job()
    except SecretariatError as e:
        _fail(e, as_json)
    except Exception as e:  # a bug, not bad input: one message unless asked for the traceback
        if os.environ.get("SECRETARIAT_DEBUG") == "1":
            raise
        _fail(SecretariatError(f"internal error ({type(e).__name__}: {e}); this is a bug in secretariat, "
                               "please report it (SECRETARIAT_DEBUG=1 shows the traceback)"), as_json)


@click.command()
@click.argument("report_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("submission-form.xlsx"),
              show_default=True, help="Where to write the form.")
def workbook(report_dir: Path, output: Path) -> None:
    """Write the XLSX submission form of the report in REPORT_DIR, for field offices to fill in."""
    from secretariat.intake.form import WorkbookOptions, write_form

    path = _run(lambda: write_form(WorkbookOptions(report_dir=report_dir, output=output)), False)
    click.echo(f"wrote {path}")


@click.command()
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
    from secretariat.intake.summary import intake_json, intake_text

    options = IntakeOptions(files=files, report_dir=report_dir, replace=replace)
    as_json = output_format == "json"
    result = _run(lambda: run_intake(options), as_json)
    click.echo(intake_json(result) if as_json else intake_text(result))
    sys.exit(EXIT_PROBLEMS if result.failed() else EXIT_OK)
