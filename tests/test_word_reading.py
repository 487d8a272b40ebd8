"""The reader contract: identities written into every draft, read back from ours and from foreign .docx files."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from secretariat.errors import DocumentError
from secretariat.pipeline import DraftOptions, draft
from secretariat.records import load_report
from secretariat.render.origin import origin_of
from secretariat.word.reading import read_docx

BODY_KINDS = ("heading", "paragraph", "subparagraph")


def declared_pointers(report: Path) -> list[str]:
    """Return the content pointers of every heading, paragraph and sub-paragraph, in order."""
    blocks = json.loads((report / "content.json").read_text(encoding="utf-8"))["blocks"]
    pointers = []
    for index, block in enumerate(blocks):
        pointers.append(f"/blocks/{index}")
        pointers += [f"/blocks/{index}/items/{i}" for i in range(len(block.get("items", [])))]
    return pointers


@pytest.fixture
def drafted(example: Path, tmp_path: Path) -> Path:
    out = tmp_path / "draft.docx"
    draft(DraftOptions(example, out))
    return out


def test_every_block_and_footnote_of_a_draft_carries_its_record(example: Path, drafted: Path) -> None:
    doc = read_docx(drafted)
    body = [p for p in doc.paragraphs if p.kind in BODY_KINDS]
    assert [p.identity for p in body] == declared_pointers(example)
    assert [f.identity for f in doc.footnotes] == ["masthead", "/footnotes/0"]
    assert [f.label for f in doc.footnotes] == ["*", "1"]
    assert all(p.identity is None for p in doc.paragraphs if p.kind == "masthead")
    labels = {p.identity: p.label for p in body}
    assert (labels["/blocks/0"], labels["/blocks/1"], labels["/blocks/3/items/5"]) == ("I", "1", "3 (f)")
    assert labels["/blocks/7"] == "II.A" and labels["/blocks/9"] == "II.A.1"
    assert all(p.numbered for p in body)


def test_the_draft_records_what_it_was_made_from(example: Path, drafted: Path) -> None:
    doc = read_docx(drafted)
    made_from = doc.made_from
    assert made_from is not None
    records = load_report(example)
    assert made_from["records"] == origin_of(records).records
    assert made_from["tool"].startswith("secretariat ") and made_from["report"] == example.name
    written = {p.identity: p.text for p in doc.paragraphs if p.identity}
    written.update({f.identity: f.text for f in doc.footnotes if f.identity})
    assert made_from["texts"] == written
    assert "{{ fig['parties-total'].value | count }}" in made_from["templates"]["/blocks/2"]
    assert "169 parties" in made_from["texts"]["/blocks/2"]


def test_records_changed_give_another_digest(example: Path, edit_json) -> None:  # type: ignore[no-untyped-def]
    before = origin_of(load_report(example))
    edit_json(example / "figures.json", lambda data: data["figures"][0].update(source="changed"))
    after = origin_of(load_report(example))
    assert before.records != after.records
    changed = {name for (name, digest), (_, other) in zip(before.files, after.files, strict=True) if digest != other}
    assert changed == {"figures.json"}


def test_a_foreign_document_written_by_python_docx(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Introduction", 1)
    document.add_paragraph("First numbered.", style="List Number")
    document.add_paragraph("Second numbered.", style="List Number")
    document.add_paragraph("3. A number typed by hand.")
    document.add_heading("Details", 2)
    path = tmp_path / "foreign.docx"
    document.save(str(path))
    doc = read_docx(path)
    assert doc.made_from is None and doc.footnotes == ()
    assert [(p.kind, p.label, p.text, p.identity) for p in doc.paragraphs] == [
        ("heading", "", "Introduction", None),
        ("paragraph", "1", "First numbered.", None),
        ("paragraph", "2", "Second numbered.", None),
        ("other", "", "3. A number typed by hand.", None),
        ("heading", "", "Details", None),
    ]


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_unreadable_files_get_one_located_message(drafted: Path, tmp_path: Path) -> None:
    text = tmp_path / "notes.docx"
    text.write_text("not a document", encoding="utf-8")
    encrypted = tmp_path / "locked.docx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(drafted.read_bytes()[:4000])
    workbook = tmp_path / "sheet.docx"
    openpyxl.Workbook().save(workbook)
    with zipfile.ZipFile(drafted) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    broken = _zip(tmp_path / "broken.docx", {**members, "word/document.xml": b"<w:document><w:body>"})
    expected = {text: "another kind", encrypted: "password-protected", truncated: "corrupt",
                workbook: "whose main part is 'xl/workbook.xml'", broken: "word/document.xml line 1"}
    for path, words in expected.items():
        with pytest.raises(DocumentError) as caught:
            read_docx(path)
        assert str(path) in caught.value.message and words in caught.value.message
