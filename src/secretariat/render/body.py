"""Render the report body to Markdown: each record text through Jinja, then the layout template."""

from __future__ import annotations

from typing import Any

import jinja2

from secretariat.errors import TemplateError
from secretariat.limits import OUTPUT_CHARS, TEXT_CHARS
from secretariat.records import ReportRecords
from secretariat.render.environment import RecordTextLoader, render
from secretariat.render.escape import Md
from secretariat.render.sandbox import BoundedSandbox
from secretariat.render.simple import render_simple

BODY_TEMPLATE = "report.md.j2"


def _text(env: jinja2.Environment, loader: RecordTextLoader, name: str, text: str,
          context: dict[str, Any]) -> Md:
    # The text limit is far beyond any paragraph and well below what Word can hold in one text node.
    most = TEXT_CHARS.value
    if len(text) > most:
        raise TemplateError.at(name, None, TEXT_CHARS.exceeded(f"{len(text):,} characters"))
    rendered = render_simple(env, name, text, context)
    if rendered is None:
        rendered = render(env, loader.add(name, text), context)
    if len(rendered) > most:
        raise TemplateError.at(name, None, TEXT_CHARS.exceeded(f"{len(rendered):,} characters once rendered"))
    return Md(rendered.strip())


def _items(env: jinja2.Environment, loader: RecordTextLoader, where: str, block: dict[str, Any],
           context: dict[str, Any], depth: int = 0) -> list[Md]:
    """Return the rendered sub-paragraphs of block; one holding its own carries them as a nested Markdown list."""
    rendered = []
    for i, item in enumerate(block.get("items", [])):
        if isinstance(item, str):
            rendered.append(_text(env, loader, f"{where}/items/{i}", item, context))
            continue
        lead = _text(env, loader, f"{where}/items/{i}/text", item["text"], context)
        nested = _items(env, loader, f"{where}/items/{i}", item, context, depth + 1)
        # Each child is a list item two columns in from its parent's text, so Markdown nests it one level down.
        rendered.append(Md(lead + "".join(f"\n{'  ' * (depth + 1)}- {child}" for child in nested)))
    return rendered


def render_body(env: BoundedSandbox, loader: RecordTextLoader, records: ReportRecords,
                context: dict[str, Any]) -> str:
    """Return the whole body as Markdown, footnote definitions included, within the templates' budget."""
    with env.budget.guard():
        return _render_body(env, loader, records, context)


def _render_body(env: BoundedSandbox, loader: RecordTextLoader, records: ReportRecords,
                 context: dict[str, Any]) -> str:
    content_file = str(records.folder / "content.json")
    blocks = []
    for index, block in enumerate(records.content):
        pointer = f"/blocks/{index}"
        rendered: dict[str, Any] = {
            "source": Md(pointer),
            "markdown": _text(env, loader, f"{content_file} {pointer}/text", block["text"], context),
        }
        if "heading" in block:
            rendered["heading"] = Md("#" * int(block["heading"]))
        rendered["items"] = _items(env, loader, f"{content_file} {pointer}", block, context)
        blocks.append(rendered)
    footnotes_file = str(records.folder / "footnotes.json")
    notes = [
        {"label": Md(key), "markdown": _text(env, loader, f"{footnotes_file} /footnotes/{i}/text",
                                              note["text"], context)}
        for i, (key, note) in enumerate(records.footnotes.items())
    ]
    return render(env, BODY_TEMPLATE, {**context, "blocks": blocks, "footnotes": notes}, OUTPUT_CHARS)
