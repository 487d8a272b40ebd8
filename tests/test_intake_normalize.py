"""The rules that normalize a cell: dates, whole numbers, enumerations, countries; and the schema-derived layout."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from secretariat.errors import DateValueError
from secretariat.intake import coerce
from secretariat.intake.columns import activities_layout
from secretariat.intake.dates import Dated, to_partial_date
from secretariat.intake.normalize import BATCH, Normalizer
from secretariat.intake.rows import Row
from secretariat.registers import country_register


def test_the_layout_follows_the_schema() -> None:
    layout = activities_layout()
    kinds = {field.header: field.kind for field in layout.fields}
    assert kinds["dates.start"] == kinds["dates.end"] == "date"
    assert kinds["countries.{n}"] == kinds["places.{n}.country"] == "country"
    assert kinds["kind"] == kinds["thematic_area"] == kinds["organ"] == kinds["participants.qualifier"] == "enum"
    assert kinds["participants.count"] == kinds["session"] == "integer" and kinds["partners"] == "text-list"
    assert layout.required_headers == ("kind", "title", "thematic_area", "paragraph", "narrative")
    assert layout.resolve("countries.25") is not None and layout.resolve("countries.0") is None
    assert layout.resolve("places.4.city") is not None and layout.resolve("place.1.city") is None


@pytest.mark.parametrize(("value", "order", "expected"), [
    ("2015", None, "2015"), ("2015-11", None, "2015-11"), ("2015-11-16", None, "2015-11-16"),
    ("16/11/2015", None, "2015-11-16"), ("11/16/2015", None, "2015-11-16"), ("16.11.2015", None, "2015-11-16"),
    ("03/04/2015", "DMY", "2015-04-03"), ("03/04/2015", "MDY", "2015-03-04"), ("04/04/2015", None, "2015-04-04"),
    ("11/2015", None, "2015-11"), ("Nov 2015", None, "2015-11"), ("16 November 2015", None, "2015-11-16"),
    ("November 16, 2015", None, "2015-11-16"), ("42324", None, "2015-11-16"), (42324, None, "2015-11-16"),
    (42324.0, None, "2015-11-16"), (2015, None, "2015"), (datetime(2015, 11, 16, 9, 30), None, "2015-11-16"),
    (date(2015, 11, 16), None, "2015-11-16"), (Dated(datetime(1905, 7, 7), "DD/MM/YYYY"), None, "2015"),
    (Dated(datetime(2015, 11, 1), "mmm-yy"), None, "2015-11"), (Dated(datetime(2015, 1, 1), "yyyy"), None, "2015"),
    (Dated(datetime(2015, 11, 1), '[$-409]mmmm\\ yyyy;@'), None, "2015-11"),
])
def test_dates(value: Any, order: Any, expected: str) -> None:
    assert to_partial_date(value, order) == expected


@pytest.mark.parametrize(("value", "message"), [
    ("03/04/2015", "it could be 3 April 2015 or 4 March 2015"), ("30/02/2016", "expected a real calendar date"),
    ("16/11/15", "expected a date"), ("1850", "expected a year between 1900 and 2100"), (1.5, "found the number"),
    ("2015-13", "expected a month 1-12"), (True, "expected a date"), ("16 Foo 2015", "expected a date"),
])
def test_dates_refused(value: Any, message: str) -> None:
    with pytest.raises(DateValueError, match=message):
        to_partial_date(value, None)


@pytest.mark.parametrize(("value", "expected"), [
    ("1,311", 1311), ("1 311", 1311), ("1\u00a0311", 1311), (1311.0, 1311), (" 42 ", 42), ("0", 0), (None, None),
    ("", None), ("1,000,000", 1000000),
])
def test_whole_numbers(value: Any, expected: int | None) -> None:
    assert coerce.integer(0)(value) == expected


@pytest.mark.parametrize("value", ["1.311", "1,31", "12.5", 12.5, "-1", -1, "many", True, "1,311.5"])
def test_whole_numbers_refused(value: Any) -> None:
    with pytest.raises(ValueError, match="expected a whole number of at least 0"):
        coerce.integer(0)(value)


def test_enumerations_ignore_case_and_spaces() -> None:
    kind = coerce.enum(("side-event", "expert-group-meeting"))
    assert kind("Side event") == "side-event" and kind(" EXPERT_GROUP meeting ") == "expert-group-meeting"
    organ = coerce.enum(("General Assembly",))
    assert organ("general assembly") == "General Assembly"


def test_countries_by_any_name_or_code_and_several_in_a_cell() -> None:
    country = coerce.country(country_register(), date(2016, 6, 14))
    assert country("Vietnam") == "VNM" and country("Korea, Republic of") == "KOR" and country("Czechia") == "CZE"
    assert country("the Czech Republic") == "CZE" and country("AUT") == "AUT"
    assert country("Austria; Chad") == ["AUT", "TCD"] and country(["Chad"]) == ["TCD"]
    with pytest.raises(ValueError, match="did you mean 'Bolivia \\(Plurinational State of\\)'"):
        country("Boliva")


def test_text_refuses_a_date_the_spreadsheet_made() -> None:
    with pytest.raises(ValueError, match="the spreadsheet turned the entry into a date"):
        coerce.text(Dated(datetime(2015, 10, 12), "mm/dd/yy"))
    assert coerce.text(69.0) == "69" and coerce.text("  a  ") == "a" and coerce.text("   ") is None


def test_batches_keep_each_problem_with_its_row() -> None:
    headers = ["participants.count", "countries.1"]
    normalizer = Normalizer(activities_layout(), headers, country_register(), date(2016, 6, 14), None)
    rows = [Row(n, {"participants.count": str(n), "countries.1": "Chad"}) for n in range(2, BATCH + 2)]
    rows[300].cells["participants.count"] = "lots"
    rows[301].cells["countries.1"] = "Chadd"
    result = normalizer.normalize(rows)
    assert result[0] == {"participants.count": 2, "countries.1": "TCD"}
    assert [(r.number, p.column, p.value) for r in rows for p in r.problems] == [
        (302, "participants.count", "lots"), (303, "countries.1", "Chadd")]


def _cerberus_normalize(normalizer: Normalizer, rows: list[Row]) -> tuple[list[dict[str, Any]], list[tuple]]:
    """Normalize as intake did with cerberus: one document per batch, each column's coercer, nullable."""
    from cerberus import Validator

    rules = {header: {"coerce": c, "nullable": True} for header, c in normalizer.coercers.items()}
    validator = Validator({"rows": {"type": "list", "schema": {"type": "dict", "schema": rules}}})
    result = validator.normalized({"rows": [dict(row.cells) for row in rows]}, always_return_document=True)
    problems = []
    for index, found in sorted(validator.errors.get("rows", [{}])[0].items()):
        for header, messages in found[0].items():
            prefix = f"field {header!r} cannot be coerced: "  # cerberus' wording around the coercer's message
            problems += [(rows[index].number, header, message.removeprefix(prefix)) for message in messages]
    return [{k: v for k, v in cells.items() if v is not None} for cells in result["rows"]], sorted(problems)


def test_rows_are_normalized_as_cerberus_normalized_them() -> None:
    headers = ["id", "kind", "title", "dates.start", "dates.end", "countries.1", "countries.2", "partners",
               "participants.count", "thematic_area", "session", "unknown column"]
    normalizer = Normalizer(activities_layout(), headers, country_register(), date(2016, 6, 14), None)
    odd: list[Any] = [None, "", "  ", "x", 12, 12.0, 12.5, -3, True, "1,311", "1 311", "about fifty", "Chad",
                      "Chadd", "chad; Fiji", ["Chad"], datetime(2015, 10, 12),
                      Dated(datetime(2015, 10, 12), "dd/mm/yyyy"),
                      "2015-13", "12/10/2015", "2015", "Workshop", "legislative assistance", "IOM; UNICEF", "\x07"]
    rows = [Row(n + 2, {header: odd[(n * 7 + i * 3) % len(odd)] for i, header in enumerate(headers)
                        if (n + i) % 5}) for n in range(400)]
    expected, problems = _cerberus_normalize(normalizer, rows)
    assert normalizer.normalize(rows) == expected
    assert sorted((r.number, p.column, p.expected) for r in rows for p in r.problems) == problems
    assert len(problems) > 100 and sum(len(cells) for cells in expected) > 1000
