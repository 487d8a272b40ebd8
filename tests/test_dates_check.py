"""The dates check's helpers, its register of sessions, and that no faulty record makes it crash."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mutations import mutations
from secretariat.checks.context import CheckContext
from secretariat.checks.dates_util import (
    DATE_KEYS,
    activity_date_fields,
    date_fields,
    ga_session_span,
    show_range,
    symbol_prefix,
)
from secretariat.checks.plugins import dates
from secretariat.dates import is_reversed, range_span, span, wholly_outside, why_invalid
from secretariat.errors import SessionRegisterError
from secretariat.records import ReportRecords, load_report
from secretariat.registers.sessions import read_register, register_for

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "drafts" / "ctoc-cop-2016-tip"


@pytest.mark.parametrize(("value", "expected"), [
    ("2015", (date(2015, 1, 1), date(2015, 12, 31))),
    ("2016-02", (date(2016, 2, 1), date(2016, 2, 29))),
    ("2015-11-16", (date(2015, 11, 16), date(2015, 11, 16))),
    ("2015-13", None), ("2015-02-30", None), ("0000", None), ("15", None), (None, None), (2015, None),
])
def test_span_covers_every_day_a_partial_date_may_mean(value: object, expected: object) -> None:
    assert span(value) == expected


def test_why_invalid_names_the_fault_and_accepts_real_dates() -> None:
    assert "month must be in 1..12" in (why_invalid("2015-13") or "")
    assert why_invalid("2015-02-30") is not None
    assert why_invalid("2016-02-29") is None and why_invalid("2014") is None


@pytest.mark.parametrize(("start", "end", "reversed_"), [
    ("2015-11-18", "2015-11-16", True),
    ("2015", "2014", True),
    ("2015-11", "2015", False),  # both in 2015: not certainly reversed
    ("2015-03-10", "2015-03", False),
    ("2015-04", "2015-03-31", True),
    ("2015-13", "2015", False),  # not a date: date-invalid says so, not this rule
])
def test_a_range_is_reversed_only_at_the_precision_both_share(start: str, end: str, reversed_: bool) -> None:
    assert is_reversed(start, end) is reversed_


def test_outside_means_the_whole_span_lies_outside() -> None:
    period = range_span({"start": "2014-10", "end": "2016-04"})
    assert period == (date(2014, 10, 1), date(2016, 4, 30))
    assert not wholly_outside(span("2014") or period, period)  # "2014" overlaps October 2014
    assert not wholly_outside(span("2016") or period, period)
    assert wholly_outside(span("2014-09") or period, period)
    assert wholly_outside(span("2016-05-01") or period, period)
    assert range_span({"start": "2015-13", "end": "2015"}) is None


def test_general_assembly_sessions_and_resolution_symbols() -> None:
    assert ga_session_span(69) == (date(2014, 9, 1), date(2015, 9, 30))
    assert ga_session_span(70) == (date(2015, 9, 1), date(2016, 9, 30))
    assert ga_session_span(9999) is None and ga_session_span(0) is None
    assert symbol_prefix("69/149") == 69 and symbol_prefix("2015/23") == 2015
    assert symbol_prefix("A/RES/69/149") is None and symbol_prefix(None) is None


def test_date_fields_and_ranges_are_found_anywhere_in_a_record() -> None:
    record: dict[str, Any] = {"date": "2016-06-14", "job_number": {"dates": ["2016-06-28", 5]},
                              "items": [{"dates": {"start": "2015", "end": "2014"}, "as_of": "2016-13"}]}
    strings, ranges = date_fields(record)
    assert dict(strings) == {
        "/date": "2016-06-14", "/job_number/dates/0": "2016-06-28",
        "/items/0/dates/start": "2015", "/items/0/dates/end": "2014", "/items/0/as_of": "2016-13"}
    assert [p for p, _ in ranges] == ["/items/0/dates"]
    assert show_range({"start": "2016-05", "end": "2016-05"}) == "2016-05"
    assert show_range({"start": "2015", "end": "2016"}) == "2015 to 2016"


def test_the_shipped_register_knows_the_seventh_and_eighth_sessions() -> None:
    register = register_for("Conference of the Parties to the United Nations Convention against "
                            "Transnational Organized Crime")
    assert register is not None
    seventh, eighth = register.get(7), register.get(8)
    assert seventh is not None and (seventh.venue, seventh.start, seventh.end) == ("Vienna", "2014-10-06", "2014-10-10")
    assert eighth is not None and (eighth.venue, eighth.start, eighth.end) == ("Vienna", "2016-10-17", "2016-10-21")
    assert all(s.source for s in register.sessions.values())
    assert register.get(5) is None and register.get("7") is None
    assert register_for("Commission on Narcotic Drugs") is None


@pytest.mark.parametrize(("content", "message"), [
    ("{", "cannot read"),
    ('{"sessions": []}', "expected an object with a body"),
    ('{"body": "B", "sessions": [{"number": 0}]}', "session number of at least 1"),
    ('{"body": "B", "sessions": [{"number": 1, "venue": "", "source": "s", "start": "2014", "end": "2014"}]}',
     "non-empty venue"),
    ('{"body": "B", "sessions": [{"number": 1, "venue": "V", "source": "s", "start": "2014-13", "end": "2014"}]}',
     "month must be in 1..12"),
    ('{"body": "B", "sessions": [' + ", ".join(['{"number": 1, "venue": "V", "source": "s", "start": "2014", '
                                                '"end": "2014"}'] * 2) + "]}", "listed twice"),
])
def test_a_faulty_register_is_refused_with_a_reason(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "sessions.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SessionRegisterError, match=message):
        read_register(path)


def test_an_empty_register_holds_no_session(tmp_path: Path) -> None:
    path = tmp_path / "sessions.json"
    path.write_text('{"body": "B", "sessions": []}', encoding="utf-8")
    assert read_register(path).get(1) is None


def _run(records: ReportRecords, name: str, data: object) -> None:
    files = dict(records.files)
    files[name] = dataclasses.replace(files[name], data=data)
    report = data if name == "report.json" and isinstance(data, dict) else records.report
    list(dates.run(CheckContext(dataclasses.replace(records, files=files, report=report), check="dates")))


@pytest.mark.parametrize("name", ["report.json", "activities.json", "figures.json"])
def test_no_faulty_record_makes_the_check_crash(name: str) -> None:
    records = load_report(EXAMPLE)
    data = json.loads((EXAMPLE / name).read_text(encoding="utf-8"))
    if name == "activities.json":  # the resolutions, a dated meeting and an activity with a reason
        keep = {"wg-tip-6th-meeting", "ecosoc-resolution-2015-23", "ga-resolution-69-149", "trust-fund-call-2011"}
        data["activities"] = [a for a in data["activities"] if a["id"] in keep]
    variants = mutations(data)
    assert len(variants) > 100
    for variant in variants:
        _run(records, name, variant)


def test_one_walk_finds_every_date_string_and_range_in_document_order() -> None:
    record = {
        "as_of": "2016-05",
        "a": [{"start": "2015", "end": "2014", "note": "not a date key"}, 7, None],
        "dates": ["2015-01", {"start": "2013", "end": "2012", "date": "under a dates list: not a date string"}],
        "b": {"since": "2014-10", "dates": {"start": "2015-13", "end": 2016}},
    }
    strings, ranges = date_fields(record)
    assert strings == [("/as_of", "2016-05"), ("/a/0/start", "2015"), ("/a/0/end", "2014"),
                       ("/dates/0", "2015-01"), ("/b/since", "2014-10"), ("/b/dates/start", "2015-13")]
    assert [pointer for pointer, _ in ranges] == ["/a/0", "/dates/1"]


def _properties(schema: Any, path: str = "") -> list[tuple[str, str, Any]]:
    """Return (path, name, subschema) of every property declared anywhere in a schema."""
    found: list[tuple[str, str, Any]] = []
    if isinstance(schema, dict):
        for name, sub in schema.get("properties", {}).items():
            found.append((path, name, sub))
        for key, sub in schema.items():
            found += _properties(sub, f"{path}/{key}")
    elif isinstance(schema, list):
        for index, sub in enumerate(schema):
            found += _properties(sub, f"{path}/{index}")
    return found


def test_activities_hold_dates_only_in_their_range() -> None:
    """activity_date_fields visits only each activity's ``dates``: the schema must allow dates nowhere else."""
    schema = json.loads((ROOT / "schemas" / "activities.schema.json").read_text(encoding="utf-8"))
    dated = [(path, name) for path, name, _ in _properties(schema) if name in DATE_KEYS | {"dates"}]
    assert dated == [("/$defs/activity", "dates")]
    assert "date-range" in schema["$defs"]["activity"]["properties"]["dates"]["$ref"]
    objects = [sub for _, _, sub in _properties(schema) if isinstance(sub, dict) and sub.get("type") == "object"]
    assert schema["additionalProperties"] is False and schema["$defs"]["activity"]["additionalProperties"] is False
    assert all(sub.get("additionalProperties") is False for sub in objects)
    assert "items" in schema["properties"]["places"] if "places" in schema["properties"] else True


def test_the_activities_shortcut_finds_what_the_whole_walk_finds() -> None:
    data = json.loads((EXAMPLE / "activities.json").read_text(encoding="utf-8"))
    data["activities"][0]["dates"] = {"end": "2014", "start": "2015-13"}  # keys in either order
    strings, ranges = (list(found) for found in activity_date_fields(data))
    assert (strings, ranges) == date_fields(data)
    assert len(ranges) == sum(1 for a in data["activities"] if "dates" in a) > 50
