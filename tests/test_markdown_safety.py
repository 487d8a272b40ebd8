"""Data values can never become markup; the Markdown layer maps onto the document model."""

import pytest

from secretariat.errors import TemplateError
from secretariat.model import FootnoteRef, Heading, Paragraph, Run
from secretariat.render.escape import Md, escape_markdown, finalize
from secretariat.render.markdown import parse_body

HOSTILE = [
    "2024. Something",
    "1) first",
    "- a list?",
    "+ another",
    "# not a heading",
    "> quoted",
    "*bold* and _it_",
    "**strong**",
    "[^note] ref",
    "[link](http://example.org)",
    "<b>html</b> &amp; &copy;",
    "`code`",
    "a\n\nb",
    "line\r\nbreak",
    "\\ backslash \\* star",
    "| table | row |",
    "{data-source=\"/x\"}",
    "{source=/blocks/1}",
    "---",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_value_prints_literally_in_one_paragraph(value: str) -> None:
    markdown = f"{escape_markdown(value)}\n"
    blocks, notes = parse_body(markdown)
    expected = " ".join(value.split()) if "\n" in value else value
    assert notes == {}
    assert blocks == (Paragraph((Run(expected),)),)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_value_mid_sentence_prints_literally(value: str) -> None:
    blocks, _ = parse_body(f"Before {escape_markdown(value)} after.\n")
    text = " ".join(value.split()) if "\n" in value else value
    assert blocks == (Paragraph((Run(f"Before {text} after."),)),)


def test_finalize_leaves_trusted_markdown_alone() -> None:
    assert finalize(Md("*x*")) == "*x*"
    assert finalize("*x*") == "\\*x\\*"
    assert finalize(1311) == "1311"


def test_body_structure_maps_to_the_model() -> None:
    markdown = (
        "# Introduction\n\n"
        '{source=/blocks/1}\n'
        "The *Global Report* said so.[^a]\n\n"
        "- first;\n"
        "- last.\n\n"
        "## Section\n\n"
        "### Sub-section\n\n"
        '{source=/blocks/5}\n'
        "Second **bold** paragraph.\n\n"
        "[^a]: A *note*.\n"
    )
    blocks, notes = parse_body(markdown)
    assert blocks == (
        Heading(1, (Run("Introduction"),)),
        Paragraph((Run("The "), Run("Global Report", italic=True), Run(" said so."), FootnoteRef("a")),
                  source="/blocks/1"),
        Paragraph((Run("first;"),), level=1, source="/blocks/1/items/0"),
        Paragraph((Run("last."),), level=1, source="/blocks/1/items/1"),
        Heading(2, (Run("Section"),)),
        Heading(3, (Run("Sub-section"),)),
        Paragraph((Run("Second "), Run("bold", bold=True), Run(" paragraph.")), source="/blocks/5"),
    )
    assert notes == {"a": (Run("A "), Run("note", italic=True), Run("."))}


@pytest.mark.parametrize("markdown", ["```\ncode\n```\n", "> quote\n", "1. one\n", "***\n", "[a](b)\n"])
def test_unsupported_markup_is_refused(markdown: str) -> None:
    with pytest.raises(TemplateError, match="expected"):
        parse_body(markdown)
