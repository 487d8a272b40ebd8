"""The form as a real office suite saves it: LibreOffice Calc re-saves the filled form, intake reads it back."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from office import require
from secretariat.cli import workbook
from test_intake_roundtrip import EXAMPLE_RECORDS, fill_form, run_intake

pytestmark = pytest.mark.office


def calc_resave(source: Path, folder: Path) -> Path:
    """Open and save a workbook with LibreOffice Calc (the test fails without it, as the other office tests do)."""
    soffice = require("soffice", "libreoffice")
    done = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder / 'profile'}",
                           "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(folder / "out"),
                           str(source)], capture_output=True, text=True, timeout=180)
    target = folder / "out" / source.name
    if not target.exists():
        message = f"LibreOffice Calc cannot open workbooks here (libreoffice-calc-nogui): {done.stderr.strip()}"
        if os.environ.get("SECRETARIAT_SKIP_OFFICE") == "1":
            pytest.skip(message)
        pytest.fail(message)
    return target


def test_form_filled_and_saved_by_calc_intakes_to_the_example(example: Path, tmp_path: Path) -> None:
    schema = json.loads(EXAMPLE_RECORDS.read_text(encoding="utf-8"))["$schema"]
    (example / "activities.json").write_text(json.dumps({"$schema": schema, "activities": []}), encoding="utf-8")
    form = tmp_path / "form.xlsx"
    assert CliRunner().invoke(workbook, [str(example), "-o", str(form)]).exit_code == 0
    filled = tmp_path / "office.xlsx"
    fill_form(form, filled, json.loads(EXAMPLE_RECORDS.read_text(encoding="utf-8"))["activities"])
    saved = calc_resave(filled, tmp_path)
    code, output = run_intake(str(saved), "--into", str(example))
    assert code == 0, output
    assert (example / "activities.json").read_bytes() == EXAMPLE_RECORDS.read_bytes()
