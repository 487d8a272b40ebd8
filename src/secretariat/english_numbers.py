"""Spell whole numbers in British English, word for word as num2words 0.5.14 does with ``lang="en"``.

num2words loads all of its 57 languages on import (about a tenth of the start-up of a draft); this is its
English algorithm alone. tests/test_english_numbers.py compares both over a wide range.
"""

from __future__ import annotations

from typing import Union

_LOWS = ["non", "oct", "sept", "sext", "quint", "quadr", "tr", "b", "m"]
_UNITS = ["", "un", "duo", "tre", "quattuor", "quin", "sex", "sept", "octo", "novem"]
_TENS = ["dec", "vigint", "trigint", "quadragint", "quinquagint", "sexagint", "septuagint", "octogint", "nonagint"]
_MID = [(1000, "thousand"), (100, "hundred"), (90, "ninety"), (80, "eighty"), (70, "seventy"), (60, "sixty"),
        (50, "fifty"), (40, "forty"), (30, "thirty")]
_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
_ORDINALS = {"one": "first", "two": "second", "three": "third", "four": "fourth", "five": "fifth", "six": "sixth",
             "seven": "seventh", "eight": "eighth", "nine": "ninth", "ten": "tenth", "eleven": "eleventh",
             "twelve": "twelfth"}


def _cards() -> list[tuple[int, str]]:
    high = ["cent", *reversed([u + t for t in _TENS for u in _UNITS]), *_LOWS]
    scales = [(10 ** n, word + "illion") for word, n in zip(high, range(3 + 3 * len(high), 3, -3), strict=False)]
    return [*scales, *_MID, *((n, word) for n, word in reversed(list(enumerate(_SMALL))))]


_CARDS = _cards()
_WORD = dict(_CARDS)
LIMIT = 1000 * _CARDS[0][0]

Pair = tuple[str, int]
Tree = list[Union[Pair, "Tree"]]


def _split(value: int) -> Tree:
    for card, _ in _CARDS:
        if card > value:
            continue
        div, mod = divmod(value, card) if value else (1, 0)
        out: Tree = [(_WORD[1], 1) if div == 1 else _split(div), (_WORD[card], card)]
        if mod:
            out.append(_split(mod))
        return out
    raise ValueError(value)  # unreachable: the cards end with zero


def _merge(left: Pair, right: Pair) -> Pair:
    (ltext, lnum), (rtext, rnum) = left, right
    if lnum == 1 and rnum < 100:
        return rtext, rnum
    if 100 > lnum > rnum:
        return f"{ltext}-{rtext}", lnum + rnum
    if lnum >= 100 > rnum:
        return f"{ltext} and {rtext}", lnum + rnum
    if rnum > lnum:
        return f"{ltext} {rtext}", lnum * rnum
    return f"{ltext}, {rtext}", lnum + rnum


def _clean(tree: Tree) -> Pair:
    out: Tree = tree
    while len(tree) != 1:
        out = []
        left, right = tree[:2]
        if isinstance(left, tuple) and isinstance(right, tuple):
            out.append(_merge(left, right))
            if tree[2:]:
                out.append(tree[2:])
        else:
            for item in tree:
                if isinstance(item, list):
                    out.append(item[0] if len(item) == 1 else _clean(item))
                else:
                    out.append(item)
        tree = out
    first = out[0]
    if not isinstance(first, tuple):
        raise ValueError(tree)  # unreachable: merging ends in one pair
    return first


def cardinal(value: int) -> str:
    """Spell a whole number of zero or more: 1311 -> "one thousand, three hundred and eleven"."""
    if value >= LIMIT:
        raise OverflowError(f"abs({value}) must be less than {LIMIT}.")
    return _clean(_split(value))[0]


def ordinal(value: int) -> str:
    """Spell an ordinal: 71 -> "seventy-first", 1100 -> "one thousand, one hundredth"."""
    head, _, last = cardinal(value).rpartition(" ")
    stem, hyphen, word = last.rpartition("-")
    if word in _ORDINALS:
        word = _ORDINALS[word]
    else:
        word = (word[:-1] + "ie" if word.endswith("y") else word) + "th"
    return f"{head}{' ' if head else ''}{stem}{hyphen}{word}"
