"""Print every benchmark target of secretariat beside its reference, with the ratio (medians of paired runs).

Usage: python benchmarks/run.py [--runs N] [--only PART ...]
Each part is a script ``benchmarks/<part>.py`` taking ``--runs N``; it runs in a process of its own, so
that its peak-memory readings are its own. To add a part, write the script (measure its targets with
benchmarks/measure.py) and add its name to PARTS.
  draft:  the 2016 example's draft and check against pandoc; a 2,000-paragraph / 200-footnote draft
  checks: secretariat check on 100,000 and 1,000,000 synthetic activity records
  intake: a 10,000-row workbook's intake against a bare openpyxl read; a 100,000-row one's peak memory
  review: an edited 2016 draft reviewed against its records; 1,000 and 2,000 paragraphs (linear)
  redline: secretariat compare against WmlComparer on the revision tests' pairs, refereed by LibreOffice
  lint:   the 2016 report and 1,000 pages linted, beside proselint; what each finds on real UN texts
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PARTS = ("draft", "checks", "intake", "review", "redline", "lint")


def main(argv: list[str] | None = None) -> int:
    """Run the chosen parts in turn; return 1 if one of them failed to run."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="paired runs per measurement (a part may use fewer)")
    parser.add_argument("--only", choices=PARTS, action="append", help="run only this part (repeatable)")
    args = parser.parse_args(argv)
    failed = []
    for part in args.only or PARTS:
        print(f"== {part}", flush=True)
        done = subprocess.run([sys.executable, str(HERE / f"{part}.py"), "--runs", str(args.runs)], check=False)
        if done.returncode != 0:
            failed.append(part)
    if failed:
        print(f"parts that did not run to the end: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
