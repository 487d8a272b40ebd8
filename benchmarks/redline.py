"""Benchmark `secretariat compare` against Open-XML-PowerTools' WmlComparer on the same pairs of drafts.

Usage: python benchmarks/redline.py [--runs N]
The pairs are the revision tests' (tests/revision_pairs.py): the 2016 example with one figure changed, with
sentences reworded, with paragraphs inserted, deleted and moved, with a footnote changed, unchanged, and the
2018 report against the 2016 one. Both tools take the same two .docx and write a redline; each is a whole
process (WmlComparer through python-redlines, as its users call it), run in turn. Then LibreOffice accepts
and rejects every revision of both redlines (one office start): are the texts exactly the new and the old
draft's? How much text each marks in the body and footnotes (characters inside insertions and deletions, spaces
aside) says which is coarser; the running heads and footers, which WmlComparer does not compare, are counted apart.
The reference comes from the `bench` extra (python-redlines, python-redlines-ooxmlpowertools); it is installed
here if missing. It is never a dependency of secretariat.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

from measure import ROOT, SECRETARIAT, paired, ratio, run_once

sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

WML = """
import sys, warnings
warnings.simplefilter("ignore")
from python_redlines import XmlPowerToolsEngine
redline, _, _ = XmlPowerToolsEngine().run_redline("WmlComparer", sys.argv[1], sys.argv[2])
open(sys.argv[3], "wb").write(redline)
"""
TARGET = 0.05  # at least 20 times faster


def install_reference() -> None:
    """Install the bench extra's pinned reference comparer into this interpreter if it is missing."""
    if importlib.util.find_spec("python_redlines") and importlib.util.find_spec("python_redlines_ooxmlpowertools"):
        return
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    print(f"installing the reference: {', '.join(extra['bench'])}", flush=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", *extra["bench"]], check=True)


def pairs(where: Path) -> dict[str, tuple[Path, Path]]:
    """Write each pair's old and new draft as .docx (not timed) and return them by name."""
    from revision_pairs import EDITS, make_next_session, make_pair

    folders = {name: make_pair(name, where) for name in EDITS}
    folders["next session"] = make_next_session(where)
    written = {}
    for name, (old, new) in folders.items():
        docs = []
        for side, folder in (("old", old), ("new", new)):
            path = where / f"{name.replace(' ', '-')}-{side}.docx"
            run_once([*SECRETARIAT, "draft", str(folder), "-o", str(path), "--no-comments"], accept=(0, 1))
            docs.append(path)
        written[name] = (docs[0], docs[1])
    return written


def marked_characters(docx: Path, parts: str = "document|footnotes") -> int:
    """Return how many characters a redline marks: the text inside its insertions and deletions.

    Spaces do not count: secretariat marks the lone space between two changed words inside one change
    ("169 parties" struck, "173 members" inserted) where a word-by-word comparer may leave it unmarked.
    By default the body and the footnotes, which both tools compare; WmlComparer leaves the running heads
    and footers as OLD has them, unmarked, so they are counted apart ("header\\d*|footer\\d*").
    """
    total = 0
    with zipfile.ZipFile(docx) as package:
        for name in package.namelist():
            if re.fullmatch(rf"word/({parts})\.xml", name):
                xml = package.read(name).decode("utf-8")
                for block in re.findall(r"<w:(?:ins|del) [^>]*[^/]>(.*?)</w:(?:ins|del)>", xml, flags=re.S):
                    texts = re.findall(r"<w:(?:t|delText)(?: [^>]*)?>([^<]*)<", block)
                    total += sum(len(t) - t.count(" ") for t in texts)
    return total


def referee(documents: list[Path], out: Path) -> bool:
    """Have LibreOffice accept and reject all revisions of documents into out; False if it cannot run here."""
    if shutil.which("soffice") is None or subprocess.run(["/usr/bin/python3", "-c", "import uno"],
                                                        capture_output=True, check=False).returncode:
        return False
    subprocess.run(["/usr/bin/python3", str(ROOT / "tests" / "lo_revisions.py"), str(out), *map(str, documents)],
                   check=True, timeout=900)
    return True


def _same(out: Path, stem: str, action: str, side: str) -> str:
    """Return "same" if the accepted or rejected text is exactly the side's text, else "DIFFERENT"."""
    done = out / f"{stem}.{action}.txt"
    result = done if done.exists() else out / f"{stem}.txt"  # no revision at all: the text as is
    same = result.read_text(encoding="utf-8-sig") == (out / f"{side}.txt").read_text(encoding="utf-8-sig")
    return "same" if same else "DIFFERENT"


def main(argv: list[str] | None = None) -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="paired runs per pair (at most 3: WmlComparer is slow)")
    args = parser.parse_args(argv)
    runs = max(1, min(args.runs, 3))
    install_reference()
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        wml = where / "wml.py"
        wml.write_text(WML, encoding="utf-8")
        documents = pairs(where / "pairs")
        first_old, first_new = next(iter(documents.values()))
        run_once([sys.executable, str(wml), str(first_old), str(first_new), str(where / "warm.docx")])  # unpacks
        print(f"redline: secretariat compare vs WmlComparer (python-redlines), whole process, medians of {runs} "
              "paired runs", flush=True)
        written: list[Path] = []
        marked: dict[str, tuple[int, int, int, int]] = {}
        for name, (old, new) in documents.items():
            stem = name.replace(" ", "-")
            ours, theirs = where / f"{stem}-secretariat.docx", where / f"{stem}-wml.docx"
            times = paired({"secretariat": [*SECRETARIAT, "compare", str(old), str(new), "-o", str(ours)],
                            "wml": [sys.executable, str(wml), str(old), str(new), str(theirs)]}, runs, warm_up=False)
            ratio(f"{name}: secretariat compare vs WmlComparer", ("secretariat", times["secretariat"].seconds),
                  ("WmlComparer", times["wml"].seconds), TARGET, (times["secretariat"].cpu, times["wml"].cpu))
            heads = r"header\d*|footer\d*"
            marked[name] = (marked_characters(ours), marked_characters(theirs), marked_characters(ours, heads),
                            marked_characters(theirs, heads))
            written += [old, new, ours, theirs]
        out = where / "refereed"
        out.mkdir()
        if not referee(written, out):
            print("  LibreOffice with python3-uno is not installed: accept/reject texts not compared")
            return
        print("redline: LibreOffice accepts all / rejects all; is the text exactly new / old? characters marked")
        for name in documents:
            stem = name.replace(" ", "-")
            line = []
            for tool, suffix in (("secretariat", "secretariat"), ("WmlComparer", "wml")):
                accept = _same(out, f"{stem}-{suffix}", "accept", f"{stem}-new")
                reject = _same(out, f"{stem}-{suffix}", "reject", f"{stem}-old")
                line.append(f"{tool} {accept}/{reject}")
            ours_marked, theirs_marked, ours_heads, theirs_heads = marked[name]
            coarser = "ok" if ours_marked <= theirs_marked else "COARSER"
            print(f"  {name}: {' | '.join(line)} | characters marked in body and footnotes: secretariat "
                  f"{ours_marked:,}, WmlComparer {theirs_marked:,} ({coarser}); in running heads and footers: "
                  f"{ours_heads:,}, {theirs_heads:,}", flush=True)


if __name__ == "__main__":
    main()
