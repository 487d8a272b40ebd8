"""Findings as Word comments: the comments part, ranges around the right paragraph, and what office suites see."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import docx
import pytest
from lxml import etree

from office import TIMEOUT, convert, pdf_pages_text, require
from secretariat.model import Comment, FootnoteRef, Run
from secretariat.word import build_docx_bytes, write_docx
from test_word_fixtures import NS, W, example_draft, para, parts, xml

CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
BRAVO, GOLF = "content.json /blocks/Bravo paragr", "content.json /blocks/Golf paragra"
COMMENTS = (
    Comment(BRAVO, "[error] party-count: expected 169 parties, found 170"),
    Comment("", "[warning] masthead-date: the masthead date falls after the session\nsecond line"),
    Comment("content.json /blocks/99", "[note] orphan: this paragraph is not in the draft"),
    Comment(BRAVO, "[note] second comment on Bravo"),
    Comment(GOLF, "[note] on the paragraph that ends with a footnote"),
)


def w(attr: str) -> str:
    """Return the Clark name of a w: attribute."""
    return f"{{{W}}}{attr}"


def text_of(element: etree._Element) -> str:
    """Return the w:t text of an element."""
    return "".join(element.itertext(w("t")))


@pytest.fixture(scope="module")
def data() -> bytes:
    """Return the example draft with five comments as .docx bytes."""
    return build_docx_bytes(example_draft(comments=COMMENTS))


def commented(data: bytes) -> dict[str, list[str]]:
    """Return, per commented paragraph's text, the ids of the comment ranges around its runs."""
    found = {}
    for p in xml(data, "word/document.xml").iter(w("p")):
        starts = p.findall("w:commentRangeStart", NS)
        if starts:
            found[text_of(p)] = [s.get(w("id")) for s in starts]
    return found


def comment_texts(data: bytes) -> dict[str, str]:
    """Return the text of each comment by id (paragraphs joined by newlines)."""
    part = xml(data, "word/comments.xml")
    return {c.get(w("id")): "\n".join(text_of(p) for p in c.findall("w:p", NS)) for c in part}


def test_without_comments_the_package_is_unchanged() -> None:
    plain = build_docx_bytes(example_draft())
    assert plain == build_docx_bytes(example_draft(comments=()))
    members = parts(plain)
    assert "word/comments.xml" not in members
    assert b"comments" not in members["[Content_Types].xml"] + members["word/_rels/document.xml.rels"]
    assert b"comment" not in members["word/document.xml"] and b"Comment" not in members["word/styles.xml"]


def test_comments_part_is_declared_and_related(data: bytes) -> None:
    members = parts(data)
    types = {o.get("PartName"): o.get("ContentType") for o in etree.fromstring(members["[Content_Types].xml"])}
    assert types["/word/comments.xml"] == CT + "comments+xml"
    rels = {r.get("Type"): r.get("Target") for r in etree.fromstring(members["word/_rels/document.xml.rels"])}
    assert rels[REL + "comments"] == "comments.xml"
    assert len(xml(data, "word/document.xml").find("w:body/w:sectPr", NS).findall("w:headerReference", NS)) == 3


def test_each_comment_has_author_initials_fixed_date_and_styled_text(data: bytes) -> None:
    part = xml(data, "word/comments.xml")
    assert len(part) == 5
    for comment in part:
        assert (comment.get(w("author")), comment.get(w("initials"))) == ("secretariat check", "SC")
        assert comment.get(w("date")) == "2016-06-14T00:00:00Z"  # the masthead date, not the clock
        paragraphs = comment.findall("w:p", NS)
        assert {p.find("w:pPr/w:pStyle", NS).get(w("val")) for p in paragraphs} == {"CommentText"}
        mark = paragraphs[0].find("w:r/w:annotationRef", NS)
        assert mark is not None and mark.getparent().find("w:rPr/w:rStyle", NS).get(w("val")) == "CommentReference"
    texts = comment_texts(data)
    assert sorted(texts.values()) == sorted(c.text for c in COMMENTS)  # a line per CommentText paragraph
    styles = {s.get(w("styleId")): s.find("w:name", NS).get(w("val")) for s in xml(data, "word/styles.xml")
              if s.tag == w("style")}
    assert styles["CommentText"] == "annotation text" and styles["CommentReference"] == "annotation reference"


def test_ranges_wrap_the_runs_of_the_paragraph_the_anchor_names(data: bytes) -> None:
    texts = comment_texts(data)
    on = {paragraph: [texts[i] for i in ids] for paragraph, ids in commented(data).items()}
    title = example_draft().masthead.title
    assert on == {
        title: ["[warning] masthead-date: the masthead date falls after the session\nsecond line",
                "[note] orphan: this paragraph is not in the draft"],  # an unknown anchor goes on the title
        "Bravo paragraph counts 169 parties.": ["[error] party-count: expected 169 parties, found 170",
                                                "[note] second comment on Bravo"],
        "Golf paragraph with a note.": ["[note] on the paragraph that ends with a footnote"],
    }
    bravo = next(p for p in xml(data, "word/document.xml").iter(w("p")) if text_of(p).startswith("Bravo"))
    names = [etree.QName(child).localname for child in bravo]
    assert names == ["pPr", "commentRangeStart", "commentRangeStart", "r", "commentRangeEnd", "r",
                     "commentRangeEnd", "r"]
    ids = [child.get(w("id")) for child in bravo if child.get(w("id")) is not None]
    first, second = ids[:2]
    assert ids == [first, second, first, second]  # starts, then each end followed by its reference run
    references = bravo.findall("w:r/w:commentReference", NS)
    assert [r.get(w("id")) for r in references] == [first, second]
    assert all(r.getparent().find("w:rPr/w:rStyle", NS).get(w("val")) == "CommentReference" for r in references)


def test_ids_follow_the_document_and_stay_clear_of_footnote_ids(data: bytes) -> None:
    document = xml(data, "word/document.xml")
    in_order = [s.get(w("id")) for s in document.iter(w("commentRangeStart"))]
    assert in_order == [c.get(w("id")) for c in xml(data, "word/comments.xml")]
    assert sorted(in_order) == sorted(r.get(w("id")) for r in document.iter(w("commentReference")))
    notes = [int(n.get(w("id"))) for n in xml(data, "word/footnotes.xml")]
    assert min(int(i) for i in in_order) > max(notes)  # LibreOffice mixes up a comment and a note of one id


def test_comments_are_deterministic_and_survive_control_characters() -> None:
    draft = example_draft(comments=COMMENTS + (Comment(BRAVO, "bell \x07 here"),))
    assert build_docx_bytes(draft) == build_docx_bytes(draft)
    assert "bell \ufffd here" in comment_texts(build_docx_bytes(draft)).values()


def test_python_docx_reads_the_comments(data: bytes) -> None:
    comments = docx.Document(io.BytesIO(data)).comments
    assert len(comments) == 5
    seen = {c.comment_id: (c.author, c.initials, c.text) for c in comments}
    assert ("secretariat check", "SC", "[note] second comment on Bravo") in seen.values()
    assert all(c.timestamp is not None and c.timestamp.year == 2016 for c in comments)


# LibreOffice: its flat ODF export (fodt) keeps each comment as an office:annotation inside the paragraph it
# is anchored on, with the author, date and text LibreOffice read from the .docx.
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
DC = "http://purl.org/dc/elements/1.1/"


def to_fodt(docx_path: Path, outdir: Path) -> etree._Element:
    """Convert docx to flat ODF text with LibreOffice (fresh profile) and return the parsed result."""
    soffice = require("soffice", "libreoffice")
    outdir.mkdir(parents=True, exist_ok=True)
    command = [soffice, "--headless", "--norestore", f"-env:UserInstallation={(outdir / 'lo').resolve().as_uri()}",
               "--convert-to", "fodt", "--outdir", str(outdir), str(docx_path)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    produced = outdir / f"{docx_path.stem}.fodt"
    if result.returncode != 0 or not produced.exists():
        pytest.fail(f"LibreOffice conversion failed ({result.returncode}): {result.stderr or result.stdout}")
    return etree.parse(str(produced)).getroot()


def own_text(element: etree._Element) -> str:
    """Return the text of an ODF paragraph without the annotations and footnote bodies inside it."""
    pieces = [element.text or ""]
    for child in element:
        if child.tag not in (f"{{{OFFICE}}}annotation", f"{{{TEXT}}}note-body"):
            pieces.append(own_text(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


@pytest.mark.office
def test_libreoffice_shows_each_comment_on_its_paragraph(tmp_path: Path) -> None:
    source = tmp_path / "commented.docx"
    write_docx(example_draft(comments=COMMENTS), source)
    body = to_fodt(source, tmp_path / "fodt").find(f".//{{{OFFICE}}}text")
    seen = {}
    for p in body.iter(f"{{{TEXT}}}p", f"{{{TEXT}}}h"):
        notes = p.findall(f"{{{OFFICE}}}annotation")
        if notes:
            seen[" ".join(own_text(p).split())] = sorted(
                ("\n".join("".join(t.itertext()) for t in note.findall(f"{{{TEXT}}}p")),
                 note.findtext(f"{{{DC}}}creator"), note.findtext(f"{{{DC}}}date")) for note in notes)
            ends = [e.get(f"{{{OFFICE}}}name") for e in p.findall(f"{{{OFFICE}}}annotation-end")]
            assert sorted(ends) == sorted(note.get(f"{{{OFFICE}}}name") for note in notes)  # ranges close here
    when = "2016-06-14T00:00:00"
    assert seen == {
        example_draft().masthead.title: [
            ("[note] orphan: this paragraph is not in the draft", "secretariat check", when),
            ("[warning] masthead-date: the masthead date falls after the session\nsecond line",
             "secretariat check", when)],
        "Bravo paragraph counts 169 parties.": [
            ("[error] party-count: expected 169 parties, found 170", "secretariat check", when),
            ("[note] second comment on Bravo", "secretariat check", when)],
        "Golf paragraph with a note.1": [("[note] on the paragraph that ends with a footnote", "secretariat check",
                                           when)],
    }


@pytest.mark.office
def test_libreoffice_keeps_every_footnote_text_in_a_draft_with_comments(tmp_path: Path) -> None:
    draft = example_draft()
    more = tuple(para(f"Note paragraph {i}.", FootnoteRef(f"n{i}")) for i in range(3))
    comments = (*COMMENTS, Comment(more[1].source, "[note] between two notes"))
    draft = example_draft(blocks=draft.blocks + more, comments=comments,
                          footnotes={**draft.footnotes, **{f"n{i}": (Run(f"Note text {i}."),) for i in range(3)}})
    source = tmp_path / "notes.docx"
    write_docx(draft, source)
    text = " ".join(pdf_pages_text(convert(source, "pdf", tmp_path / "pdf"), 1, 3).split())
    assert "* CTOC/COP/2016/1." in text  # page 1's note; the numbered notes fall on a later page
    assert ("1 A press release is available at www.eurojust.europa.eu. 2 Note text 0. 3 Note text 1. "
            "4 Note text 2.") in text
