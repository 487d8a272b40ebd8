"""Read the country register's CSV files into plain values."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from secretariat.errors import Location, Problem, SecretariatError

NAME_COLUMNS = (
    "short_2017",
    "running_text_2017",
    "formal_2017",
    "short_current",
    "running_text_current",
    "formal_current",
    "m49_name_current",
)
RENAMING_COLUMNS = (
    "iso3",
    "old_short",
    "old_running_text",
    "new_short",
    "new_running_text",
    "effective_earliest",
    "effective_latest",
    "source",
)


def fold(text: str) -> str:
    """Return ``text`` without accents, case-folded, with one space between words and plain apostrophes."""
    bare = text.replace("\u2019", "'").replace("\u2018", "'")
    if not bare.isascii():  # ASCII has nothing to decompose: most names skip this (the register folds ~1,500)
        bare = "".join(c for c in unicodedata.normalize("NFKD", bare) if not unicodedata.combining(c))
    return " ".join(bare.split()).casefold()  # split() and \s agree on what a space is


def normalize_name(name: str) -> str:
    """Return the lookup key of a country name: folded, without a leading "the" or a trailing "(the)"."""
    key = fold(name.replace("*", ""))
    key = key.removesuffix(" (the)")
    return key.removeprefix("the ")


@dataclass(frozen=True)
class NameForm:
    """A country name as written: the short name alone and in running text ("the" added where due)."""

    short: str
    running_text: str

    @property
    def sort_key(self) -> str:
        """Return the English alphabetical sort key: an added "the" is ignored, one in the name is not."""
        added_the = self.running_text != self.short and self.running_text.startswith("the ")
        return fold(self.short if added_the else self.running_text)


@dataclass(frozen=True)
class Renaming:
    """A change of name, in force at the UN from a date between effective_earliest and effective_latest."""

    iso3: str
    old: NameForm
    new: NameForm
    effective_earliest: date
    effective_latest: date
    source: str


@dataclass(frozen=True)
class CountryRow:
    """One row of un-country-names.csv: codes, current form, and every name variant in the row."""

    iso3: str
    m49: str
    current: NameForm
    variants: tuple[str, ...]


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise SecretariatError(f"{path}: missing columns {', '.join(missing)}")
            for row in reader:
                yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k is not None}
    except OSError as exc:
        raise SecretariatError(f"cannot read the country register file {path}: {exc.strerror}") from exc


def _fail(path: Path, line: int, message: str) -> SecretariatError:
    return SecretariatError(f"bad row in {path.name}", (Problem(Location(str(path), line), message),))


def read_countries(path: Path) -> list[CountryRow]:
    """Read un-country-names.csv."""
    result = []
    for line, row in _rows(path, ("iso3", "m49", *NAME_COLUMNS)):
        if not re.fullmatch(r"[A-Z]{3}", row["iso3"]) or not row["short_current"]:
            raise _fail(path, line, f"expected an ISO3 code and a current short name, found {row['iso3']!r}")
        current = NameForm(row["short_current"], row["running_text_current"] or row["short_current"])
        variants = tuple(row[c] for c in NAME_COLUMNS if row[c])
        result.append(CountryRow(row["iso3"], row["m49"], current, variants))
    return result


def _date(path: Path, line: int, text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _fail(path, line, f"expected a date YYYY-MM-DD, found {text!r}") from None


def read_renamings(path: Path) -> list[Renaming]:
    """Read renamings.csv."""
    result = []
    for line, row in _rows(path, RENAMING_COLUMNS):
        earliest = _date(path, line, row["effective_earliest"])
        latest = _date(path, line, row["effective_latest"])
        if latest < earliest or not row["source"]:
            raise _fail(path, line, "expected effective_earliest <= effective_latest and a source")
        old = NameForm(row["old_short"], row["old_running_text"])
        new = NameForm(row["new_short"], row["new_running_text"])
        result.append(Renaming(row["iso3"], old, new, earliest, latest, row["source"]))
    return result


def read_aliases(path: Path) -> list[tuple[str, str]]:
    """Read aliases.csv as (alias, iso3) pairs."""
    return [(row["alias"], row["iso3"]) for _, row in _rows(path, ("alias", "iso3", "source"))]
