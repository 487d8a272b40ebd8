"""Attacks on draft, check and new (issue 13): each refused with one located message, exit 1, in time.

Every test runs the command in a subprocess killed after TIMEOUT seconds, and checks that no file outside
the report changed. FIFOs and device nodes are made inside the test's temporary folder only.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hardening import World, findings, make_world, run


@pytest.fixture
def world(tmp_path: Path) -> World:
    return make_world(tmp_path)


def edit(path: Path, change: Callable[[Any], None]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def set_text(world: World, text: str) -> None:
    edit(world.report / "content.json", lambda c: c["blocks"][1].update(text=text))


def line_column(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def device_node(path: Path) -> Path:
    """Make a character device node (like /dev/null) at path, or skip the test where that is not permitted."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("making a device node is not permitted here")
    return path


# --- Security: links out of the report, output through links and onto devices --------------------------

def test_templates_symlinked_to_etc_never_print_a_system_file(world: World) -> None:
    (world.report / "templates").symlink_to(world.outside, target_is_directory=True)
    set_text(world, "{% include 'passwd' %}")
    result = run("draft", str(world.report))
    assert result.returncode == 1, result.stderr
    assert "templates/passwd: expected a file inside" in result.stderr and "outside it" in result.stderr
    assert "SECRET-LINE" not in result.stdout + result.stderr and not world.drafts()
    assert world.untouched()


@pytest.mark.parametrize("link", ["templates", "treaty.register.json"])
def test_new_never_copies_what_a_symlink_points_at(world: World, link: str) -> None:
    (world.report / link).symlink_to(world.outside / "passwd" if link.endswith(".json") else world.outside)
    target = world.root / "next"
    result = run("new", str(target), "--from", str(world.report), "--keep-register-snapshots")
    assert result.returncode == 1, result.stderr
    assert "expected a file inside" in result.stderr and "outside it" in result.stderr
    assert not target.exists() and not list(world.root.glob(".next.*"))
    assert world.untouched()


def test_new_refuses_a_template_linked_to_dev_zero(world: World) -> None:
    (world.report / "templates").mkdir()
    (world.report / "templates" / "zero.j2").symlink_to("/dev/zero")
    target = world.root / "next"
    result = run("new", str(target), "--from", str(world.report))
    assert result.returncode == 1 and "zero.j2: expected a file inside" in result.stderr
    assert not target.exists() and world.untouched()


def test_new_copies_regular_templates_as_files_readable_like_the_users_own(world: World) -> None:
    (world.report / "templates").mkdir()
    (world.report / "templates" / "annex.md.j2").write_text("Annex", encoding="utf-8")
    target = world.root / "next"
    old = os.umask(0o022)
    try:
        result = run("new", str(target), "--from", str(world.report))
    finally:
        os.umask(old)
    assert result.returncode == 0, result.stderr
    assert (target / "templates" / "annex.md.j2").read_text(encoding="utf-8") == "Annex"
    assert stat.S_IMODE(target.stat().st_mode) == 0o755
    assert stat.S_IMODE((target / "report.json").stat().st_mode) == 0o644
    assert world.untouched(target)


@pytest.mark.parametrize("default", [False, True], ids=["-o", "build-default"])
def test_draft_output_that_is_a_symlink_never_overwrites_its_target(world: World, default: bool) -> None:
    link = world.report / "build" / "report.docx" if default else world.root / "link.docx"
    link.parent.mkdir(exist_ok=True)
    link.symlink_to(world.outside / "victim.docx")
    world.settle()
    result = run("draft", str(world.report), "--force", *([] if default else ["-o", str(link)]))
    assert result.returncode == 1 and "found a symbolic link there" in result.stderr
    assert not list(world.outside.glob("*.backup-*"))
    assert (world.outside / "victim.docx").read_bytes() == b"someone else's file"
    assert world.untouched()


@pytest.mark.parametrize("command", ["draft", "workbook"])
@pytest.mark.parametrize("node", ["fifo", "device"])
def test_output_onto_a_fifo_or_device_never_replaces_the_node(world: World, command: str, node: str) -> None:
    path = world.outside / node
    if node == "fifo":
        os.mkfifo(path)
    else:
        device_node(path)
    world.settle()
    result = run(command, str(world.report), "-o", str(path))
    assert result.returncode == 1, result.stderr
    assert ("found a FIFO (named pipe) there" if node == "fifo" else "found a device there") in result.stderr
    assert not path.is_file() and world.untouched()


@pytest.mark.parametrize("command", ["draft", "workbook"])
def test_output_onto_the_reports_own_records_is_refused(world: World, command: str) -> None:
    records = world.report / "activities.json"
    before = records.read_bytes()
    result = run(command, str(world.report), "-o", str(records))
    assert result.returncode == 1 and "one of the report's own records" in result.stderr
    assert records.read_bytes() == before and world.untouched()


# --- Hangs and exhaustion: record files and templates -----------------------------------------------------

def test_a_record_file_that_is_a_fifo_is_refused_without_blocking(world: World) -> None:
    (world.report / "footnotes.json").unlink()
    os.mkfifo(world.report / "footnotes.json")
    result = run("check", str(world.report), "--format", "json")
    assert result.returncode == 1
    [finding] = findings(result)
    assert finding["file"].endswith("footnotes.json")
    assert finding["message"] == "expected a regular file, found a FIFO (named pipe)"
    assert world.untouched()


def test_a_record_file_linked_to_dev_zero_is_refused_without_reading(world: World) -> None:
    (world.report / "footnotes.json").unlink()
    (world.report / "footnotes.json").symlink_to("/dev/zero")
    result = run("draft", str(world.report))
    assert result.returncode == 1 and "found a link to /dev/zero, outside it" in result.stderr
    assert world.untouched()


def test_a_record_file_over_the_size_limit_is_refused_before_reading(world: World) -> None:
    result = run("draft", str(world.report), env={"SECRETARIAT_MAX_FILE_BYTES": "4K"})
    assert result.returncode == 1
    assert "expected at most 4 KiB" in result.stderr and "SECRETARIAT_MAX_FILE_BYTES raises the limit" in result.stderr
    assert not world.drafts() and world.untouched()


def test_a_limit_set_to_nonsense_is_a_usage_error(world: World) -> None:
    result = run("check", str(world.report), env={"SECRETARIAT_MAX_DEPTH": "deep"})
    assert result.returncode == 2 and "SECRETARIAT_MAX_DEPTH: expected a whole number of levels" in result.stderr


TEMPLATE_ATTACKS = {
    "nested-range-loops": ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
                           "SECRETARIAT_MAX_TEMPLATE_OPERATIONS raises the limit"),
    "string-multiplication": ("{{ 'a' * 10**9 }}", "found a repeated value of 1,000,000,000"),
    "center-padding": ("{{ 'a' | center(10**9) }}", "found a width or count of 1,000,000,000"),
    "method-padding": ("{{ 'a'.ljust(10**9) }}", "found a width or count of 1,000,000,000"),
    "format-width": ("{{ '%1000000000s' | format('a') }}", "found a field width of 1,000,000,000"),
    "huge-power": ("{{ 10**(10**10) }}", "expected a power of at most about 4,300 digits"),
    "lipsum": ("{{ lipsum(10**7) }}", "found 'lipsum'"),
    "exponential-macro": ("{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(60) }}",
                          "raises the limit"),
    "recursive-macro": ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "nested too deeply"),
    "doubling-concatenation": ("{% set s = 'aaaaaaaaaaaaaaaa' %}" + "{% set s = s ~ s %}" * 40 + "{{ s }}",
                               "found a joined text of"),
    "replace-blowup": ("{{ ('a' * 100000).replace('', 'a' * 100000) }}", "found a replaced text of"),
    "5000-nested-parentheses": ("{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}", "nested too deeply"),
    "500-MB-output": ("{% for i in range(50000) %}{{ 'a' * 10000 }}{% endfor %}",
                      "SECRETARIAT_MAX_TEXT_CHARS raises the limit"),
    "loop-without-calls": ("{% set s = 'a' * 100000 %}{% for x in s %}{% for y in s %}{% endfor %}{% endfor %}",
                           "SECRETARIAT_MAX_TEMPLATE_SECONDS raises the limit"),
}


@pytest.mark.parametrize("attack", TEMPLATE_ATTACKS)
def test_a_hostile_record_text_is_stopped_with_a_located_message(world: World, attack: str) -> None:
    text, says = TEMPLATE_ATTACKS[attack]
    set_text(world, text)
    result = run("draft", str(world.report))
    assert result.returncode == 1, result.stderr
    assert f"{world.report / 'content.json'} /blocks/1/text" in result.stderr and says in result.stderr
    assert "Traceback" not in result.stderr and not world.drafts() and world.untouched()


def test_a_layout_template_printing_more_than_the_output_limit_is_stopped(world: World) -> None:
    (world.report / "templates").mkdir()
    (world.report / "templates" / "report.md.j2").write_text(
        "{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}", encoding="utf-8")
    result = run("draft", str(world.report), env={"SECRETARIAT_MAX_OUTPUT_CHARS": "100000"})
    assert result.returncode == 1, result.stderr
    assert "templates/report.md.j2" in result.stderr and "SECRETARIAT_MAX_OUTPUT_CHARS raises" in result.stderr
    assert not world.drafts() and world.untouched()


def test_a_record_text_over_the_text_limit_is_refused_before_rendering(world: World) -> None:
    set_text(world, "word " * 30_000)
    result = run("check", str(world.report), "--format", "json")
    assert result.returncode == 1
    assert "expected at most 100,000 characters" in result.stdout and "found 150,000 characters" in result.stdout


# --- Faulty records: each a located message, never an internal error -------------------------------------

@pytest.mark.parametrize("name", ["report.json", "content.json", "figures.json", "activities.json",
                                  "footnotes.json"])
@pytest.mark.parametrize("command", ["draft", "check"])
def test_nesting_100000_deep_in_any_record_is_located(world: World, name: str, command: str) -> None:
    (world.report / name).write_text('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    result = run(command, str(world.report), "--format", "json")
    assert result.returncode == 1
    assert "expected at most 64 levels" in result.stdout and "internal error" not in result.stdout
    assert world.untouched()


def test_nesting_just_past_the_limit_is_located_by_line_and_column(world: World) -> None:
    path = world.report / "figures.json"
    text = path.read_text(encoding="utf-8")
    offset = text.index('"source": ') + len('"source": ')
    path.write_text(text[:offset] + "[" * 10 + "]" * 10 + ', "deep": ' + text[offset:], encoding="utf-8")
    result = run("check", str(world.report), "--format", "json", env={"SECRETARIAT_MAX_DEPTH": "8"})
    assert result.returncode == 1
    [finding] = findings(result)
    assert "expected at most 8 levels" in finding["message"] and finding["file"].endswith("figures.json")
    # the file, the list of figures and the figure are levels 1 to 3: the sixth bracket is level 9
    assert (finding["line"], finding["column"]) == line_column(text, offset + 5)


def test_a_duplicate_key_is_refused_at_its_line_and_column(world: World) -> None:
    path = world.report / "report.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"body": ', '"body": "COP", "body": ', 1), encoding="utf-8")
    line = text[: text.index('"body": ')].count("\n") + 1
    result = run("draft", str(world.report))
    assert result.returncode == 1
    assert f"{path}:{line}:" in result.stderr and 'found "body" again' in result.stderr


def test_a_record_naming_another_records_schema_is_refused(world: World) -> None:
    figures = json.loads((world.report / "figures.json").read_text(encoding="utf-8"))
    (world.report / "content.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    result = run("draft", str(world.report))
    assert result.returncode == 1 and "internal error" not in result.stderr
    assert "expected the schema of content.json" in result.stderr and "content.json:2:" in result.stderr


@pytest.mark.parametrize(("number", "says"), [("1e400", "found 1e400 (too large)"),
                                             ("9" * 5000, "found an integer of 5,000 digits"),
                                             ("NaN", "found NaN (not allowed in JSON)")],
                         ids=["1e400", "5000-digits", "NaN"])
def test_a_number_out_of_range_is_located_by_line_and_column(world: World, number: str, says: str) -> None:
    path = world.report / "figures.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"value": 169', f'"value": {number}', 1), encoding="utf-8")
    offset = text.index('"value": 169') + len('"value": ')
    result = run("check", str(world.report), "--format", "json")
    assert result.returncode == 1
    [finding] = findings(result)
    assert says in finding["message"]
    assert (finding["line"], finding["column"]) == line_column(text, offset)


def test_a_lone_surrogate_in_a_record_is_located(world: World) -> None:
    path = world.report / "activities.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"title": "', '"title": "bad \\ud800 ', 1), encoding="utf-8")
    result = run("draft", str(world.report))
    assert result.returncode == 1 and "found the character U+D800" in result.stderr
    assert f"{world.report / 'activities.json'}:" in result.stderr


def test_a_previous_report_of_100000_characters_is_refused(world: World) -> None:
    edit(world.report / "report.json", lambda r: r.update(previous_report="a" * 100_000))
    result = run("draft", str(world.report))
    assert result.returncode == 1 and "found a path that cannot be opened" in result.stderr
    assert "internal error" not in result.stderr and len(result.stderr) < 2_000

