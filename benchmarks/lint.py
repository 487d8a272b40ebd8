"""Benchmark secretariat lint beside proselint: the 2016 report, 1,000 pages of text, and what each finds.

Usage: python benchmarks/lint.py [--runs N]
Targets: the published 2016 report (tests/data/lint/ctoc-cop-2016-tip.txt) linted in under 0.5 s, whole
process; 1,000 pages of report text (500,000 words: the report's body repeated) in under 10 s. proselint, a
general prose linter, runs on the same files in the same rounds as the reference. Then both lint every real UN
text of tests/data/lint/: the findings of each, and how many of the defects reviewed in
tests/data/lint/expected.json proselint reports at the same place. proselint comes from the `bench` extra and is
installed here if missing; it is never a dependency of secretariat.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from measure import ROOT, SECRETARIAT, limit, paired, ratio

CORPUS = ROOT / "tests" / "data" / "lint"
REPORT = CORPUS / "ctoc-cop-2016-tip.txt"
WORDS_PER_PAGE = 500
PAGES = 1000
NEAR = 40  # characters: a proselint finding this close to a reviewed defect counts as finding it


def proselint() -> list[str]:
    """Return the proselint command, installing the bench extra's pinned proselint if it is missing."""
    found = shutil.which("proselint", path=str(Path(sys.executable).parent))
    if found is None:
        extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
        pinned = [p for p in extra["optional-dependencies"]["bench"] if p.startswith("proselint")]
        print(f"installing the reference: {', '.join(pinned)}", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", *pinned], check=True)
        found = str(Path(sys.executable).parent / "proselint")
    return [found, "-o", "compact", "check"]


def pages(out: Path) -> Path:
    """Write 1,000 pages of report text: the 2016 report's body repeated, after its masthead."""
    text = REPORT.read_text(encoding="utf-8")
    head, body = text.split("I. Introduction", 1)
    copies = -(-PAGES * WORDS_PER_PAGE // len(body.split()))
    out.write_text(head + "\n\n".join(["I. Introduction" + body] * copies), encoding="utf-8")
    return out


def theirs(command: list[str], path: Path) -> list[tuple[int, int]]:
    """Return the places (line, column) proselint reports in a file."""
    done = subprocess.run([*command, str(path)], capture_output=True, text=True, check=False)
    return [(int(m.group(1)), int(m.group(2)))
            for m in re.finditer(rf"^{re.escape(str(path))}:(\d+):(\d+):", done.stdout, re.M)]


def compare(command: list[str]) -> None:
    """Print, for each real text, what secretariat and proselint report and which reviewed defects each finds."""
    reviewed = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["findings"]
    print("  findings on real UN texts (secretariat: defects + accepted, all reviewed; proselint: all; "
          "defects proselint also reports at their place)")
    for name, rows in sorted(reviewed.items()):
        places = theirs(command, (CORPUS / f"{name}.txt").resolve())
        defects = [row for row in rows if row["verdict"] == "defect"]
        caught = sum(1 for row in defects  # the same place: the same line, within a few words
                     if any(line == row["line"] and abs(column - row["column"]) <= NEAR for line, column in places))
        print(f"    {name}: secretariat {len(defects)} + {len(rows) - len(defects)} | proselint {len(places)} "
              f"| defects proselint reports {caught} of {len(defects)}", flush=True)


def main(argv: list[str] | None = None) -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    reference = proselint()
    lint = [*SECRETARIAT, "lint", "--format", "json"]
    print(f"lint: secretariat lint vs proselint, whole process, medians of {args.runs} paired runs", flush=True)
    times = paired({"secretariat": [*lint, str(REPORT)], "proselint": [*reference, str(REPORT)]}, args.runs,
                   accept=(0, 1))
    limit("the 2016 report, whole process", times["secretariat"].seconds, 0.5, "s",
          f"CPU {times['secretariat'].cpu:.3f} s")
    ratio("the 2016 report beside proselint", ("secretariat", times["secretariat"].seconds),
          ("proselint", times["proselint"].seconds), 1.0, (times["secretariat"].cpu, times["proselint"].cpu))
    with tempfile.TemporaryDirectory() as tmp:
        big = pages(Path(tmp) / "pages.txt")
        words = len(big.read_text(encoding="utf-8").split())
        runs = max(1, min(args.runs, 3))
        times = paired({"secretariat": [*lint, str(big)]}, runs, accept=(0, 1))
        limit(f"{PAGES:,} pages ({words:,} words), whole process", times["secretariat"].seconds, 10.0, "s",
              f"CPU {times['secretariat'].cpu:.3f} s, peak {times['secretariat'].mib} MiB")
    compare(reference)


if __name__ == "__main__":
    main()
