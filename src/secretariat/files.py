"""Read and write the user's files safely: the one reader and the one writer every command uses.

Reading: a regular file, inside the place it belongs when there is one (no link out of it), its size
checked against a limit before a byte is read; a FIFO is opened without blocking and refused, like a
device. Writing: a regular file or a new path, never through a link, onto a device or FIFO, or over a
report's own records; through a temporary file beside the target that is removed on every failure,
keeping the target's mode (a new file gets the user's umask).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from secretariat.errors import OutputError, UnsafeFileError
from secretariat.limits import Limit

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISLNK, "a symbolic link"))
_READ_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def kind_of(mode: int) -> str:
    """Return what a file of this mode is, for a message."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def open_regular(path: Path, limit: Limit, inside: Path | None = None) -> BinaryIO:
    """Open a regular file for reading; raise UnsafeFileError (not one, or outside ``inside``) or LimitError."""
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError as e:
        raise UnsafeFileError(f"{path}: expected a file, found nothing there") from e
    except (OSError, RuntimeError) as e:  # a loop of links, a name too long
        raise UnsafeFileError(f"{path}: cannot read the file: {getattr(e, 'strerror', None) or e}") from e
    if inside is not None and not real.is_relative_to(inside.resolve()):
        raise UnsafeFileError(f"{path}: expected a file inside {inside}, found a link to {real}, outside it")
    try:
        fd = os.open(real, _READ_FLAGS)  # non-blocking: opening a FIFO must not wait for a writer
    except OSError as e:
        raise UnsafeFileError(f"{path}: cannot read the file: {e.strerror or e}") from e
    handle = os.fdopen(fd, "rb")
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise UnsafeFileError(f"{path}: expected a regular file, found {kind_of(status.st_mode)}")
        if status.st_size > limit.value:
            raise limit.error(str(path), f"{limit.shown(status.st_size)}")
        os.set_blocking(fd, True)
    except BaseException:
        handle.close()
        raise
    return handle


def read_regular(path: Path, limit: Limit, inside: Path | None = None) -> bytes:
    """Return the bytes of a regular file (see ``open_regular``); a file that grows past the limit is refused."""
    with open_regular(path, limit, inside) as handle:
        try:
            data = handle.read(limit.value + 1)
        except OSError as e:
            raise UnsafeFileError(f"{path}: cannot read the file: {e.strerror or e}") from e
    if len(data) > limit.value:
        raise limit.error(str(path), "more while it was being read")
    return data


def is_report_record(path: Path) -> bool:
    """Return whether a path is one of a report's own records: a JSON file in a folder holding report.json."""
    return path.suffix.lower() == ".json" and (path.parent / "report.json").is_file()


def writable(path: Path, records: bool = False) -> int | None:
    """Return the mode of the file to replace (None for a new path); raise OutputError if it may not be written."""
    try:
        status = path.lstat()
    except FileNotFoundError:
        status = None
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from e
    if status is not None and not stat.S_ISREG(status.st_mode):
        raise OutputError(f"cannot write {path}: expected a regular file or a new path, found "
                          f"{kind_of(status.st_mode)} there; secretariat never writes through a link or onto "
                          "a device: give another path")
    if not records and is_report_record(path):
        raise OutputError(f"cannot write {path}: it is one of the report's own records; secretariat never "
                          "replaces a record with its output: give another path")
    return stat.S_IMODE(status.st_mode) if status is not None else None


def new_temp(path: Path) -> tuple[int, Path]:
    """Create a temporary file beside path, with the user's umask as any new file; return its descriptor and path."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    temp = path.parent / f".{path.name}.{os.urandom(6).hex()}.tmp"  # os, not secrets: a name, not a key
    try:
        return os.open(temp, flags, 0o666), temp  # 0666 less the umask, not mkstemp's 0600
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from e


def write_file(path: Path, content: bytes | Callable[[BinaryIO], object], records: bool = False) -> None:
    """Write bytes (or what ``content(handle)`` writes) to path atomically; raise OutputError.

    ``records`` is for the one writer of a report's records (intake): everyone else may not replace them.
    """
    if not path.name:
        raise OutputError("cannot write: expected a file name, found an empty path")
    mode = writable(path, records)
    fd, temp = new_temp(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            if isinstance(content, bytes):
                handle.write(content)
            else:
                content(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)  # replaces a link raced in meanwhile, never the file it points to
    except BaseException as e:
        with suppress(OSError):
            temp.unlink()
        if isinstance(e, OSError):
            raise OutputError(f"cannot write {path}: {e.strerror or e}") from e
        raise
