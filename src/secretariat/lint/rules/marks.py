"""Marks on the page: quotes and brackets balanced, one quote style, footnote markers, spaces, emphasis."""

from __future__ import annotations

import re
from collections.abc import Iterator

from secretariat.lint.passage import Document, Hit, Passage

CODES = {
    "unbalanced-quotes": "a quotation mark opened in a paragraph is not closed in it (or closed without opening)",
    "unbalanced-brackets": "a parenthesis or bracket opened in a paragraph is not closed in it (or the reverse)",
    "quote-style-mixed": "straight and curly quotation marks are both used in one document",
    "footnote-marker-spaced": "a space stands before a footnote marker",
    "footnote-marker-before-punctuation": "a footnote marker stands before the punctuation it should follow",
    "double-space": "two spaces between words",
    "emphasis": "bold or italics used for emphasis in running text (italics are for titles and foreign terms)",
}
_PAIRS = {")": "(", "]": "[", "”": "“"}
_OPENERS = {"(", "[", "“"}
_BRACKET = re.compile(r"[()\[\]“”]")
_CURLY = re.compile("[“”]")
_SUPERSCRIPT = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_SPACED_MARK = re.compile(rf"(?<=[\w.,;:)\"”’]) +(?:[{_SUPERSCRIPT}]+|\[\^[^\]\s]+\])")
_MARK = re.compile(rf"[{_SUPERSCRIPT}]|\[\^")
_MARK_FIRST = re.compile(rf"(?<=\w)([{_SUPERSCRIPT}]+|\[\^[^\]\s]+\])([.,;:])(?!\d)")
# Foreign terms are set in italics without being emphasis (UN Editorial Manual, italics).
_FOREIGN = frozenset({"inter alia", "ad hoc", "de facto", "de jure", "mutatis mutandis", "bona fide", "ex officio",
                      "per se", "sui generis", "vice versa", "a priori", "status quo", "in situ", "prima facie",
                      "ibid.", "op. cit.", "et al.", "ex post facto", "pro bono", "in absentia", "amicus curiae"})
_DOUBLE = re.compile(r"(?<=\S)  (?=\S)")
_BOLD = re.compile(r"\*\*([^*\n]+?)\*\*|__([^_\n]+?)__")
_ITALIC = re.compile(r"(?<![*\w\\])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![*\w])|(?<![_\w])_(?!\s)([^_\n]+?)(?<!\s)_(?![_\w])")


def check(passage: Passage, doc: Document) -> Iterator[Hit]:
    """Check the marks of one passage."""
    text = passage.text
    yield from _brackets(text)
    yield from _quotes(text, doc)
    source = passage.markup if passage.markup is not None else text  # offsets below are in the source
    marked = _MARK.search(source) is not None  # no footnote marker: neither pattern below can match
    for match in _SPACED_MARK.finditer(source) if marked else ():
        mark = match.group().strip()
        yield Hit(
            "footnote-marker-spaced", "warning", match.start(), match.end(),
            f"expected the footnote marker {mark} directly after the text, found a space before it",
            expected=mark, found=match.group())
    for match in _MARK_FIRST.finditer(source) if marked else ():
        mark, stop = match.groups()
        yield Hit(
            "footnote-marker-before-punctuation", "warning", match.start(), match.end(),
            f"expected the footnote marker after the punctuation ({stop}{mark}), found it before ({mark}{stop})",
            expected=stop + mark, found=mark + stop)
    for match in _DOUBLE.finditer(text) if "  " in text else ():
        yield Hit("double-space", "warning", match.start(), match.end(),
                  "expected one space between words, found two", expected=" ", found="  ")
    if passage.kind != "heading" and ("*" in source or "_" in source):
        yield from _emphasis(source)


def _brackets(text: str) -> Iterator[Hit]:
    stack: list[tuple[str, int]] = []
    for found in _BRACKET.finditer(text):
        index, char = found.start(), found.group()
        if char in _OPENERS:
            stack.append((char, index))
        elif char in _PAIRS:
            if stack and stack[-1][0] == _PAIRS[char]:
                stack.pop()
            elif char == "”" and not any(opener == "“" for opener, _ in stack):
                yield _unbalanced(char, index)
            elif char != "”":
                if _is_list_label(text, index):
                    continue
                yield _unbalanced(char, index)
    for char, index in stack:
        yield _unbalanced(char, index)


def _is_list_label(text: str, index: int) -> bool:
    """Return whether a closing parenthesis ends a list label such as "a)" or "ii)" at the start of an item."""
    before = text[:index]
    return re.search(r"(?:^|[\s;:(])(?:[a-z]|[ivx]{1,4}|\d{1,2})$", before) is not None


def _unbalanced(char: str, index: int) -> Hit:
    code = "unbalanced-quotes" if char in "“”" else "unbalanced-brackets"
    closing = char in _PAIRS
    partner = _PAIRS.get(char) or {v: k for k, v in _PAIRS.items()}[char]
    what = f"an opening {partner} before this {char}" if closing else f"a closing {partner} after this {char}"
    return Hit(code, "warning", index, index + 1,
               f"expected {what} in the same paragraph, found none", found=char)


def _quotes(text: str, doc: Document) -> Iterator[Hit]:
    straight = [m.start() for m in re.finditer('"', text)]
    if len(straight) % 2:
        yield Hit("unbalanced-quotes", "warning", straight[-1], straight[-1] + 1,
                  f'expected straight quotation marks in pairs in the paragraph, found {len(straight)} (")',
                  found='"')
    first_curly = _CURLY.search(text)
    curly = first_curly.start() if first_curly else None
    styles = {"straight": straight[0] if straight else None, "curly": curly}
    memory = doc.memory("quote-style")
    for style, index in styles.items():
        if index is None:
            continue
        first = memory.setdefault("style", style)
        if first != style and not memory.get(f"told-{style}"):
            memory[f"told-{style}"] = "yes"
            yield Hit("quote-style-mixed", "warning", index, index + 1,
                      f"expected {first} quotation marks as earlier in the document, found {style} ones",
                      expected="“”" if first == "curly" else '"', found=text[index])


def _emphasis(source: str) -> Iterator[Hit]:
    for match in _BOLD.finditer(source):
        words = match.group(1) or match.group(2)
        yield Hit(
            "emphasis", "warning", match.start(), match.end(),
            f"expected running text without bold, found **{words}** (bold is for headings only)",
            expected=words, found=match.group())
    for match in _ITALIC.finditer(source):
        words = match.group(1) or match.group(2)
        if words[:1].isupper() or not words[:1].isalpha() or words.lower() in _FOREIGN:
            continue  # a title of a publication or a name: italics are due
        yield Hit(
            "emphasis", "warning", match.start(), match.end(),
            f"expected no italics for emphasis, found *{words}* (italics are for titles and foreign terms)",
            expected=words, found=match.group())
