"""The lint rules, grouped in families; each family is a function over one passage of a document."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache

from secretariat.lint.passage import Document, Hit, Passage
from secretariat.lint.rulefile import TextRule, load_rules
from secretariat.lint.rules import countries, marks, numbers, terms
from secretariat.resources import data_path

Family = Callable[[Passage, Document], Iterator[Hit]]

FAMILIES: dict[str, Family] = {
    "symbols": terms.symbols,
    "countries": countries.check,
    "marks": marks.check,
    "numbers": numbers.check,
    "terms": terms.check,
}
BUILTIN_CODES = {
    "confused-word": "a commonly confused word (affect/effect, principal/principle …), from data/lint/rules.toml",
    "spelling": "a spelling other than the UN's Oxford English (-ize, programme)",
    "un-term-case": "a United Nations term not capitalized as the UN writes it (Member States, Government of …)",
    "un-shortened": "'UN' in the text where the UN writes 'United Nations' in full",
    "official-name": "an organization's name spelled otherwise than its official name (Co-operation in OSCE …)",
    "resolution-citation": "a General Assembly resolution cited by its document symbol instead of its number",
}
CODES = {"document-unreadable": "a document given to the lint cannot be read (not Word, text or Markdown)",
         **countries.CODES, **marks.CODES, **numbers.CODES, **terms.CODES, **BUILTIN_CODES}


@cache
def builtin_rules() -> tuple[TextRule, ...]:
    """Return the rules shipped in data/lint/rules.toml."""
    return load_rules(data_path("lint/rules.toml"), compile_now=False)
