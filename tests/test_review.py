"""secretariat review: findings for every kind of edit, --apply (merge, refusals, structure, idempotence,
atomicity, the round trip), bad input, and the refusal to overwrite an edited draft."""

from __future__ import annotations

import copy
import json
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from review_edits import W, paragraph, replace_text, rewrite, strip_identities, track
from secretariat.cli import main
from secretariat.pipeline import DraftOptions, draft
from secretariat.word.reading import read_docx

PARTIES = "The Trafficking in Persons Protocol has a total of"
INTRO = "The present report seeks to inform"
STRATEGY = "On the basis of this strategy"
COMPREHENSIVE = "UNODC implements a comprehensive"
FOOTNOTED = "consistently acknowledged by partner organizations"  # the paragraph holding the only footnote


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def review_json(edited: Path, report: Path, *extra: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code, out = cli("review", str(edited), str(report), "--format", "json", *extra)
    return code, json.loads(out)


def codes(data: dict) -> list[str]:  # type: ignore[type-arg]
    return [f["code"] for f in data["findings"]]


def snapshot(report: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(report.glob("*.json"))}


def body_texts(path: Path) -> list[str]:
    return [p.text for p in read_docx(path).paragraphs if p.kind != "masthead" and p.text.strip()]


@pytest.fixture
def drafted(example: Path, tmp_path: Path) -> Path:
    out = tmp_path / "draft.docx"
    draft(DraftOptions(example, out, comments=False))
    return out


def editorial_edits(root) -> None:  # type: ignore[no-untyped-def]
    """Change a figure and some wording, delete a paragraph, insert one, move one."""
    replace_text(paragraph(root, PARTIES), "169 parties", "170 parties")
    replace_text(paragraph(root, INTRO), "seeks to inform", "informs")
    strategy = paragraph(root, STRATEGY)
    body = strategy.getparent()
    new = copy.deepcopy(strategy)
    for bookmark in list(new.iter(f"{W}bookmarkStart")) + list(new.iter(f"{W}bookmarkEnd")):
        bookmark.getparent().remove(bookmark)
    replace_text(new, "On the basis of this strategy", "An inserted paragraph, written by an editor")
    body.remove(strategy)
    comprehensive = paragraph(root, COMPREHENSIVE)
    comprehensive.addnext(new)
    intro = paragraph(root, "The present report")  # move paragraph 1 after paragraph 2
    parties = paragraph(root, PARTIES)
    parties.addnext(intro)


def test_review_reports_every_kind_of_edit(example: Path, drafted: Path, tmp_path: Path) -> None:
    edited = rewrite(drafted, tmp_path / "edited.docx", editorial_edits)
    before = snapshot(example)
    code, data = review_json(edited, example)
    assert code == 1  # the changed figure is an error
    found = {(f["code"], f["pointer"]) for f in data["findings"]}
    assert ("review-value-changed", "/blocks/2") in found
    assert ("review-paragraph-edited", "/blocks/1") in found
    assert ("review-paragraph-deleted", "/blocks/6") in found
    assert ("review-paragraph-inserted", "/blocks/5") in found
    assert ("review-paragraph-moved", "/blocks/1") in found or ("review-paragraph-moved", "/blocks/2") in found
    value = next(f for f in data["findings"] if f["code"] == "review-value-changed")
    assert (value["expected"], value["found"]) == ("169", "170")
    assert "parties-total" in value["message"] and "figures.json" in value["message"]
    assert value["file"].endswith("content.json") and value["line"] is not None
    assert snapshot(example) == before  # review alone changes nothing


def test_an_edit_deep_in_a_paragraph_is_shown_where_it_is(example: Path, drafted: Path, tmp_path: Path) -> None:
    def late_edit(root) -> None:  # type: ignore[no-untyped-def]
        replace_text(paragraph(root, "Despite the progress"), "a pressing global problem", "a serious global problem")

    edited = rewrite(drafted, tmp_path / "edited.docx", late_edit)
    _, data = review_json(edited, example)
    [message] = [f["message"] for f in data["findings"] if f["code"] == "review-paragraph-edited"]
    assert message == ("paragraph 74 was edited: '…in persons remains a pressing global problem, victimizing…' became "
                       "'…in persons remains a serious global problem, victimizing…'")
    _, data = review_json(edited, example, "--apply")
    [change] = [c for c in data["apply"]["changes"] if c["action"] == "edited"]
    assert change["detail"] == ("'…in persons remains a pressing global problem, victimizing…' -> "
                                "'…in persons remains a serious global problem, victimizing…'")


def test_apply_keeps_expressions_refuses_values_and_round_trips(example: Path, drafted: Path, tmp_path: Path) -> None:
    edited = rewrite(drafted, tmp_path / "edited.docx", editorial_edits)
    code, data = review_json(edited, example, "--apply")
    assert data["apply"]["applied"] is True, data["apply"]
    content = json.loads((example / "content.json").read_text(encoding="utf-8"))["blocks"]
    texts = [b["text"] for b in content]
    parties = next(t for t in texts if t.startswith(PARTIES))
    assert "{{ fig['parties-total'].value | count }}" in parties and "170" not in parties  # value refused
    intro = next(t for t in texts if t.startswith("The present report informs"))
    assert "{{ report.session.number | ordinal }}" in intro  # wording taken, expression kept
    assert texts.index(parties) < texts.index(intro)  # moved
    assert not any(t.startswith(STRATEGY) for t in texts)  # deleted
    inserted = next(b for b in content if b["text"].startswith("An inserted paragraph"))
    assert inserted["id"].startswith("an-inserted-paragraph")
    actions = {(c["action"], c["applied"]) for c in data["apply"]["changes"]}
    assert {("edited", True), ("inserted", True), ("deleted", True), ("moved", True),
            ("value-refused", False)} <= actions
    receipt = json.loads(Path(data["apply"]["receipt"]).read_text(encoding="utf-8"))
    assert receipt["records_before"] != receipt["records_after"]
    # the round trip: a new draft prints what the editor wrote, except the refused figure
    again = tmp_path / "again.docx"
    draft(DraftOptions(example, again, comments=False))
    differences = [(a, b) for a, b in zip(body_texts(edited), body_texts(again), strict=True) if a != b]
    assert differences == [(differences[0][0], differences[0][0].replace("170 parties", "169 parties"))]
    # idempotent: the same document again changes nothing, and its review knows the records now agree
    after = snapshot(example)
    code, data = review_json(edited, example, "--apply")
    assert data["apply"]["applied"] is False and "already applied" in data["apply"]["note"]
    assert snapshot(example) == after
    assert codes(data) == ["review-value-changed"]


def test_apply_is_all_or_nothing(example: Path, drafted: Path, tmp_path: Path) -> None:
    def edits(root) -> None:  # type: ignore[no-untyped-def]
        replace_text(paragraph(root, INTRO), "seeks to inform", "informs")
        track(paragraph(root, COMPREHENSIVE), "UNODC", "The Office", author="Editor B")

    edited = rewrite(drafted, tmp_path / "tracked.docx", edits)
    before = snapshot(example)
    code, data = review_json(edited, example, "--apply")
    assert code == 1 and data["apply"]["applied"] is False
    assert "tracked changes" in str(data["apply"]["problems"])
    assert snapshot(example) == before and not (example / "review").exists()
    tracked = next(f for f in data["findings"] if f["code"] == "review-tracked-change")
    assert "Editor B" in tracked["message"] and "paragraph 4" in tracked["message"]
    code, data = review_json(edited, example, "--apply", "--changes", "reject")
    assert data["apply"]["applied"] is True
    texts = [b["text"] for b in json.loads((example / "content.json").read_text(encoding="utf-8"))["blocks"]]
    assert any(t.startswith(COMPREHENSIVE) for t in texts) and any(t.startswith("The present report informs")
                                                                   for t in texts)


def test_apply_moves_waivers_with_their_paragraphs(example: Path, drafted: Path, tmp_path: Path) -> None:
    waived = json.loads((example / "waivers.json").read_text(encoding="utf-8"))["waivers"][0]
    assert waived["pointer"] == "/blocks/23/text"
    edited = rewrite(drafted, tmp_path / "shorter.docx",
                     lambda root: root.find(f"{W}body").remove(paragraph(root, STRATEGY)))  # /blocks/6 deleted
    code, data = review_json(edited, example, "--apply")
    assert data["apply"]["applied"] is True
    waivers = json.loads((example / "waivers.json").read_text(encoding="utf-8"))["waivers"]
    assert waivers[0]["pointer"] == "/blocks/22/text"
    code, out = cli("check", str(example), "--format", "json")
    assert "waiver-unused" not in out
    assert json.loads(out)["summary"]["waived"] == len(waivers)  # each waiver covers its finding still


def test_comments_numbering_and_footnotes(example: Path, drafted: Path, tmp_path: Path) -> None:
    document = docx.Document(str(drafted))
    target = next(p for p in document.paragraphs if p.text.startswith(PARTIES))
    document.add_comment(target.runs, text="Is 169 still right?", author="Editor C", initials="EC")
    typed = next(p for p in document.paragraphs if p.text.startswith(COMPREHENSIVE))
    typed.style = document.styles["Normal"]
    typed.runs[0].text = "4. " + typed.runs[0].text
    footnoted = next(p for p in document.paragraphs if FOOTNOTED in p.text)
    footnoted._p.getparent().remove(footnoted._p)
    commented = tmp_path / "commented.docx"
    document.save(str(commented))
    code, data = review_json(commented, example)
    comment = next(f for f in data["findings"] if f["code"] == "review-comment")
    assert "Editor C" in comment["message"] and "Is 169 still right?" in comment["message"]
    assert comment["pointer"] == "/blocks/2"
    numbering = [f for f in data["findings"] if f["code"] == "review-numbering-not-live"]
    assert any("'4.' is typed" in f["message"] for f in numbering)
    assert "review-footnote-lost" in codes(data)


def test_bad_input_leaves_the_report_alone(example: Path, drafted: Path, tmp_path: Path) -> None:
    before = snapshot(example)
    foreign = tmp_path / "foreign.docx"
    other = docx.Document()
    for i in range(5):
        other.add_paragraph(f"Minutes of meeting {i} of a committee that has nothing to do with this report.")
    other.save(str(foreign))
    locked = tmp_path / "locked.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(drafted.read_bytes()[:5000])

    def other_report(root) -> None:  # type: ignore[no-untyped-def]
        root.set("report", "ctoc-cop-2018-tip")
        root.set("symbol", "CTOC/COP/2018/2")

    elsewhere = rewrite(drafted, tmp_path / "elsewhere.docx", other_report, part="customXml/item1.xml")
    expected = {foreign: "not a draft of this report", locked: "password-protected", corrupt: "corrupt",
                elsewhere: "another report: ctoc-cop-2018-tip"}
    for path, words in expected.items():
        for apply in ((), ("--apply",)):
            code, out = cli("review", str(path), str(example), *apply)
            assert code == 1 and words in out and "Traceback" not in out, out
    assert snapshot(example) == before and not (example / "review").exists()


def test_identities_stripped_falls_back_to_text(example: Path, drafted: Path, tmp_path: Path) -> None:
    def edits(root) -> None:  # type: ignore[no-untyped-def]
        strip_identities(root)
        replace_text(paragraph(root, PARTIES), "169 parties", "170 parties")

    pasted = rewrite(drafted, tmp_path / "pasted.docx", edits, drop=("customXml/item1.xml",))
    code, data = review_json(pasted, example)
    assert "review-identities-lost" in codes(data)
    assert ("review-value-changed", "/blocks/2") in {(f["code"], f["pointer"]) for f in data["findings"]}
    assert "review-paragraph-deleted" not in codes(data) and "review-paragraph-inserted" not in codes(data)
    code, data = review_json(pasted, example, "--apply")
    assert data["apply"]["applied"] is False and "identities" in data["apply"]["error"] + str(data["apply"])


def test_draft_never_overwrites_an_edited_draft(example: Path, drafted: Path, tmp_path: Path) -> None:
    out = tmp_path / "draft.docx"
    assert cli("draft", str(example), "-o", str(out))[0] in (0, 1)  # our own untouched draft: overwritten
    edited = rewrite(out, tmp_path / "copy.docx", lambda root: replace_text(paragraph(root, INTRO), "seeks", "aims"))
    edited.replace(out)
    kept = out.read_bytes()
    code, output = cli("draft", str(example), "-o", str(out))
    assert code == 1 and "not overwritten" in output and "--force" in output and "secretariat review" in output
    assert out.read_bytes() == kept
    notes = tmp_path / "notes.docx"
    notes.write_text("my own notes", encoding="utf-8")
    assert cli("draft", str(example), "-o", str(notes))[0] == 1 and notes.read_text(encoding="utf-8") == "my own notes"
    code, output = cli("draft", str(example), "-o", str(out), "--force")
    backups = list(tmp_path.glob("draft.backup-*.docx"))
    assert len(backups) == 1 and backups[0].read_bytes() == kept and str(backups[0]) in output
    with zipfile.ZipFile(out) as archive:
        assert "customXml/item1.xml" in archive.namelist()


def test_headings_footnotes_and_sarif(example: Path, drafted: Path, tmp_path: Path) -> None:
    def heading_and_note(root) -> None:  # type: ignore[no-untyped-def]
        replace_text(paragraph(root, "Introduction"), "Introduction", "Introduction and scope")

    edited = rewrite(drafted, tmp_path / "heading.docx", heading_and_note)
    edited = rewrite(edited, tmp_path / "note.docx", lambda root: replace_text(
        paragraph(root, "A press release"), "A press release", "A short press release"), part="word/footnotes.xml")
    code, out = cli("review", str(edited), str(example), "--format", "sarif")
    sarif = json.loads(out)
    rules = {rule["id"]: rule["shortDescription"]["text"] for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["review-heading-changed"] == "the editor changed a heading"
    assert {"review-heading-changed", "review-footnote-edited"} <= set(rules)
    results = {(r["ruleId"], r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"])
               for r in sarif["runs"][0]["results"]}
    assert {("review-heading-changed", "/blocks/0"), ("review-footnote-edited", "/footnotes/0")} <= results
    code, data = review_json(edited, example, "--apply")
    assert data["apply"]["applied"] is True
    content = json.loads((example / "content.json").read_text(encoding="utf-8"))["blocks"]
    notes = json.loads((example / "footnotes.json").read_text(encoding="utf-8"))["footnotes"]
    assert content[0] == {"heading": 1, "text": "Introduction and scope"}
    assert notes[0]["text"].startswith("A short press release") and notes[0]["id"] == "eurojust-press-release"


def test_records_changed_since_the_draft(example: Path, drafted: Path, tmp_path: Path, edit_json) -> None:  # type: ignore[no-untyped-def]
    edited = rewrite(drafted, tmp_path / "edited.docx",
                     lambda root: replace_text(paragraph(root, INTRO), "seeks to inform", "informs"))

    def change(data) -> None:  # type: ignore[no-untyped-def]
        for block in data["blocks"]:
            if block["text"].startswith(INTRO):
                block["text"] = block["text"].replace("seeks to inform", "aims to inform")
            if block["text"].startswith(COMPREHENSIVE):
                block["text"] = block["text"].replace("comprehensive", "wide-ranging")

    edit_json(example / "content.json", change)
    code, data = review_json(edited, example)
    found = {(f["code"], f["pointer"]) for f in data["findings"]}
    assert ("review-conflict", "/blocks/1") in found  # both changed it
    assert ("review-records-changed", "/blocks/5") in found  # only the records changed it
    assert ("review-records-changed", None) in found
    before = snapshot(example)
    code, data = review_json(edited, example, "--apply")
    assert code == 1 and data["apply"]["applied"] is False and snapshot(example) == before


def test_two_paragraphs_merged_keep_both_records_expressions(example: Path, drafted: Path, tmp_path: Path) -> None:
    def join(root) -> None:  # type: ignore[no-untyped-def]
        first, second = paragraph(root, INTRO), paragraph(root, PARTIES)
        space = copy.deepcopy(first.find(f"{W}r"))
        for t in space.iter(f"{W}t"):
            t.text = " "
        first.append(space)
        for child in list(second):
            if child.tag != f"{W}pPr":
                first.append(child)  # the runs and the second paragraph's bookmark, as Word leaves them
        second.getparent().remove(second)

    merged = rewrite(drafted, tmp_path / "merged.docx", join)
    code, data = review_json(merged, example)
    deleted = next(f for f in data["findings"] if f["code"] == "review-paragraph-deleted")
    assert deleted["pointer"] == "/blocks/2" and "merged into paragraph 1" in deleted["message"]
    code, data = review_json(merged, example, "--apply")
    assert data["apply"]["applied"] is True, data["apply"]
    blocks = json.loads((example / "content.json").read_text(encoding="utf-8"))["blocks"]
    assert "{{ fig['parties-total'].value | count }}" in blocks[1]["text"]  # the second record's values live on
    assert "{{ report.session.number | ordinal }}" in blocks[1]["text"]
    again = tmp_path / "again.docx"
    draft(DraftOptions(example, again, comments=False))
    assert body_texts(again) == body_texts(merged)


def test_an_unedited_draft_gives_no_findings(example: Path, tmp_path: Path) -> None:
    with_comments = tmp_path / "with-comments.docx"
    draft(DraftOptions(example, with_comments))  # the checks' findings as comments: secretariat's, not an editor's
    assert read_docx(with_comments).comments
    code, data = review_json(with_comments, example)
    assert (code, data["findings"]) == (0, [])
    code, data = review_json(with_comments, example, "--apply")
    assert data["apply"]["applied"] is False and "nothing changed" in data["apply"]["note"]
    assert not (example / "review").exists()


def test_footnotes_moved_and_added(example: Path, drafted: Path, tmp_path: Path) -> None:
    def move_reference(root) -> None:  # type: ignore[no-untyped-def]
        holder = next(p for p in root.iter(f"{W}p") if p.find(f".//{W}footnoteReference") is not None
                      and FOOTNOTED in "".join(t.text or "" for t in p.iter(f"{W}t")))
        reference = holder.find(f".//{W}footnoteReference").getparent()
        paragraph(root, COMPREHENSIVE).append(reference)  # now in paragraph 4
        added = copy.deepcopy(reference)
        added.find(f"{W}footnoteReference").set(f"{W}id", "77")
        paragraph(root, PARTIES).append(added)

    def add_note(root) -> None:  # type: ignore[no-untyped-def]
        note = copy.deepcopy(root[-1])
        note.set(f"{W}id", "77")
        for bookmark in list(note.iter(f"{W}bookmarkStart")) + list(note.iter(f"{W}bookmarkEnd")):
            bookmark.getparent().remove(bookmark)
        for t in note.iter(f"{W}t"):
            t.text = "An editor's new footnote."
        root.append(note)

    edited = rewrite(drafted, tmp_path / "moved.docx", move_reference)
    edited = rewrite(edited, tmp_path / "added.docx", add_note, part="word/footnotes.xml")
    code, data = review_json(edited, example)
    found = {f["code"]: f for f in data["findings"]}
    assert "now referenced from /blocks/5" in found["review-footnote-moved"]["message"]
    assert "An editor's new footnote." in found["review-footnote-added"]["message"]
    assert found["review-footnote-added"]["pointer"] == "/blocks/2"
