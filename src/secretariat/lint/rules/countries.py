"""Country names as the United Nations writes them at the document's date, with "the" where due, in order."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

from secretariat.errors import CountryNameUncertainError
from secretariat.lint.passage import Document, Hit, Passage
from secretariat.lint.words import WordPattern, alternation
from secretariat.registers.countries import CountryRegister, country_register

CODES = {
    "country-name": "a country named otherwise than the United Nations writes it at the document's date",
    "country-article": "a country whose UN name takes 'the' in running text is written without it",
    "country-order": "a list of countries not in English alphabetical order",
    "possessive-name": "a possessive on the name of a State or organization ('Pakistan's', 'UNODC's')",
}
# Aliases that are also the right word in another sense: the region of Micronesia, the question of Palestine.
_NOT_FLAGGED = frozenset({"Micronesia", "Palestine", "US", "Vatican"})
_ORGANIZATION = ("Union", "Organization", "Nations", "Office", "Fund", "Programme", "Agency", "Council", "Bank",
                 "Commission", "Committee", "Secretariat", "Assembly", "Court", "Tribunal", "Conference")
_POSSESSIVE = re.compile(r"\b((?:[A-Z][\w.&-]*\s+(?:(?:of|the|and|for|on)\s+)*)*[A-Z][\w.&-]*)['’]s\b")
_SEPARATOR = re.compile(r"(?:,| and|, and) (?:the )?")


@dataclass(frozen=True)
class Mention:
    """A country name found in a text."""

    start: int
    end: int
    spelling: str
    iso3: str


@cache
def _pattern() -> tuple[WordPattern, dict[str, str]]:
    spellings = country_register().spellings()
    # A name followed by UNTERM's parenthesis ("Bolivia (Plurinational State of)") is part of a longer name.
    qualified = r"\s+\((?:the|Federated|Plurinational|Islamic|Bolivarian)"
    return WordPattern(rf"{alternation(spellings)}(?![\w-]|{qualified})"), spellings


def mentions(text: str) -> list[Mention]:
    """Return the country names in a text, longest spelling first at each place."""
    pattern, spellings = _pattern()
    return [Mention(m.start(), m.end(), m.group(), spellings[m.group()]) for m in pattern.finditer(text)]


def check(passage: Passage, doc: Document) -> Iterator[Hit]:
    """Check the country names of one passage against the register at the document's date."""
    text, register = passage.text, country_register()
    found = mentions(text)
    for mention in found:
        try:
            form = register.form(mention.iso3, doc.on)
        except CountryNameUncertainError:
            continue
        hit = _name(text, mention, register, form.short, form.running_text)
        if hit is not None:
            yield hit
    yield from _order(text, found, register, doc.on)
    yield from _possessives(text)


def _name(text: str, mention: Mention, register: CountryRegister, short: str, running: str) -> Hit | None:
    spelling = mention.spelling
    in_force = spelling in (short.removeprefix("the "), running.removeprefix("the "))
    renamed = any(spelling in (f.short.removeprefix("the "), f.running_text.removeprefix("the "))
                  for r in register.country(mention.iso3).renamings for f in (r.old, r.new))
    if (register.is_alias(spelling) and spelling not in _NOT_FLAGGED or renamed and not in_force) and not (
            spelling == "United States" and re.match(r"\s+dollars?\b", text[mention.end:])):
        return Hit("country-name", "warning", mention.start, mention.end,
                   f"expected the name in force at the document's date, {running!r}, found {spelling!r}",
                   expected=running, found=spelling)
    if in_force and running == f"the {spelling}" and not _has_the(text, mention):
        return Hit("country-article", "warning", mention.start, mention.end,
                   f"expected {running!r} in running text, found {spelling!r} without 'the'",
                   expected=running, found=spelling)
    return None


def _has_the(text: str, mention: Mention) -> bool:
    """Return whether "the" precedes the name, or the name qualifies another ("Sudan Liberation Army")."""
    return re.search(r"\bthe\s+$", text[:mention.start], re.IGNORECASE) is not None or re.match(
        r"\s*[A-Z]|-\w", text[mention.end:]) is not None


def _order(text: str, found: list[Mention], register: CountryRegister, on: date) -> Iterator[Hit]:
    chain: list[Mention] = []
    for mention in [*found, None]:
        if mention is not None and chain and _SEPARATOR.fullmatch(text[chain[-1].end:mention.start]):
            chain.append(mention)
            continue
        if len(chain) >= 3 and _alone(text, chain):
            yield from _unsorted(text, chain, register, on)
        chain = [mention] if mention is not None else []


def _alone(text: str, chain: list[Mention]) -> bool:
    """Return whether the list holds only countries (no other names before or after it)."""
    before, after = text[:chain[0].start], text[chain[-1].end:]
    return not re.search(r"[A-Z][\w)]*,\s+(?:the\s+)?$", before) and not re.match(r"(?:,| and) (?:the )?[A-Z]", after)


def _unsorted(text: str, chain: list[Mention], register: CountryRegister, on: date) -> Iterator[Hit]:
    try:
        keys = [register.sort_key(m.iso3, on) for m in chain]
        names = [register.running_text(m.iso3, on) for m in sorted(chain, key=lambda m: register.sort_key(m.iso3, on))]
    except CountryNameUncertainError:
        return
    if keys != sorted(keys):
        start = chain[0].start - (4 if text[:chain[0].start].endswith("the ") else 0)
        expected = ", ".join(names[:-1]) + " and " + names[-1]
        if re.search(r"(?:^|[.!?]\s+)$", text[:start]):
            expected = expected[:1].upper() + expected[1:]
        yield Hit("country-order", "warning", start, chain[-1].end,
                  f"expected the countries in English alphabetical order, {expected!r}, "
                  f"found {text[start:chain[-1].end]!r}", expected=expected, found=text[start:chain[-1].end])


def _possessives(text: str) -> Iterator[Hit]:
    if "'s" not in text and "’s" not in text:
        return  # the pattern cannot match: most paragraphs are spared its search
    register = country_register()
    for match in _POSSESSIVE.finditer(text):
        words = match.group(1).split()
        name = next((" ".join(words[i:]) for i in range(len(words)) if register.lookup(" ".join(words[i:]))), None)
        if name is None and (words[-1].isupper() and len(words[-1]) > 1 and words[-1].isalpha()
                             or len(words) > 1 and words[-1] in _ORGANIZATION):
            name = "the " + " ".join(words[-2:]) if words[-1] in _ORGANIZATION else words[-1]
        if name is None:
            continue
        start = match.end(1) - len(name.removeprefix("the "))
        yield Hit("possessive-name", "warning", start, match.end(),
                  f"expected no possessive on the name of a State or organization (\"the … of {name}\"), "
                  f"found {text[start:match.end()]!r}", expected=f"the … of {name}", found=text[start:match.end()])
