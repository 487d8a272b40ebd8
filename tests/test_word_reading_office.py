"""Identities survive LibreOffice: edited, deleted, inserted paragraphs and tracked changes, saved as .docx."""

from __future__ import annotations

from pathlib import Path

import pytest

from secretariat.word.reading import read_docx

pytestmark = pytest.mark.office


def test_libreoffice_keeps_identities_and_the_made_from_part(libreoffice_edits: dict[str, Path]) -> None:
    original = read_docx(libreoffice_edits["draft"])
    edited = read_docx(libreoffice_edits["edited"])
    before = {p.identity: p for p in original.paragraphs if p.identity}
    after = {p.identity: p for p in edited.paragraphs if p.identity}
    deleted = next(i for i, p in before.items() if p.text.startswith("On the basis of this strategy"))
    assert set(before) - set(after) == {deleted}
    assert "170 parties" in after["/blocks/2"].text and after["/blocks/1"].text.startswith("The present report informs")
    unchanged = [i for i in after if i not in ("/blocks/1", "/blocks/2")]
    assert all(after[i].text == before[i].text for i in unchanged)
    inserted = [p for p in edited.paragraphs if p.text == "An editor added this paragraph."]
    assert len(inserted) == 1 and inserted[0].identity is None and inserted[0].kind == "paragraph"
    assert inserted[0].label == "5"  # numbering stays live: the inserted paragraph takes the deleted one's number
    assert [f.identity for f in edited.footnotes] == ["masthead", "/footnotes/0"]
    assert edited.made_from == original.made_from


def test_libreoffice_tracked_changes_read_as_accepted_with_author(libreoffice_edits: dict[str, Path]) -> None:
    doc = read_docx(libreoffice_edits["tracked"])
    parties = next(p for p in doc.paragraphs if p.identity == "/blocks/2")
    assert "170 parties" in parties.text and "169" not in parties.text
    kinds = {(c.kind, c.text) for c in parties.changes}
    assert ("deletion", "169 parties") in kinds and ("insertion", "170 parties") in kinds
    assert all(c.author for c in parties.changes)
    gone = [p for p in doc.paragraphs if any(c.kind == "deletion" and c.text.startswith("On the basis")
                                             for c in p.changes)]
    assert len(gone) == 1 and gone[0].text == ""  # LibreOffice drops the bookmark of a deleted paragraph
