"""LibreOffice reads the .docx as a UN document: Word numbering, footnote marks, masthead and running heads.

LibreOffice's text export prints automatic numbers but no footnotes and no headers or footers, so those
are read from its PDF (pdftotext).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from office import convert, pdf_page_count, pdf_pages_text, to_text
from secretariat.word import write_docx
from test_word_fixtures import long_draft

pytestmark = pytest.mark.office


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """Return LibreOffice's text of the example draft and the PDF of the long draft."""
    folder = tmp_path_factory.mktemp("office")
    source = folder / "report.docx"
    write_docx(long_draft(), source)
    return to_text(source, folder / "txt"), convert(source, "pdf", folder / "pdf")


def lines(text: str) -> list[str]:
    """Return the non-empty lines, whitespace collapsed."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_masthead_lines(converted: tuple[str, Path]) -> None:
    text = lines(converted[0])
    assert text[:10] == [
        "United Nations", "CTOC/COP/2016/2",
        "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
        "Distr.: General", "14 June 2016", "Original: English", "Eighth session", "Vienna, 17\u201321 October 2016",
        "Item 2 (b) of the provisional agenda*",
        "Review of the implementation of the United Nations Convention against Transnational Organized Crime "
        "and the Protocols thereto: Protocol to Prevent, Suppress and Punish Trafficking in Persons, "
        "Especially Women and Children"]
    assert text[11] == "Report of the Secretariat"


def test_word_numbering_continues_across_chapters_and_letters_restart(converted: tuple[str, Path]) -> None:
    text = lines(converted[0])
    body = text[text.index("I. Introduction"):]
    assert body[:19] == [
        "I. Introduction",
        "1. Alpha paragraph reports on the eighth session.", "2. Bravo paragraph counts 169 parties.",
        "3. Charlie paragraph lists achievements:", "(a) Delta item one;", "(b) Echo item two.",
        "II. Activities to assist States", "A. Normative work", "1. Conference of the Parties",
        "4. Foxtrot paragraph on the Global Report and bold words.", "5. Golf paragraph with a note.1",
        "2. Commission on Crime Prevention", "6. Hotel paragraph introduces:", "(a) India item;",
        "(b) Juliet item.", "B. Technical assistance", "7. Kilo paragraph closes.", "8. Lima paragraph concludes.",
        "III. Conclusions"]
    numbers = [int(m.group(1)) for line in body[19:] if (m := re.match(r"(\d+)\. Paragraph (\d+)\.", line))]
    assert numbers == list(range(9, 49))
    assert all(re.match(rf"{n}\. Paragraph {n}\. ", line) for n, line in zip(numbers, body[19:], strict=True))


def test_footnotes_asterisk_then_one(converted: tuple[str, Path]) -> None:
    page_one = " ".join(pdf_pages_text(converted[1], 1, 1).split())
    assert "provisional agenda*" in page_one
    assert "* CTOC/COP/2016/1." in page_one
    page_two = " ".join(pdf_pages_text(converted[1], 2, 2).split())  # where the note's paragraph falls now
    assert re.search(r"\b1 A press release is available at www\.eurojust\.europa\.eu\.", page_two)
    assert "V.16-03496 (E) 280616 290616" in page_one and "*1603496*" in page_one


def test_running_heads_and_footers_alternate(converted: tuple[str, Path]) -> None:
    pdf = converted[1]
    assert pdf_page_count(pdf) >= 3
    first = lines(pdf_pages_text(pdf, 1, 1))
    assert first[0].startswith("United Nations") and first[0].endswith("CTOC/COP/2016/2")
    for page in (2, 3):
        text = pdf_pages_text(pdf, page, page).splitlines()
        head, foot = text[0], [line for line in text if line.strip()][-1]
        symbol_left = head.startswith("CTOC/COP/2016/2")
        assert head.strip() == "CTOC/COP/2016/2"
        if page % 2 == 0:
            assert symbol_left and re.fullmatch(rf"{page}\s{{10,}}V\.16-03496", foot.strip()), (head, foot)
        else:
            assert not symbol_left and re.fullmatch(rf"V\.16-03496\s{{10,}}{page}", foot.strip()), (head, foot)
