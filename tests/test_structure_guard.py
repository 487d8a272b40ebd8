"""A record text cannot change the body's structure: a stray Markdown block is refused, naming the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from secretariat.errors import TemplateError
from secretariat.pipeline import build_draft
from secretariat.records import load_report


@pytest.mark.parametrize("text", [
    "First\n\n# Injected heading\n\nSecond",
    "First\n\nSecond paragraph",
    "---",
    "Title\n===",
    "* star text",
    "+ plus text",
    "2015. That year was long.",
    "> quoted",
    "```\ncode\n```",
])
def test_a_text_that_makes_blocks_of_its_own_is_refused(example: Path, edit_json, text: str) -> None:
    edit_json(example / "content.json", lambda c: c["blocks"][5].update(text=text))
    with pytest.raises(TemplateError) as caught:
        build_draft(load_report(example))
    message = str(caught.value)
    assert message.startswith(f"{example / 'content.json'} /blocks/5"), message


def test_the_text_before_a_heading_is_named_when_it_adds_a_paragraph(example: Path, edit_json) -> None:
    edit_json(example / "content.json", lambda c: c["blocks"][3].update(text="Lead-in:\n\nExtra paragraph"))
    with pytest.raises(TemplateError, match=r"content\.json /blocks/3: "):
        build_draft(load_report(example))


def test_line_breaks_inside_a_paragraph_are_fine(example: Path, edit_json) -> None:
    edit_json(example / "content.json", lambda c: c["blocks"][5].update(text="One line\nand the next line."))
    draft = build_draft(load_report(example))
    assert sum(1 for b in draft.blocks if getattr(b, "level", None) == 0 and hasattr(b, "source")) == 74
