"""Compile the project's JSON Schemas once and report every violation with expected vs found."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from secretariat.errors import Problem, RecordError
from secretariat.records.bundle import inline_refs
from secretariat.records.fastcheck import FastCheck
from secretariat.records.jsonfile import JsonFile, nesting_problem
from secretariat.resources import resource_path

if TYPE_CHECKING:  # jsonschema is imported only to explain an invalid record: jsonschema-rs says "valid"
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError
    from referencing import Registry

SCHEMA_BASE = "https://secretariat.example/schemas/"
_END_ANCHOR = r"(?![\s\S])"


class SchemaStore:
    """The schemas of one folder, with a compiled validator per schema, reused for every record."""

    def __init__(self, folder: Path) -> None:
        self.schemas: dict[str, dict[str, Any]] = {}
        for path in sorted(folder.glob("*.schema.json")):
            try:
                schema = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                raise RecordError(f"{path}: cannot load the schema: {e}") from e
            self.schemas[schema.get("$id", SCHEMA_BASE + path.name)] = schema
        self._validators: dict[str, Draft202012Validator] = {}
        self.fast = FastCheck(self.schemas)

    @cached_property
    def registry(self) -> Registry[Any]:
        """Return the local schemas as a referencing registry keyed by ``$id``."""
        from referencing import Registry, Resource

        return Registry().with_resources((sid, Resource.from_contents(s)) for sid, s in self.schemas.items())

    def schema_id_for(self, record: JsonFile) -> str:
        """Return the schema a record names with ``$schema``, else the one named after its file."""
        if isinstance(record.data, dict) and isinstance(record.data.get("$schema"), str):
            return str(record.data["$schema"])
        return SCHEMA_BASE + record.path.stem + ".schema.json"

    def validator(self, schema_id: str) -> Draft202012Validator:
        """Return the compiled validator for a schema id."""
        if schema_id not in self._validators:
            from jsonschema import Draft202012Validator

            schema = self.schemas.get(schema_id)
            if schema is None:
                raise KeyError(schema_id)
            self._validators[schema_id] = Draft202012Validator(
                inline_refs(self.schemas, schema_id, schema),
                registry=self.registry,
                format_checker=Draft202012Validator.FORMAT_CHECKER,
            )
        return self._validators[schema_id]

    def check(self, record: JsonFile) -> list[Problem]:
        """Validate one record file; return all problems, each located by line:column and pointer."""
        schema_id = self.schema_id_for(record)
        own = SCHEMA_BASE + record.path.stem + ".schema.json"
        if own in self.schemas and schema_id != own:
            return [Problem(record.locate("/$schema"), f"expected the schema of {record.path.name}, {own!r}, "
                                                       f"found {_short(schema_id)}")]
        if self.fast.is_valid(schema_id, record.data):
            return []
        too_deep = nesting_problem(record)  # only an invalid record can be deep: the schemas bound valid ones
        if too_deep is not None:
            return [too_deep]
        try:
            validator = self.validator(schema_id)
        except KeyError:
            known = ", ".join(sorted(s.removeprefix(SCHEMA_BASE) for s in self.schemas))
            return [Problem(record.locate(""), f"expected a known schema ({known}), found {schema_id!r}")]
        problems = []
        for error in sorted(_leaf_errors(validator.iter_errors(record.data)), key=_order):
            pointer = _pointer(error)
            problems.append(Problem(record.locate(pointer), describe(error)))
        return problems


# What the common patterns ask for, in the words of the person who types the value (keys without the end anchor).
PLAIN_PATTERNS = {
    "^[A-Z]{3}": "a three-letter ISO code in capitals, such as FJI (Fiji) or SDN (the Sudan), not a name",
    "^(?!0000)[0-9]{4}-[0-9]{2}-[0-9]{2}": "a date as YYYY-MM-DD, for example 2018-07-23",
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?": "a date as YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year "
                                         "is known, for example 2018-07-23, 2018-07 or 2018",
    "^[a-z0-9]+(-[a-z0-9]+)*": "an identifier of lower-case letters and digits joined by single hyphens, for "
                               "example wg-tip-7th-meeting",
    "^[A-Z]+(/[A-Za-z0-9.]+)+": "a United Nations document symbol such as CTOC/COP/2018/2",
    "^[0-9]+(\\.[0-9]+)?": "an amount in dollars written as digits in quotes, for example \"1750000\" or "
                           "\"357701.50\"",
    "^[0-9]+( \\([a-z]\\))?": "an agenda item number as printed after \"Item\", for example \"2\" or \"2 (b)\"",
    "^[0-9]{1,4}/[0-9]{1,4}": "a resolution number as cited, for example 69/149",
    "^[0-9]{5}": "the five digits of the job number's sequence, for example \"03496\"",
}


def _leaf_errors(errors: Iterator[ValidationError]) -> Iterator[ValidationError]:
    from jsonschema.exceptions import best_match

    for error in errors:
        if error.context and error.validator in ("anyOf", "oneOf"):
            # "or unset (null)" is the least helpful branch to explain: prefer what the value should be
            # so is a placeholder word such as "pending" when the record holds a value of its own
            informative = [e for e in error.context if not (e.validator == "type" and e.validator_value == "null")
                           and not (e.validator == "const" and not isinstance(e.instance, str))]
            yield best_match(informative or error.context)
        else:
            yield error


def _order(error: ValidationError) -> tuple[str, str]:
    return (_pointer(error), str(error.validator))


def _pointer(error: ValidationError) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in error.absolute_path)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


_JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return _JSON_TYPES.get(type(value), type(value).__name__)


def describe(error: ValidationError) -> str:
    """Say what the schema expected and what the record has, without pasting long enums."""
    kind, expected, found = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = [k for k in expected if isinstance(found, dict) and k not in found]
        return f"expected property {', '.join(map(repr, missing))}, found it missing"
    if kind in ("additionalProperties", "unevaluatedProperties"):
        return f"unexpected property: {error.message.split('(')[-1].rstrip(')')}"
    if kind == "type":
        return f"expected {expected if isinstance(expected, str) else ' or '.join(expected)}, " \
            f"found {_type_name(found)} {_short(found)}"
    if kind == "enum":
        shown = ", ".join(_short(v) for v in expected[:8]) + (", …" if len(expected) > 8 else "")
        return f"expected one of {len(expected)} values ({shown}), found {_short(found)}"
    if kind == "pattern":
        plain = PLAIN_PATTERNS.get(expected.removesuffix(_END_ANCHOR))
        if plain is not None:
            return f"expected {plain}, found {_short(found)}"
        # the portable end anchor (see common.schema.json) reads better as the usual "$"
        shown = expected.replace(_END_ANCHOR, "$")
        return f"expected a string matching {shown}, found {_short(found)}"
    if kind == "format":
        if expected == "date":
            return f"expected a real date as YYYY-MM-DD, for example 2018-07-23, found {_short(found)}"
        return f"expected a valid {expected}, found {_short(found)}"
    if kind == "const":
        return f"expected {_short(expected)}, found {_short(found)}"
    return _counted(kind, expected, found) or f"{error.message} (schema rule {kind!r})"


def _counted(kind: str, expected: Any, found: Any) -> str | None:
    """Say a size rule in plain words: how many items, how much text, how large a number."""
    items = "item" if expected == 1 else "items"
    plain = {
        "minItems": f"expected at least {expected} {items}, found {len(found) if isinstance(found, list) else 0}",
        "maxItems": f"expected at most {expected} {items}, found {len(found) if isinstance(found, list) else 0}",
        "minLength": f"expected some text (at least {expected} character{'s' if expected != 1 else ''}), "
                     f"found {_short(found)}",
        "minimum": f"expected a number of at least {expected}, found {_short(found)}",
        "maximum": f"expected a number of at most {expected}, found {_short(found)}",
        "uniqueItems": f"expected each item once, found a repeated item in {_short(found)}",
    }
    return plain.get(kind)


@cache
def default_store() -> SchemaStore:
    """Return the schema store of the project's own schemas, built once per process."""
    return SchemaStore(resource_path("schemas", "."))
