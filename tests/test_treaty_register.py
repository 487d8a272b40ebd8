"""The treaty register: conversion, counts at days and periods, the European Union, bad files, bad input."""

from __future__ import annotations

import copy
import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from secretariat.checks.context import CheckContext
from secretariat.checks.plugins import parties
from secretariat.dates import Period, period_of
from secretariat.errors import RegisterError, UnknownRegisterError
from secretariat.records import load_report
from secretariat.registers.countries import country_register
from secretariat.registers.treaties import (
    treaty_register,
)
from secretariat.resources import data_path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "drafts" / "ctoc-cop-2016-tip"
# A copy of ../shared/data/treaties/tip-protocol-parties-2016-reconstructed.csv, so the test runs from any checkout.
RECONSTRUCTION = ROOT / "tests" / "data" / "treaties" / "tip-protocol-parties-2016-reconstructed.csv"
SIX = {"BRB", "CZE", "KOR", "SGP", "LKA", "SDN"}
BY_HAND = {"St. Kitts and Nevis": "KNA", "St. Vincent and the Grenadines": "VCT", "European Union": "EUR"}


@pytest.fixture(scope="module")
def tip() -> Any:
    return treaty_register("tip-protocol")


def test_the_register_holds_168_parties_and_3_signatories(tip: Any) -> None:
    assert len(tip.participants) == 171
    assert sum(p.consent is not None for p in tip.participants) == 168
    assert {p.code for p in tip.participants if p.consent is None} == {"COG", "JPN", "UGA"}


def test_every_row_has_a_source_the_register_cites() -> None:
    data = json.loads(data_path("registers/tip-protocol.json").read_text(encoding="utf-8"))
    for row in data["participants"]:
        assert row["source"] in data["sources"], row["name"]
        assert data["sources"][row["source"]]["citation"]
    assert all(count["source"] for count in data["counts"])


def test_the_conversion_kept_every_row_of_the_reconstruction(tip: Any) -> None:
    rows = list(csv.DictReader(RECONSTRUCTION.open(encoding="utf-8")))
    assert len(rows) == 168
    for row in rows:
        code = BY_HAND.get(row["participant"]) or country_register().lookup(row["participant"])
        party = tip.participant(code)
        assert party is not None and party.name == row["participant"]
        assert party.consent_type == row["type"]
        if row["date_of_consent"][0].isdigit() and "not verified" not in row["date_of_consent"]:
            assert party.consent.exact and party.consent.start.strftime("%-d %b %Y") == row["date_of_consent"]
        else:
            assert not party.consent.exact


def test_counts_agree_with_the_published_counts_before_2014(tip: Any) -> None:
    for day, published in ((date(2007, 8, 22), 114), (date(2008, 9, 26), 124), (date(2013, 12, 31), 159)):
        certain, possible = tip.parties_at(day)
        assert (len(certain), len(possible)) == (published, 0)
        assert tip.published_count(day).parties == published


def test_at_the_report_date_168_parties_are_certain(tip: Any) -> None:
    certain, possible = tip.parties_at(date(2016, 6, 14))
    assert (len(certain), possible) == (168, frozenset())
    assert tip.published_count(date(2016, 6, 14)).parties == 169


def test_periods_make_parties_possible_not_certain(tip: Any) -> None:
    certain, possible = tip.parties_at(date(2015, 6, 1))
    assert possible == SIX and len(certain) == 162
    certain, possible = tip.parties_at(date(2014, 6, 1))
    assert "SLE" in possible and "SLE" not in certain
    assert tip.parties_at(date(2014, 10, 11))[1] == SIX | {"SLE"}  # the first possible day is still only possible
    assert tip.parties_at(period_of("2016-06"))[1] == SIX  # a month: possible until its last day


def test_joined_between_the_sessions(tip: Any) -> None:
    certain, possible = tip.joined_between(date(2014, 10, 10), date(2016, 6, 14))
    assert (certain, possible) == (SIX, frozenset({"SLE"}))
    certain, possible = tip.joined_between(date(2014, 10, 11), date(2016, 6, 14))
    assert certain == frozenset() and possible == SIX | {"SLE"}
    certain, possible = tip.joined_between(date(2014, 1, 1), date(2014, 9, 30))
    assert certain == {"AFG", "AGO"} and possible == {"SLE"}


def test_a_derived_count_is_no_published_count(tip: Any) -> None:
    assert tip.published_count(date(2014, 10, 6)) is None
    assert tip.published_count(date(2016, 6, 13)) is None


def test_the_european_union_is_a_party_without_an_iso_code(tip: Any) -> None:
    union = tip.participant("EUR")
    assert union is not None and union.kind == "organization" and union.consent_type == "approval"
    assert union.consent == Period(date(2006, 9, 6), date(2006, 9, 6))
    assert "EUR" not in country_register()
    assert "EUR" in tip.parties_at(date(2006, 9, 6))[0] and "EUR" not in tip.parties_at(date(2006, 9, 5))[0]


def test_partial_dates_are_periods() -> None:
    assert period_of("2016") == Period(date(2016, 1, 1), date(2016, 12, 31))
    assert period_of("2016-02") == Period(date(2016, 2, 1), date(2016, 2, 29))
    assert period_of("2016-06-14").exact
    for bad in ("16-06", "2016-13", "None", "2016-06-31"):
        with pytest.raises(ValueError):
            period_of(bad)


def test_unknown_register_ids_are_refused() -> None:
    for name in ("no-such-treaty", "../data", ""):
        with pytest.raises(UnknownRegisterError):
            treaty_register(name)


def _write(folder: Path, change: Any) -> Path:
    data = json.loads(data_path("registers/tip-protocol.json").read_text(encoding="utf-8"))
    change(data)
    path = folder / "tip-protocol.register.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path


def test_a_report_folder_copy_is_used_instead(tmp_path: Path) -> None:
    _write(tmp_path, lambda d: d["participants"].pop(0))
    assert len(treaty_register("tip-protocol", tmp_path).participants) == 170
    assert len(treaty_register("tip-protocol", tmp_path / "elsewhere").participants) == 171


def _row(data: Any, code: str) -> tuple[dict[str, Any], str]:
    index = next(i for i, p in enumerate(data["participants"]) if p["code"] == code)
    return data["participants"][index], f"/participants/{index}"


def _reverse(d: Any) -> str:
    row, at = _row(d, "BRB")
    row["consent"]["between"] = ["2016-06-14", "2014-10-11"]
    return f"{at}/consent/between"


def _set(code: str, key: str, value: Any) -> Any:
    def change(d: Any) -> str:
        row, at = _row(d, code)
        row[key] = value
        return f"{at}/{key}"
    return change


def _both(d: Any) -> str:
    row, at = _row(d, "FRA")
    row["consent"].update(between=["2002-01-01", "2002-12-31"], as_stated="2002")
    return f"{at}/consent"


def _no_schema(d: Any) -> str:
    d.pop("$schema")
    return ""


def _bad_day(d: Any) -> str:
    row, at = _row(d, "AFG")
    row["consent"]["date"] = "2014-02-30"
    return f"{at}/consent"


BAD = {
    "reversed period": _reverse,
    "unknown State": _set("AFG", "code", "XYZ"),
    "same code twice": _set("ALB", "code", "AFG"),
    "unknown source": _set("DZA", "source", "nowhere"),
    "exact and period": _both,
    "no schema": _no_schema,
    "impossible day": _bad_day,
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_register_names_file_and_pointer(tmp_path: Path, case: str) -> None:
    pointers: list[str] = []
    path = _write(tmp_path, lambda d: pointers.append(BAD[case](d)))
    pointer = pointers[0]
    with pytest.raises(RegisterError) as caught:
        treaty_register("tip-protocol", tmp_path)
    assert str(path) in str(caught.value)
    assert any((p.location.pointer or "").startswith(pointer) for p in caught.value.problems)


def test_malformed_json_is_a_register_error(tmp_path: Path) -> None:
    (tmp_path / "tip-protocol.register.json").write_text("{", encoding="utf-8")
    with pytest.raises(RegisterError, match="malformed JSON"):
        treaty_register("tip-protocol", tmp_path)


def _run(change: Any) -> list[tuple[str, str]]:
    records = copy.deepcopy(load_report(EXAMPLE))
    change(records)
    return [(f.code, f.location.pointer or "") for f in parties.run(CheckContext(records, check="parties"))]


def _figure(records: Any, figure_id: str) -> Any:
    return records.figures[figure_id]


EXAMPLE_FINDINGS = [("party-count-unconfirmed", "/figures/0"), ("new-parties-uncertain", "/figures/1")]


@pytest.mark.parametrize(("change", "found"), [
    (lambda r: _figure(r, "new-parties")["value"].append("XYZ"), ("new-parties-mismatch", "/figures/1")),
    (lambda r: _figure(r, "new-parties")["value"].insert(2, "EUR"), ("new-parties-mismatch", "/figures/1")),
    (lambda r: r.report.pop("previous_session"), ("register-figure-unchecked", "/figures/1")),
    (lambda r: _figure(r, "parties-total").update(as_of="2016"), ("party-count-unconfirmed", "/figures/0")),
    (lambda r: _figure(r, "parties-total").update(value=[1]), ("register-figure-unchecked", "/figures/0")),
    (lambda r: _figure(r, "new-parties").update(value=169), ("register-figure-unchecked", "/figures/1")),
    (lambda r: r.report.update(date="not a date"), ("new-parties-uncertain", "/figures/1")),
])
def test_the_check_reports_bad_input_instead_of_crashing(change: Any, found: tuple[str, str]) -> None:
    assert found in _run(change)


def test_the_example_gives_the_honest_findings() -> None:
    assert _run(lambda r: None) == EXAMPLE_FINDINGS
