"""Names and abbreviations: one body named one way, abbreviations spelled out first, symbols well formed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from secretariat.lint.passage import Document, Hit, Passage
from secretariat.lint.symbols import cited, symbol_problem
from secretariat.lint.words import WordPattern

CODES = {
    "name-inconsistent": "the same body, programme or publication named in two different ways in one document",
    "abbreviation-undefined": "an abbreviation used before it is spelled out, e.g. 'United Nations Office on "
                              "Drugs and Crime (UNODC)'",
    "serial-comma": "a comma before 'and' closing a simple list (the UN writes 'A, B and C')",
    "symbol-malformed": "a document symbol does not have the form of a United Nations symbol",
}
# Lower-case words inside a name; "the" only after one of them ("Ministry of the Interior", not "Later the Office").
_CONNECTOR = r"(?:(?:of|for|on|in|against|and|to|de|du|des)(?:\s+the)?)"
_NAME = WordPattern(rf"[A-Z][\w-]*(?:\s+(?:{_CONNECTOR}\s+)?[A-Z][\w-]*)+", before=r"\w")
_ABBREVIATION = WordPattern(r"([A-Z][A-Z&]*[A-Z](?:-\d+)?s?)(?![\w/-])", before=r"[\w/.-]")
_ROMAN = re.compile(r"[IVXLC]+")
# Abbreviations a reader knows without their full form (the UN Editorial Manual uses them bare).
_KNOWN = frozenset({"UN", "HIV", "AIDS", "DNA", "ISBN", "ISSN", "PDF", "OK", "URL", "CD-ROM", "TV", "UNTERM"})
_SERIAL = re.compile(r"\b(\w+), (\w+), and (\w+)\b|\b([A-Z][\w-]*), ([A-Z][\w-]*), and ([A-Z][\w-]*)\b")


def check(passage: Passage, doc: Document) -> Iterator[Hit]:
    """Check the names, abbreviations and symbols of one passage."""
    text = passage.text
    if passage.kind != "heading":  # headings shorten names
        yield from _names(text, doc)
    yield from _abbreviations(text, doc)
    for match in _SERIAL.finditer(text) if ", and " in text else ():
        words = [w for w in match.groups() if w]
        if (all(w.isalpha() and w.islower() for w in words) or all(w[:1].isupper() for w in words)) and not re.search(
                r"\b(?:however|therefore|moreover|thus|respectively|too)\b", match.group()):
            comma = text.index(", and", match.start())
            yield Hit("serial-comma", "warning", comma, comma + 5,
                      f"expected no comma before 'and' in a simple list ('{words[-2]} and {words[-1]}'), "
                      f"found '{words[-2]}, and {words[-1]}'", expected=" and", found=", and")


def symbols(passage: Passage, doc: Document) -> Iterator[Hit]:
    """Check the document symbols cited in one passage."""
    for match in cited(passage.text):
        symbol = match.group(1).rstrip(".")
        if not any(c.isdigit() for c in symbol) or not symbol.split("/")[0].isupper():
            continue  # "Director-General/Executive Director": words joined by a slash, not a symbol
        problem = symbol_problem(symbol, doc.on.year + 1)
        if problem is not None:
            yield Hit("symbol-malformed", "error", match.start(1), match.start(1) + len(symbol),
                      f"expected {problem[0]}, found {problem[1]}", expected=problem[0], found=problem[1])


def _key(name: str) -> str:
    """Return what two spellings of one name share: no articles, hyphens or case."""
    words = re.sub(r"[-\s]+", " ", name.replace("Co-operation", "Cooperation")).lower().split()
    return " ".join(w for w in words if w != "the")


def _names(text: str, doc: Document) -> Iterator[Hit]:
    memory = doc.memory("name-inconsistent")
    for match in _NAME.finditer(text):
        name = re.sub(rf"(?:\s+{_CONNECTOR})+$", "", match.group())
        name = re.sub(r"^(?:(?:The|In|At|On|For|By|Since|As|Of|To|From|With|Through|During|Under)\s+)?(?:the\s+)?",
                      "", name)
        if len(name.split()) < 3 or name.upper() == name:
            continue
        key = _key(name)
        first = memory.setdefault(key, name)
        if first != name:
            yield Hit("name-inconsistent", "warning", match.start(), match.start() + len(match.group()),
                      f"expected the name as written earlier in the document, {first!r}, found {name!r}",
                      expected=first, found=name)


def _abbreviations(text: str, doc: Document) -> Iterator[Hit]:
    defined = doc.memory("abbreviation-undefined")
    for match in re.finditer(r"\(([A-Z][A-Za-z&]*[A-Z](?:-\d+)?)\)", text):
        defined.setdefault(match.group(1), "defined")
    symbols = [m.span(1) for m in cited(text)]
    for match in _ABBREVIATION.finditer(text):
        token = match.group(1)
        base = token[:-1] if token.endswith("s") and token[:-1] in defined else token
        if base in defined or len(base.rstrip("s")) < 2 or _ROMAN.fullmatch(base) or base in _KNOWN:
            continue
        if any(start <= match.start() < end for start, end in symbols) or _shouting(text, match):
            continue
        if re.match(r"\s+[A-Z][a-z]", text[match.end():]):
            defined[base] = "name"  # part of a proper name: COPA Airlines, MENA Region
            continue
        defined[base] = "reported"
        yield Hit("abbreviation-undefined", "warning", match.start(), match.end(),
                  f"expected {base} to be spelled out at its first use, 'full name ({base})', found it bare",
                  found=base)


def _shouting(text: str, match: re.Match[str]) -> bool:
    """Return whether the abbreviation stands among words in capitals (a heading or masthead line)."""
    around = text[max(0, match.start() - 30):match.end() + 30]
    words: list[str] = re.findall(r"[A-Za-z]{2,}", around)
    return sum(w.isupper() for w in words) > len(words) / 2
