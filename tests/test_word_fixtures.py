"""Drafts built directly from the model for the Word writer tests (no test functions here)."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from lxml import etree

from secretariat.model import Draft, FootnoteRef, Heading, Masthead, Paragraph, Run

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}

MASTHEAD = Masthead(
    symbol="CTOC/COP/2016/2",
    distribution="General",
    date="14 June 2016",
    issued=date(2016, 6, 14),
    original="English",
    body="Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
    session="Eighth session",
    venue_dates="Vienna, 17\u201321 October 2016",
    agenda_item="Item 2 (b) of the provisional agenda",
    agenda_footnote="CTOC/COP/2016/1.",
    agenda_title="Review of the implementation of the United Nations Convention against Transnational "
    "Organized Crime and the Protocols thereto: Protocol to Prevent, Suppress and Punish Trafficking in "
    "Persons, Especially Women and Children",
    title="Activities of the United Nations Office on Drugs and Crime to promote and support the "
    "implementation of the Trafficking in Persons Protocol",
    subtitle="Report of the Secretariat",
    job_number="V.16-03496 (E)",
    job_dates=("280616", "290616"),
    barcode="*1603496*",
)


def para(text: str, *more: Run | FootnoteRef, level: int = 0, source: str = "") -> Paragraph:
    """Return a paragraph of one plain run and more inlines."""
    return Paragraph((Run(text), *more), level=level, source=source or f"content.json /blocks/{text[:12]}")


def heading(level: int, text: str) -> Heading:
    """Return a heading."""
    return Heading(level, (Run(text),))


def example_draft(**changes: object) -> Draft:
    """Return the small 2016-like draft: 3 heading levels, 8 paragraphs in two chapters, one footnote."""
    blocks = (
        heading(1, "Introduction"),
        para("Alpha paragraph reports on the eighth session."),
        para("Bravo paragraph counts 169 parties."),
        para("Charlie paragraph lists achievements:"),
        para("Delta item one;", level=1),
        para("Echo item two.", level=1),
        heading(1, "Activities to assist States"),
        heading(2, "Normative work"),
        heading(3, "Conference of the Parties"),
        para("Foxtrot paragraph on the ", Run("Global Report", italic=True), Run(" and "),
             Run("bold words", bold=True), Run(".")),
        para("Golf paragraph with a note.", FootnoteRef("press")),
        heading(3, "Commission on Crime Prevention"),
        para("Hotel paragraph introduces:"),
        para("India item;", level=1),
        para("Juliet item.", level=1),
        heading(2, "Technical assistance"),
        para("Kilo paragraph closes."),
        para("Lima paragraph concludes."),
    )
    values: dict[str, object] = {
        "masthead": MASTHEAD,
        "blocks": blocks,
        "footnotes": {"press": (Run("A press release is available at www.eurojust.europa.eu."),)},
        "title": "Activities of UNODC (2016)",
    }
    values.update(changes)
    return Draft(**values)  # type: ignore[arg-type]


LONG_TEXT = ("UNODC continued to provide significant and diverse support to Member States in their efforts to "
             "implement the Trafficking in Persons Protocol, especially by advancing normative work. ")


def long_draft(paragraphs: int = 40) -> Draft:
    """Return the example draft followed by enough long paragraphs to fill at least three pages."""
    extra = tuple(para(f"Paragraph {i + 9}. " + LONG_TEXT * 3) for i in range(paragraphs))
    return example_draft(blocks=example_draft().blocks + (heading(1, "Conclusions"),) + extra)


def parts(data: bytes) -> dict[str, bytes]:
    """Return the zip members of a .docx."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def xml(data: bytes, name: str) -> etree._Element:
    """Return one parsed part of a .docx."""
    return etree.fromstring(parts(data)[name])
