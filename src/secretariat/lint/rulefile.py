"""Rules written without Python: a TOML file of existence, substitution, consistency and sequence rules.

The kinds are those of prose linters such as Vale. A report folder's ``style-rules.toml`` adds to the rules
shipped in ``data/lint/rules.toml`` (commonly confused words, spelling, UN terms)::

    [[rule]]
    code = "say-member-states"       # kebab-case, reported as the finding's code
    kind = "substitution"            # existence | substitution | consistency | sequence
    message = "UN Member States are capitalized"
    severity = "warning"             # error | warning | note (default warning)
    ignorecase = false               # default false
    swap = { "member states" = "Member States" }   # substitution: regex → replacement
    # existence:   tokens = ["regex", ...]            (each occurrence is reported)
    # consistency: either = [["regex one", "regex two"], ...]  (a document uses one of each pair)
    # sequence:    first = "regex", then = "regex"    (then may not appear before first has)
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from secretariat.errors import Location, Problem, RecordError
from secretariat.lint.passage import Document, Hit, Passage
from secretariat.lint.words import WordPattern

KINDS = ("existence", "substitution", "consistency", "sequence")
SEVERITIES = ("error", "warning", "note")
RULES_FILE = "style-rules.toml"
_CODE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class TextRule:
    """One rule of a rules file, its patterns compiled."""

    code: str
    kind: str
    message: str
    severity: str
    patterns: tuple[tuple[WordPattern, str, str], ...]  # (pattern, replacement, a word it cannot match without)

    def check(self, passage: Passage, doc: Document) -> Iterator[Hit]:
        """Report what this rule finds in one passage."""
        folded = passage.folded
        tried = [(index, pattern, partner) for index, (pattern, partner, anchor) in enumerate(self.patterns)
                 if anchor in folded]
        if not tried:
            return
        memory = doc.memory(f"rule:{self.code}")
        matches = sorted(((m, index, partner) for index, pattern, partner in tried
                          for m in pattern.finditer(passage.text)), key=lambda item: item[0].start())
        for match, index, partner in matches:
            found = match.group()
            if self.kind == "existence":
                yield self._hit(match, found, None)
            elif self.kind == "substitution":
                expected = match.expand(partner)
                if found != expected:
                    yield self._hit(match, found, expected)
            elif self.kind == "consistency":
                side = str(index % 2)
                first = memory.setdefault(str(index // 2), side + found)
                if first[0] != side:
                    yield self._hit(match, found, first[1:])
            elif index == 0:
                memory.setdefault("first", found)
            elif "first" not in memory:
                yield self._hit(match, found, None)

    def _hit(self, match: re.Match[str], found: str, expected: str | None) -> Hit:
        said = f"expected {expected!r}, found {found!r}" if expected is not None else f"found {found!r}"
        return Hit(self.code, self.severity, match.start(), match.end(), f"{self.message}: {said}",
                   expected=expected, found=found)


def load_rules(path: Path, compile_now: bool = True) -> tuple[TextRule, ...]:
    """Read a rules file; raise RecordError naming the file and the rule when it is malformed.

    Without compile_now (the shipped rules, compiled by the tests), a pattern is compiled the first time a
    passage holds its anchor: most rules never meet theirs in a given report.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise RecordError(f"cannot read the rules file {path}: {e.strerror or e}") from e
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise RecordError(f"{path}: expected a TOML rules file, found: {e}") from e
    entries = data.get("rule", [])
    if not isinstance(entries, list):
        raise _bad(path, 0, "expected [[rule]] tables", type(entries).__name__)
    return tuple(_rule(path, index, entry, compile_now) for index, entry in enumerate(entries))


def _bad(path: Path, index: int, expected: str, found: object) -> RecordError:
    problem = Problem(Location(str(path), pointer=f"/rule/{index}"), f"expected {expected}, found {found}")
    return RecordError(f"{path}: a rule is malformed", (problem,))


def _rule(path: Path, index: int, entry: Any, compile_now: bool = True) -> TextRule:
    if not isinstance(entry, dict):
        raise _bad(path, index, "a table", type(entry).__name__)
    code, kind = entry.get("code"), entry.get("kind")
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise _bad(path, index, "a kebab-case code", repr(code))
    if kind not in KINDS:
        raise _bad(path, index, f"a kind among {', '.join(KINDS)} for rule {code!r}", repr(kind))
    severity = entry.get("severity", "warning")
    if severity not in SEVERITIES:
        raise _bad(path, index, f"severity error, warning or note for rule {code!r}", repr(severity))
    flags = re.IGNORECASE if entry.get("ignorecase") else 0
    raw = _patterns(path, index, code, kind, entry)
    try:
        patterns = tuple((WordPattern(rf"(?:{p})(?![\w-])", flags, compile_now=compile_now), partner, anchor(p))
                         for p, partner in raw)
    except re.error as e:
        raise _bad(path, index, f"regular expressions in rule {code!r}", f"{e}") from e
    return TextRule(code, kind, str(entry.get("message", code)), severity, patterns)


def _patterns(path: Path, index: int, code: str, kind: str, entry: dict[str, Any]) -> list[tuple[str, str]]:
    key = {"existence": "tokens", "substitution": "swap", "consistency": "either", "sequence": "first"}[kind]
    value = entry.get(key)
    if kind == "existence" and isinstance(value, list) and _strings(value):
        return [(str(token), "") for token in value]
    if kind == "substitution" and isinstance(value, dict) and value and _strings(list(value.values())):
        return list(value.items())
    if kind == "consistency" and isinstance(value, list) and value and all(
            isinstance(pair, list) and len(pair) == 2 and _strings(pair) for pair in value):
        return [(p, "") for pair in value for p in pair]
    if kind == "sequence" and isinstance(value, str) and isinstance(entry.get("then"), str):
        return [(value, ""), (entry["then"], value)]
    wanted = {"existence": "tokens = [regex, ...]", "substitution": "swap = {regex = replacement, ...}",
              "consistency": "either = [[regex, regex], ...]", "sequence": "first = regex and then = regex"}[kind]
    raise _bad(path, index, f"{wanted} in rule {code!r}", repr(value))


def anchor(pattern: str) -> str:
    """Return the longest run of plain letters that every match of a pattern contains, case-folded ("" if none).

    Only text outside groups and classes counts, and none of it may be optional: a passage without that run
    cannot match, so the pattern is not even tried on it (the shipped rules are tried on every paragraph).
    """
    if re.search(r"(?<!\\)\|", re.sub(r"\((?:[^()\\]|\\.)*\)", "", pattern)):
        return ""  # an alternative at the top level: no run is certain
    runs, current, depth, index = [], "", 0, 0
    while index < len(pattern):
        char = pattern[index]
        following = pattern[index + 1:index + 2]
        if char == "\\":
            runs.append(current)
            current, index = "", index + 2
            continue
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if depth == 0 and (char.isalpha() or char == " ") and following not in ("?", "*", "{"):
            current += char
        else:
            runs.append(current)
            current = ""
        index += 1
    runs.append(current)
    return max((r.strip() for r in runs), key=len, default="").casefold()


def _strings(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v for v in value)
