"""UN editorial lint: the Editorial Manual's rules over the prose of records, Word documents and text files."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from secretariat.checks.finding import Finding
from secretariat.lint.engine import lint_passages
from secretariat.lint.passage import Passage
from secretariat.lint.rulefile import RULES_FILE, TextRule, load_rules
from secretariat.lint.rules import CODES, FAMILIES
from secretariat.lint.sources import document_date, docx_passages, read_text, text_passages

__all__ = ["CODES", "FAMILIES", "RULES_FILE", "Passage", "TextRule", "lint_file", "lint_passages",
           "load_rules"]


def lint_file(path: Path, on: date | None = None, extra: Sequence[TextRule] = ()) -> list[Finding]:
    """Lint a Word document (.docx) or a plain-text or Markdown file; raise a SecretariatError if unreadable."""
    if path.suffix.lower() in (".docx", ".docm"):
        passages = list(docx_passages(path))
    else:
        passages = list(text_passages(path, read_text(path)))
    when = on if on is not None else document_date([p.text for p in passages[:30]])
    return lint_passages(passages, when, extra)
