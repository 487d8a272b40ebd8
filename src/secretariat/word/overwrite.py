"""Never destroy an editor's work: overwrite only the draft secretariat itself last wrote, unless forced."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from secretariat.errors import OutputError
from secretariat.files import writable
from secretariat.word.reading import is_untouched_draft


def backup_path(path: Path, now: datetime | None = None) -> Path:
    """Return a free name beside path for its backup: report.docx -> report.backup-20261201T080000Z.docx."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}.backup-{stamp}-{number}{path.suffix}")
    return candidate


def make_room(path: Path, force: bool, review_hint: str | None = None) -> Path | None:
    """Allow writing a draft to path; return the backup made of an edited file (with force), else None.

    Raise OutputError when path holds anything but the draft secretariat last wrote there, unless forced;
    review_hint is the command that brings an editor's work back into records, when there are records.
    """
    writable(path)  # never through a link, onto a device or over a record: refused before anything is kept
    target = path
    if not target.is_file() or is_untouched_draft(target):
        return None  # nothing there, or our own draft unchanged; anything else (a folder) is refused by the writer
    backup = backup_path(target)
    if not force:
        review = f"To bring the editors' work back, run {review_hint}; to" if review_hint else "To"
        raise OutputError(
            f"{path} exists and is not the draft secretariat last wrote there (an editor may have changed it, or it "
            f"is another file): it was not overwritten. {review} write the new draft elsewhere, pass -o OTHER.docx; "
            f"to overwrite it anyway, pass --force (the old file is then kept beside it as {backup.name})")
    try:
        shutil.copy2(target, backup)
    except OSError as e:
        raise OutputError(f"cannot keep a backup of {path} as {backup}: {e.strerror or e}; nothing was written") from e
    return backup
