"""Parse the rendered Markdown into the document model."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from secretariat.errors import TemplateError
from secretariat.model import Block, FootnoteRef, Heading, Inline, Paragraph, Run

_SOURCE_LINE = re.compile(r"\{source=([^\s{}]*)\}")


def _source_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Read a ``{source=/blocks/12}`` line: where the next paragraph comes from in the records.

    A data value can never produce it: the escaping turns its braces into ``\\{``.
    """
    line = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    match = _SOURCE_LINE.fullmatch(line)
    if match is None:
        return False
    if not silent:
        token = state.push("block_source", "", 0)
        token.meta = {"source": match.group(1)}
        token.map = [start, start + 1]
        state.line = start + 1
    return True


_PARSER = MarkdownIt("commonmark", {"html": False}).use(footnote_plugin)
_PARSER.block.ruler.before("paragraph", "block_source", _source_rule)
_STYLE_TOKENS = {"em_open": "italic", "strong_open": "bold"}


def parse_body(markdown: str) -> tuple[tuple[Block, ...], dict[str, tuple[Inline, ...]]]:
    """Return the blocks and the footnotes (by label, in order of first reference)."""
    tokens = _PARSER.parse(markdown)
    blocks: list[Block] = []
    footnotes: dict[str, tuple[Inline, ...]] = {}
    items: list[int] = []  # the index of the current item in each open list, outermost first
    footnote_label: str | None = None
    source = pending = owner = ""  # owner: the last paragraph with a source, whose sub-paragraphs follow
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "bullet_list_open":
            items.append(-1)
        elif kind == "bullet_list_close":
            items.pop()
        elif kind == "list_item_open":
            items[-1] += 1
        elif kind == "footnote_open":
            footnote_label = str(token.meta["label"])
        elif kind == "footnote_close":
            footnote_label = None
        elif kind == "block_source":
            pending = str(token.meta["source"])
        elif kind == "paragraph_open" and not items and footnote_label is None:
            source, pending = pending, ""
            owner = source or owner
        elif kind == "inline":
            opener = tokens[index - 1]
            inlines = _inlines(token, source)
            if footnote_label is not None:
                footnotes[footnote_label] = footnotes.get(footnote_label, ()) + inlines
            elif opener.type == "heading_open":
                blocks.append(Heading(int(opener.tag[1]), inlines))
            elif items:
                path = "".join(f"/items/{i}" for i in items)
                blocks.append(Paragraph(inlines, level=len(items), source=f"{owner}{path}"))
            else:
                blocks.append(Paragraph(inlines, source=source))
        elif kind in ("fence", "code_block", "blockquote_open", "ordered_list_open", "hr", "table_open"):
            where = pending or source or f"the body, line {_line(token)}"
            raise TemplateError(f"{where}: expected paragraphs, headings and lists, "
                                f"found Markdown {kind.removesuffix('_open')}")
    return tuple(blocks), footnotes


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0


def _inlines(token: Token, source: str) -> tuple[Inline, ...]:
    result: list[Inline] = []
    style = {"italic": False, "bold": False}
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            _append(result, Run(child.content, style["italic"], style["bold"]))
        elif kind in ("softbreak", "hardbreak"):
            _append(result, Run(" ", style["italic"], style["bold"]))
        elif kind in _STYLE_TOKENS:
            style[_STYLE_TOKENS[kind]] = True
        elif kind in ("em_close", "strong_close"):
            style["italic" if kind == "em_close" else "bold"] = False
        elif kind == "footnote_ref":
            result.append(FootnoteRef(str(child.meta["label"])))
        elif kind == "footnote_anchor":
            continue
        else:
            raise TemplateError(f"{source or 'the body'}: expected plain text, emphasis or a footnote "
                                f"reference, found Markdown {kind}")
    return tuple(result)


def _append(result: list[Inline], run: Run) -> None:
    """Merge runs of the same style so the writer makes as few runs as Word would."""
    last = result[-1] if result else None
    if isinstance(last, Run) and (last.italic, last.bold) == (run.italic, run.bold):
        result[-1] = Run(last.text + run.text, run.italic, run.bold)
    else:
        result.append(run)
