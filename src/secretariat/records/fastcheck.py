"""Tell quickly whether a record is valid with jsonschema-rs; jsonschema stays the authority for messages.

jsonschema-rs answers ``is_valid`` some fifty times faster than jsonschema. It is trusted only
to say "valid": anything else (invalid, a schema it cannot compile, a value it cannot take, such as a
string holding a lone surrogate) sends the record to jsonschema, which finds and words the problems.
tests/test_engines_agree.py proves that both engines give the same verdict on every record we test.
"""

from __future__ import annotations

from typing import Any

import jsonschema_rs


class FastCheck:
    """One jsonschema-rs validator per schema, compiled on first use with every local schema registered."""

    def __init__(self, schemas: dict[str, dict[str, Any]]) -> None:
        self.schemas = schemas
        self._registry: jsonschema_rs.Registry | None = None
        self._validators: dict[str, jsonschema_rs.Validator | None] = {}
        self.errors: dict[str, str] = {}

    def _compile(self, schema_id: str) -> jsonschema_rs.Validator:
        if self._registry is None:
            self._registry = jsonschema_rs.Registry(list(self.schemas.items()), draft=jsonschema_rs.Draft202012)
        return jsonschema_rs.Draft202012Validator(
            self.schemas[schema_id], validate_formats=True, registry=self._registry,
            pattern_options=jsonschema_rs.FancyRegexOptions(), offline=True,
        )

    def validator(self, schema_id: str) -> jsonschema_rs.Validator | None:
        """Return the compiled validator of a known schema, or None if it is unknown or cannot compile."""
        if schema_id not in self._validators:
            self._validators[schema_id] = None
            if schema_id in self.schemas:
                try:
                    self._validators[schema_id] = self._compile(schema_id)
                except Exception as e:  # a schema jsonschema-rs refuses leaves its records to jsonschema
                    self.errors[schema_id] = f"{type(e).__name__}: {e}"
        return self._validators[schema_id]

    def is_valid(self, schema_id: str, instance: Any) -> bool:
        """Return True only if jsonschema-rs proves the instance valid against the schema."""
        validator = self.validator(schema_id)
        if validator is None:
            return False
        try:
            return validator.is_valid(instance)
        except Exception:  # a value it cannot convert (a lone surrogate) is left to jsonschema
            return False
