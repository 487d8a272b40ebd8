"""Whatever is wrong in a record, drafting ends in one clear SecretariatError, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mutations import mutations
from secretariat.errors import SecretariatError
from secretariat.pipeline import build_draft
from secretariat.records import load_report
from secretariat.word import build_docx_bytes


@pytest.mark.slow
@pytest.mark.parametrize("name", ["report", "figures", "activities", "footnotes", "content"])
def test_every_single_fault_is_reported_not_raised(example: Path, name: str) -> None:
    path = example / f"{name}.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    outcomes = {"ok": 0, "refused": 0}
    for variant in mutations(record):
        path.write_text(json.dumps(variant), encoding="utf-8")
        try:
            build_docx_bytes(build_draft(load_report(example)))
        except SecretariatError as e:
            assert str(e).strip(), "an error must say something"
            outcomes["refused"] += 1
        else:
            outcomes["ok"] += 1
    assert outcomes["refused"] > 0
