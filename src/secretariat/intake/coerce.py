"""Coerce one cell to what its column holds; each coercer raises ValueError saying what was expected."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from secretariat.errors import CountryNameUncertainError
from secretariat.intake.dates import Dated
from secretariat.intake.rows import LIST_SEPARATORS, formula_expected, formula_like
from secretariat.records.folder import XML_INVALID
from secretariat.registers.countries import CountryRegister

Coercer = Callable[[Any], Any]

_GROUPED = re.compile(r"[+-]?\d{1,3}(?:([, \u00a0\u202f])\d{3})(?:\1\d{3})*")


def _shown(value: Any) -> str:
    return repr(str(value))


def text(value: Any) -> str | None:
    """Strip text; write whole numbers without ".0"; refuse dates and characters XML cannot hold."""
    if value is None:
        return None
    if isinstance(value, Dated | datetime | date):
        raise ValueError(f"expected text, found a date ({value}): the spreadsheet turned the entry into a date; "
                         "format the cell as text or type it with a leading apostrophe")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    result = str(value).strip()
    match = XML_INVALID.search(result)
    if match is not None:
        raise ValueError(f"expected text that XML can hold, found control character U+{ord(match.group()):04X}")
    return result or None


def integer(minimum: int | None) -> Coercer:
    """Return a coercer to whole numbers: "1,311", "1 311", 1311.0 give 1311; fractions and words are refused."""
    least = f" of at least {minimum}" if minimum is not None else ""

    def coerce(value: Any) -> int | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        number: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str):
            cleaned = value.strip()
            if re.fullmatch(r"[+-]?\d+", cleaned) or _GROUPED.fullmatch(cleaned):
                number = int(re.sub(r"[, \u00a0\u202f]", "", cleaned))
        if number is None:
            raise ValueError(f"expected a whole number{least}, found {_shown(value)}")
        if minimum is not None and number < minimum:
            raise ValueError(f"expected a whole number{least}, found {number}")
        return number

    return coerce


def _fold(value: str) -> str:
    return re.sub(r"[\s_-]+", "-", value.strip().casefold())


def enum(values: tuple[str, ...]) -> Coercer:
    """Return a coercer to one of ``values``, ignoring case and the difference between spaces and hyphens."""
    index = {_fold(v): v for v in values}

    def coerce(value: Any) -> str | None:
        found = text(value)
        if found is None:
            return None
        if _fold(found) in index:
            return index[_fold(found)]
        near = difflib.get_close_matches(_fold(found), list(index), n=1)
        hint = f"; did you mean {index[near[0]]!r}?" if near else ""
        shown = ", ".join(values) if len(", ".join(values)) <= 200 else ", ".join(values[:6]) + ", …"
        raise ValueError(f"expected one of {len(values)} values ({shown}), found {found!r}{hint}")

    return coerce


def text_list(value: Any) -> list[str] | None:
    """Split a cell of several values on ";" or line breaks (a JSON list is taken as it is)."""
    items = value if isinstance(value, list) else LIST_SEPARATORS.split(text(value) or "")
    result = [t for t in (text(item) for item in items) if t is not None]
    live = next((item for item in result if formula_like(item)), None)
    if live is not None:  # "IOM; =cmd": the item would run once the list is split into cells again
        raise ValueError(formula_expected(live, item=True))
    return result or None


def _candidates(register: CountryRegister, on: date) -> dict[str, str]:
    """Return folded spellings to suggest from (UN names, their part before "(", aliases) and their UN name."""
    candidates: dict[str, str] = {}
    for code in sorted(register.codes):
        try:
            name = register.name(code, on)
        except CountryNameUncertainError:
            continue
        for spelling in (name, name.split(" (")[0]):
            candidates.setdefault(spelling.casefold(), name)
    for alias, code in register.aliases:
        if alias.casefold() not in candidates and code in register.codes:
            try:
                candidates[alias.casefold()] = register.name(code, on)
            except CountryNameUncertainError:
                continue
    return candidates


def _nearest(name: str, candidates: dict[str, str]) -> list[str]:
    """Return the UN names of the spellings nearest to ``name``: the best and any about as near."""
    scored = []
    for spelling in difflib.get_close_matches(name, list(candidates), n=6, cutoff=0.6):
        scored.append((difflib.SequenceMatcher(None, name, spelling).ratio(), candidates[spelling]))
    best = scored[0][0] if scored else 0.0
    return list(dict.fromkeys(un_name for score, un_name in scored if score >= best - 0.05))[:3]


def country(register: CountryRegister, on: date) -> Coercer:
    """Return a coercer of country names (any variant the register knows, or an ISO3 code) to ISO3 codes.

    A cell may hold several names separated by ";"; the result is then a list.
    """
    candidates = _candidates(register, on)
    known: dict[str, str] = {}  # a return names the same few hundred countries again and again

    def one(name: str) -> str:
        code = known.get(name) or register.lookup(name)
        if code is None and name in register.codes:
            code = name
        if code is not None:
            known[name] = code
            return code
        suggestions = _nearest(name.casefold(), candidates)
        hint = f"; did you mean {' or '.join(map(repr, suggestions))}?" if suggestions else \
            " (see the drop-down list of the form)"
        raise ValueError(f"expected a country name as the United Nations writes it, found {name!r}{hint}")

    def coerce(value: Any) -> str | list[str] | None:
        found = text_list(value)
        if found is None:
            return None
        codes = [one(name) for name in found]
        return codes[0] if len(codes) == 1 and not isinstance(value, list) else codes

    return coerce
