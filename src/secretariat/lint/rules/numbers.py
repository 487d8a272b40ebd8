"""Numbers and dates as the UN Editorial Manual writes them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from secretariat.english_numbers import cardinal, ordinal
from secretariat.lint.passage import Document, Hit, Passage, sentence_starts

CODES = {
    "number-in-words": "a whole number below 10 in figures where running text spells it out",
    "sentence-starts-with-figure": "a sentence starts with a figure",
    "thousands-separator": "a number of four digits or more without the comma between thousands",
    "per-cent": "the per cent sign or 'percent' in running text instead of 'per cent'",
    "range-dash": "a range of figures joined by a hyphen instead of an en dash",
    "range-from-dash": "'from' or 'between' followed by a dashed range instead of 'from … to …' or 'between … and …'",
    "ordinal-figure": "a session or meeting numbered with a figure instead of an ordinal in words",
    "date-ordinal": "a date written with an ordinal suffix (1st, 16th)",
    "date-form": "a date not in the UN form day month year (16 December 2015)",
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_MONTH = "|".join(MONTHS)
# Words after which a small figure is a reference, not a count: "article 2", "resolution 70/1", "item 4".
_REFERENCE = frozenset("""article articles paragraph paragraphs resolution resolutions decision decisions item items
chapter chapters section sections annex annexes table tables figure figures page pages rule rules principle
principles recommendation recommendations target targets goal goals phase level levels step steps grade category
categories volume vol no nos number part parts appendix box option options protocol session meeting tier
version edition round stage cycle group class type model pillar component output outcome indicator sub-item
subparagraph subparagraphs clause clauses line lines column columns row rows chart map footnote note notes
schedule list roundtable panel module unit room track segment workshop day week""".split())
_UNITS = re.compile(r"\s*(?:per cent|percent|%|million|billion|trillion|[kmc]?m\b|kg\b|km\b|p\.m\.|a\.m\.|"
                    rf"hours?\b|(?:{_MONTH})\b|(?:to|and|–|-)\s*\d{{1,2}}\s+(?:{_MONTH})\b|:|\.\d|/\d|-\d|–\d|,\d)")
_FIGURE = re.compile(r"(?<![\w.,/\\$€£*#§-])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w/])")
_NOT_A_COUNT = re.compile(rf"\b(?:1[89]|20)\d\d\b|\b\d{{1,2}}\s+(?:{_MONTH})\b")
# What each family of patterns cannot match without: a cheap search spares most paragraphs the full one.
_DIGIT = re.compile(r"\d")
_DASHED = re.compile(r"\d[-–]\d")
_SUFFIXED = re.compile(r"\d(?:st|nd|rd|th)")
_NUMERIC_HINT = re.compile(r"\d[./-]\d")
_PERCENT = re.compile(r"(?<=\d)\s?%|\bpercent\b", re.IGNORECASE)
_RANGE = re.compile(r"(?<![\w./-])(\d{1,4})-(\d{1,4})(?![\w/-])")
_FROM_RANGE = re.compile(r"\b(from|between) (\d{1,4})[-–](\d{1,4})\b", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(\d+)(st|nd|rd|th) (session|meeting|summit|anniversary|plenary)\b")
_DATE_ORDINAL = re.compile(rf"\b(\d{{1,2}})(st|nd|rd|th)(?: (?:of )?({_MONTH}))|"
                           rf"\b({_MONTH}) (\d{{1,2}})(st|nd|rd|th)\b")
_ANY_MONTH = re.compile(_MONTH)
_US_DATE = re.compile(rf"\b({_MONTH}) (\d{{1,2}}),? (\d{{4}})\b")
_COMMA_DATE = re.compile(rf"\b(\d{{1,2}}) ({_MONTH}), (\d{{4}})\b")
_ZERO_DATE = re.compile(rf"\b0(\d) ({_MONTH})\b")
_NUMERIC_DATE = re.compile(r"(?<![\w./-])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\w/-]|\.\d)|"
                           r"(?<![\w./-])(\d{4})-(\d{2})-(\d{2})(?![\w-])")


def check(passage: Passage, doc: Document) -> Iterator[Hit]:
    """Check the numbers and dates of one passage."""
    text = passage.text
    if _DIGIT.search(text) is None:  # without a figure only "percent" can be found: spare the other searches
        yield from _percents(text)
        return
    yield from _figures(text)
    starts = set(sentence_starts(text))
    for start in sorted(starts):
        match = _FIGURE.match(text, start)
        if match and not re.match(r"\d+\.\s", text[start:]) and not _UNITS.match(text, match.end()):
            yield Hit("sentence-starts-with-figure", "warning", match.start(), match.end(),
                      f"expected a sentence to start with a word (spell the number out or rephrase), found "
                      f"{match.group()!r}", found=match.group())
    yield from _percents(text)
    dashed = _DASHED.search(text) is not None  # both range patterns need a figure, a dash and a figure
    for match in _FROM_RANGE.finditer(text) if dashed else ():
        word, low, high = match.groups()
        link = "to" if word.lower() == "from" else "and"
        yield Hit("range-from-dash", "warning", match.start(), match.end(),
                  f"expected '{word} {low} {link} {high}', found {match.group()!r}",
                  expected=f"{word} {low} {link} {high}", found=match.group())
    for match in _RANGE.finditer(text) if dashed else ():
        low, high = match.groups()
        if _FROM_RANGE.match(text, max(0, match.start() - 8)) or int(low) >= int(high) and len(low) == len(high):
            continue
        yield Hit("range-dash", "warning", match.start(), match.end(),
                  f"expected an en dash in the range {low}–{high}, found a hyphen", expected=f"{low}–{high}",
                  found=match.group())
    yield from _ordinals(text)
    yield from _dates(text)


def _percents(text: str) -> Iterator[Hit]:
    if "%" not in text and "percent" not in text.casefold():
        return
    for match in _PERCENT.finditer(text):
        yield Hit("per-cent", "warning", match.start(), match.end(),
                  f"expected 'per cent' in running text, found {match.group().strip()!r}",
                  expected=" per cent", found=match.group())


def _figures(text: str) -> Iterator[Hit]:
    for match in _FIGURE.finditer(text):
        digits = match.group(1)
        value = int(digits.replace(",", ""))
        if "." in match.group() or _UNITS.match(text, match.end()):
            continue
        if digits.isdigit() and len(digits) >= 4 and _needs_commas(text, match, value):
            yield Hit("thousands-separator", "warning", match.start(), match.end(),
                      f"expected {value:,} with a comma between thousands, found {digits}",
                      expected=f"{value:,}", found=digits)
        elif 1 <= value <= 9 and digits.isdigit() and _is_count(text, match):
            yield Hit("number-in-words", "warning", match.start(), match.end(),
                      f"expected a number below 10 in words ('{cardinal(value)}'), found {digits}",
                      expected=cardinal(value), found=digits)


def _previous_word(text: str, start: int) -> str:
    """Return the word before a figure, skipping a list of figures ("articles 6, 7 and 8")."""
    before = re.sub(r"(?:[\d,]+|\band|\bor|\bto)\s*$", "", text[:start].rstrip())
    while before != (before := re.sub(r"(?:\d+[a-z]?,?|\band|\bor|\bto)\s*$", "", before.rstrip())):
        pass
    words = re.findall(r"[\w.-]+", before[-40:])
    return words[-1] if words else ""


def _is_count(text: str, match: re.Match[str]) -> bool:
    """Return whether a small figure counts something in running text (not a reference, label or code)."""
    before, after = text[:match.start()], text[match.end():]
    if re.search(r"[(\[]$", before) and re.match(r"[)\]]", after):
        return False  # a label: (1)
    if re.match(r"\s*(?:[.)]\s|\.$|\s*\(\w\))", after) or not before.strip():
        return False  # a paragraph or list number
    word = _previous_word(text, match.start())
    if not word or word.lower().rstrip(".") in _REFERENCE or word[:1].isupper() and word.lower() not in {
            "the", "some", "over", "about", "only", "all", "its"}:
        return False
    if any(c.isdigit() for c in word):
        return False  # part of a code or a series of figures ("V.16-03496 3")
    starts = sentence_starts(text)
    begin = max((s for s in starts if s <= match.start()), default=0)
    end = min((s for s in starts if s > match.start()), default=len(text))
    sentence = text[begin:match.start()] + " " + text[match.end():end]
    sentence = _NOT_A_COUNT.sub(" ", sentence)  # years and dates make no series with a count
    return not re.search(r"(?<![\w.,])(?:1\d|[2-9]\d|\d{3,})(?![\w])", sentence)  # a series with figures from 10


def _needs_commas(text: str, match: re.Match[str], value: int) -> bool:
    """Return whether a bare four-or-more-digit figure is a quantity (not a year, code or reference)."""
    if len(match.group(1)) == 4 and 1800 <= value <= 2100:
        return False  # a year, or too like one to tell
    word = _previous_word(text, match.start())
    if word.lower().rstrip(".") in _REFERENCE or word.isupper() or any(c.isdigit() for c in word):
        return False
    return not re.search(r"\(\w\)\s*$", text[:match.start()])  # a job number: (E) 280616


def _ordinals(text: str) -> Iterator[Hit]:
    for match in _ORDINAL.finditer(text) if _SUFFIXED.search(text) else ():
        number, _suffix, noun = match.groups()
        words = ordinal(int(number))
        yield Hit("ordinal-figure", "warning", match.start(), match.end(),
                  f"expected the ordinal in words ('{words} {noun}'), found {match.group()!r}",
                  expected=f"{words} {noun}", found=match.group())


def _dates(text: str) -> Iterator[Hit]:
    if not _ANY_MONTH.search(text):
        yield from _numeric_dates(text)
        return
    for match in _DATE_ORDINAL.finditer(text) if _SUFFIXED.search(text) else ():
        day = match.group(1) or match.group(5)
        month = match.group(3) or match.group(4)
        yield Hit("date-ordinal", "warning", match.start(), match.end(),
                  f"expected a date without an ordinal ('{int(day)} {month}'), found {match.group()!r}",
                  expected=f"{int(day)} {month}", found=match.group())
    for match in _US_DATE.finditer(text):
        month, day, year = match.groups()
        yield _date_form(match, f"{int(day)} {month} {year}")
    for match in _COMMA_DATE.finditer(text):
        day, month, year = match.groups()
        yield _date_form(match, f"{int(day)} {month} {year}")
    for match in _ZERO_DATE.finditer(text):
        yield _date_form(match, f"{match.group(1)} {match.group(2)}")
    yield from _numeric_dates(text)


def _numeric_dates(text: str) -> Iterator[Hit]:
    for match in _NUMERIC_DATE.finditer(text) if _NUMERIC_HINT.search(text) else ():
        if match.group(4):
            year, month_number, day = int(match.group(4)), int(match.group(5)), int(match.group(6))
        else:  # day first, as the UN and most of the world write it
            day, month_number, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if 1 <= month_number <= 12 and 1 <= day <= 31:
            yield _date_form(match, f"{day} {MONTHS[month_number - 1]} {year}")


def _date_form(match: re.Match[str], expected: str) -> Hit:
    return Hit("date-form", "warning", match.start(), match.end(),
               f"expected the date in the UN form '{expected}', found {match.group()!r}",
               expected=expected, found=match.group())
