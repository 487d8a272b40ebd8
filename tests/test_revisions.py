"""Comparing two drafts: word-level changes, block alignment, the revision markup and the commands."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from office import require
from revision_pairs import make_pair
from secretariat.changes import CompareOptions, compare
from secretariat.compare import ChangeSummary, redline
from secretariat.compare.blocks import align
from secretariat.compare.words import diff_inlines
from secretariat.model import FootnoteRef, Heading, Paragraph, Revisions, Run
from secretariat.pipeline import build_draft
from secretariat.records import load_report
from secretariat.word import build_docx_bytes

SUMMARY = ChangeSummary(against="old", aligned_by="text")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "secretariat", *args], capture_output=True, text=True, timeout=120)


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name).decode("utf-8")


def test_a_changed_figure_is_one_deleted_and_one_inserted_word() -> None:
    inlines, changes = diff_inlines((Run("has a total of 169 parties."),), (Run("has a total of 173 parties."),))
    assert changes == 1
    assert inlines == (Run("has a total of "), Run("169", change="deleted"), Run("173", change="inserted"),
                       Run(" parties."))


def test_words_keep_their_style_and_references() -> None:
    old = (Run("See the "), Run("Global Report", italic=True), Run("."), FootnoteRef("a"))
    new = (Run("See the "), Run("Global Report", italic=False), Run("."), FootnoteRef("b"))
    inlines, changes = diff_inlines(old, new)
    assert changes == 2
    assert [(type(i).__name__, i.change) for i in inlines if i.change] == [
        ("Run", "deleted"), ("Run", "inserted"), ("FootnoteRef", "deleted"), ("FootnoteRef", "inserted")]
    assert diff_inlines(old, old) == (old, 0)


def test_a_lone_space_between_two_changes_joins_them() -> None:
    inlines, changes = diff_inlines((Run("one two three"),), (Run("uno dos three"),))
    assert changes == 1
    assert inlines == (Run("one two", change="deleted"), Run("uno dos", change="inserted"), Run(" three"))


def _p(text: str, source: str = "") -> Paragraph:
    return Paragraph((Run(text),), source=source)


def test_blocks_align_by_text_with_moves_as_delete_and_insert() -> None:
    old = [Heading(1, (Run("Introduction"),)), _p("Alpha beta gamma delta."), _p("Moved paragraph text here."),
           _p("Epsilon zeta eta theta iota.")]
    new = [Heading(1, (Run("Introduction"),)), _p("Alpha beta gamma delta changed."),
           _p("Epsilon zeta eta theta iota."), _p("Moved paragraph text here."), _p("Nothing alike at all.")]
    pairs = align(old, new)
    assert pairs[:2] == [(0, 0), (1, 1)] and pairs[-1] == (None, 4)  # the reworded one keeps its place
    moved = {(2, None), (None, 3), (3, 2)}, {(3, None), (None, 2), (2, 3)}  # one of the two is moved
    assert set(pairs[2:-1]) in moved and len(pairs) == 6


def test_a_record_id_pairs_a_paragraph_much_rewritten() -> None:
    old = [_p("One two three four five six seven eight nine ten.", "/blocks/1")]
    new = [_p("Something else entirely, nothing like it.", "/blocks/2"),
           _p("One two three and then other words here.", "/blocks/4")]
    assert align(old, new) == [(0, None), (None, 0), (None, 1)]  # a third in common is not enough by text
    assert align(old, new, {"/blocks/1": "id:x"}, {"/blocks/4": "id:x"}) == [(None, 0), (0, 1)]


def test_a_keyed_paragraph_cut_short_keeps_its_common_words() -> None:
    old = [_p("Regional agreements continued to be developed, including a regional strategy for combating "
              "trafficking in persons and smuggling of migrants in West and Central Africa for the period 2015–2020;",
              "/blocks/3/items/4")]
    new = [_p("Regional agreements were developed:", "/blocks/3/items/4"),
           _p("a first strategy;", "/blocks/3/items/4/items/0")]
    keys = {source: source for source in ("/blocks/3/items/4", "/blocks/3/items/4/items/0")}
    assert align(old, new) == [(0, None), (None, 0), (None, 1)]  # by text alone, too little in common
    assert align(old, new, keys, keys) == [(0, 0), (None, 1)]
    inlines, _ = diff_inlines(old[0].inlines, new[0].inlines)
    assert [i.text for i in inlines if isinstance(i, Run) and not i.change] == ["Regional agreements ", " developed"]


def test_the_only_paragraph_deleted_and_inserted_at_one_place_was_rewritten() -> None:
    old = [_p("Alpha beta gamma."), _p("Regional agreements continued to be developed."), _p("Omega psi chi.")]
    new = [_p("Alpha beta gamma."), _p("Synthetic text replacing a placeholder."), _p("Omega psi chi.")]
    assert align(old, new) == [(0, 0), (1, 1), (2, 2)]


@pytest.fixture(scope="module")
def example_draft():  # type: ignore[no-untyped-def]
    return build_draft(load_report(Path(__file__).resolve().parents[1] / "drafts" / "ctoc-cop-2016-tip"))


def test_no_change_gives_the_plain_draft_byte_for_byte(example_draft) -> None:  # type: ignore[no-untyped-def]
    marked = redline(example_draft, example_draft, SUMMARY)
    assert marked.summary.unchanged
    assert build_docx_bytes(marked.draft) == build_docx_bytes(example_draft)


def test_revision_markup_ids_author_and_date(example_draft) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from secretariat.model import Comment

    blocks = list(example_draft.blocks)
    blocks[2] = replace(blocks[2], inlines=tuple(replace(i, text=i.text.replace("169", "173"))
                                                 if isinstance(i, Run) else i for i in blocks[2].inlines))
    del blocks[5]
    new = replace(example_draft, blocks=tuple(blocks), comments=(Comment(blocks[2].source, "a finding"),),
                  masthead=replace(example_draft.masthead, symbol="CTOC/COP/2016/3"))
    marked = redline(example_draft, new, SUMMARY).draft
    data = build_docx_bytes(marked)
    assert data == build_docx_bytes(marked)  # deterministic
    document = part(data, "word/document.xml")
    assert re.findall(r"<w:delText[^>]*>([^<]*)<", document)[:2] == ["2", "169"]  # the symbol's, then the figure
    assert 'w:author="secretariat" w:date="2016-06-14T00:00:00Z"' in document  # defaults: masthead date
    header = part(data, "word/header2.xml")
    assert "<w:del " in header and "<w:ins " in header  # running heads show the symbol's change
    ids = [int(i) for i in re.findall(r'<w:(?:ins|del|commentRangeStart|bookmarkStart) w:id="(\d+)"', document)]
    ids += [int(i) for i in re.findall(r'<w:(?:ins|del|bookmarkStart) w:id="(\d+)"', part(data, "word/footnotes.xml"))]
    ids += [int(i) for name in ("header1", "header2", "header3", "footer1", "footer2", "footer3")
            for i in re.findall(r'<w:(?:ins|del) w:id="(\d+)"', part(data, f"word/{name}.xml"))]
    notes = [int(i) for i in re.findall(r'<w:footnote [^>]*w:id="(-?\d+)"', part(data, "word/footnotes.xml"))]
    assert len(ids) == len(set(ids)) and not set(ids) & set(notes)
    assert "<w:bookmarkStart " in document and "<w:commentRangeStart " in document  # all three kinds were there
    assert "<w:trackRevisions/>" in part(data, "word/settings.xml")
    other = replace(marked, revisions=Revisions(author="Ann Editor", date="2026-12-01T09:30:00Z"))
    assert 'w:author="Ann Editor" w:date="2026-12-01T09:30:00Z"' in part(build_docx_bytes(other),
                                                                         "word/document.xml")
    # python-docx, a second reader, finds the deleted paragraph whole inside a w:del
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    deleted = ["".join(p._p.xpath("./w:del//w:delText/text()")) for p in paragraphs if not p._p.xpath("./w:r")]
    gone = "".join(i.text for i in example_draft.blocks[5].inlines if isinstance(i, Run))
    assert gone in deleted


def _texts_without(data: bytes, skip: str) -> list[str]:
    """Return each paragraph's text, leaving out runs with direct formatting skip ("strike" or "bold")."""
    document = docx.Document(io.BytesIO(data))
    texts = []
    for paragraph in document.paragraphs:
        texts.append("".join(r.text for r in paragraph.runs if not getattr(r.font, skip)))
    return [t for t in texts if t]


def test_strike_bold_shows_deletions_struck_and_insertions_bold(tmp_path: Path) -> None:
    old, new = make_pair("moved", tmp_path)
    out = tmp_path / "strike-bold.docx"
    compare(CompareOptions(old, new, out, Revisions(style="strike-bold")))
    data = out.read_bytes()
    assert "<w:ins " not in part(data, "word/document.xml") and "<w:del " not in part(data, "word/document.xml")
    plain_new = build_docx_bytes(build_draft(load_report(new)))
    plain_old = build_docx_bytes(build_draft(load_report(old)))
    assert _texts_without(data, "strike") == _texts_without(plain_new, "strike")
    assert _texts_without(data, "bold") == _texts_without(plain_old, "bold")


def _pandoc(path: Path, mode: str) -> str:
    return subprocess.run([require("pandoc"), f"--track-changes={mode}", "-t", "plain", "--wrap=none", str(path)],
                          capture_output=True, text=True, check=True, timeout=60).stdout


def test_pandoc_reads_the_revisions(tmp_path: Path) -> None:
    old, new = make_pair("moved", tmp_path)
    marked = tmp_path / "marked.docx"
    compare(CompareOptions(old, new, marked))
    command = [require("pandoc"), "--track-changes=all", "-t", "markdown", "--wrap=none", str(marked)]
    text = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60).stdout
    assert re.search(r"\[A paragraph that is new in this version\.\[\^\d\]\]\{\.insertion author=\"secretariat\"", text)
    assert re.search(r"\[Synthetic new sub-section\]\{\.insertion", text)
    assert re.search(r"\[Also at the twenty-fourth session[^]]*\]\{\.deletion author=\"secretariat\"", text)
    assert re.search(r"\[A synthetic footnote added by a test[^]]*\]\{\.insertion", text)


def test_draft_changes_against_reports_what_changed(tmp_path: Path) -> None:
    old, new = make_pair("one-figure", tmp_path)
    out = tmp_path / "marked.docx"
    result = run("draft", str(new), "--changes-against", str(old), "-o", str(out), "--format", "json")
    data = json.loads(result.stdout)
    assert data["changes"] == {"against": str(old), "aligned_by": "record ids", "changed": 1, "inserted": 0,
                               "deleted": 0, "footnotes_changed": 0, "masthead_changed": [], "style": "track"}
    text = run("draft", str(new), "--changes-against", str(old), "-o", str(out)).stdout
    assert "paragraphs and headings: 1 changed, 0 inserted, 0 deleted" in text


def test_compare_refuses_to_write_over_an_input_and_bad_options(tmp_path: Path) -> None:
    old, new = make_pair("unchanged", tmp_path)
    (tmp_path / "old.docx").write_bytes(b"not a draft")
    result = run("compare", str(old), str(tmp_path / "old.docx"), "-o", str(tmp_path / "old.docx"))
    assert result.returncode == 2 and "that is an input" in result.stderr
    assert (tmp_path / "old.docx").read_bytes() == b"not a draft"
    result = run("compare", str(old), str(new), "-o", str(tmp_path / "x.docx"), "--changes-date", "yesterday")
    assert result.returncode == 2 and "expected a date such as 2016-06-14" in result.stderr
    result = run("compare", str(old), str(new), "-o", str(tmp_path / "x.docx"), "--changes-author", "")
    assert result.returncode == 2 and "expected a name" in result.stderr
    result = run("compare", str(old), str(new), "-o", str(tmp_path / "same.docx"))
    assert result.returncode == 0 and "no changes against" in result.stdout
    assert "<w:ins " not in part((tmp_path / "same.docx").read_bytes(), "word/document.xml")


def test_compare_overwrites_only_its_own_untouched_redline_unless_forced(tmp_path: Path) -> None:
    old, new = make_pair("one-figure", tmp_path)
    for folder, name in ((old, "old.docx"), (new, "new.docx")):
        assert run("draft", str(folder), "-o", str(tmp_path / name), "--no-comments").returncode in (0, 1)
    foreign = tmp_path / "foreign.docx"
    subprocess.run([require("pandoc"), str(tmp_path / "new.docx"), "-o", str(foreign)], check=True, timeout=60)
    out = tmp_path / "redline.docx"
    for newer in (tmp_path / "new.docx", foreign, new):  # a draft of ours, anyone's .docx, a report folder
        for _ in range(2):  # run again: the redline written there is ours, untouched, and simply replaced
            result = run("compare", str(tmp_path / "old.docx"), str(newer), "-o", str(out))
            assert result.returncode == 0, result.stderr
        assert not list(tmp_path.glob("redline.backup-*"))
    with zipfile.ZipFile(out) as package:  # an editor changed the redline since
        members = {name: package.read(name) for name in package.namelist()}
    members["word/document.xml"] = members["word/document.xml"].replace(b">173<", b">174<")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in members.items():
            package.writestr(name, data)
    edited = buffer.getvalue()
    out.write_bytes(edited)
    result = run("compare", str(tmp_path / "old.docx"), str(tmp_path / "new.docx"), "-o", str(out))
    assert result.returncode == 1
    assert f"{out} exists and is not the draft secretariat last wrote there" in result.stderr
    assert "pass --force (the old file is then kept beside it as redline.backup-" in result.stderr
    assert out.read_bytes() == edited and not list(tmp_path.glob("redline.backup-*"))
    result = run("compare", str(tmp_path / "old.docx"), str(tmp_path / "new.docx"), "-o", str(out), "--force",
                 "--format", "json")
    assert result.returncode == 0, result.stderr
    backup = Path(json.loads(result.stdout)["backup"])
    assert backup.read_bytes() == edited and out.read_bytes() != edited
    assert backup.parent == tmp_path and backup.name.startswith("redline.backup-")
    (tmp_path / "notes.docx").write_bytes(b"someone else's file")
    result = run("compare", str(tmp_path / "old.docx"), str(tmp_path / "new.docx"), "-o", str(tmp_path / "notes.docx"))
    assert result.returncode == 1 and (tmp_path / "notes.docx").read_bytes() == b"someone else's file"
    result = run("compare", str(tmp_path / "old.docx"), str(tmp_path / "new.docx"), "-o", str(tmp_path / "new.docx"),
                 "--force")
    assert result.returncode == 2 and "that is an input of the comparison" in result.stderr


def test_compare_two_docx_by_identity_or_by_text(tmp_path: Path) -> None:
    old, new = make_pair("one-figure", tmp_path)
    for folder, name in ((old, "old.docx"), (new, "new.docx")):
        assert run("draft", str(folder), "-o", str(tmp_path / name), "--no-comments").returncode in (0, 1)
    result = run("compare", str(tmp_path / "old.docx"), str(tmp_path / "new.docx"), "-o", str(tmp_path / "r.docx"),
                 "--format", "json")
    changes = json.loads(result.stdout)["changes"]
    assert (changes["aligned_by"], changes["changed"], changes["inserted"], changes["deleted"]) == (
        "identities", 1, 0, 0)
    document = part((tmp_path / "r.docx").read_bytes(), "word/document.xml")
    assert re.findall(r"<w:delText[^>]*>([^<]*)<", document) == ["169"]
    assert re.findall(r"<w:ins [^>]*><w:r><w:t[^>]*>([^<]*)<", document) == ["173"]
    foreign = tmp_path / "foreign.docx"
    subprocess.run([require("pandoc"), str(tmp_path / "old.docx"), "-o", str(foreign)], check=True, timeout=60)
    result = run("compare", str(foreign), str(tmp_path / "new.docx"), "-o", str(tmp_path / "f.docx"))
    assert result.returncode == 0, result.stderr
    assert "paragraphs matched by their text, not by the records they came from" in result.stdout


def test_a_bad_docx_is_one_clear_error(tmp_path: Path) -> None:
    old, new = make_pair("unchanged", tmp_path)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    result = run("draft", str(new), "--changes-against", str(broken), "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 1 and "broken.docx" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.docx").exists()
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    result = run("compare", str(text), str(new), "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 2 and "expected a report folder or a .docx, found a .txt file" in result.stderr


def _marked_ends(draft) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Return (first words, change of its paragraph mark) for each body paragraph after the masthead."""
    xml = part(build_docx_bytes(draft), "word/document.xml")
    body = xml[xml.index("UNSubtitle"):]
    found = []
    for p in re.findall(r"<w:p>(.*?)</w:p>", body, flags=re.S):
        mark = re.search(r"<w:pPr>.*?<w:rPr><w:(ins|del) ", p, flags=re.S)
        words = "".join(re.findall(r"<w:(?:t|delText)[^>]*>([^<]*)<", p))[:12]
        found.append((words, mark.group(1) if mark else ""))
    return found


def test_whole_paragraph_marks_keep_every_style_when_joined(example_draft) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    heading = Heading(2, (Run("Section head"),))
    first, new, last = _p("First para."), _p("New paragraph.", "/blocks/9"), _p("Last para.")
    inserted = replace(new, inlines=(Run("New paragraph.", change="inserted"),), change="inserted")
    # new right after a heading: its own mark (joining the paragraph after it, of its style, on reject)
    draft = replace(example_draft, blocks=(heading, inserted, first, last), footnotes={})
    assert _marked_ends(draft) == [("Section head", ""), ("New paragrap", "ins"), ("First para.", ""),
                                   ("Last para.", "")]
    # new before a heading: the mark before it (the paragraph before, of its style, joins it on reject)
    draft = replace(example_draft, blocks=(first, inserted, heading, last), footnotes={})
    assert _marked_ends(draft) == [("First para.", "ins"), ("New paragrap", ""), ("Section head", ""),
                                   ("Last para.", "")]


def test_a_redline_of_two_docx_reuses_the_qr_code_new_has(tmp_path: Path) -> None:
    from secretariat.word.barcode import qr_png
    from secretariat.word.reading import read_docx

    old, new = make_pair("one-figure", tmp_path)
    for folder, name in ((old, "old.docx"), (new, "new.docx")):
        (tmp_path / name).write_bytes(build_docx_bytes(build_draft(load_report(folder))))
    address = "https://undocs.org/CTOC/COP/2016/2"
    pictures = dict(read_docx(tmp_path / "new.docx").pictures)
    assert pictures[f"QR code of the document's address {address}"] == qr_png(address)
    assert any(description.startswith("Code 39 barcode of the job number") for description in pictures)
    compare(CompareOptions(tmp_path / "old.docx", tmp_path / "new.docx", tmp_path / "marked.docx"))
    with zipfile.ZipFile(tmp_path / "marked.docx") as package:
        assert package.read("word/media/qrcode.png") == qr_png(address)


def test_a_docx_keeps_the_depth_of_its_sub_paragraphs(tmp_path: Path) -> None:
    old, new = make_pair("nested", tmp_path)
    for folder, name in ((old, "old.docx"), (new, "new.docx")):
        (tmp_path / name).write_bytes(build_docx_bytes(build_draft(load_report(folder))))
    compare(CompareOptions(tmp_path / "new.docx", tmp_path / "new.docx", tmp_path / "same.docx"))
    compare(CompareOptions(tmp_path / "old.docx", tmp_path / "new.docx", tmp_path / "marked.docx"))
    styles = {name: [p.style.style_id for p in docx.Document(str(tmp_path / name)).paragraphs]
              for name in ("new.docx", "same.docx", "marked.docx")}
    assert styles["same.docx"] == styles["new.docx"]
    assert "UNSubparagraph4" in styles["marked.docx"]
