"""Print the benchmark numbers of secretariat (medians of several runs).

Usage: python benchmarks/run.py [--runs N] [--only draft|checks|intake]
  draft:  the example draft, a synthetic 2,000-paragraph / 200-footnote report, and pandoc on the same body
  checks: schema validation plus all checks on 100,000 synthetic activity records (benchmarks/checks.py)
  intake: a 10,000-row workbook's intake time and a 100,000-row one's peak memory (benchmarks/intake.py)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from synthetic import write_synthetic  # noqa: E402


def timed(command: list[str], accept: tuple[int, ...] = (0,)) -> tuple[float, int]:
    """Run a command; return its wall time in seconds and its peak resident memory in MiB."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in accept:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode() if process.stderr else ''}")
    return elapsed, usage.ru_maxrss // 1024


def median_of(command: list[str], runs: int, accept: tuple[int, ...] = (0,)) -> tuple[float, int]:
    """Return the median time and the median peak memory of several runs."""
    results = [timed(command, accept) for _ in range(runs)]
    return statistics.median(r[0] for r in results), int(statistics.median(r[1] for r in results))


def pandoc_input(folder: Path, out: Path) -> Path:
    """Write the same body as plain Markdown (our block attributes removed) for pandoc."""
    from secretariat.pipeline import render_markdown
    from secretariat.records import load_report

    markdown = render_markdown(load_report(folder))
    out.write_text(re.sub(r"^\{source=[^}]*\}\n", "", markdown, flags=re.M), encoding="utf-8")
    return out


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", choices=["draft", "checks", "intake"])
    args = parser.parse_args()
    if args.only in (None, "draft"):
        draft_benchmarks(args.runs)
    # Each part runs in a process of its own: a child forked from a process that already holds 100,000
    # records inherits its resident size, and its peak-memory reading would be that, not its own.
    for part in ("checks", "intake"):
        if args.only in (None, part):
            subprocess.run([sys.executable, str(HERE / f"{part}.py"), "--runs", str(min(args.runs, 5))], check=True)


def draft_benchmarks(runs: int) -> None:
    """Measure drafting: the example, the synthetic report, and pandoc on the same Markdown."""
    cli = [sys.executable, "-m", "secretariat", "draft"]
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        example = ROOT / "drafts" / "ctoc-cop-2016-tip"
        seconds, mib = median_of([*cli, str(example), "-o", str(tmpdir / "example.docx")], runs)
        print(f"example draft (whole process, secretariat draft): median {seconds:.3f} s, "
              f"peak {mib} MiB over {runs} runs (target < 0.5 s)")
        synthetic = write_synthetic(tmpdir / "synthetic", 2000, 200)
        # the synthetic report has findings (its paragraphs repeat the example's): exit 1, draft written
        seconds, mib = median_of([*cli, str(synthetic), "-o", str(tmpdir / "synthetic.docx")], runs, (0, 1))
        print(f"synthetic 2,000 paragraphs / 200 footnotes (whole process): median {seconds:.3f} s, "
              f"peak {mib} MiB")
        if shutil.which("pandoc") is None:
            print("pandoc: not installed (apt-get install pandoc) - comparison skipped")
            return
        source = pandoc_input(synthetic, tmpdir / "synthetic.md")
        pandoc_s, pandoc_mib = median_of(["pandoc", str(source), "-o", str(tmpdir / "pandoc.docx")], runs)
        print(f"pandoc on the same Markdown: median {pandoc_s:.3f} s, peak {pandoc_mib} MiB; "
              f"secretariat/pandoc = {seconds / pandoc_s:.2f} (target < 0.5)")


if __name__ == "__main__":
    main()
