"""The UN editorial Jinja filters."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import jinja2
import pytest
from markupsafe import Markup

from secretariat.errors import CountryNameUncertainError, UnknownCountryError
from secretariat.render.filters import (
    FILTERS,
    count,
    countries,
    country,
    date_range,
    during,
    format_date,
    join_list,
    make_filters,
    millions,
    money,
    month_year,
    number,
    ordinal,
    percent,
    words,
)

D2016 = date(2016, 6, 14)


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "zero"), (1, "one"), (6, "six"), (9, "nine"), (10, "10"), (36, "36"), (999, "999"), (1000, "1,000"),
     (1311, "1,311"), (357701, "357,701"), ("5", "five"), ("128", "128"), (Decimal("9"), "nine")],
)  # fmt: skip
def test_count(n: object, text: str) -> None:
    assert count(n) == text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("n", "text"),
    [(6, "Six"), (0, "Zero"), (9, "Nine"), (10, "Ten"), (19, "Nineteen"), (36, "Thirty-six"),
     (179, "One hundred and seventy-nine"), (1311, "One thousand three hundred and eleven")],
)  # fmt: skip
def test_count_at_sentence_start_is_in_words(n: int, text: str) -> None:
    assert count(n, capital=True) == text


@pytest.mark.parametrize("bad", [-1, Decimal("2.5"), "2.5", "six", "1,311"])
def test_count_refuses_negative_and_fractional(bad: object) -> None:
    with pytest.raises(ValueError, match="expected a count"):
        count(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [6.0, True, None, [6]])
def test_count_refuses_other_types(bad: object) -> None:
    with pytest.raises(TypeError, match="expected a count"):
        count(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "zero"), (19, "nineteen"), (36, "thirty-six"), (101, "one hundred and one"),
     (1311, "one thousand three hundred and eleven"), (21000, "twenty-one thousand"),
     (1234567, "one million two hundred and thirty-four thousand five hundred and sixty-seven")],
)  # fmt: skip
def test_words(n: int, text: str) -> None:
    assert words(n) == text


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "first"), (2, "second"), (3, "third"), (8, "eighth"), (11, "eleventh"), (12, "twelfth"),
     (13, "thirteenth"), (21, "twenty-first"), (24, "twenty-fourth"), (69, "sixty-ninth"), (70, "seventieth"),
     (71, "seventy-first"), (75, "seventy-fifth"), (100, "one hundredth"), (101, "one hundred and first"),
     ("8", "eighth")],
)  # fmt: skip
def test_ordinal(n: object, text: str) -> None:
    assert ordinal(n) == text  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [0, -3, Decimal("1.5")])
def test_ordinal_refuses_zero_negative_fraction(bad: object) -> None:
    with pytest.raises(ValueError, match="ordinal"):
        ordinal(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0"), (5, "5"), (999, "999"), (1000, "1,000"), (1311, "1,311"), (1234567, "1,234,567"),
     (Decimal("0.5"), "0.5"), (Decimal("1234.75"), "1,234.75"), ("0.50", "0.50"), ("2.5", "2.5"),
     (Decimal("1E+3"), "1,000"), (-1311, "-1,311")],
)  # fmt: skip
def test_number(n: object, text: str) -> None:
    assert number(n) == text  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [".5", "1,311", "1e3", "", " 5"])
def test_number_refuses_other_strings(bad: str) -> None:
    with pytest.raises(ValueError, match="digits"):
        number(bad)


def test_number_refuses_nan() -> None:
    with pytest.raises(ValueError, match="NaN"):
        number(Decimal("NaN"))


@pytest.mark.parametrize(
    ("n", "text"),
    [(12, "12 per cent"), (5, "5 per cent"), (Decimal("2.5"), "2.5 per cent"), (100, "100 per cent")],
)
def test_percent(n: object, text: str) -> None:
    assert percent(n) == text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("1750000"), "$1.75 million"),
        ("2300000", "$2.3 million"),
        (2000000, "$2 million"),
        (1000000, "$1 million"),
        (Decimal("12500000"), "$12.5 million"),
        (Decimal("1234567"), "$1,234,567"),
        (1001000, "$1,001,000"),
        (Decimal("2500000000"), "$2.5 billion"),
        (1234000000, "$1,234 million"),
        (357701, "$357,701"),
        (400000, "$400,000"),
        (50000, "$50,000"),
        (999999, "$999,999"),
        (0, "$0"),
        (Decimal("12.50"), "$12.50"),
        ("12.5", "$12.50"),
        (Decimal("12.00"), "$12"),
        (Decimal("1000000.50"), "$1,000,000.50"),
    ],
)
def test_money(amount: object, text: str) -> None:
    assert money(amount) == text  # type: ignore[arg-type]


def test_money_refuses_float() -> None:
    with pytest.raises(TypeError, match="float 1750000.0: floats are inexact"):
        money(1750000.0)  # type: ignore[arg-type]


@pytest.mark.parametrize(("bad", "why"), [(-5, "zero or more"), (Decimal("12.505"), "whole cents")])
def test_money_refuses_negative_and_fractions_of_cents(bad: object, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        money(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("n", "text"),
    [(5600000, "5.6 million"), (1000000, "1 million"), (Decimal("5612345"), "5,612,345"), (900000, "900,000"),
     (2500000000, "2,500 million")],
)  # fmt: skip
def test_millions(n: object, text: str) -> None:
    assert millions(n) == text  # type: ignore[arg-type]


def test_millions_refuses_float() -> None:
    with pytest.raises(TypeError, match="float"):
        millions(5.6e6)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("d", "text"),
    [("2015", "2015"), ("2014-10", "October 2014"), ("2016-06-14", "14 June 2016"),
     ("2016-01-01", "1 January 2016"), (date(2016, 6, 14), "14 June 2016"),
     ("2016-02-29", "29 February 2016"), ("2015-12-31", "31 December 2015")],
)  # fmt: skip
def test_date(d: object, text: str) -> None:
    assert format_date(d) == text


@pytest.mark.parametrize(
    ("bad", "why"),
    [("2023-02-30", "invalid date '2023-02-30'"), ("2015-02-29", "invalid date"), ("2015-13", "invalid date"),
     ("2015-00", "invalid date"), ("2015-01-00", "invalid date"), ("14 June 2016", "YYYY"),
     ("2016-6-14", "YYYY"), ("16", "YYYY"), ("0000", "invalid date")],
)  # fmt: skip
def test_date_refuses_invalid(bad: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        format_date(bad)


def test_date_refuses_other_types() -> None:
    with pytest.raises(TypeError, match="found int 2016"):
        format_date(2016)


@pytest.mark.parametrize(("d", "text"), [("2014-10", "October 2014"), ("2014-10-07", "October 2014")])
def test_month_year(d: str, text: str) -> None:
    assert month_year(d) == text


def test_month_year_refuses_year_only() -> None:
    with pytest.raises(ValueError, match="year-only"):
        month_year("2014")


@pytest.mark.parametrize(
    ("period", "text"),
    [
        ({"start": "2015-11-16", "end": "2015-11-18"}, "from 16 to 18 November 2015"),
        ({"start": "2015-08-30", "end": "2015-09-04"}, "from 30 August to 4 September 2015"),
        ({"start": "2015-12-30", "end": "2016-01-02"}, "from 30 December 2015 to 2 January 2016"),
        ({"start": "2014-10", "end": "2016-04"}, "from October 2014 to April 2016"),
        ({"start": "2015-10", "end": "2015-12"}, "from October to December 2015"),
        ({"start": "2015", "end": "2020"}, "from 2015 to 2020"),
        ({"start": "2014-10", "end": "2016-06-14"}, "from October 2014 to 14 June 2016"),
        ("2015-12-16", "on 16 December 2015"),
        (date(2015, 12, 16), "on 16 December 2015"),
        ("2015-11", "in November 2015"),
        ("2015", "in 2015"),
        ({"start": "2015-12-16"}, "on 16 December 2015"),
        ({"start": "2015-12-16", "end": "2015-12-16"}, "on 16 December 2015"),
        ({"start": "2015-11", "end": "2015-11"}, "in November 2015"),
        (SimpleNamespace(start="2016-10-17", end="2016-10-21"), "from 17 to 21 October 2016"),
    ],
)
def test_during(period: object, text: str) -> None:
    assert during(period) == text


@pytest.mark.parametrize(
    ("period", "text"),
    [
        ({"start": "2016-10-17", "end": "2016-10-21"}, "17\u201321 October 2016"),
        ({"start": "2015-08-30", "end": "2015-09-04"}, "30 August\u20134 September 2015"),
        ({"start": "2015-12-30", "end": "2016-01-02"}, "30 December 2015\u20132 January 2016"),
        ({"start": "2015", "end": "2020"}, "2015\u20132020"),
        ({"start": "2014-10", "end": "2016-04"}, "October 2014\u2013April 2016"),
        ({"start": "2015-10", "end": "2015-12"}, "October\u2013December 2015"),
        ("2016-10-17", "17 October 2016"),
        ({"start": "2016", "end": "2016"}, "2016"),
    ],
)
def test_date_range(period: object, text: str) -> None:
    assert date_range(period) == text


@pytest.mark.parametrize(
    ("period", "why"),
    [
        ({"start": "2015-11-18", "end": "2015-11-16"}, "ends"),
        ({"start": "2016", "end": "2015-12"}, "ends"),
        ({"end": "2015-11-16"}, "'start'"),
        ({"start": "2015-11-16", "end": "2015-11-31"}, "invalid date"),
        (2015, "'start'"),
    ],
)
def test_periods_refuse_bad_input(period: object, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        during(period)
    with pytest.raises(ValueError, match=why):
        date_range(period)


@pytest.mark.parametrize(
    ("items", "text"),
    [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c"),
     (("a", "b", "c", "d"), "a, b, c and d")],
)  # fmt: skip
def test_join_list(items: list[str], text: str) -> None:
    assert join_list(items) == text


def test_join_list_returns_plain_str() -> None:
    result = join_list([Markup("a"), Markup("b")])
    assert type(result) is str and result == "a and b"
    assert type(join_list([Markup("a")])) is str


@pytest.mark.parametrize("bad", ["abc", [1, 2], None])
def test_join_list_refuses_non_lists(bad: object) -> None:
    with pytest.raises(TypeError, match="list of strings"):
        join_list(bad)  # type: ignore[arg-type]


def test_countries_sorted_ignoring_the() -> None:
    codes = ["SDN", "BRB", "CZE", "KOR", "SGP", "LKA"]
    assert countries(codes, D2016) == (
        "Barbados, the Czech Republic, the Republic of Korea, Singapore, Sri Lanka and the Sudan"
    )


def test_countries_use_names_in_force() -> None:
    assert countries(["TUR", "SWZ", "CZE"], D2016) == "the Czech Republic, Swaziland and Turkey"
    assert countries(["TUR", "SWZ", "CZE"], date(2023, 1, 1)) == "Czechia, Eswatini and Türkiye"
    assert countries(["MKD", "THA", "TLS"], D2016) == (
        "Thailand, the former Yugoslav Republic of Macedonia and Timor-Leste"
    )


def test_countries_edge_cases() -> None:
    assert countries([], D2016) == ""
    assert countries(["NLD"], D2016) == "the Netherlands"
    with pytest.raises(ValueError, match="repeated codes SDN"):
        countries(["SDN", "BRB", "SDN"], D2016)
    with pytest.raises(UnknownCountryError, match="'XXX'"):
        countries(["SDN", "XXX"], D2016)
    with pytest.raises(TypeError, match="list of ISO3"):
        countries("SDN", D2016)
    with pytest.raises(TypeError, match="report date"):
        countries(["SDN"], "2016-06-14")  # type: ignore[arg-type]
    with pytest.raises(CountryNameUncertainError):
        countries(["SWZ"], date(2018, 6, 1))


def test_country() -> None:
    assert country("SDN", D2016) == "the Sudan"
    assert country("SDN", D2016, capital=True) == "The Sudan"
    assert country("CZE", date(2024, 1, 1)) == "Czechia"
    assert country("MKD", D2016, capital=True) == "The former Yugoslav Republic of Macedonia"
    with pytest.raises(UnknownCountryError, match="'ZZZ'"):
        country("ZZZ", D2016)


def test_filters_table_and_binding() -> None:
    assert set(FILTERS) == {
        "count", "words", "ordinal", "number", "date", "month_year", "year", "during", "date_range", "join_list",
        "country", "countries", "money", "millions", "percent",
    }  # fmt: skip
    assert FILTERS["year"]("2014-10") == "2014" and FILTERS["year"](date(2016, 6, 14)) == "2016"
    bound = make_filters(D2016)
    assert set(bound) == set(FILTERS)
    assert bound["country"]("CZE") == "the Czech Republic"
    assert bound["country"]("SDN", capital=True) == "The Sudan"
    assert make_filters(date(2024, 1, 1))["countries"](["CZE", "BRB"]) == "Barbados and Czechia"
    assert FILTERS["country"] is country  # the unbound table is not changed
    with pytest.raises(TypeError, match="report date"):
        make_filters("2016-06-14")  # type: ignore[arg-type]


def test_filters_in_a_jinja_template() -> None:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    env.filters.update(make_filters(D2016))
    template = env.from_string(
        "{{ n|count(capital=True) }} States ({{ codes|countries }}) met {{ meeting|during }} "
        "at the {{ 8|ordinal }} session; {{ amount|money }}; {{ share|percent }}."
    )
    text = template.render(
        n=36,
        codes=["SDN", "CZE"],
        meeting={"start": "2015-11-16", "end": "2015-11-18"},
        amount=Decimal("1750000"),
        share=12,
    )
    assert text == (
        "Thirty-six States (the Czech Republic and the Sudan) met from 16 to 18 November 2015 "
        "at the eighth session; $1.75 million; 12 per cent."
    )


@pytest.mark.parametrize("name", sorted(set(FILTERS) - {"country", "countries", "join_list"}))
def test_every_filter_returns_plain_str(name: str) -> None:
    sample: dict[str, object] = {
        "date": "2016-06-14",
        "month_year": "2016-06",
        "year": "2016-06",
        "during": "2016",
        "date_range": "2016",
    }
    result = FILTERS[name](sample.get(name, 12))
    assert type(result) is str
