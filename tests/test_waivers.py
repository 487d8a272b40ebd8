"""Waivers: a finding the secretariat accepts is still reported, with its reason, but no longer fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from secretariat.errors import RecordError
from secretariat.pipeline import CheckOptions, check


def test_the_example_waives_the_published_prst_symbol(example: Path) -> None:
    run = check(CheckOptions(example))
    [prst] = [f for f in run.findings if f.code == "symbol-malformed"]
    assert prst.waived is not None and "published" in prst.waived
    assert not run.failed()


def test_without_the_waiver_the_same_finding_fails_the_run(example: Path) -> None:
    (example / "waivers.json").unlink()
    run = check(CheckOptions(example))
    [prst] = [f for f in run.findings if f.code == "symbol-malformed"]
    assert prst.waived is None and run.failed()


def test_a_waiver_that_covers_nothing_is_a_warning(example: Path, edit_json) -> None:
    edit_json(example / "waivers.json", lambda w: w["waivers"].append(
        {"code": "date-outside-period", "reason": "nothing is outside, so this covers nothing"}))
    run = check(CheckOptions(example))
    unused = [f for f in run.findings if f.code == "waiver-unused"]
    last = len(json.loads((example / "waivers.json").read_text(encoding="utf-8"))["waivers"]) - 1
    assert [f.location.pointer for f in unused] == [f"/waivers/{last}"]
    assert not run.failed() and run.failed(strict=True)


def test_a_waiver_needs_a_reason(example: Path) -> None:
    path = example / "waivers.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["waivers"][0]["reason"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RecordError, match="problem"):
        check(CheckOptions(example))
