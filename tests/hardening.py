"""Helpers of the attack tests: a report beside files an attacker aims at, a time-bounded run, checksums."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "drafts" / "ctoc-cop-2016-tip"
SECRET = "root:x:0:0:SECRET-LINE-NEVER-PRINTED\n"
TIMEOUT = 10  # seconds: every limit must stop a run well within this


def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a subprocess, killed (and the test failed) if it takes longer than TIMEOUT."""
    return subprocess.run([sys.executable, "-m", "secretariat", *args], capture_output=True, text=True,
                          timeout=TIMEOUT, env={**os.environ, "SECRETARIAT_DEBUG": "0", **(env or {})}, cwd=cwd)


def checksums(root: Path, skip: tuple[Path, ...]) -> dict[str, str]:
    """Return a digest of every file, link and node under root, except under the paths in skip."""
    sums = {}
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = [d for d in dirnames if here / d not in skip]
        for name in dirnames + filenames:
            path = here / name
            if path in skip:
                continue
            if path.is_symlink():
                sums[str(path)] = "link:" + os.readlink(path)
            elif path.is_file():
                sums[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest() + f":{path.stat().st_mode:o}"
            else:
                sums[str(path)] = f"node:{path.lstat().st_mode:o}"
    return sums


@dataclass
class World:
    """A report folder, a folder outside it holding what an attacker aims at, and their checksums before."""

    root: Path
    report: Path
    outside: Path
    before: dict[str, str]

    def untouched(self, *also: Path) -> bool:
        """Return whether nothing outside the report (and the paths in ``also``) changed since the start."""
        return checksums(self.root, (self.report, *also)) == {
            k: v for k, v in self.before.items() if not any(k == str(a) or k.startswith(f"{a}/") for a in also)}

    def settle(self) -> None:
        """Take the checksums again, once the attack is laid out."""
        self.before = checksums(self.root, (self.report,))

    def drafts(self) -> list[Path]:
        """Return the drafts written into the report's build folder."""
        return sorted((self.report / "build").glob("*.docx")) if (self.report / "build").is_dir() else []


def make_world(tmp_path: Path) -> World:
    """Copy the example report into tmp_path, beside an ``outside`` folder with a secret file."""
    report = tmp_path / "report"
    shutil.copytree(EXAMPLE, report, ignore=shutil.ignore_patterns("build"))
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd").write_text(SECRET, encoding="utf-8")
    (outside / "victim.docx").write_bytes(b"someone else's file")
    return World(tmp_path, report, outside, checksums(tmp_path, (report,)))


def findings(result: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    """Return the findings of a ``check --format json`` run."""
    return list(json.loads(result.stdout)["findings"])
