"""Run the lint rules over the passages of one document, in order, each place and code reported once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from secretariat.lint.passage import Document, Hit, Passage
from secretariat.lint.rulefile import TextRule
from secretariat.lint.rules import FAMILIES, Family, builtin_rules

_SKIPPED_KINDS = frozenset({"other"})  # page furniture: running heads, job numbers, page numbers


def lint_passages(passages: Iterable[Passage], on: date, extra: Sequence[TextRule] = (),
                  families: Iterable[str] | None = None) -> list[tuple[Passage, Hit]]:
    """Lint the passages of one document in order; return what the rules found, with the passage of each."""
    chosen = [FAMILIES[name] for name in (families if families is not None else FAMILIES)]
    rules: list[Family] = [*chosen, *(rule.check for rule in (*builtin_rules(), *extra))]
    doc = Document(on)
    found: list[tuple[Passage, Hit]] = []
    seen: set[tuple[int, int, str]] = set()  # one finding per place and code (two rules may agree)
    for number, passage in enumerate(passages):
        if passage.kind in _SKIPPED_KINDS or not passage.text.strip():
            continue
        for hit in sorted((hit for rule in rules for hit in rule(passage, doc)), key=lambda hit: hit.start):
            key = (number, hit.start, hit.code)
            if key not in seen:
                seen.add(key)
                found.append((passage, hit))
    return found
