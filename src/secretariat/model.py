"""The document model: what the renderer produces and the Word writer consumes.

It knows nothing of Markdown or OOXML. Numbering (paragraph numbers, heading labels,
sub-paragraph letters, footnote numbers) is not stored: the writer asks Word to number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

# A revision against an earlier version: "" unchanged, else inserted or deleted since then. On a heading or
# paragraph it is the paragraph as a whole (its end included); on a run or a reference, that stretch only.
Change = Literal["", "inserted", "deleted"]


@dataclass(frozen=True)
class Run:
    """A stretch of text with one character style."""

    text: str
    italic: bool = False
    bold: bool = False
    change: Change = ""


@dataclass(frozen=True)
class FootnoteRef:
    """A reference mark to the footnote with this key in ``Draft.footnotes``."""

    key: str
    change: Change = ""


Inline = Run | FootnoteRef


@dataclass(frozen=True)
class Heading:
    """A heading: level 1 chapter (I.), 2 section (A.), 3 sub-section (1.)."""

    level: int
    inlines: tuple[Inline, ...]
    source: str = ""  # the content pointer of its record ("/blocks/0"), written into the draft as its identity
    change: Change = ""


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: level 0 numbered 1, 2, 3 …; sub-paragraphs level 1 (a), 2 (i), 3 a., 4 i."""

    inlines: tuple[Inline, ...]
    level: int = 0
    source: str = ""  # where the text came from (record file and JSON pointer), for findings
    change: Change = ""
    numbered: bool = True  # False: a plain unnumbered paragraph (met only in a .docx secretariat did not write)


Block = Heading | Paragraph


@dataclass(frozen=True)
class Masthead:
    """The first-page furniture of a parliamentary document."""

    symbol: str
    distribution: str  # "General"
    date: str  # "14 June 2016"
    original: str  # "English"
    body: str
    session: str  # "Eighth session"
    venue_dates: str  # "Vienna, 17–21 October 2016"
    agenda_item: str  # "Item 2 (b) of the provisional agenda"
    agenda_footnote: str  # "CTOC/COP/2016/1."
    agenda_title: str
    title: str
    subtitle: str  # "Report of the Secretariat"
    job_number: str  # "V.16-03496 (E)"
    job_dates: tuple[str, str]  # ("280616", "290616")
    barcode: str  # "*1603496*"
    gaps: frozenset[str] = frozenset()  # names of the fields that show a "[… not set]" gap (printed in bold)
    issued: dt.date | None = None  # the masthead date as a date (None until entered): the package's timestamps
    # fields (and "job_short") that changed since an earlier version, as runs marked inserted or deleted
    changes: dict[str, tuple[Run, ...]] = field(default_factory=dict, hash=False)

    @property
    def job_short(self) -> str:
        """Return the job number without its language letter, as the running footers print it."""
        return self.job_number if self.job_number.startswith("[") else self.job_number.split(" ")[0]


@dataclass(frozen=True)
class Comment:
    """A reviewer's comment on the paragraph whose ``source`` is ``anchor`` ("" for the masthead)."""

    anchor: str
    text: str
    author: str = "secretariat check"


@dataclass(frozen=True)
class Origin:
    """What a draft was made from, written into it so that an edited copy can be compared with its records."""

    tool: str  # "secretariat 0.1.0"
    report: str  # the report folder's name
    symbol: str
    records: str  # digest of all record files together
    files: tuple[tuple[str, str], ...] = ()  # (record file name, its digest)
    templates: tuple[tuple[str, str], ...] = ()  # (content pointer, the record text the paragraph came from)


@dataclass(frozen=True)
class Revisions:
    """How a draft shows its changes: as Word tracked changes by an author on a date, or struck and bold."""

    author: str = "secretariat"
    date: str = ""  # ISO 8601 date or date-time; "" for the masthead date, so the same inputs give the same bytes
    style: Literal["track", "strike-bold"] = "track"


@dataclass(frozen=True)
class Presentation:
    """How the draft is laid out: the issued page or a manuscript, and the machine-readable symbols of page 1."""

    layout: str = "issued"  # or "manuscript"
    barcode: bool = True  # the job number as a Code 39 symbol
    qr_code: bool = True  # the document's official address (https://undocs.org/<symbol>) as a QR code
    # pictures already drawn, as (description, PNG): a redline of a .docx reuses its QR code, not drawn again
    drawn: tuple[tuple[str, bytes], ...] = ()


@dataclass(frozen=True)
class Draft:
    """A whole report ready to be written."""

    masthead: Masthead
    blocks: tuple[Block, ...]
    footnotes: dict[str, tuple[Inline, ...]] = field(default_factory=dict)
    footnote_sources: dict[str, str] = field(default_factory=dict)  # footnote key -> "/footnotes/0"
    origin: Origin | None = None
    comments: tuple[Comment, ...] = ()
    title: str = ""  # document property
    language: str = "en-GB"
    revisions: Revisions | None = None  # set when the draft is marked against an earlier version
    presentation: Presentation = field(default_factory=Presentation)
