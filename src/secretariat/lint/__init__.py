"""UN editorial lint: the Editorial Manual's rules over the prose of records, Word documents and text files.

The rules read passages of text and say what they found (``Hit``); the style check (records) and the pipeline
(documents) turn what they found into findings.
"""

from __future__ import annotations

from secretariat.lint.engine import lint_passages
from secretariat.lint.passage import Hit, Passage
from secretariat.lint.rulefile import RULES_FILE, TextRule, load_rules
from secretariat.lint.rules import CODES, FAMILIES
from secretariat.lint.sources import document_date, docx_passages, read_text, text_passages

__all__ = ["CODES", "FAMILIES", "RULES_FILE", "Hit", "Passage", "TextRule", "document_date", "docx_passages",
           "lint_passages", "load_rules", "read_text", "text_passages"]
