"""LibreOffice and poppler helpers for tests: convert a .docx to text or PDF with a fresh profile.

If a tool is missing the calling test fails, unless SECRETARIAT_SKIP_OFFICE=1 is set (then it skips):
a missing LibreOffice must not pass silently as green.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

TIMEOUT = 120
TEXT_FILTER = "txt:Text (encoded):UTF8"


def require(tool: str, *alternatives: str) -> str:
    """Return the path of tool (or an alternative); fail, or skip if SECRETARIAT_SKIP_OFFICE=1, if absent."""
    for name in (tool, *alternatives):
        found = shutil.which(name)
        if found:
            return found
    message = f"{tool} is not installed (set SECRETARIAT_SKIP_OFFICE=1 to skip the office tests)"
    if os.environ.get("SECRETARIAT_SKIP_OFFICE") == "1":
        pytest.skip(message)
    pytest.fail(message)


def convert(docx: Path, target: str, outdir: Path) -> Path:
    """Convert docx with LibreOffice to target ("pdf" or TEXT_FILTER) in outdir and return the new file."""
    soffice = require("soffice", "libreoffice")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / "lo-profile"
    command = [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile.resolve().as_uri()}",
               "--convert-to", target, "--outdir", str(outdir), str(docx)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    produced = outdir / (docx.stem + (".pdf" if target == "pdf" else ".txt"))
    if result.returncode != 0 or not produced.exists():
        pytest.fail(f"LibreOffice conversion failed ({result.returncode}): {result.stderr or result.stdout}")
    return produced


def to_text(docx: Path, outdir: Path) -> str:
    """Return LibreOffice's plain-text rendering of docx (automatic numbers included as text)."""
    return convert(docx, TEXT_FILTER, outdir).read_text(encoding="utf-8-sig")


def pdf_pages_text(pdf: Path, first: int, last: int, layout: bool = True) -> str:
    """Return the text of pages first..last of a PDF with pdftotext."""
    pdftotext = require("pdftotext")
    command = [pdftotext, *(["-layout"] if layout else []), "-f", str(first), "-l", str(last), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=True).stdout


def pdf_page_count(pdf: Path) -> int:
    """Return the number of pages of a PDF (pdfinfo)."""
    pdfinfo = require("pdfinfo")
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, timeout=TIMEOUT, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def render_png(pdf: Path, outdir: Path, dpi: int = 60) -> list[Path]:
    """Render every page of a PDF to PNG files in outdir (pdftoppm) and return them in page order."""
    pdftoppm = require("pdftoppm")
    subprocess.run([pdftoppm, "-png", "-r", str(dpi), str(pdf), str(outdir / "page")], check=True,
                   timeout=TIMEOUT, capture_output=True)
    return sorted(outdir.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))


def _run_uno_script(name: str, args: list[str], what: str) -> None:
    """Run a tests/ script that drives LibreOffice over UNO with the system python3 (python3-uno)."""
    require("soffice", "libreoffice")
    system_python = "/usr/bin/python3"
    probe = subprocess.run([system_python, "-c", "import uno"], capture_output=True, timeout=TIMEOUT, check=False)
    if probe.returncode != 0:
        message = "python3-uno is not installed (set SECRETARIAT_SKIP_OFFICE=1 to skip the office tests)"
        if os.environ.get("SECRETARIAT_SKIP_OFFICE") == "1":
            pytest.skip(message)
        pytest.fail(message)
    script = Path(__file__).with_name(name)
    result = subprocess.run([system_python, str(script), *args], capture_output=True, text=True,
                            timeout=TIMEOUT * 3, check=False)
    if result.returncode != 0:
        pytest.fail(f"LibreOffice {what} failed ({result.returncode}): {result.stderr or result.stdout}")


def edit_in_libreoffice(jobs: list[dict[str, object]], workdir: Path) -> None:
    """Run tests/lo_edit.py: LibreOffice over UNO opens each job's .docx, edits it and saves it as .docx."""
    jobs_file = workdir / "lo-jobs.json"
    jobs_file.write_text(json.dumps(jobs), encoding="utf-8")
    _run_uno_script("lo_edit.py", [str(jobs_file)], "editing")


def accept_and_reject_in_libreoffice(documents: list[Path], outdir: Path) -> None:
    """Run tests/lo_revisions.py: each document as is, with all changes accepted and all rejected, into outdir."""
    _run_uno_script("lo_revisions.py", [str(outdir), *map(str, documents)], "accepting and rejecting")
