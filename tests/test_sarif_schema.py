"""The SARIF that `secretariat check --format sarif` prints is valid against the official SARIF 2.1.0 schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))


def sarif_of(folder: Path) -> dict:
    result = subprocess.run([sys.executable, "-m", "secretariat", "check", str(folder), "--format", "sarif"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("damage", ["none", "findings", "unreadable", "routine"])
def test_sarif_output_is_valid(example: Path, edit_json, damage: str) -> None:
    if damage == "findings":
        edit_json(example / "figures.json", lambda f: f["figures"][0].update(value=170))
        (example / "waivers.json").unlink()
    elif damage == "routine":  # notes folded into one result, each place a related location
        edit_json(example / "report.json", lambda r: r.update(routine_notes=[
            {"code": "figure-as-of-outside-period", "reason": "dated at the masthead date in every report"}]))
    elif damage == "unreadable":
        (example / "report.json").write_text("{ nope", encoding="utf-8")
    log = sarif_of(example)
    errors = sorted(Draft4Validator(SCHEMA).iter_errors(log), key=str)
    assert errors == [], errors[0].message if errors else ""
    assert log["runs"][0]["results"], "every case here has at least one result"
    if damage == "routine":
        [folded] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "figure-as-of-outside-period"]
        assert folded["properties"]["routine"] == "dated at the masthead date in every report"
        assert [r["id"] for r in folded["relatedLocations"]] == [2, 3, 4, 5]  # the four notes folded


def test_the_schema_catches_a_broken_log(example: Path) -> None:
    log = sarif_of(example)
    log["runs"][0]["results"][0]["level"] = "catastrophe"
    assert not Draft4Validator(SCHEMA).is_valid(log)


def test_lint_sarif_is_valid(tmp_path: Path) -> None:
    corpus = Path(__file__).parent / "data" / "lint"
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    result = subprocess.run([sys.executable, "-m", "secretariat", "lint", str(corpus / "ctoc-cop-2016-tip.txt"),
                             str(broken), "--format", "sarif"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    log = json.loads(result.stdout)
    errors = sorted(Draft4Validator(SCHEMA).iter_errors(log), key=str)
    assert errors == [], errors[0].message if errors else ""
    codes = {r["ruleId"] for r in log["runs"][0]["results"]}
    assert {"document-unreadable", "possessive-name", "symbol-malformed"} <= codes
    paragraphs = {r["properties"].get("paragraph") for r in log["runs"][0]["results"]}
    assert {"50", "53"} <= paragraphs
