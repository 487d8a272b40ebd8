"""The own English speller gives num2words' words, byte for byte, for every number it can be asked for."""

from __future__ import annotations

import random

import pytest
from num2words import num2words

from secretariat import english_numbers
from secretariat.render.filter_numbers import ordinal, words


def _sample() -> list[int]:
    rng = random.Random(2016)
    every_small = list(range(0, 12_000))
    scales = [*range(3, 60), *range(60, 307, 7)]  # every scale word up to decillions, then every seventh
    # round numbers and their neighbours, where "and" and commas change
    edges = [m * 10**k + d for k in scales for m in (1, 101) for d in (-1, 1)]
    spread = [rng.randrange(10 ** (k - 1), 10**k) for k in scales]
    sparse = [sum(rng.choice((0, 1, 7)) * 10 ** (3 * k) for k in range(rng.randrange(2, 102))) for _ in range(60)]
    values = every_small + edges + spread + sparse + [english_numbers.LIMIT - 1]
    return sorted({v for v in values if 0 <= v < english_numbers.LIMIT})


SAMPLE = _sample()


def test_cardinals_match_num2words() -> None:
    differ = [v for v in SAMPLE if english_numbers.cardinal(v) != num2words(v, lang="en")]
    assert differ == [], f"{len(differ)} of {len(SAMPLE)} differ, first {differ[:5]}"


def test_ordinals_match_num2words() -> None:
    differ = [v for v in SAMPLE if v and english_numbers.ordinal(v) != num2words(v, lang="en", to="ordinal")]
    assert differ == [], f"{len(differ)} of {len(SAMPLE)} differ, first {differ[:5]}"


def test_filters_keep_their_words() -> None:
    assert words(1311) == "one thousand three hundred and eleven"
    assert words(0) == "zero"
    assert ordinal(71) == "seventy-first"
    assert ordinal(8) == "eighth"
    assert ordinal(1100) == "one thousand one hundredth"


def test_too_large_fails_as_num2words_does() -> None:
    with pytest.raises(OverflowError) as ours:
        english_numbers.cardinal(english_numbers.LIMIT)
    with pytest.raises(OverflowError) as theirs:
        num2words(english_numbers.LIMIT, lang="en")
    assert str(ours.value) == str(theirs.value)
