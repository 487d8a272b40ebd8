"""Keep data values from turning into Markdown markup."""

from __future__ import annotations

import re
from typing import Any

# Every ASCII punctuation character may be backslash-escaped in CommonMark and then means itself,
# so escaping all of them is always safe, whatever a value holds and wherever it lands.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


class Md(str):
    """Markdown that is already safe: trusted template text or rendered blocks."""

    __slots__ = ()


def escape_markdown(text: str) -> Md:
    """Return text that Markdown prints literally, on one line."""
    return Md(_PUNCTUATION.sub(r"\\\1", _LINE_BREAKS.sub(" ", text)))


def finalize(value: Any) -> Md:
    """Escape every value a template prints, unless it is already safe Markdown; mark gaps in bold."""
    if isinstance(value, Md):
        return value
    marker = getattr(value, "markdown", None)  # a Gap (render.gaps) prints as its own bold marker
    if callable(marker):
        return Md(marker())
    return escape_markdown(str(value))
