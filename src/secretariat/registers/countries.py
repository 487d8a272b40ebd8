"""The UN country register: short names and running-text forms in force at a date, and name lookup.

Data: ``data/countries/un-country-names.csv`` (current UNTERM forms), ``renamings.csv`` (dated changes of
name: the form before, the form after, and the window in which the change took effect at the United Nations)
and ``aliases.csv`` (other spellings, for ``lookup`` only). See ``data/countries/README.md``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from secretariat.errors import CountryNameUncertainError, SecretariatError, UnknownCountryError
from secretariat.registers._country_files import (
    NameForm,
    Renaming,
    normalize_name,
    read_aliases,
    read_countries,
    read_renamings,
)
from secretariat.resources import data_path

__all__ = [
    "Country",
    "CountryRegister",
    "NameForm",
    "Renaming",
    "country_register",
]


@dataclass(frozen=True)
class Country:
    """One country: codes, current name form, formal names and its renamings in date order."""

    iso3: str
    m49: str
    current: NameForm
    renamings: tuple[Renaming, ...] = ()

    def form_on(self, on: date) -> NameForm:
        """Return the name form in force on ``on``; raise if ``on`` falls inside a change-of-name window."""
        form = self.renamings[0].old if self.renamings else self.current
        for renaming in self.renamings:
            if on >= renaming.effective_latest:
                form = renaming.new
            elif on >= renaming.effective_earliest:
                raise CountryNameUncertainError(
                    f"the UN name of {self.iso3} on {on.isoformat()} is not known: {renaming.old.short!r} "
                    f"became {renaming.new.short!r} between {renaming.effective_earliest.isoformat()} and "
                    f"{renaming.effective_latest.isoformat()} (see data/countries/renamings.csv)"
                )
        return form


class CountryRegister:
    """Look up UN country names by ISO 3166-1 alpha-3 code and date, and codes by name."""

    def __init__(self, countries: Mapping[str, Country], names: Mapping[str, str], source: str = "",
                 aliases: tuple[tuple[str, str], ...] = (), spellings: Mapping[str, str] | None = None) -> None:
        self._countries = dict(countries)
        self._names = dict(names)
        self._source = source or "the country register"
        self.aliases = aliases  # (usual spelling, ISO3 code) pairs besides the UN names, in file order
        self._spellings = dict(spellings or {})
        self._aliases = frozenset(_bare(alias) for alias, _ in aliases)

    @classmethod
    def from_files(cls, names_csv: Path, renamings_csv: Path, aliases_csv: Path) -> CountryRegister:
        """Build a register from the three CSV files; raise SecretariatError on malformed data."""
        rows = read_countries(names_csv)
        renamings = read_renamings(renamings_csv)
        index: dict[str, str] = {}
        spellings: dict[str, str] = {}
        countries: dict[str, Country] = {}
        for row in rows:
            mine = tuple(
                sorted((r for r in renamings if r.iso3 == row.iso3), key=lambda r: r.effective_latest)
            )
            _check_chain(row.iso3, row.current, mine, renamings_csv)
            countries[row.iso3] = Country(row.iso3, row.m49, row.current, mine)
            variants = [*row.variants, *(f.short for r in mine for f in (r.old, r.new))]
            _index(index, variants, row.iso3, names_csv)
            spellings.update((_bare(variant), row.iso3) for variant in variants)
        unknown = sorted({r.iso3 for r in renamings} - countries.keys())
        if unknown:
            raise SecretariatError(f"{renamings_csv}: renamings of codes not in {names_csv.name}: {unknown}")
        aliases = tuple(read_aliases(aliases_csv))
        for alias, iso3 in aliases:
            if iso3 not in countries:
                raise SecretariatError(f"{aliases_csv}: alias {alias!r} maps to unknown code {iso3!r}")
            _index(index, [alias], iso3, aliases_csv)
            spellings.setdefault(_bare(alias), iso3)
        return cls(countries, index, str(names_csv), aliases, spellings)

    @property
    def codes(self) -> frozenset[str]:
        """Return every ISO3 code in the register."""
        return frozenset(self._countries)

    def __contains__(self, iso3: object) -> bool:
        return iso3 in self._countries

    def country(self, iso3: str) -> Country:
        """Return the country with code ``iso3``; raise UnknownCountryError naming the code if unknown."""
        if not isinstance(iso3, str):
            raise TypeError(
                f"expected an ISO 3166-1 alpha-3 code (str), found {type(iso3).__name__} {iso3!r}"
            )
        try:
            return self._countries[iso3]
        except KeyError:
            raise UnknownCountryError(
                f"unknown country code {iso3!r}: expected an ISO 3166-1 alpha-3 code in {self._source}"
            ) from None

    def form(self, iso3: str, on: date) -> NameForm:
        """Return the name form of ``iso3`` in force on ``on``."""
        return self.country(iso3).form_on(_as_date(on))

    def name(self, iso3: str, on: date) -> str:
        """Return the UN short name in force on ``on``, without UNTERM's "(the)" ("Czech Republic")."""
        return self.form(iso3, on).short

    def running_text(self, iso3: str, on: date) -> str:
        """Return the running-text form in force on ``on``, with "the" where due ("the Czech Republic")."""
        return self.form(iso3, on).running_text

    def sort_key(self, iso3: str, on: date) -> str:
        """Return the sort key of the name in force on ``on`` (English alphabetical, added "the" ignored)."""
        return self.form(iso3, on).sort_key

    def spellings(self) -> dict[str, str]:
        """Return every spelling of a country name the register knows (without "the"), with its ISO3 code."""
        return dict(self._spellings)

    def is_alias(self, spelling: str) -> bool:
        """Return whether a spelling is only an alias: a usual name that the United Nations does not write."""
        return spelling in self._aliases and normalize_name(spelling) not in {
            normalize_name(form) for form in _forms(self._countries[self._spellings[spelling]])}

    def lookup(self, name: str) -> str | None:
        """Return the ISO3 code of any known form of a country name (case, accents and "the" ignored)."""
        if not isinstance(name, str):
            raise TypeError(f"expected a country name (str), found {type(name).__name__} {name!r}")
        return self._names.get(normalize_name(name))


def _bare(name: str) -> str:
    """Return a name as printed in running text without an added "the" or UNTERM's "(the)"."""
    return name.strip().removesuffix(" (the)").removeprefix("the ")


def _forms(country: Country) -> list[str]:
    forms = [country.current.short, country.current.running_text]
    return forms + [f for r in country.renamings for f in (r.old.short, r.new.short)]


def _as_date(on: date) -> date:
    if isinstance(on, datetime):
        return on.date()
    if not isinstance(on, date):
        raise TypeError(f"expected a datetime.date, found {type(on).__name__} {on!r}")
    return on


def _check_chain(iso3: str, current: NameForm, renamings: tuple[Renaming, ...], path: Path) -> None:
    for before, after in zip(renamings, renamings[1:], strict=False):
        if before.new != after.old or after.effective_earliest < before.effective_latest:
            raise SecretariatError(f"{path}: renamings of {iso3} do not follow one another")
    if renamings and renamings[-1].new != current:
        raise SecretariatError(
            f"{path}: last renaming of {iso3} gives {renamings[-1].new}, but the current form is {current}"
        )


def _index(index: dict[str, str], variants: list[str], iso3: str, path: Path) -> None:
    for variant in variants:
        key = normalize_name(variant)
        if not key:
            continue
        other = index.setdefault(key, iso3)
        if other != iso3:
            raise SecretariatError(f"{path}: name {variant!r} would mean both {other} and {iso3}")


@functools.cache
def country_register() -> CountryRegister:
    """Return the register built from the shipped data files (read once)."""
    return CountryRegister.from_files(
        data_path("countries/un-country-names.csv"),
        data_path("countries/renamings.csv"),
        data_path("countries/aliases.csv"),
    )
