"""Resolve paragraph styles and list numbering of any .docx: the kind and the printed label of a paragraph."""

# Word numbers a paragraph when its own properties or its style (through basedOn) carry w:numPr with a
# numId other than 0. Counters belong to the abstract list; a deeper level restarts after each item of a
# shallower one. A label is the printed number without its final full stop, qualified by the levels above
# it unless the level text already prints them: "17", "3 (f)", "II.A".

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from secretariat.word import names as n
from secretariat.word.ooxml import PPR, PSTYLE, VAL, w

_NUMPR, _ILVL, _NUMID = w("numPr"), w("ilvl"), w("numId")
_OUR_KINDS = {n.NUMBERED_PARAGRAPH: "paragraph", **{style: "subparagraph" for style in n.PARAGRAPH_LEVELS[1:]},
              **{style: "heading" for style in n.HEADINGS.values()}}
_MASTHEAD_STYLES = ("UNMasthead", n.TITLE, n.SUBTITLE)
_HEADING_NAME = re.compile(r"heading [1-9]")
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: bool


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str
    style: str | None


def _roman(value: int) -> str:
    out = ""
    for number, letters in _ROMAN:
        while value >= number:
            out, value = out + letters, value - number
    return out


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(value).upper() if fmt == "upperRoman" else _roman(value)
    if fmt in ("bullet", "none"):
        return ""
    return str(value)


def _int(element: etree._Element | None, default: int = 0) -> int:
    try:
        return int(element.get(VAL, default)) if element is not None else default
    except ValueError:
        return default


class Numbering:
    """Number the paragraphs of one document in order, as Word would print them."""

    def __init__(self, styles: etree._Element, numbering: etree._Element) -> None:
        self._styles: dict[str, _Style] = {}
        for style in styles.iter(w("style")):
            numpr = style.find(f"{PPR}/{_NUMPR}")
            ilvl = numpr.find(_ILVL) if numpr is not None else None
            self._styles[style.get(w("styleId"), "")] = _Style(
                name=(_child(style, "name") or "").lower(), based_on=_child(style, "basedOn"),
                num_id=_child(numpr, "numId"), ilvl=_int(ilvl) if ilvl is not None else None,
                outline=style.find(f"{PPR}/{w('outlineLvl')}") is not None)
        abstracts: dict[str, dict[int, _Level]] = {}
        for abstract in numbering.iter(w("abstractNum")):
            abstracts[abstract.get(w("abstractNumId"), "")] = {
                _int_attr(lvl, "ilvl"): _Level(_int(lvl.find(w("start")), 1), _child(lvl, "numFmt") or "decimal",
                                               _child(lvl, "lvlText") or "", _child(lvl, "pStyle"))
                for lvl in abstract.iter(w("lvl"))}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        for num in numbering.iter(w("num")):
            overrides = {_int_attr(o, "ilvl"): _int(o.find(w("startOverride")), 1)
                         for o in num.iter(w("lvlOverride")) if o.find(w("startOverride")) is not None}
            self._nums[num.get(w("numId"), "")] = (_val(num.find(w("abstractNumId")), ""), overrides)
        self._abstracts = abstracts
        self._counters: dict[str, list[int]] = {}
        self._labels: dict[str, list[str]] = {}
        self._overridden: set[str] = set()
        self._chains: dict[str | None, list[tuple[str, _Style]]] = {}

    def _style_chain(self, style_id: str | None) -> list[tuple[str, _Style]]:
        known = self._chains.get(style_id)
        if known is not None:  # looked up twice per paragraph, and most paragraphs share a few styles
            return known
        chain: list[tuple[str, _Style]] = []
        start = style_id
        while style_id and style_id in self._styles and len(chain) < 20:
            chain.append((style_id, self._styles[style_id]))
            style_id = self._styles[style_id].based_on
        self._chains[start] = chain
        return chain

    def kind(self, style_id: str | None, level: int | None) -> str:
        """Return heading, paragraph, subparagraph, masthead or other for a paragraph's style and list level."""
        chain = self._style_chain(style_id)
        for sid, style in chain:
            if sid in _OUR_KINDS:
                return _OUR_KINDS[sid]
            if sid.startswith(_MASTHEAD_STYLES):
                return "masthead"
            if _HEADING_NAME.fullmatch(style.name) or style.outline:
                return "heading"
        if level is not None:
            return "paragraph" if level == 0 else "subparagraph"
        return "other"

    def label(self, p: etree._Element) -> tuple[str | None, int | None]:
        """Count p if it is in a live list; return (label, list level), or (None, None) if not numbered."""
        ppr = p.find(PPR)
        style_id = _val(ppr.find(PSTYLE), "") or None if ppr is not None else None
        numpr = ppr.find(_NUMPR) if ppr is not None else None
        num_id = _child(numpr, "numId")
        ilvl = _int(numpr.find(_ILVL)) if numpr is not None and numpr.find(_ILVL) is not None else None
        if num_id is None:
            for _sid, style in self._style_chain(style_id):
                if style.num_id is not None:
                    num_id, ilvl = style.num_id, style.ilvl if ilvl is None else ilvl
                    break
        if not num_id or num_id == "0" or num_id not in self._nums:
            return None, None
        abstract_id, overrides = self._nums[num_id]
        levels = self._abstracts.get(abstract_id, {})
        if ilvl is None:
            ilvl = next((i for i, lvl in levels.items() if lvl.style and lvl.style == style_id), 0)
        return self._count(abstract_id, num_id, overrides, levels, ilvl), ilvl

    def _count(self, abstract_id: str, num_id: str, overrides: dict[int, int], levels: dict[int, _Level],
               ilvl: int) -> str:
        counters = self._counters.setdefault(abstract_id, [0] * 9)
        labels = self._labels.setdefault(abstract_id, [""] * 9)
        ilvl = max(0, min(ilvl, 8))
        if num_id not in self._overridden and overrides:
            self._overridden.add(num_id)
            for level, start in overrides.items():
                if 0 <= level < 9:
                    counters[level] = start - 1
        this = levels.get(ilvl, _Level(1, "decimal", f"%{ilvl + 1}.", None))
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else this.start
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0

        def value(match: re.Match[str]) -> str:
            shown = int(match.group(1)) - 1
            of = levels.get(shown, this)
            return _format(counters[shown] or of.start, of.fmt)

        printed = _PLACEHOLDER.sub(value, this.text).strip().rstrip(".")
        qualified = any(int(m) - 1 < ilvl for m in _PLACEHOLDER.findall(this.text))
        parent = labels[ilvl - 1] if ilvl > 0 else ""
        if parent and printed and not qualified:
            printed = f"{parent} {printed}" if printed.startswith("(") else f"{parent}.{printed}"
        labels[ilvl] = printed
        return printed


def _child(element: etree._Element | None, tag: str) -> str | None:
    """Return the w:val of element's child tag, None if either is absent."""
    child = element.find(w(tag)) if element is not None else None
    return child.get(VAL) if child is not None else None


def _val(element: etree._Element | None, default: str) -> str:
    return element.get(VAL, default) if element is not None else default


def _int_attr(element: etree._Element, name: str) -> int:
    try:
        return int(element.get(w(name), "0"))
    except ValueError:
        return 0
