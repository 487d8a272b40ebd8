"""Benchmark drafting against pandoc: the 2016 example, its check, and a 2,000-paragraph / 200-footnote report.

Usage: python benchmarks/draft.py [--runs N]
Every number is a whole process (start, imports, work), run in turn with its reference; pandoc converts
the same body as plain Markdown (one paragraph per block) to .docx. Without pandoc the pandoc targets
are skipped, with a line that says so.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

from measure import ROOT, SECRETARIAT, limit, paired, ratio
from synthetic import write_synthetic

EXAMPLE = ROOT / "drafts" / "ctoc-cop-2016-tip"


def pandoc_input(folder: Path, out: Path) -> Path:
    """Write the report's body as plain Markdown (our block attributes removed) for pandoc."""
    sys.path.insert(0, str(ROOT / "src"))
    from secretariat.pipeline import render_markdown
    from secretariat.records import load_report

    markdown = render_markdown(load_report(folder))
    out.write_text(re.sub(r"^\{source=[^}]*\}\n", "", markdown, flags=re.M), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    pandoc = shutil.which("pandoc")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        draft = [*SECRETARIAT, "draft", str(EXAMPLE), "-o", str(folder / "example.docx")]
        commands = {"draft": draft, "check": [*SECRETARIAT, "check", str(EXAMPLE)]}
        if pandoc:
            source = pandoc_input(EXAMPLE, folder / "example.md")
            commands["pandoc"] = [pandoc, str(source), "-o", str(folder / "pandoc-example.docx")]
        example = paired(commands, args.runs)
        print(f"draft: the 2016 example, whole process, medians of {args.runs} paired runs")
        if pandoc:
            ratio("secretariat draft vs pandoc", ("draft", example["draft"].seconds),
                  ("pandoc", example["pandoc"].seconds), 1.0, (example["draft"].cpu, example["pandoc"].cpu))
        ratio("secretariat check vs secretariat draft", ("check", example["check"].seconds),
              ("draft", example["draft"].seconds), 0.7, (example["check"].cpu, example["draft"].cpu))
        synthetic = write_synthetic(folder / "synthetic", 2000, 200)
        # its paragraphs repeat the example's, so the checks find errors: exit 1, the draft is still written
        commands = {"draft": [*SECRETARIAT, "draft", str(synthetic), "-o", str(folder / "synthetic.docx")]}
        if pandoc:
            source = pandoc_input(synthetic, folder / "synthetic.md")
            commands["pandoc"] = [pandoc, str(source), "-o", str(folder / "pandoc-synthetic.docx")]
        big = paired(commands, args.runs, accept=(0, 1))
        print("draft: a synthetic 2,000-paragraph / 200-footnote report, whole process")
        if pandoc:
            ratio("secretariat draft vs pandoc", ("draft", big["draft"].seconds), ("pandoc", big["pandoc"].seconds),
                  0.3, (big["draft"].cpu, big["pandoc"].cpu))
        limit("secretariat draft peak memory", big["draft"].mib, 150, "MiB",
              f"pandoc {big['pandoc'].mib} MiB" if pandoc else "")
        if not pandoc:
            print("  pandoc: not installed (apt-get install pandoc): the comparisons with pandoc are skipped")


if __name__ == "__main__":
    main()
