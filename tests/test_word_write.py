"""write_docx writes atomically: a failed write leaves no partial file and does not clobber an old one."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from secretariat import files
from secretariat.errors import OutputError
from secretariat.model import FootnoteRef
from secretariat.word import build_docx_bytes, write_docx
from test_word_fixtures import example_draft, para

OLD = b"the previous draft"


def test_write_docx_writes_the_built_bytes_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    write_docx(example_draft(), target)
    assert target.read_bytes() == build_docx_bytes(example_draft())
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_missing_directory_raises_output_error(tmp_path: Path) -> None:
    target = tmp_path / "absent" / "report.docx"
    with pytest.raises(OutputError, match=r"cannot write .*absent/report\.docx"):
        write_docx(example_draft(), target)
    assert not (tmp_path / "absent").exists()


def test_directory_as_target_raises_output_error(tmp_path: Path) -> None:
    (tmp_path / "report.docx").mkdir()
    with pytest.raises(OutputError, match="cannot write"):
        write_docx(example_draft(), tmp_path / "report.docx")
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]


def _write_unprivileged(target: Path) -> str:
    """Call write_docx(target) as the user nobody in a child process (root ignores permissions)."""
    pid = os.fork()
    if pid == 0:  # the child reports through its exit status only
        code = 3
        try:
            os.setgid(65534)
            os.setuid(65534)
            write_docx(example_draft(), target)
            code = 1
        except OutputError as error:
            code = 0 if "Permission denied" in str(error) else 2
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return {0: "OutputError", 1: "written", 2: "other OutputError"}.get(os.waitstatus_to_exitcode(status), "crash")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs POSIX permissions")
def test_read_only_directory_raises_output_error() -> None:
    top = Path(tempfile.mkdtemp(prefix="secretariat-ro-"))  # not under pytest's 0700 tmp dir: nobody must reach it
    folder = top / "locked"
    try:
        top.chmod(0o755)
        folder.mkdir()
        (folder / "report.docx").write_bytes(OLD)
        folder.chmod(0o555)
        if os.geteuid() == 0:
            assert _write_unprivileged(folder / "report.docx") == "OutputError"
        else:
            with pytest.raises(OutputError, match="Permission denied"):
                write_docx(example_draft(), folder / "report.docx")
        assert (folder / "report.docx").read_bytes() == OLD
        assert [p.name for p in folder.iterdir()] == ["report.docx"]
    finally:
        folder.chmod(0o755)
        shutil.rmtree(top)


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_failure_during_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 failing: str) -> None:
    target = tmp_path / "report.docx"
    target.write_bytes(OLD)

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, failing, fail)
    with pytest.raises(OutputError, match="No space left on device"):
        write_docx(example_draft(), target)
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]


def test_a_draft_that_cannot_be_written_touches_nothing(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    target.write_bytes(OLD)
    bad = example_draft(blocks=(para("One.", FootnoteRef("ghost")),))
    with pytest.raises(OutputError, match="ghost"):
        write_docx(bad, target)
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]
