"""Map a record text to what it prints, piece by piece: literal characters, values, and invisible markup.

Review needs to know which stretch of a printed paragraph came from which ``{{ … }}`` expression, to keep
an expression where an editor left its printed value alone. Emphasis markers and footnote references print
nothing; a backslash escape prints the character it escapes; an expression prints its rendered value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import jinja2

from secretariat.errors import TemplateError
from secretariat.model import Run
from secretariat.render.environment import RecordTextLoader, render
from secretariat.render.markdown import parse_body
from secretariat.render.simple import render_simple

_TOKEN = re.compile(r"(\{\{.*?\}\})|(\[\^[^\]\s]+\])|(\\[!-/:-@\[-`{-~])|(\*\*|\*)", re.S)
_STATEMENT = re.compile(r"\{%|\{#")
_FOOTNOTE_REF = re.compile(r"(?<!\\)\[\^[^\]\s\\]+\]")  # not an escaped "\[^…\]" an editor typed


@dataclass(frozen=True)
class Piece:
    """A stretch of a record text: its source, what it prints, and its kind ("text", "value" or "mark")."""

    source: str
    printed: str
    kind: str


class TextRenderer:
    """Render record texts the way the draft does, to Markdown and to the text a reader sees."""

    def __init__(self, env: jinja2.Environment, loader: RecordTextLoader, context: dict[str, Any]) -> None:
        self._env, self._loader, self._context = env, loader, context
        self._names: dict[tuple[str, str], str] = {}

    def markdown(self, name: str, text: str) -> str:
        """Return the Markdown a record text renders to; raise TemplateError if it does not render."""
        rendered = render_simple(self._env, name, text, self._context)
        if rendered is None:  # compiled templates are cached by name: one name per distinct text
            self._names.setdefault((name, text), f"{name} ({len(self._names) + 1})" if self._names else name)
            rendered = render(self._env, self._loader.add(self._names[name, text], text), self._context)
        return rendered.strip()

    def printed(self, name: str, text: str) -> str:
        """Return the text a reader sees for a record text (footnote references print nothing)."""
        markdown = _FOOTNOTE_REF.sub("", self.markdown(name, text))
        if not markdown:
            return ""
        blocks, _notes = parse_body(markdown)
        return " ".join("".join(i.text for i in b.inlines if isinstance(i, Run)) for b in blocks)

    def pieces(self, name: str, text: str, printed: str) -> list[Piece] | None:
        """Return the pieces of a record text, or None if they do not add up to printed (statements, say)."""
        if _STATEMENT.search(text):
            return None
        pieces: list[Piece] = []
        end = 0
        try:
            for match in _TOKEN.finditer(text):
                pieces += [Piece(c, c, "text") for c in text[end:match.start()]]
                expression, note, escape, emphasis = match.groups()
                if expression:
                    pieces.append(Piece(expression, self.printed(name, expression), "value"))
                elif escape:
                    pieces.append(Piece(escape, escape[1], "text"))
                else:
                    pieces.append(Piece(note or emphasis, "", "mark"))
                end = match.end()
        except TemplateError:
            return None
        pieces += [Piece(c, c, "text") for c in text[end:]]
        return pieces if "".join(p.printed for p in pieces) == printed else None
