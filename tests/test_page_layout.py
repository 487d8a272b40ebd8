"""The issued and manuscript layouts, page 1's barcode and QR code, and sub-paragraphs down to the fourth degree."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
import zxingcpp
from docx.oxml.ns import qn
from docx.shared import Pt
from PIL import Image

from office import to_text
from secretariat.errors import OutputError
from secretariat.word import build_docx_bytes
from secretariat.word.barcode import code39_png, qr_png
from secretariat.word.identity import identity_of
from test_word_fixtures import NS, example_draft, heading, para, xml


def _decode(png: bytes) -> list[tuple[str, str]]:
    return [(r.format.name, r.text) for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def _draft(folder: Path, out: Path, *options: str) -> None:
    command = [sys.executable, "-m", "secretariat", "draft", str(folder), "-o", str(out), "--no-comments", *options]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def test_code39_and_qr_images_decode_and_are_deterministic() -> None:
    barcode, _modules = code39_png("1603496")
    assert _decode(barcode) == [("Code39", "1603496")]
    assert code39_png("1603496")[0] == barcode
    assert code39_png("1603497")[0] != barcode
    qr = qr_png("https://undocs.org/CTOC/COP/2016/2")
    assert _decode(qr) == [("QRCode", "https://undocs.org/CTOC/COP/2016/2")]
    assert qr_png("https://undocs.org/CTOC/COP/2016/2") == qr


@pytest.mark.parametrize("text", ["16*3496", "16-03496 é", ""])
def test_code39_refuses_what_it_cannot_encode(text: str) -> None:
    with pytest.raises(OutputError, match="Code 39"):
        code39_png(text)


def _media(path: Path) -> list[str]:
    return sorted(part.partname for part in docx.Document(str(path)).part.package.iter_parts()
                  if part.partname.startswith("/word/media/"))


def test_flags_leave_the_pictures_out_and_the_barcode_text_in(example: Path, tmp_path: Path) -> None:
    both, neither, qr_only = tmp_path / "both.docx", tmp_path / "neither.docx", tmp_path / "qr.docx"
    _draft(example, both)
    _draft(example, neither, "--no-barcode", "--no-qr")
    _draft(example, qr_only, "--no-barcode")
    assert _media(both) == ["/word/media/barcode.png", "/word/media/qrcode.png"]
    assert _media(neither) == []
    assert _media(qr_only) == ["/word/media/qrcode.png"]
    footer = docx.Document(str(neither)).sections[0].first_page_footer
    assert "*1603496*" in [p.text for p in footer.paragraphs]


def test_manuscript_is_double_spaced_twelve_point(example: Path, tmp_path: Path) -> None:
    issued, manuscript = tmp_path / "issued.docx", tmp_path / "manuscript.docx"
    _draft(example, issued)
    _draft(example, manuscript, "--layout", "manuscript")
    for path, size, spacing, note_spacing in ((issued, 10, Pt(12), Pt(10)), (manuscript, 12, 2.0, 2.0)):
        document = docx.Document(str(path))
        assert document.styles["Normal"].paragraph_format.line_spacing == spacing
        assert document.styles["footnote text"].paragraph_format.line_spacing == note_spacing
        defaults = document.styles.element.find(qn("w:docDefaults"))
        assert defaults is not None
        assert defaults.find(".//" + qn("w:sz")).get(qn("w:val")) == str(size * 2)
    # The masthead stays single-spaced in a manuscript, so page 1 still holds it with the title and text.
    assert docx.Document(str(manuscript)).styles["UN Masthead Agenda Title"].paragraph_format.line_spacing == 1.0
    page = docx.Document(str(issued)).sections[0]
    assert round(page.page_width.cm, 1) == 21.0 and round(page.page_height.cm, 1) == 29.7


def _nest(content: Any) -> None:
    block = next(b for b in content["blocks"] if len(b.get("items", [])) == 6)
    block["items"][4] = {"text": "Regional agreements were developed:", "items": [
        "a first strategy;",
        {"text": "a second strategy, with:", "items": [
            "one part;",
            {"text": "another part, with:", "items": ["a first piece;", "a second piece;"]},
        ]},
    ]}


@pytest.mark.office
def test_sub_paragraphs_nest_to_the_fourth_degree_with_live_numbers(
        example: Path, tmp_path: Path, edit_json: Callable[[Path, Callable[[Any], None]], None]) -> None:
    edit_json(example / "content.json", _nest)
    out = tmp_path / "nested.docx"
    _draft(example, out)
    styles = [p.style.style_id for p in docx.Document(str(out)).paragraphs]
    assert [s for s in styles if s.startswith("UNSubparagraph")][4:12] == [
        "UNSubparagraph", "UNSubparagraph2", "UNSubparagraph2", "UNSubparagraph3", "UNSubparagraph3",
        "UNSubparagraph4", "UNSubparagraph4", "UNSubparagraph"]
    names = [b.get(qn("w:name")) for b in docx.Document(str(out)).element.body.iter(qn("w:bookmarkStart"))]
    assert all(len(name) <= 40 for name in names)  # Word's limit on bookmark names
    deepest = "/blocks/3/items/4/items/1/items/1/items/1"
    assert [identity_of(name) for name in names].count((deepest, False)) == 1
    lines = [line.strip() for line in to_text(out, tmp_path / "txt").splitlines() if line.strip()]
    start = lines.index(next(line for line in lines if line.startswith("(e) ")))
    labels = [line.split()[0] for line in lines[start:start + 9]]
    assert labels == ["(e)", "(i)", "(ii)", "a.", "b.", "i.", "ii.", "(f)", "II."]
    assert lines[start] == "(e) Regional agreements were developed:"


def test_a_fifth_degree_is_invalid_input(example: Path, tmp_path: Path,
                                         edit_json: Callable[[Path, Callable[[Any], None]], None]) -> None:
    def too_deep(content: Any) -> None:
        _nest(content)
        block = next(b for b in content["blocks"] if len(b.get("items", [])) == 6)
        block["items"][4]["items"][1]["items"][1]["items"][0] = {"text": "deeper:", "items": ["too deep."]}

    edit_json(example / "content.json", too_deep)
    result = subprocess.run([sys.executable, "-m", "secretariat", "draft", str(example), "-o",
                             str(tmp_path / "x.docx")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert re.search(r"content\.json:\d+:\d+ /blocks/3/items/4/items/1/items/1/items/0: expected string",
                     result.stderr), result.stderr
    assert not (tmp_path / "x.docx").exists()
    assert json.loads((example / "content.json").read_text(encoding="utf-8"))  # the user's file is untouched


def _styles(blocks: tuple[Any, ...]) -> list[str]:
    data = build_docx_bytes(example_draft(blocks=blocks, footnotes={}))
    body = xml(data, "word/document.xml").find("w:body", NS)
    assert body is not None
    return [str(s.get(qn("w:val"))) for s in body.iter(qn("w:pStyle"))][-len(blocks):]


def test_a_short_closing_chapter_is_kept_whole_and_a_long_one_flows() -> None:
    short = (para("One."), heading(1, "Conclusions"), para("Seventy-three."), para("Seventy-four."))
    assert _styles(short) == ["UNNumberedParagraph", "Heading1", "UNNumberedParagraphKept", "UNNumberedParagraph"]
    long = (heading(1, "Conclusions"), *(para(f"Paragraph {i}.") for i in range(4)))
    assert "UNNumberedParagraphKept" not in _styles(long)
    with_items = (heading(1, "Conclusions"), para("Lead-in:"), para("item.", level=1))
    assert "UNNumberedParagraphKept" not in _styles(with_items)
