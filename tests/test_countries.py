"""The country register: names in force at a date, "the", sorting, lookup, and the data files."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest

from secretariat.errors import CountryNameUncertainError, SecretariatError, UnknownCountryError
from secretariat.registers import (
    CountryRegister,
    country_register,
)
from secretariat.resources import data_path

D2016 = date(2016, 6, 14)
COUNTRIES = data_path("countries")


@pytest.fixture(scope="module")
def register() -> CountryRegister:
    return country_register()


def test_register_is_loaded_once() -> None:
    assert country_register() is country_register()


def test_data_files_are_found_in_source_tree() -> None:
    assert (COUNTRIES / "un-country-names.csv").is_file()
    assert len(country_register().codes) == 197


@pytest.mark.parametrize(
    ("iso3", "on", "short", "running"),
    [
        ("CZE", D2016, "Czech Republic", "the Czech Republic"),
        ("CZE", date(2017, 12, 31), "Czech Republic", "the Czech Republic"),
        ("CZE", date(2018, 1, 1), "Czechia", "Czechia"),
        ("CZE", date(2024, 1, 1), "Czechia", "Czechia"),
        ("SWZ", D2016, "Swaziland", "Swaziland"),
        ("SWZ", date(2018, 4, 18), "Swaziland", "Swaziland"),
        ("SWZ", date(2018, 8, 29), "Eswatini", "Eswatini"),
        ("SWZ", date(2020, 1, 1), "Eswatini", "Eswatini"),
        (
            "MKD",
            D2016,
            "the former Yugoslav Republic of Macedonia",
            "the former Yugoslav Republic of Macedonia",
        ),
        (
            "MKD",
            date(2019, 2, 11),
            "the former Yugoslav Republic of Macedonia",
            "the former Yugoslav Republic of Macedonia",
        ),
        ("MKD", date(2019, 2, 14), "North Macedonia", "North Macedonia"),
        ("TUR", D2016, "Turkey", "Turkey"),
        ("TUR", date(2022, 5, 31), "Turkey", "Turkey"),
        ("TUR", date(2022, 6, 1), "Türkiye", "Türkiye"),
        ("TUR", date(2023, 1, 1), "Türkiye", "Türkiye"),
        ("SDN", D2016, "Sudan", "the Sudan"),
        ("KOR", D2016, "Republic of Korea", "the Republic of Korea"),
        ("NLD", D2016, "Netherlands", "the Netherlands"),
        ("USA", D2016, "United States of America", "the United States of America"),
        ("MDA", D2016, "Republic of Moldova", "the Republic of Moldova"),
        ("PHL", D2016, "Philippines", "the Philippines"),
        ("VNM", D2016, "Viet Nam", "Viet Nam"),
        ("CPV", D2016, "Cabo Verde", "Cabo Verde"),
        ("BOL", D2016, "Bolivia (Plurinational State of)", "Bolivia (Plurinational State of)"),
        ("CIV", D2016, "Côte d'Ivoire", "Côte d'Ivoire"),
        ("CIV", date(2025, 1, 1), "Côte d'Ivoire", "Côte d'Ivoire"),
        ("SYR", D2016, "Syrian Arab Republic", "the Syrian Arab Republic"),
        ("PSE", D2016, "State of Palestine", "the State of Palestine"),
        ("VAT", D2016, "Holy See", "the Holy See"),
        ("COK", D2016, "Cook Islands", "the Cook Islands"),
    ],
)
def test_names_in_force(register: CountryRegister, iso3: str, on: date, short: str, running: str) -> None:
    assert register.name(iso3, on) == short
    assert register.running_text(iso3, on) == running


def test_datetime_is_taken_as_its_date(register: CountryRegister) -> None:
    assert register.name("TUR", datetime(2022, 6, 1, 9, 30)) == "Türkiye"


@pytest.mark.parametrize(("iso3", "on"), [("SWZ", date(2018, 6, 1)), ("MKD", date(2019, 2, 13))])
def test_date_inside_a_renaming_window_is_refused(register: CountryRegister, iso3: str, on: date) -> None:
    with pytest.raises(CountryNameUncertainError, match=iso3):
        register.name(iso3, on)


def test_unknown_code_names_the_code(register: CountryRegister) -> None:
    with pytest.raises(UnknownCountryError, match="'XYZ'") as info:
        register.name("XYZ", D2016)
    assert isinstance(info.value, SecretariatError)
    assert isinstance(info.value, ValueError)


def test_lower_case_code_is_not_guessed(register: CountryRegister) -> None:
    with pytest.raises(UnknownCountryError, match="'swz'"):
        register.name("swz", D2016)


def test_bad_argument_types(register: CountryRegister) -> None:
    with pytest.raises(TypeError, match="int"):
        register.name(840, D2016)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="datetime.date"):
        register.name("USA", "2016-06-14")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("iso3", "key"),
    [
        ("SDN", "sudan"),
        ("CZE", "czech republic"),
        ("CIV", "cote d'ivoire"),
        ("MKD", "the former yugoslav republic of macedonia"),
        ("TUR", "turkey"),
    ],
)
def test_sort_key_ignores_added_the(register: CountryRegister, iso3: str, key: str) -> None:
    assert register.sort_key(iso3, D2016) == key


def test_sorting_in_english_alphabetical_order(register: CountryRegister) -> None:
    codes = ["CRI", "HRV", "CIV", "TKM", "TUR", "TUN", "THA", "TLS", "MKD"]
    in_2016 = sorted(codes, key=lambda c: register.sort_key(c, D2016))
    assert [register.name(c, D2016) for c in in_2016] == [
        "Costa Rica", "Côte d'Ivoire", "Croatia", "Thailand", "the former Yugoslav Republic of Macedonia",
        "Timor-Leste", "Tunisia", "Turkey", "Turkmenistan",
    ]  # fmt: skip
    in_2023 = sorted(codes, key=lambda c: register.sort_key(c, date(2023, 1, 1)))
    assert [register.name(c, date(2023, 1, 1)) for c in in_2023][-5:] == [
        "Thailand", "Timor-Leste", "Tunisia", "Türkiye", "Turkmenistan",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Viet Nam", "VNM"),
        ("viet nam", "VNM"),
        ("Vietnam", "VNM"),
        ("Czechia", "CZE"),
        ("Czech Republic", "CZE"),
        ("the Czech Republic", "CZE"),
        ("Czech Republic (the)", "CZE"),
        ("Swaziland", "SWZ"),
        ("Kingdom of Eswatini", "SWZ"),
        ("the Kingdom of Swaziland", "SWZ"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Republic of Turkey", "TUR"),
        ("The former Yugoslav Republic of Macedonia", "MKD"),
        ("North Macedonia", "MKD"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d\u2019Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Korea, Republic of", "KOR"),
        ("Republic of Korea", "KOR"),
        ("Bolivia", "BOL"),
        ("Bolivia (Plurinational State of)", "BOL"),
        ("Iran", "IRN"),
        ("Russia", "RUS"),
        ("Syria", "SYR"),
        ("Tanzania", "TZA"),
        ("UK", "GBR"),
        ("USA", "USA"),
        ("Cape Verde", "CPV"),
        ("  holy   SEE ", "VAT"),
    ],
)
def test_lookup_of_variants(register: CountryRegister, name: str, iso3: str) -> None:
    assert register.lookup(name) == iso3


@pytest.mark.parametrize("name", ["Narnia", "", "Korea", "Congo, the"])
def test_lookup_of_unknown_names(register: CountryRegister, name: str) -> None:
    assert register.lookup(name) is None


def _read(name: str) -> list[dict[str, str]]:
    with (COUNTRIES / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_2017_columns_hold_the_2016_forms() -> None:
    rows = {r["iso3"]: r for r in _read("un-country-names.csv")}
    assert rows["CZE"]["running_text_2017"] == "the Czech Republic"
    assert rows["MKD"]["running_text_2017"] == "the former Yugoslav Republic of Macedonia"
    assert rows["SWZ"]["short_2017"] == "Swaziland"
    assert rows["TUR"]["short_2017"] == "Turkey"


def test_no_blank_current_names_and_fixes_are_noted() -> None:
    rows = _read("un-country-names.csv")
    assert all(r["short_current"] and r["running_text_current"] for r in rows)
    notes = {r["iso3"]: r["note"] for r in rows}
    assert "Ivory Coast" in notes["CIV"] and "M49" in notes["TUR"]


def test_register_agrees_with_the_2017_snapshot(register: CountryRegister) -> None:
    snapshot = date(2017, 10, 18)
    differ = {
        r["iso3"]
        for r in _read("un-country-names.csv")
        if (r["short_2017"], r["running_text_2017"])
        != (register.name(r["iso3"], snapshot), register.running_text(r["iso3"], snapshot))
    }
    assert differ == {"SYR", "PSE"}  # only "(the)" marking differs; see the note column


def test_every_change_between_snapshots_is_a_dated_renaming() -> None:
    renamed = {r["iso3"] for r in _read("renamings.csv")}
    changed = {r["iso3"] for r in _read("un-country-names.csv") if r["short_2017"] != r["short_current"]}
    assert changed == renamed == {"CZE", "SWZ", "MKD", "TUR"}
    assert all(r["source"] for r in _read("renamings.csv"))


def test_aliases_have_sources_and_known_codes(register: CountryRegister) -> None:
    for row in _read("aliases.csv"):
        assert row["source"]
        assert register.lookup(row["alias"]) == row["iso3"]


def _copy_data(tmp_path: Path) -> tuple[Path, Path, Path]:
    paths = []
    for name in ("un-country-names.csv", "renamings.csv", "aliases.csv"):
        target = tmp_path / name
        target.write_text((COUNTRIES / name).read_text(encoding="utf-8"), encoding="utf-8")
        paths.append(target)
    return paths[0], paths[1], paths[2]


def test_ambiguous_alias_is_refused(tmp_path: Path) -> None:
    names, renamings, aliases = _copy_data(tmp_path)
    with aliases.open("a", encoding="utf-8") as handle:
        handle.write("Sudan,SSD,test\n")
    with pytest.raises(SecretariatError, match="both SDN and SSD"):
        CountryRegister.from_files(names, renamings, aliases)


def test_renaming_that_does_not_reach_the_current_name_is_refused(tmp_path: Path) -> None:
    names, renamings, aliases = _copy_data(tmp_path)
    renamings.write_text(
        renamings.read_text(encoding="utf-8").replace(",Türkiye,Türkiye,", ",Turkiye,Turkiye,"),
        encoding="utf-8",
    )
    with pytest.raises(SecretariatError, match="TUR"):
        CountryRegister.from_files(names, renamings, aliases)


def test_bad_renaming_date_names_file_and_line(tmp_path: Path) -> None:
    names, renamings, aliases = _copy_data(tmp_path)
    renamings.write_text(
        renamings.read_text(encoding="utf-8").replace("2022-06-01,2022-06-01", "2022-06-01,2022-06-31"),
        encoding="utf-8",
    )
    with pytest.raises(SecretariatError) as info:
        CountryRegister.from_files(names, renamings, aliases)
    assert "renamings.csv:5" in str(info.value) and "2022-06-31" in str(info.value)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    names, renamings, _ = _copy_data(tmp_path)
    with pytest.raises(SecretariatError, match="cannot read"):
        CountryRegister.from_files(names, renamings, tmp_path / "none.csv")
