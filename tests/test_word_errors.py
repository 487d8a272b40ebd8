"""What the Word writer refuses: bad footnote use, characters XML cannot hold, unknown levels."""

from __future__ import annotations

import dataclasses
import json

import pytest

from secretariat.errors import OutputError, SecretariatError
from secretariat.model import FootnoteRef, Heading, Paragraph, Run
from secretariat.reporters.draft import error_json
from secretariat.word import build_docx_bytes
from test_word_fixtures import MASTHEAD, NS, W, example_draft, para, xml

PRESS = {"press": (Run("A press release."),)}


def with_blocks(*blocks: Paragraph | Heading, footnotes: dict[str, tuple[Run | FootnoteRef, ...]] | None = None):
    """Return the example draft with other blocks (and footnotes)."""
    return example_draft(blocks=blocks, footnotes=PRESS if footnotes is None else footnotes)


def test_unknown_footnote_key_is_named() -> None:
    draft = with_blocks(para("One.", FootnoteRef("press")), para("Two.", FootnoteRef("ghost"), source="c.json /b/1"))
    with pytest.raises(OutputError, match=r"c\.json /b/1.*'ghost'.*not defined"):
        build_docx_bytes(draft)


def test_footnote_referenced_twice_is_named() -> None:
    draft = with_blocks(para("One.", FootnoteRef("press"), source="c.json /b/0"),
                        para("Two.", FootnoteRef("press"), source="c.json /b/1"))
    with pytest.raises(OutputError, match=r"c\.json /b/1: footnote 'press' is referenced a second time.*/b/0"):
        build_docx_bytes(draft)


def test_footnote_never_referenced_is_named() -> None:
    draft = with_blocks(para("One."), footnotes={**PRESS, "spare": (Run("x"),)})
    with pytest.raises(OutputError, match=r"footnotes 'press', 'spare' never referenced"):
        build_docx_bytes(draft)


def test_footnote_inside_footnote_is_refused() -> None:
    draft = with_blocks(para("One.", FootnoteRef("press")),
                        footnotes={"press": (Run("See"), FootnoteRef("press"))})
    with pytest.raises(OutputError, match=r"footnote 'press' is referenced inside a footnote"):
        build_docx_bytes(draft)


@pytest.mark.parametrize("bad", ["\x00", "\x0b", "\x1f", "\ufffe"])
def test_control_character_in_paragraph_names_the_source(bad: str) -> None:
    draft = with_blocks(para("One.", FootnoteRef("press")), para(f"Two{bad}.", source="content.json /blocks/7"))
    with pytest.raises(OutputError, match=r"content\.json /blocks/7: .*control character U\+"):
        build_docx_bytes(draft)


def test_control_character_elsewhere_is_named() -> None:
    heading = Heading(1, (Run("Intro\x07"),))
    with pytest.raises(OutputError, match=r"block 1 \(heading 'Intro\\x07'\)"):
        build_docx_bytes(with_blocks(heading, para("One.", FootnoteRef("press"))))
    with pytest.raises(OutputError, match=r"footnote 'press'"):
        build_docx_bytes(with_blocks(para("One.", FootnoteRef("press")), footnotes={"press": (Run("a\x01"),)}))
    with pytest.raises(OutputError, match=r"masthead\.venue_dates"):
        build_docx_bytes(example_draft(masthead=dataclasses.replace(MASTHEAD, venue_dates="Vienna\x0c")))


def test_unsupported_levels_are_refused() -> None:
    with pytest.raises(OutputError, match=r"src-9: level 5 is not 0 to 4"):
        build_docx_bytes(with_blocks(Paragraph((Run("Deep"),), level=5, source="src-9")))
    with pytest.raises(OutputError, match=r"level 4 is not 1, 2 or 3"):
        build_docx_bytes(with_blocks(Heading(4, (Run("Deep"),))))


def test_a_refusal_reaches_a_machine_as_one_error_with_its_location() -> None:
    draft = with_blocks(para("One.", FootnoteRef("press"), source="c.json /b/0"),
                        para("Two.", FootnoteRef("press"), source="c.json /b/1"))
    with pytest.raises(SecretariatError) as caught:  # what the command line catches and reports
        build_docx_bytes(draft)
    data = json.loads(error_json(caught.value))
    assert data["ok"] is False and "referenced a second time" in data["error"]
    assert [(p["path"], p["message"]) for p in data["problems"]] == [
        ("c.json /b/1", "second reference to footnote 'press'")]


def test_tabs_and_line_breaks_become_word_elements() -> None:
    data = build_docx_bytes(with_blocks(para("a\tb\nc", FootnoteRef("press"))))
    p = xml(data, "word/document.xml").findall("w:body/w:p", NS)[-1]
    run = p.find("w:r", NS)
    assert [child.tag.split("}")[1] for child in run] == ["t", "tab", "t", "br", "t"]
    assert run.find("w:t", NS).get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert W in run.tag


def synthetic(paragraphs: int = 2000, footnotes: int = 200) -> tuple[Paragraph | Heading, ...]:
    """Return a long body: headings every 100 paragraphs, a footnote every paragraphs/footnotes."""
    text = "UNODC continued to provide 36 activities in eighth session countries, with tools and workshops. " * 3
    blocks: list[Paragraph | Heading] = []
    for i in range(paragraphs):
        if i % 100 == 0:
            blocks.append(Heading(1 + (i // 100) % 3, (Run(f"Section {i // 100 + 1}"),)))
        note = (FootnoteRef(f"n{i}"),) if i % (paragraphs // footnotes) == 0 else ()
        blocks.append(Paragraph((Run(text), Run("Report", italic=True), *note), level=int(i % 7 == 3),
                                source=f"content.json /blocks/{i}"))
    return tuple(blocks)


def test_two_thousand_paragraphs_carry_every_footnote() -> None:
    # the time this takes is measured by benchmarks/run.py (the synthetic 2,000-paragraph report)
    blocks = synthetic()
    notes = {f"n{i}": (Run(f"Footnote {i}."),) for i in range(0, 2000, 10)}
    data = build_docx_bytes(example_draft(blocks=blocks, footnotes=notes))
    assert len(xml(data, "word/document.xml").findall(".//w:footnoteReference", NS)) == 200 + 1  # and the asterisk
    assert len(xml(data, "word/footnotes.xml").findall("w:footnote", NS)) == 200 + 3
