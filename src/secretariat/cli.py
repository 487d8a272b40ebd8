"""The command line: parse arguments into options, call the library, choose the exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import click

from secretariat import __version__
from secretariat.errors import SecretariatError
from secretariat.reporters import draft as draft_reporter

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
def draft(report_dir: Path, output: Path | None, output_format: str) -> None:
    """Write the Word draft of the report in REPORT_DIR."""
    from secretariat.pipeline import DraftOptions
    from secretariat.pipeline import draft as run_draft

    options = DraftOptions(report_dir=report_dir, output=output)
    as_json = output_format == "json"
    _run(lambda: run_draft(options), draft_reporter.draft_json if as_json else draft_reporter.draft_text, as_json)


def _run(job: Callable[[], object], report: Callable[..., str], as_json: bool) -> None:
    try:
        result = job()
    except SecretariatError as e:
        _fail(e, as_json)
    except Exception as e:  # a bug, not bad input: say so in one message unless asked for the traceback
        if os.environ.get("SECRETARIAT_DEBUG") == "1":
            raise
        _fail(SecretariatError(f"internal error ({type(e).__name__}: {e}); this is a bug in secretariat, "
                               "please report it (SECRETARIAT_DEBUG=1 shows the traceback)"), as_json)
    click.echo(report(result))
    sys.exit(EXIT_OK)


def _fail(error: SecretariatError, as_json: bool) -> NoReturn:
    if as_json:
        click.echo(draft_reporter.error_json(error))
    else:
        click.echo(draft_reporter.error_text(error), err=True)
    sys.exit(EXIT_PROBLEMS)
