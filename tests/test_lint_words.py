"""The fast whole-word search finds exactly what the plain lookbehind pattern finds, in the same order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from secretariat.errors import RecordError
from secretariat.lint.rulefile import load_rules
from secretariat.lint.words import WordPattern, alternation
from secretariat.resources import data_path

TEXTS = [path.read_text(encoding="utf-8") for path in sorted((Path(__file__).parent / "data" / "lint").glob("*.txt"))]
CASES = [
    (r"(?:South Sudan|Sudan|Niger|Nigeria|Guinea|Guinea-Bissau|Papua New Guinea)(?![\w-])", 0, r"[\w-]"),
    (r"(?:affect|effect)s?(?![\w-])", re.IGNORECASE, r"[\w-]"),
    (r"([A-Z][A-Z&]*[A-Z](?:-\d+)?s?)(?![\w/-])", 0, r"[\w/.-]"),
    (r"[A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*)+", 0, r"\w"),
    (r"x*", 0, r"[\w-]"),  # empty matches: left to the engine
    (r"(?:the)?", re.IGNORECASE, r"[\w-]"),
]
TRICKY = ["xSouth Sudan and Sudan", "Guinea-Bissau, Guinea and Papua New Guinea", "-Niger Nigeria", "", "x",
          "UNODC, UNODC-1s and A/RES/70/1 (UNHCR)", "The Office of Drugs and Crime", "axxb xx", "effect-Affects"]


@pytest.mark.parametrize(("body", "flags", "before"), CASES)
def test_the_same_matches_as_the_lookbehind_pattern(body: str, flags: int, before: str) -> None:
    fast = WordPattern(body, flags, before)
    plain = re.compile(f"(?<!{before})(?:{body})", flags)
    for text in [*TRICKY, *TEXTS]:
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
               [(m.span(), m.groups()) for m in plain.finditer(text)]


def test_the_letter_tree_prefers_the_longest_word_that_the_rest_of_the_pattern_accepts() -> None:
    words = ["Guinea", "Guinea-Bissau", "Equatorial Guinea", "Niger", "Nigeria", "Congo", "Congo (the)"]
    tree = re.compile(f"(?:{alternation(words)})(?![\\w])")
    plain = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")(?![\\w])")
    for text in ["Guinea-Bissau", "Guinea-B", "Nigeria", "Nigerian", "Niger", "Congo (the)", "Congo (th",
                 "Equatorial Guinea and Guinea", *TEXTS]:
        assert [m.group() for m in tree.finditer(text)] == [m.group() for m in plain.finditer(text)]
    assert [m.group() for m in tree.finditer("Guinea-Bissau and Nigeria")] == ["Guinea-Bissau", "Nigeria"]


def test_every_shipped_rule_compiles() -> None:
    # the shipped rules are compiled on first use in a run; this is where a malformed one is caught
    rules = load_rules(data_path("lint/rules.toml"))
    assert len(rules) > 10
    assert all(pattern.compiled()[0].pattern for rule in rules for pattern, _, _ in rule.patterns)


def test_a_malformed_pattern_in_a_rules_file_is_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "style-rules.toml"
    path.write_text('[[rule]]\ncode = "bad"\nkind = "existence"\ntokens = ["(unclosed"]\n', encoding="utf-8")
    with pytest.raises(RecordError, match="regular expressions in rule 'bad'"):
        load_rules(path)
