"""Benchmark review: an edited 2016 draft, whole process, and edited 1,000- and 2,000-paragraph drafts.

Usage: python benchmarks/review.py [--runs N]
Each draft is written by secretariat, then edited as an editor would (a figure changed in its document
part), then reviewed against its records. Targets: the 2016 example under one second; twice the
paragraphs at most 2.2 times the time (linear).
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import zipfile
from pathlib import Path

from measure import ROOT, SECRETARIAT, child_env, limit, paired, ratio
from synthetic import write_synthetic

EXAMPLE = ROOT / "drafts" / "ctoc-cop-2016-tip"


def edited_draft(report: Path, out: Path) -> Path:
    """Draft report, then change its first "169" to "170" as an editor would; return the edited copy."""
    clean = out.with_suffix(".clean.docx")
    subprocess.run([*SECRETARIAT, "draft", str(report), "-o", str(clean), "--no-comments"], check=False,
                   capture_output=True, env=child_env())
    with zipfile.ZipFile(clean) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"169 parties", b"170 parties", 1)
            target.writestr(info.filename, data)
    return out


def main(argv: list[str] | None = None) -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        example = edited_draft(EXAMPLE, folder / "example.docx")
        commands = {"review": [*SECRETARIAT, "review", str(example), str(EXAMPLE)],
                    "check": [*SECRETARIAT, "check", str(EXAMPLE)]}
        measured = paired(commands, args.runs, accept=(0, 1))  # the changed figure is an error: exit 1
        print(f"review: the edited 2016 draft, whole process, medians of {args.runs} paired runs")
        limit("secretariat review of the 2016 example", measured["review"].seconds, 1.0, "s",
              f"secretariat check of it {measured['check'].seconds:.3f} s")
        sizes = {}
        for paragraphs in (1000, 2000):
            report = write_synthetic(folder / f"synthetic-{paragraphs}", paragraphs, paragraphs // 10)
            edited = edited_draft(report, folder / f"synthetic-{paragraphs}.docx")
            sizes[paragraphs] = [*SECRETARIAT, "review", str(edited), str(report)]
        big = paired({str(k): v for k, v in sizes.items()}, args.runs, accept=(0, 1))
        print("review: edited synthetic drafts of 1,000 and 2,000 paragraphs, whole process")
        ratio("2,000 paragraphs vs 1,000 (linear)", ("2,000", big["2000"].seconds), ("1,000", big["1000"].seconds),
              2.2)
        limit("secretariat review peak memory, 2,000 paragraphs", big["2000"].mib, 300, "MiB")


if __name__ == "__main__":
    main()
