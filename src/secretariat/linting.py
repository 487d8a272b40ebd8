"""The lint command's work: report folders through the style check, documents straight through the lint.

Apart from the pipeline, so that linting a text or Word file loads neither the renderer nor the records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from secretariat.checks import CheckRun, Finding, Severity
from secretariat.checks.plugins.style import finding_of
from secretariat.errors import Location, Problem, SecretariatError
from secretariat.lint import TextRule, document_date, docx_passages, lint_passages, load_rules, read_text, text_passages


@dataclass(frozen=True)
class LintOptions:
    """What ``secretariat lint`` was asked to do."""

    paths: tuple[Path, ...]
    on: date | None = None  # the documents' date for country names; default: each one's masthead date
    rules: Path | None = None  # a rules file to add to the shipped rules (report folders also use their own)


def lint(options: LintOptions) -> CheckRun:
    """Lint report folders (their rendered texts, as the style check) and Word, text or Markdown files.

    A document that cannot be read becomes one finding, and the others are still linted.
    """
    extra = load_rules(options.rules) if options.rules is not None else ()
    findings: list[Finding] = []
    for path in options.paths:
        try:
            if path.is_dir():
                from secretariat.pipeline import CheckOptions, check

                findings.extend(check(CheckOptions(path, select=("style",))).findings)
            else:
                findings.extend(lint_file(path, options.on, extra))
        except SecretariatError as e:  # one unreadable document: say so, and lint the others
            problems = e.problems or (Problem(Location(str(path)), e.message),)
            findings.extend(Finding("document-unreadable", Severity.ERROR, p.location, p.message, check="style")
                            for p in problems)
    return CheckRun(tuple(findings), ("style",))  # each document's findings in its own order


def lint_file(path: Path, on: date | None = None, extra: Sequence[TextRule] = ()) -> list[Finding]:
    """Lint a Word document (.docx) or a plain-text or Markdown file; raise a SecretariatError if unreadable."""
    if path.suffix.lower() in (".docx", ".docm"):
        from secretariat.word.reading import read_docx

        passages = list(docx_passages(path, read_docx(path)))
    else:
        passages = list(text_passages(path, read_text(path)))
    when = on if on is not None else document_date([p.text for p in passages[:30]])
    return [finding_of(passage, hit) for passage, hit in lint_passages(passages, when, extra)]
