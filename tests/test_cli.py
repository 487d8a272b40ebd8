"""The command line: exit codes, messages without tracebacks, output paths, JSON for machines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from secretariat.records import load_report


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "secretariat", *args], capture_output=True, text=True,
                          timeout=120)


def test_draft_writes_the_docx_and_says_where(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    result = run("draft", str(example), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    assert "74 numbered paragraphs" in result.stdout and "18 headings" in result.stdout
    assert out.read_bytes()[:2] == b"PK"


def test_default_output_goes_to_the_build_folder(example: Path) -> None:
    result = run("draft", str(example))
    assert result.returncode == 0, result.stderr
    assert (example / "build" / "ctoc-cop-2016-tip.docx").is_file()


def test_same_inputs_give_identical_files(example: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    assert run("draft", str(example), "-o", str(first)).returncode == 0
    assert run("draft", str(example), "-o", str(second)).returncode == 0
    assert first.read_bytes() == second.read_bytes()


def test_json_output_for_machines(example: Path, tmp_path: Path) -> None:
    result = run("draft", str(example), "-o", str(tmp_path / "x.docx"), "--format", "json")
    data = json.loads(result.stdout)
    assert data["ok"] is True and data["paragraphs"] == 74 and data["footnotes"] == 1


def test_invalid_records_exit_1_with_located_problems_in_json(example: Path, tmp_path: Path) -> None:
    (example / "figures.json").write_text("{\n  oops\n}\n", encoding="utf-8")
    result = run("draft", str(example), "-o", str(tmp_path / "x.docx"), "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False
    [problem] = data["problems"]
    assert problem["path"].endswith("figures.json") and problem["line"] == 2 and problem["column"] == 3
    assert not (tmp_path / "x.docx").exists()


def test_unwritable_output_is_one_clear_message(example: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run("draft", str(example), "-o", str(blocker / "out.docx"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "out.docx" in result.stderr
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_failed_draft_leaves_an_existing_file_untouched(example: Path, tmp_path: Path, edit_json) -> None:
    out = tmp_path / "keep.docx"
    out.write_bytes(b"previous draft")
    edit_json(example / "content.json", lambda c: c["blocks"][1].update(text="{{ fig['nope'].value }}"))
    result = run("draft", str(example), "-o", str(out))
    assert result.returncode == 1
    assert out.read_bytes() == b"previous draft"
    assert list(tmp_path.glob("*.tmp*")) == [] and sorted(p.name for p in tmp_path.iterdir()) == [
        "ctoc-cop-2016-tip", "keep.docx"]


def test_missing_data_in_a_record_text_names_the_record_and_line(example: Path, edit_json) -> None:
    edit_json(example / "content.json", lambda c: c["blocks"][1].update(text="Line one\n{{ fig['nope'].value }}"))
    result = run("draft", str(example))
    assert result.returncode == 1
    assert "content.json /blocks/1/text, line 2" in result.stderr and "nope" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_text_that_cannot_render_is_located_for_machines(example: Path, edit_json) -> None:
    edit_json(example / "content.json", lambda c: c["blocks"][1].update(text="Line one\n{{ fig['nope'].value }}"))
    result = run("check", str(example), "--format", "json")
    assert result.returncode == 1
    [finding] = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "text-render-failed"]
    typed = load_report(example).files["content.json"].locate("/blocks/1/text")  # where the text is, as typed
    assert (finding["line"], finding["column"], finding["pointer"]) == (typed.line, typed.column, "/blocks/1/text")
    assert finding["file"].endswith("content.json")
    assert finding["message"] == ("line 2 of the text: expected a field of the records or a figure id of "
                                  "figures.json named 'nope', found none by that name")


def test_missing_data_in_a_template_names_the_template_file_and_line(example: Path) -> None:
    (example / "templates").mkdir()
    (example / "templates" / "report.md.j2").write_text("Intro\n\n{{ no_such_name }}\n", encoding="utf-8")
    result = run("draft", str(example))
    assert result.returncode == 1
    assert "templates/report.md.j2, line 3" in result.stderr and "no_such_name" in result.stderr


def test_a_template_syntax_error_names_file_and_line(example: Path, edit_json) -> None:
    edit_json(example / "content.json", lambda c: c["blocks"][2].update(text="ok\n\n{% if %}"))
    result = run("draft", str(example))
    assert result.returncode == 1
    assert "content.json /blocks/2/text, line 3: template syntax error" in result.stderr


@pytest.mark.parametrize(
    "args", [["draft"], ["draft", "x", "--bogus"], ["nonsense"], ["draft", "x", "--format", "xml"]]
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(*args).returncode == 2


def test_a_missing_report_folder_exits_1(tmp_path: Path) -> None:
    result = run("draft", str(tmp_path / "nowhere"))
    assert result.returncode == 1 and "expected a report folder" in result.stderr


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_check_reports_unreadable_records_in_the_format_asked_for(example: Path, output_format: str) -> None:
    (example / "figures.json").write_text("{\n  oops\n}\n", encoding="utf-8")
    result = run("check", str(example), "--format", output_format)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    if output_format == "sarif":
        [sarif_result] = data["runs"][0]["results"]
        assert sarif_result["ruleId"] == "invalid-record" and sarif_result["level"] == "error"
        assert sarif_result["locations"][0]["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 3}
    else:
        [finding] = data["findings"]
        assert finding["code"] == "invalid-record" and finding["line"] == 2


@pytest.mark.parametrize("target", ["/dev/null", "."])
def test_draft_refuses_an_output_path_that_is_not_a_file(example: Path, target: str) -> None:
    result = run("draft", str(example), "-o", target)
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr
    assert Path("/dev/null").is_char_device()


def test_draft_never_writes_through_a_symlink(example: Path, tmp_path: Path) -> None:
    link, target = tmp_path / "link.docx", tmp_path / "target.docx"
    target.write_bytes(b"someone else's file")
    link.symlink_to(target)
    result = run("draft", str(example), "-o", str(link))
    assert result.returncode == 1 and "found a symbolic link there" in result.stderr
    assert link.is_symlink() and target.read_bytes() == b"someone else's file"


@pytest.mark.parametrize(("text", "says"), [
    ("{{ cycler.__init__.__globals__.os.popen('echo pwned').read() }}", "content.json /blocks/1/text"),
    ("{% for i in range(10**5) %}xxxxxxxxxx{% endfor %}", "at most 100,000 characters"),
    ("{% for i in range(10**9) %}x{% endfor %}", "content.json /blocks/1/text, line 1: bad value"),
    ("Hello {{ report.session.number ", "template syntax error"),
])
def test_a_record_text_cannot_reach_python_or_flood_the_draft(example: Path, edit_json, text: str, says: str) -> None:
    edit_json(example / "content.json", lambda c: c["blocks"][1].update(text=text))
    result = run("draft", str(example))
    assert result.returncode == 1 and says in result.stderr and "Traceback" not in result.stderr
    assert "pwned" not in result.stdout + result.stderr
