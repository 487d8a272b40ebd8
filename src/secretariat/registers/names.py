"""Say which code a State's name stands for: in the register commands and in the messages on bad records."""

from __future__ import annotations

import json
import re

from secretariat.errors import Problem, SecretariatError
from secretariat.records.schemas import PLAIN_PATTERNS
from secretariat.registers.countries import country_register

# Names the Treaty Collection writes that the country register does not know in that form.
ALIASES = {"european union": "EUR"}
_ISO_EXPECTED = f"expected {PLAIN_PATTERNS['^[A-Z]{3}']}, found "


def code_of(text: str) -> str | None:
    """Return the ISO3 code of a State given by code ("FJI", "fji") or by any name the register knows."""
    countries = country_register()
    plain = " ".join(text.split())
    if plain.upper() in countries or plain.upper() in ALIASES.values():
        return plain.upper()
    return ALIASES.get(plain.lower()) or countries.lookup(plain)


def with_code_hints(error: SecretariatError) -> SecretariatError:
    """Return the error with "'Fiji' is FJI" added where a record holds a name (or a code in the wrong case)."""
    error.problems = tuple(_hinted(problem) for problem in error.problems)
    return error


def _hinted(problem: Problem) -> Problem:
    if not problem.message.startswith(_ISO_EXPECTED):
        return problem
    try:
        found = json.loads(problem.message.removeprefix(_ISO_EXPECTED))
    except ValueError:  # clipped: too long to be a name
        return problem
    code = code_of(found) if isinstance(found, str) and not re.search(r"[\x00-\x1f]", found) else None
    if code is None:
        return problem
    return Problem(problem.location, f"{problem.message}; '{found}' is {code}")
