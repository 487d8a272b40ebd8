"""Read the UN Treaty Collection's participant table: the status page saved as HTML, its table copied as text,
or CSV in the layout ``Participant,Signature,"Ratification, Acceptance(A), Approval(AA), Accession(a),
Succession(d)"``. Dates are kept to the precision the table gives ("Oct 2014" stays a month)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from secretariat.dates import period_of
from secretariat.errors import Location, Problem
from secretariat.registers.names import code_of

MARKERS = {"": "ratification", "a": "accession", "A": "acceptance", "AA": "approval", "d": "succession"}
MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_DATE = re.compile(r"(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\.?\s+(\d{4})|(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_STATUS = re.compile(r"STATUS\s+AS\s+AT\s*:\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", re.IGNORECASE)


@dataclass(frozen=True)
class When:
    """A date as the table gives it: a day, or a month or year known only as such (``start``..``end``)."""

    start: date
    end: date
    as_stated: str


@dataclass(frozen=True)
class TableRow:
    """One participant row of the table, read and understood."""

    line: int
    code: str
    name: str
    signature: When | None
    consent: When | None
    consent_type: str | None


@dataclass(frozen=True)
class Table:
    """The rows of one table, the problems of the rows that could not be read, and the date it shows."""

    rows: tuple[TableRow, ...]
    problems: tuple[Problem, ...]
    status_as_at: date | None


def parse_when(text: str) -> When | None:
    """Return the date or period a table cell states ("12 Dec 2000", "Dec 2000", "2000"); raise ValueError."""
    text = " ".join(text.split())
    if not text:
        return None
    match = _DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"expected a date such as 12 Dec 2000 (or Dec 2000, or 2000-12-12), found {text!r}")
    day, month_name, year, iso_year, iso_month, iso_day = match.groups()
    parts: tuple[int | None, ...]
    if month_name is not None:
        month = MONTHS.get(month_name[:3].lower())
        if month is None:
            raise ValueError(f"expected an English month name, found {month_name!r} in {text!r}")
        parts = (int(year), month, None if day is None else int(day))
    else:
        parts = tuple(None if part is None else int(part) for part in (iso_year, iso_month, iso_day))
    iso = "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts) if p is not None)
    try:
        period = period_of(iso)
    except ValueError as e:
        raise ValueError(f"expected a real date such as 2017-09-15 or 15 Sep 2017 (2017-09 or 2017 when only the "
                         f"month or year is known), found {text!r} ({e})") from e
    return When(period.start, period.end, text)


def _consent(text: str) -> tuple[When | None, str | None]:
    """Split "17 Feb 2010 a" into the date and the kind of instrument its marker names."""
    text = " ".join(text.split())
    marker = ""
    match = re.fullmatch(r"(.*?)\s*\b(AA|A|a|d)", text)
    if match is not None and match.group(1):
        text, marker = match.group(1), match.group(2)
    when = parse_when(text)
    return when, (MARKERS[marker] if when is not None else None)


def _code(name: str) -> str | None:
    plain = re.sub(r"[\s\d,*]+$", "", name)  # footnote numbers the page prints after a name
    plain = re.sub(r"^St\.\s", "Saint ", plain)
    return code_of(plain)


def _cells_from_text(text: str, delimiter: str | None) -> list[tuple[int, list[str]]]:
    if delimiter is not None:
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        return [(reader.line_num, row) for row in reader]
    return [(number, re.split(r"\t| {2,}", line.strip())) for number, line in enumerate(text.splitlines(), 1)]


class _TableParser(HTMLParser):
    """Collect the cell texts of every table row of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[int, list[str]]] = []
        self._cell: list[str] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append((self.getpos()[0], []))
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "sup" and self._cell is not None:
            self._cell.append(" ")  # a footnote number after a name

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1][1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def read_table_file(path: Path) -> Table:
    """Read a participant table file (UTF-8, with or without BOM, else Windows-1252)."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        return Table((), (Problem(Location(str(path)), f"cannot read the file: {e.strerror or e}"),), None)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return read_table(path, text)


def read_table(path: Path, text: str) -> Table:
    """Read a participant table from the text of a file; every row that cannot be read is a located problem."""
    status = None
    if path.suffix.lower() in (".html", ".htm") or text.lstrip()[:1] == "<":
        parser = _TableParser()
        parser.feed(text)
        rows, status = parser.rows, _STATUS.search(" ".join(parser.text))
    else:
        first = text.splitlines()[0] if text.strip() else ""
        delimiter = "\t" if "\t" in first else ("," if first.count(",") else None)
        if path.suffix.lower() == ".csv":
            delimiter = ";" if first.count(";") > first.count(",") else ","
        rows, status = _cells_from_text(text, delimiter), _STATUS.search(text)
    start = next((i for i, (_, row) in enumerate(rows) if row and row[0].strip().lower().startswith("participant")),
                 None)
    if start is None:
        where = Location(str(path), 1)
        return Table((), (Problem(where, "expected the Treaty Collection's participant table, with a header row "
                                         "starting 'Participant', 'Signature', found none"),), None)
    return _rows(path, rows, start, status)


def _rows(path: Path, rows: list[tuple[int, list[str]]], start: int, status: re.Match[str] | None) -> Table:
    result: list[TableRow] = []
    problems: list[Problem] = []
    for index, raw in rows[start + 1:]:
        cells = [c.strip() for c in raw]
        if not any(cells):
            continue
        where = Location(str(path), index)
        name, signature, consent = (cells + ["", ""])[:3]
        code = _code(name)
        if code is None:
            problems.append(Problem(where, f"expected a State's name as the United Nations writes it, found "
                                           f"{name!r}, which the country register does not know"))
            continue
        try:
            signed = parse_when(signature)
            consented, kind = _consent(consent)
        except ValueError as e:
            problems.append(Problem(where, f"{name}: {e}"))
            continue
        result.append(TableRow(index, code, re.sub(r"[\s\d,*]+$", "", name), signed, consented, kind))
    as_at = None
    if status is not None:
        day, month, year = (int(g) for g in status.groups())
        as_at = date(year, month, day)
    return Table(tuple(result), tuple(problems), as_at)
