"""Structure of the .docx the Word writer produces: parts, styles, numbering, masthead, body, properties."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from lxml import etree

from secretariat.word import build_docx_bytes
from secretariat.word.layout import ISSUED
from test_word_fixtures import MASTHEAD, NS, W, example_draft, parts, xml

CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


@pytest.fixture(scope="module")
def data() -> bytes:
    """Return the example draft's .docx bytes."""
    return build_docx_bytes(example_draft())


def val(element: etree._Element | None, attr: str = "val") -> str | None:
    """Return a w: attribute of element (None if the element is missing)."""
    return None if element is None else element.get(f"{{{W}}}{attr}")


def style(styles: etree._Element, style_id: str) -> etree._Element:
    """Return the w:style with this id."""
    found = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
    assert found is not None, f"style {style_id} missing"
    return found


def body_paragraphs(data: bytes) -> list[etree._Element]:
    """Return the top-level paragraphs of the body (the masthead table's cells excluded)."""
    return xml(data, "word/document.xml").findall("w:body/w:p", NS)


def text_of(p: etree._Element) -> str:
    """Return the w:t text of an element."""
    return "".join(p.itertext(f"{{{W}}}t"))


def test_package_declares_every_part_and_python_docx_can_open_it(data: bytes) -> None:
    members = parts(data)
    types = etree.fromstring(members["[Content_Types].xml"])
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides["/word/footnotes.xml"] == CT + "footnotes+xml"
    assert overrides["/word/numbering.xml"] == CT + "numbering+xml"
    assert overrides["/word/document.xml"] == CT + "document.main+xml"
    assert {overrides[f"/word/{k}{i}.xml"] for k in ("header", "footer") for i in (1, 2, 3)} == {
        CT + "header+xml", CT + "footer+xml"}
    rels = {r.get("Type"): r.get("Target") for r in etree.fromstring(members["word/_rels/document.xml.rels"])}
    assert rels[REL + "footnotes"] == "footnotes.xml"
    assert rels[REL + "numbering"] == "numbering.xml"
    assert rels[REL + "styles"] == "styles.xml"
    assert {name for name in members if not name.endswith(".rels")} - {"[Content_Types].xml"} == {
        name.lstrip("/") for name in overrides if name}
    pictures = {r.get("Id"): r.get("Target") for r in etree.fromstring(members["word/_rels/footer1.xml.rels"])}
    assert pictures == {"rId1": "media/barcode.png", "rId2": "media/qrcode.png"}
    assert overrides["/word/media/barcode.png"] == overrides["/word/media/qrcode.png"] == "image/png"
    opened = docx.Document(io.BytesIO(data))
    assert opened.styles["UN Numbered Paragraph"].style_id == "UNNumberedParagraph"
    assert opened.paragraphs[0].style is not None and opened.paragraphs[0].style.name == "UN Masthead Session"


def test_styles_are_named_and_carry_the_layout(data: bytes) -> None:
    styles = xml(data, "word/styles.xml")
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert val(defaults.find("w:rFonts", NS), "ascii") == "Times New Roman"
    assert val(defaults.find("w:sz", NS)) == "20"
    assert val(defaults.find("w:lang", NS)) == "en-GB"
    names = {val(s.find("w:name", NS)) for s in styles.findall("w:style", NS)}
    assert {"UN Masthead Org", "UN Masthead Symbol", "UN Masthead Distr", "UN Masthead Body", "UN Title",
            "UN Subtitle", "UN Numbered Paragraph", "UN Subparagraph", "UN Emphasis", "UN Strong",
            "footnote text", "footnote reference", "heading 1", "heading 2", "heading 3"} <= names
    for level in (1, 2, 3):
        heading = style(styles, f"Heading{level}")
        assert val(heading.find("w:pPr/w:outlineLvl", NS)) == str(level - 1)
        assert val(heading.find("w:pPr/w:numPr/w:numId", NS)) == "2"
        assert val(heading.find("w:pPr/w:numPr/w:ilvl", NS)) == str(level - 1)
    for style_id, level in (("UNNumberedParagraph", "0"), ("UNSubparagraph", "1")):
        assert val(style(styles, style_id).find("w:pPr/w:numPr/w:numId", NS)) == "1"
        assert val(style(styles, style_id).find("w:pPr/w:numPr/w:ilvl", NS)) == level
    assert val(style(styles, "Normal").find("w:pPr/w:spacing", NS), "line") == "240"
    assert style(styles, "UNEmphasis").find("w:rPr/w:i", NS) is not None
    assert style(styles, "UNStrong").find("w:rPr/w:b", NS) is not None
    assert val(style(styles, "FootnoteReference").find("w:rPr/w:vertAlign", NS)) == "superscript"
    assert val(style(styles, "UNTitle").find("w:basedOn", NS)) == "Normal"


def test_numbering_lists_are_attached_to_styles(data: bytes) -> None:
    numbering = xml(data, "word/numbering.xml")
    abstract_of = {val(n, "numId"): val(n.find("w:abstractNumId", NS)) for n in numbering.findall("w:num", NS)}
    levels = {}
    for abstract in numbering.findall("w:abstractNum", NS):
        levels[val(abstract, "abstractNumId")] = [
            (val(lvl.find("w:numFmt", NS)), val(lvl.find("w:lvlText", NS)), val(lvl.find("w:pStyle", NS)))
            for lvl in abstract.findall("w:lvl", NS)]
        assert abstract.find(".//w:lvlRestart", NS) is None  # lower levels restart after each higher one
    assert levels[abstract_of["1"]] == [("decimal", "%1.", "UNNumberedParagraph"),
                                        ("lowerLetter", "(%2)", "UNSubparagraph"),
                                        ("lowerRoman", "(%3)", "UNSubparagraph2"),
                                        ("lowerLetter", "%4.", "UNSubparagraph3"),
                                        ("lowerRoman", "%5.", "UNSubparagraph4")]
    assert levels[abstract_of["2"]] == [("upperRoman", "%1.", "Heading1"), ("upperLetter", "%2.", "Heading2"),
                                        ("decimal", "%3.", "Heading3")]


def test_body_paragraphs_carry_only_style_references(data: bytes) -> None:
    body = xml(data, "word/document.xml").find("w:body", NS)
    for p in body.iter(f"{{{W}}}p"):
        assert [child.tag for child in p.find("w:pPr", NS)] == [f"{{{W}}}pStyle"]
    for rpr in body.iter(f"{{{W}}}rPr"):
        assert [child.tag for child in rpr] == [f"{{{W}}}rStyle"]
    paragraphs = body_paragraphs(data)
    styles = [val(p.find("w:pPr/w:pStyle", NS)) for p in paragraphs]
    assert styles.count("UNNumberedParagraph") == 8
    assert styles.count("UNSubparagraph") == 4
    headings = [(val(p.find("w:pPr/w:pStyle", NS)), text_of(p)) for p in paragraphs
                if val(p.find("w:pPr/w:pStyle", NS)).startswith("Heading")]
    assert headings[:4] == [("Heading1", "Introduction"), ("Heading1", "Activities to assist States"),
                            ("Heading2", "Normative work"), ("Heading3", "Conference of the Parties")]
    foxtrot = next(p for p in paragraphs if text_of(p).startswith("Foxtrot"))
    run_styles = [(val(r.find("w:rPr/w:rStyle", NS)), text_of(r)) for r in foxtrot.findall("w:r", NS)]
    assert ("UNEmphasis", "Global Report") in run_styles and ("UNStrong", "bold words") in run_styles


def test_masthead_table_and_lines(data: bytes) -> None:
    document = xml(data, "word/document.xml")
    table = document.find("w:body/w:tbl", NS)
    assert val(table.find("w:tblPr/w:tblStyle", NS)) == "UNMastheadTable"
    cells = [[(val(p.find("w:pPr/w:pStyle", NS)), text_of(p)) for p in tc.findall("w:p", NS)]
             for tc in table.iter(f"{{{W}}}tc")]
    assert cells == [
        [("UNMastheadOrg", "United Nations")], [("UNMastheadSymbol", "CTOC/COP/2016/2")],
        [("UNMastheadBody", MASTHEAD.body)],
        [("UNMastheadDistr", "Distr.: General"), ("UNMastheadDistr", "14 June 2016"),
         ("UNMastheadOriginal", "Original: English")]]
    lines = [(val(p.find("w:pPr/w:pStyle", NS)), text_of(p)) for p in body_paragraphs(data)[:6]]
    assert lines == [("UNMastheadSession", "Eighth session"), ("UNMastheadVenue", "Vienna, 17\u201321 October 2016"),
                     ("UNMastheadItem", "Item 2 (b) of the provisional agenda*"),
                     ("UNMastheadAgendaTitle", MASTHEAD.agenda_title), ("UNTitle", MASTHEAD.title),
                     ("UNSubtitle", "Report of the Secretariat")]
    reference = body_paragraphs(data)[2].find(".//w:footnoteReference", NS)
    assert val(reference, "customMarkFollows") == "1" and val(reference, "id") == "1"
    assert [etree.QName(e).localname for e in reference.getparent()][-2:] == ["footnoteReference", "t"]
    assert reference.getnext().text == "*"


def test_footnotes_part_and_references(data: bytes) -> None:
    notes = xml(data, "word/footnotes.xml")
    by_id = {val(n, "id"): n for n in notes.findall("w:footnote", NS)}
    assert val(by_id["-1"], "type") == "separator" and by_id["-1"].find(".//w:separator", NS) is not None
    assert val(by_id["0"], "type") == "continuationSeparator"
    assert text_of(by_id["1"]) == "*CTOC/COP/2016/1."
    assert by_id["1"].find(".//w:footnoteRef", NS) is None  # custom mark: no automatic number
    assert by_id["2"].find(".//w:footnoteRef", NS) is not None
    assert text_of(by_id["2"]) == "A press release is available at www.eurojust.europa.eu."
    assert {val(p.find("w:pPr/w:pStyle", NS)) for i in ("1", "2") for p in by_id[i].findall("w:p", NS)} == {
        "FootnoteText"}
    references = xml(data, "word/document.xml").findall(".//w:footnoteReference", NS)
    assert [(val(r, "id"), val(r, "customMarkFollows")) for r in references] == [("1", "1"), ("2", None)]
    assert all(val(r.getparent().find("w:rPr/w:rStyle", NS)) == "FootnoteReference" for r in references)
    settings = xml(data, "word/settings.xml")
    assert [val(f, "id") for f in settings.findall("w:footnotePr/w:footnote", NS)] == ["-1", "0"]


def test_numbered_footnotes_follow_reference_order() -> None:
    draft = example_draft()
    blocks = list(draft.blocks)
    from secretariat.model import FootnoteRef, Paragraph, Run

    blocks.insert(1, Paragraph((Run("Early."), FootnoteRef("early")), source="s"))
    data = build_docx_bytes(example_draft(blocks=tuple(blocks),
                                          footnotes={**draft.footnotes, "early": (Run("First note."),)}))
    notes = {val(n, "id"): text_of(n) for n in xml(data, "word/footnotes.xml").findall("w:footnote", NS)}
    assert notes["2"] == "First note." and notes["3"].startswith("A press release")


def _part_for(data: bytes, rel_id: str) -> etree._Element:
    """Return the parsed part a document relationship id points to."""
    rels = etree.fromstring(parts(data)["word/_rels/document.xml.rels"])
    target = next(r.get("Target") for r in rels if r.get("Id") == rel_id)
    return xml(data, f"word/{target}")


def test_running_heads_footers_and_page_setup(data: bytes) -> None:
    sect = xml(data, "word/document.xml").find("w:body/w:sectPr", NS)
    assert sect.find("w:titlePg", NS) is not None
    assert xml(data, "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None
    assert (val(sect.find("w:pgSz", NS), "w"), val(sect.find("w:pgSz", NS), "h")) == ("11906", "16838")
    assert val(sect.find("w:pgMar", NS), "top") == str(ISSUED.margin_top)
    refs = {(etree.QName(r).localname, val(r, "type")): r.get(f"{{{NS['r']}}}id") for r in sect
            if etree.QName(r).localname.endswith("Reference")}
    assert len(refs) == 6
    heads = {slot: _part_for(data, refs[("headerReference", slot)]) for slot in ("first", "default", "even")}
    assert text_of(heads["first"]) == ""
    assert [(val(p.find("w:pPr/w:pStyle", NS)), text_of(p)) for p in heads["even"]] == [
        ("UNRunningHeadEven", "CTOC/COP/2016/2")]
    assert [(val(p.find("w:pPr/w:pStyle", NS)), text_of(p)) for p in heads["default"]] == [
        ("UNRunningHeadOdd", "CTOC/COP/2016/2")]
    feet = {slot: _part_for(data, refs[("footerReference", slot)]) for slot in ("first", "default", "even")}
    first = feet["first"].findall("w:p", NS)
    assert [text_of(p) for p in first] == ["V.16-03496 (E)280616290616", "", "*1603496*"]
    assert len(first[1].findall(".//w:drawing", NS)) == 2  # the barcode and the QR code
    assert len(first[0].findall(".//w:tab", NS)) == 2

    def sequence(footer: etree._Element) -> list[str]:
        items = []
        for node in footer.iter(f"{{{W}}}t", f"{{{W}}}instrText", f"{{{W}}}fldChar"):
            if etree.QName(node).localname == "instrText":
                items.append(f"field:{node.text.strip()}")
            elif etree.QName(node).localname == "t" and node.getparent().getprevious() is not None and (
                    node.getparent().getprevious().find("w:fldChar", NS) is not None):
                continue  # the field's cached result
            elif etree.QName(node).localname == "t":
                items.append(node.text)
        return items

    assert sequence(feet["even"]) == ["field:PAGE", "V.16-03496"]
    assert sequence(feet["default"]) == ["V.16-03496", "field:PAGE"]
    assert [val(f, "fldCharType") for f in feet["even"].iter(f"{{{W}}}fldChar")] == ["begin", "separate", "end"]


def test_core_properties_are_fixed(data: bytes) -> None:
    core = etree.fromstring(parts(data)["docProps/core.xml"])
    values = {etree.QName(e).localname: e.text for e in core}
    assert values["title"] == "Activities of UNODC (2016)"
    assert values["creator"] == "United Nations" and values["revision"] == "1"
    assert values["created"] == values["modified"] == "2016-06-14T00:00:00Z"
    assert "lastPrinted" not in values


def test_two_builds_are_byte_identical() -> None:
    first, second = build_docx_bytes(example_draft()), build_docx_bytes(example_draft())
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.namelist()[0] == "[Content_Types].xml"
