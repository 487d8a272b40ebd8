"""Values not entered yet: a visible gap in the draft instead of a blank, a stale value or a crash.

A record field that is null (the schemas allow it where ``secretariat new`` leaves metadata to
re-enter) reaches templates as a ``Gap``. Lookups, filters and arithmetic on a gap give the gap back,
and printing it gives a bold "[… not set]" marker an editor cannot miss; the gaps check lists each one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import jinja2

from secretariat.render.escape import Md, escape_markdown


class Gap:
    """A value that is not set yet, named so the marker says which."""

    __slots__ = ("label",)

    def __init__(self, label: str) -> None:
        self.label = label

    def __str__(self) -> str:
        return f"[{self.label} not set]"

    def __repr__(self) -> str:
        return f"Gap({self.label!r})"

    def __getattr__(self, name: str) -> Gap:
        if name.startswith("__"):
            raise AttributeError(name)
        return Gap(f"{self.label} {name.replace('_', ' ')}")

    def __getitem__(self, key: object) -> Gap:
        return Gap(f"{self.label} {key}")

    def __bool__(self) -> bool:
        return False

    def _same(self, *_: object) -> Gap:
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = _same

    def markdown(self) -> Md:
        """Return the marker as bold Markdown."""
        return Md(f"**{escape_markdown(str(self))}**")


class Placeholder(Gap):
    """Text still to write, as a template asks with ``{{ gap('what to write') }}``."""

    __slots__ = ()

    def __str__(self) -> str:
        return f"[{self.label}]"


def fill(value: Any, label: str) -> Any:
    """Return the value with every null inside it replaced by a gap named after its place."""
    if value is None:
        return Gap(label)
    if isinstance(value, dict):
        return {key: fill(item, f"{label} {key.replace('_', ' ')}".strip()) for key, item in value.items()}
    if isinstance(value, list):
        return [fill(item, label) for item in value]
    return value


def first_gap(*values: Any) -> Gap | None:
    """Return the first gap among the values or directly inside a mapping among them."""
    for value in values:
        if isinstance(value, Gap):
            return value
        if isinstance(value, dict):
            for item in value.values():
                if isinstance(item, Gap):
                    return item
    return None


def gap_aware(function: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a filter so that a gap among its arguments is passed through instead of failing."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            if isinstance(value, jinja2.Undefined):  # say which name is missing, not how the filter choked on it
                value._fail_with_undefined_error()
        gap = first_gap(*args, *kwargs.values())
        return gap if gap is not None else function(*args, **kwargs)

    return wrapper
