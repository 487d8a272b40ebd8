"""Start-up stays lean: the command line imports only what a command uses, when it uses it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "drafts" / "ctoc-cop-2016-tip"
# jsonschema only explains an invalid record, openpyxl and cerberus serve intake, num2words is replaced
HEAVY = ("jsonschema", "referencing", "openpyxl", "cerberus", "num2words")

PROBE = """
import json, sys
from secretariat.cli import main
try:
    main(sys.argv[1:])
except SystemExit as e:
    code = e.code
print(json.dumps({"code": code, "modules": sorted({m.split(".")[0] for m in sys.modules}),
                  "all": sorted(sys.modules)}))
"""
# Standard modules that check and draft need not pay for: package data is found without importlib.resources,
# a temporary file's name is drawn without secrets (and its hmac and OpenSSL set-up).
LAZY_STDLIB = ("importlib.resources", "secrets")


def _imported(*args: str) -> tuple[int, set[str]]:
    code, modules, _ = _probe(*args)
    return code, modules


def _probe(*args: str) -> tuple[int, set[str], set[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.splitlines()[-1])
    return result["code"], set(result["modules"]), set(result["all"])


def test_importing_the_cli_imports_no_heavy_library() -> None:
    code, modules = _imported("--version")
    assert code == 0
    assert modules.isdisjoint(HEAVY), modules & set(HEAVY)
    assert modules.isdisjoint({"jinja2", "markdown_it", "lxml"}), "--version needs no renderer or writer"


def test_check_and_draft_of_a_valid_report_import_no_heavy_library(tmp_path: Path) -> None:
    code, modules = _imported("check", str(EXAMPLE))
    assert code == 0
    assert modules.isdisjoint(HEAVY), modules & set(HEAVY)
    assert "lxml" not in modules, "check writes no Word file"
    code, modules = _imported("draft", str(EXAMPLE), "-o", str(tmp_path / "draft.docx"))
    assert code == 0 and (tmp_path / "draft.docx").stat().st_size > 0
    assert modules.isdisjoint(HEAVY), modules & set(HEAVY)


def test_compare_of_two_docx_loads_neither_the_records_pipeline_nor_the_qr_encoder(tmp_path: Path) -> None:
    drafts = []
    for name in ("old", "new"):
        code, _ = _imported("draft", str(EXAMPLE), "-o", str(tmp_path / f"{name}.docx"), "--no-comments")
        drafts.append(str(tmp_path / f"{name}.docx"))
    code, modules = _imported("compare", *drafts, "-o", str(tmp_path / "redline.docx"))
    assert code == 0 and (tmp_path / "redline.docx").stat().st_size > 0
    assert modules.isdisjoint({*HEAVY, "jinja2", "markdown_it", "jsonschema_rs"}), modules
    assert "segno" not in modules, "the QR code of NEW is reused, not drawn again"
    assert "secrets" not in modules, "a temporary file's name needs os.urandom, not secrets (hashlib, random)"


def test_an_invalid_record_is_still_explained_by_jsonschema(tmp_path: Path) -> None:
    folder = tmp_path / "report"
    folder.mkdir()
    for record in EXAMPLE.glob("*.json"):
        (folder / record.name).write_text(record.read_text(encoding="utf-8"), encoding="utf-8")
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    report["session"]["number"] = "eighth"
    (folder / "report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    code, modules = _imported("check", str(folder))
    assert code == 1
    assert "jsonschema" in modules


def test_check_and_draft_import_neither_importlib_resources_nor_secrets(tmp_path: Path) -> None:
    for args in (("check", str(EXAMPLE)), ("draft", str(EXAMPLE), "-o", str(tmp_path / "draft.docx"))):
        code, _, modules = _probe(*args)
        assert code == 0
        assert modules.isdisjoint(LAZY_STDLIB), modules & set(LAZY_STDLIB)
