"""The README's commands for revised drafts, run as it writes them, show what it says they show."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from revision_pairs import make_next_session

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[list[str]]:
    """Return the secretariat commands of the README's section on revised drafts and the next session's draft."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Showing what changed")
    blocks = re.findall(r"```sh\n(.*?)```", readme[start:readme.index("\n## ", start)], flags=re.S)
    lines = [line for block in blocks for line in block.splitlines() if line.startswith("secretariat ")]
    return [shlex.split(line)[1:] for line in lines if "--changes-against" in line or " compare " in line]


def _marks(docx: Path) -> tuple[list[str], list[str]]:
    """Return the deleted and the inserted texts of a .docx's body."""
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    deleted = re.findall(r"<w:delText[^>]*>([^<]*)<", xml)
    inserted = [t for block in re.findall(r"<w:ins [^>]*[^/]>(.*?)</w:ins>", xml, flags=re.S)
                for t in re.findall(r"<w:t(?: [^>]*)?>([^<]*)<", block)]
    return deleted, inserted


def test_the_readme_commands_for_revised_drafts_run_as_written(tmp_path: Path) -> None:
    commands = _commands()
    assert len(commands) == 5, commands  # three to send a revised draft, two for the next session's
    old, new = make_next_session(tmp_path / "made")
    (tmp_path / "drafts").mkdir()
    for folder in (old, new):  # the 2018 report names the 2016 one as its previous report, beside it
        shutil.move(folder, tmp_path / "drafts" / folder.name)
    sent = tmp_path / "sent-to-editors" / "ctoc-cop-2016-tip"  # the records as they were when sent: one figure older
    shutil.copytree(tmp_path / "drafts" / "ctoc-cop-2016-tip", sent, ignore=shutil.ignore_patterns("build"))
    figures = json.loads((sent / "figures.json").read_text(encoding="utf-8"))
    assert figures["figures"][0]["value"] == 169
    figures["figures"][0]["value"] = 160
    (sent / "figures.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")

    def secretariat(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "secretariat", *args], cwd=tmp_path, capture_output=True,
                              text=True, timeout=180)

    assert secretariat("draft", str(sent), "-o", "sent-to-editors.docx", "--no-comments").returncode in (0, 1)
    shutil.copy(tmp_path / "sent-to-editors.docx", tmp_path / "old.docx")
    assert secretariat("draft", "drafts/ctoc-cop-2016-tip", "-o", "new.docx", "--no-comments").returncode in (0, 1)
    written = []
    for args in commands:
        done = secretariat(*args)
        assert done.returncode in (0, 1), (args, done.stderr)  # 1: the checks' findings, the draft still written
        assert "changes against" in done.stdout, (args, done.stdout)
        if "-o" in args:
            output = tmp_path / args[args.index("-o") + 1]
        else:  # the default place: the report's build folder
            [output] = (tmp_path / args[1] / "build").glob("*.docx")
        written.append(output)
        deleted, inserted = _marks(output)
        if "2018" not in args[1]:  # a changed figure shows the old one struck and the new one inserted
            assert (deleted, inserted) == (["160"], ["169"]), args
        elif "strike-bold" in args:  # struck and bold, no revision marks
            assert (deleted, inserted) == ([], [])
            assert "<w:strike/>" in zipfile.ZipFile(output).read("word/document.xml").decode("utf-8")
        else:  # standing paragraphs' new words marked, last session's narrative deleted, the new one inserted
            assert "eighth" in deleted and "ninth" in inserted
            assert "2016" in deleted and "2018" in inserted
    assert len(set(written)) == 4 and written[0] == written[1]  # revised.docx written twice, as the README shows
