"""Check every schema against the JSON Schema metaschema and resolve every $ref locally."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError
from referencing.exceptions import Unresolvable

from secretariat.records.schemas import SchemaStore, default_store


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def schema_problems(store: SchemaStore) -> list[str]:
    """Return one message per schema that is not a valid 2020-12 schema or has a dangling $ref."""
    problems = []
    for schema_id, schema in store.schemas.items():
        if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
            problems.append(f"{schema_id}: expected $schema of draft 2020-12, found {schema.get('$schema')!r}")
        if "$id" not in schema:
            problems.append(f"{schema_id}: expected an $id, found none")
        try:
            Draft202012Validator.check_schema(schema)
        except SchemaError as e:
            problems.append(f"{schema_id}: not a valid schema: {e.message}")
            continue
        resolver = store.registry.resolver(base_uri=schema_id)
        for ref in _refs(schema):
            try:
                resolver.lookup(ref)
            except Unresolvable as e:
                problems.append(f"{schema_id}: $ref {ref!r} does not resolve locally: {e}")
    return problems


def main() -> int:
    """Print the problems of the project's schemas; return 1 if there are any."""
    store = default_store()
    problems = schema_problems(store)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(store.schemas)} schema(s) checked, {len(problems)} problem(s)")
    return 1 if problems or not store.schemas else 0


if __name__ == "__main__":
    sys.exit(main())
