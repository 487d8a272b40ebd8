"""Coerce country names, in any spelling the register knows, to ISO3 codes; suggest the nearest UN name."""

from __future__ import annotations

import difflib
from datetime import date
from typing import Any

from secretariat.errors import CountryNameUncertainError
from secretariat.intake.coerce import Coercer, text_list
from secretariat.registers._country_files import read_aliases
from secretariat.registers.countries import CountryRegister
from secretariat.resources import data_path


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
    for alias, code in read_aliases(data_path("countries/aliases.csv")):
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

    def one(name: str) -> str:
        code = register.lookup(name)
        if code is None and name in register.codes:
            code = name
        if code is not None:
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
