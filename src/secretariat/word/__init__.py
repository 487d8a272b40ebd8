"""Write a Draft as a .docx: named styles, Word numbering, real footnotes, running heads."""

# All OOXML of secretariat lives in this package. The parts are written with lxml (python-docx has no
# footnote, numbering or field API, and its template carries properties and timestamps of its own).

from __future__ import annotations

from pathlib import Path

from secretariat.files import write_file
from secretariat.model import Draft
from secretariat.word.document import build_package

__all__ = ["build_docx_bytes", "write_docx"]


def build_docx_bytes(draft: Draft) -> bytes:
    """Return the .docx bytes of draft (the same draft always gives the same bytes)."""
    return build_package(draft)


def write_docx(draft: Draft, path: Path) -> None:
    """Write the draft to path atomically and deterministically, never through a link or over a record."""
    write_file(Path(path), build_package(draft))
