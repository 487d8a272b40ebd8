"""Read a treaty register file: validate it against its schema and its own rules, and turn it into values."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from secretariat.errors import Problem, RegisterError
from secretariat.records.folder import control_character_problems
from secretariat.records.jsonfile import JsonFile, read_json
from secretariat.records.schemas import SCHEMA_BASE, default_store
from secretariat.registers.countries import country_register

REGISTER_SCHEMA = SCHEMA_BASE + "register.schema.json"


def read_register(path: Path, inside: Path | None = None) -> JsonFile:
    """Read a register file (inside ``inside`` if given) and validate it; raise RegisterError naming file and place."""
    loaded = read_json(path, str(path), inside)
    if isinstance(loaded, Problem):
        raise RegisterError(f"{path}: cannot read the treaty register", (loaded,))
    data = loaded.data
    named = data.get("$schema") if isinstance(data, dict) else None
    if named != REGISTER_SCHEMA:
        problem = Problem(loaded.locate(""), f"expected \"$schema\": {REGISTER_SCHEMA!r}, found {named!r}")
        raise RegisterError(f"{path}: not a treaty register", (problem,))
    # a lone surrogate or a control character would pass the schema and break the draft that names the State
    problems = (default_store().check(loaded) + control_character_problems(loaded)) or _rule_problems(loaded)
    if problems:
        raise RegisterError(f"{path}: {len(problems)} problem(s) in the treaty register", tuple(problems))
    return loaded


def _rule_problems(record: JsonFile) -> list[Problem]:
    """Return the problems the schema cannot see: duplicate or unknown codes, bad periods, missing sources."""
    data: dict[str, Any] = record.data
    problems: list[Problem] = []
    if data["id"] != record.path.name.removesuffix(".json").removesuffix(".register"):
        problems.append(Problem(record.locate("/id"), f"expected the id to match the file name "
                                                      f"{record.path.name!r}, found {data['id']!r}"))
    seen: set[str] = set()
    countries = country_register()
    for index, item in enumerate(data["participants"]):
        at = f"/participants/{index}"
        code = item["code"]
        if code in seen:
            problems.append(Problem(record.locate(f"{at}/code"), f"expected each code once, found {code!r} again"))
        seen.add(code)
        if item["kind"] == "state" and code not in countries:
            problems.append(Problem(record.locate(f"{at}/code"),
                                    f"expected the ISO3 code of a State in the country register, found {code!r}"))
        if item["source"] not in data["sources"]:
            problems.append(Problem(record.locate(f"{at}/source"),
                                    f"expected a key of /sources, found {item['source']!r}"))
        between = (item["consent"] or {}).get("between")
        if between is not None and between[0] >= between[1]:
            problems.append(Problem(record.locate(f"{at}/consent/between"),
                                    f"expected the earliest day before the latest, "
                                    f"found {between[0]} and {between[1]}"))
    return problems
