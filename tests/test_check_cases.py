"""Run every check case directory under tests/checks: inputs plus the findings expected of one plugin."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from secretariat.checks.runner import discover, run_checks
from secretariat.errors import SecretariatError
from secretariat.lint import RULES_FILE, load_rules
from secretariat.pipeline import CheckOptions, check
from secretariat.records import load_report
from secretariat.registers.names import with_code_hints

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "checks"
EXAMPLE = ROOT / "drafts" / "ctoc-cop-2016-tip"
RUN_CODES = {"routine-code-unknown": "routine", "text-render-failed": "render"}  # the run's own findings


def case_dirs() -> list[Path]:
    return sorted(p.parent for p in CASES.glob("*/*/expected.json"))


def _walk(document: Any, path: str) -> tuple[Any, str]:
    parts = [p.replace("~1", "/").replace("~0", "~") for p in path.split("/")[1:]]
    node = document
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node, parts[-1]


def apply_edit(folder: Path, edit: dict[str, Any]) -> None:
    path = folder / edit["file"]
    document = json.loads(path.read_text(encoding="utf-8"))
    parent, key = _walk(document, edit["path"])
    if isinstance(parent, list):
        index = len(parent) if key == "-" else int(key)
        if edit["op"] == "remove":
            del parent[index]
        elif edit["op"] == "add":
            parent.insert(index, edit["value"])
        else:
            parent[index] = edit["value"]
    elif edit["op"] == "remove":
        del parent[key]
    else:
        parent[key] = edit["value"]
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")


def build_case(case: Path, target: Path) -> Path:
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("build"))
    for record in case.iterdir():
        if record.is_file() and record.name not in ("expected.json", "edits.json"):
            shutil.copy(record, target / record.name)
    edits = case / "edits.json"
    if edits.exists():
        text = edits.read_text(encoding="utf-8").replace("{EXAMPLE}", EXAMPLE.as_posix())
        for edit in json.loads(text):
            apply_edit(target, edit)
    return target


def test_every_plugin_has_an_example_case_and_a_bad_case() -> None:
    for plugin in discover():
        cases = [p.name for p in (CASES / plugin.name).iterdir() if (p / "expected.json").exists()]
        assert "example" in cases, plugin.name
        assert len(cases) >= 2, plugin.name


def test_every_case_names_a_known_plugin_and_known_codes() -> None:
    plugins = {p.name: p for p in discover()}
    for case in case_dirs():
        plugin = plugins[case.parent.name]
        expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        own = {rule.code for rule in load_rules(case / RULES_FILE)} if (case / RULES_FILE).exists() else set()
        for finding in expected.get("findings", []):
            assert finding["code"] in {*plugin.codes, *own, *RUN_CODES}, f"{case}: {finding['code']}"


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case(case: Path, tmp_path: Path) -> None:
    folder = build_case(case, tmp_path / "report")
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    if "error" in expected:
        with pytest.raises(SecretariatError) as caught:
            check(CheckOptions(folder, select=(case.parent.name,)))
        assert expected["error"] in str(with_code_hints(caught.value))  # as the command line says it
        return
    run = check(CheckOptions(folder, select=(case.parent.name,)))
    found = Counter((f.code, f.severity.value, Path(f.location.path).name, f.location.pointer or "")
                    for f in run.findings)
    wanted = Counter((f["code"], f["severity"], f["file"], f.get("pointer", "")) for f in expected["findings"])
    messages = "\n".join(f"{f.location}: {f.code}: {f.message}" for f in run.findings)
    assert found == wanted, messages
    for finding in run.findings:  # the run's own findings (a routine_notes setting) come with any check
        assert finding.message and finding.check in (case.parent.name, RUN_CODES.get(finding.code))
    said = {(f.code, f.location.pointer or ""): f.message for f in run.findings}
    for finding in expected["findings"]:  # a case may state the message in full, as the officer reads it
        if "message" in finding:
            assert said[(finding["code"], finding.get("pointer", ""))] == finding["message"]


def test_the_text_is_rendered_once_and_only_when_a_check_reads_it(tmp_path: Path) -> None:
    folder = build_case(Path(__file__).parent / "checks" / "dates" / "reversed-range-in-text", tmp_path / "report")
    records = load_report(folder)
    calls: list[int] = []

    def render() -> dict[str, str]:
        calls.append(1)
        return {}

    run_checks(records, render, select=("dates",))
    assert calls == []  # the dates check reads records, not the printed text
    run_checks(records, render)
    assert calls == [1]  # the word count needs it: rendered once for every check of the run
    run = check(CheckOptions(folder))  # a text that cannot render is one located finding; the rest still run
    failed = [f for f in run.findings if f.code == "text-render-failed"]
    assert len(failed) == 1 and failed[0].location.pointer is not None and "period ends" in failed[0].message
    assert Path(failed[0].location.path).name == "content.json"
    assert {"dates", "figures", "parties"} <= set(run.checks)
    assert not any(f.code == "waiver-unused" for f in run.findings)


def test_an_unknown_filter_lists_the_filters_and_the_year_filter_works(tmp_path: Path) -> None:
    folder = build_case(Path(__file__).parent / "checks" / "gaps" / "example", tmp_path / "report")
    content = json.loads((folder / "content.json").read_text(encoding="utf-8"))
    content["blocks"][1]["text"] = "In {{ report.date | year }}, {{ report.session.number | ordinl }}."
    (folder / "content.json").write_text(json.dumps(content), encoding="utf-8")
    [failed] = [f for f in check(CheckOptions(folder)).findings if f.code == "text-render-failed"]
    assert failed.location.pointer == "/blocks/1/text"
    assert failed.message == ("expected one of the editorial filters (count, countries, country, date, date_range, "
                              "during, join_list, millions, money, month_year, number, ordinal, percent, words, "
                              "year), found the unknown filter 'ordinl'")
    content["blocks"][1]["text"] = "In {{ report.date | year }}, the {{ report.session.number | ordinal }} session."
    (folder / "content.json").write_text(json.dumps(content), encoding="utf-8")
    assert not [f for f in check(CheckOptions(folder)).findings if f.code == "text-render-failed"]
