"""The lint on real UN texts, on text files and on the command line; its rules files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from secretariat.cli import main
from secretariat.errors import DocumentError, RecordError
from secretariat.lint import load_rules
from secretariat.linting import lint_file

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "lint"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["findings"]


def test_every_text_of_the_corpus_is_reviewed() -> None:
    assert sorted(EXPECTED) == sorted(p.stem for p in CORPUS.glob("*.txt"))
    for rows in EXPECTED.values():
        assert all(row["verdict"] in ("defect", "accepted") and row["why"] for row in rows)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_exact_findings_on_real_reports(name: str) -> None:
    found = [{"code": f.code, "line": f.location.line, "column": f.location.column, "paragraph": f.paragraph,
              "found": f.found} for f in sorted(lint_file(CORPUS / f"{name}.txt"), key=lambda f: f.sort_key())]
    wanted = [{key: row[key] for key in ("code", "line", "column", "paragraph", "found")} for row in EXPECTED[name]]
    assert found == wanted


def test_the_published_report_defects_are_found_where_a_reader_sees_them() -> None:
    rows = EXPECTED["ctoc-cop-2016-tip"]
    defects = {(row["paragraph"], row["code"]) for row in rows if row["verdict"] == "defect"}
    assert ("50", "possessive-name") in defects and ("53", "unbalanced-quotes") in defects
    assert ("46", "country-order") in defects and ("58", "name-inconsistent") in defects
    lines = (CORPUS / "ctoc-cop-2016-tip.txt").read_text(encoding="utf-8").splitlines()
    for row in rows:  # line:column point at the text found, in the file as the user has it
        assert lines[row["line"] - 1][row["column"] - 1:].startswith(row["found"][:5]), row


def test_wrapped_markdown_is_located_by_line_and_column(tmp_path: Path) -> None:
    text = tmp_path / "edited.md"
    text.write_text("Intro line.\n\n12. The *Global Report* was\n    issued with 15% more data.\n", encoding="utf-8")
    [finding] = lint_file(text)
    assert (finding.code, finding.location.line, finding.location.column) == ("per-cent", 4, 19)
    assert finding.paragraph == "12" and finding.expected == " per cent"


def test_country_names_follow_the_document_date(tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_text("Distr.: General 1 March 2016\n\nWorkshops were held in Swaziland and Czechia.\n", encoding="utf-8")
    assert [(f.code, f.found) for f in lint_file(text)] == [("country-name", "Czechia")]
    later = [(f.code, f.found) for f in lint_file(text, on=__import__("datetime").date(2020, 1, 1))]
    assert later == [("country-name", "Swaziland")]


def test_unreadable_input_is_one_clear_message(tmp_path: Path) -> None:
    binary = tmp_path / "report.txt"
    binary.write_bytes(b"\x00\x01PK")
    with pytest.raises(DocumentError, match="report.txt: expected plain text or Markdown"):
        lint_file(binary)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(DocumentError, match="expected UTF-8 text, found an invalid byte at offset 3"):
        lint_file(latin)


@pytest.mark.parametrize(("rules", "message"), [
    ("[[rule]]\ncode = 'x'\nkind = 'guess'\n", "expected a kind among existence"),
    ("[[rule]]\ncode = 'Bad Code'\nkind = 'existence'\n", "expected a kebab-case code"),
    ("[[rule]]\ncode = 'x'\nkind = 'substitution'\nswap = ['a']\n", "swap = {regex = replacement"),
    ("[[rule]]\ncode = 'x'\nkind = 'existence'\ntokens = ['(']\n", "regular expressions in rule 'x'"),
    ("rule = [", "expected a TOML rules file"),
])
def test_a_malformed_rules_file_is_named_with_the_rule(tmp_path: Path, rules: str, message: str) -> None:
    path = tmp_path / "style-rules.toml"
    path.write_text(rules, encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        load_rules(path)
    assert message in str(caught.value) and str(path) in str(caught.value)


def test_lint_command_formats_and_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    clean = tmp_path / "clean.txt"
    clean.write_text("The Office trained seven prosecutors in 2015.\n", encoding="utf-8")
    result = runner.invoke(main, ["lint", str(clean)])
    assert result.exit_code == 0 and "no findings" in result.output
    result = runner.invoke(main, ["lint", str(CORPUS / "ctoc-cop-2016-tip.txt"), "--format", "json"])
    assert result.exit_code == 1  # the malformed symbol is an error
    data = json.loads(result.output)
    first = data["findings"][0]
    assert {"paragraph", "offset", "line", "column", "expected", "found"} <= set(first)
    assert data["summary"]["errors"] == 1 and data["checks"] == ["style"]
    result = runner.invoke(main, ["lint", str(CORPUS / "unodc-speech-2015-doha.txt"), "--strict", "--format", "sarif"])
    assert result.exit_code == 1 and json.loads(result.output)["runs"][0]["results"]
    garbage = tmp_path / "broken.docx"
    garbage.write_bytes(b"not a zip at all")
    result = runner.invoke(main, ["lint", str(garbage), str(clean)])
    assert result.exit_code == 1 and "document-unreadable" in result.output and "broken.docx" in result.output
    assert runner.invoke(main, ["lint"]).exit_code == 2
    # a missing file is a file that cannot be read, as for check and review: reported, and the others linted
    result = runner.invoke(main, ["lint", str(tmp_path / "missing.txt"), str(CORPUS / "ctoc-cop-2016-tip.txt")])
    assert result.exit_code == 1 and "missing.txt" in result.output and "No such file" in result.output
    assert "document-unreadable" in result.output and "symbol-malformed" in result.output


def test_lint_of_the_example_folder_reports_its_waived_findings() -> None:
    result = CliRunner().invoke(main, ["lint", str(ROOT / "drafts" / "ctoc-cop-2016-tip"), "--format", "json"])
    data = json.loads(result.output)
    assert result.exit_code == 0 and data["summary"]["waived"] == len(data["findings"]) == 9
    assert {f["paragraph"] for f in data["findings"]} >= {"/blocks/62", "/blocks/66"}


def test_a_word_draft_is_linted_by_printed_paragraph(tmp_path: Path) -> None:
    from secretariat.pipeline import DraftOptions, draft

    path = draft(DraftOptions(ROOT / "drafts" / "ctoc-cop-2016-tip", tmp_path / "draft.docx")).path
    findings = lint_file(path)
    got = {(f.paragraph, f.code) for f in findings}
    assert got == {("4", "confused-word"), ("17", "symbol-malformed"), ("46", "country-order"),
                   ("50", "possessive-name"), ("52", "official-name"), ("53", "unbalanced-quotes"),
                   ("58", "name-inconsistent"), ("58", "possessive-name"), ("63", "possessive-name"),
                   ("68", "country-order")}
    pakistan = next(f for f in findings if f.paragraph == "50")
    assert pakistan.offset is not None and pakistan.found == "Pakistan's"
    assert pakistan.location.path == str(path) and pakistan.location.line is None


def test_a_foreign_word_document_is_linted(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Distr.: General 3 May 2019")
    document.add_paragraph("Workshops were held in Swaziland and in the former Yugoslav Republic of Macedonia.")
    path = tmp_path / "foreign.docx"
    document.save(str(path))
    findings = lint_file(path)
    assert [(f.code, f.found, f.paragraph) for f in findings] == [
        ("country-name", "Swaziland", "#2"),
        ("country-name", "former Yugoslav Republic of Macedonia", "#2")]


def test_footnote_marks_of_a_word_document_are_checked_where_they_stand(tmp_path: Path) -> None:
    import shutil

    from secretariat.pipeline import DraftOptions, draft

    report = tmp_path / "report"
    shutil.copytree(ROOT / "drafts" / "ctoc-cop-2016-tip", report, ignore=shutil.ignore_patterns("build"))
    content = report / "content.json"
    text = content.read_text(encoding="utf-8")
    content.write_text(text.replace("organizations.[^eurojust-press-release]",
                                    "organizations[^eurojust-press-release]."), encoding="utf-8")
    path = draft(DraftOptions(report, tmp_path / "draft.docx", comments=False)).path
    marks = [f for f in lint_file(path) if f.code.startswith("footnote-marker")]
    assert [(f.code, f.paragraph, f.found, f.expected) for f in marks] == [
        ("footnote-marker-before-punctuation", "52", "[^1].", ".[^1]")]


def test_a_rules_file_given_on_the_command_line_adds_to_the_shipped_rules(tmp_path: Path) -> None:
    rules = tmp_path / "house.toml"
    rules.write_text('[[rule]]\ncode = "say-counter"\nkind = "substitution"\nmessage = "house style"\n'
                     'swap = { "fight against trafficking" = "efforts to counter trafficking" }\n', encoding="utf-8")
    text = tmp_path / "note.md"
    text.write_text("The fight against trafficking continued in Vietnam.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", str(text), "--rules", str(rules), "--format", "json"])
    codes = [f["code"] for f in json.loads(result.output)["findings"]]
    assert result.exit_code == 0 and codes == ["say-counter", "country-name"]
