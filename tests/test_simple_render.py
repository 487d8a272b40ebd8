"""The fast substitution path renders exactly what Jinja renders, and hands Jinja everything else."""

from __future__ import annotations

from pathlib import Path

import pytest

from secretariat.errors import TemplateError
from secretariat.records import load_report, report_date
from secretariat.render.context import template_context
from secretariat.render.environment import make_environment, render
from secretariat.render.simple import render_simple

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def setting():
    records = load_report(ROOT / "drafts" / "ctoc-cop-2016-tip")
    env, loader = make_environment(report_date(records))
    return records, env, loader, template_context(records)


def record_texts(records):
    for i, block in enumerate(records.content):
        yield f"/blocks/{i}/text", block["text"]
        for j, item in enumerate(block.get("items", [])):
            yield f"/blocks/{i}/items/{j}", item
    for key, note in records.footnotes.items():
        yield f"footnote {key}", note["text"]


def test_every_example_text_renders_the_same_both_ways(setting) -> None:
    records, env, loader, context = setting
    simple_count = 0
    for name, text in record_texts(records):
        fast = render_simple(env, name, text, context)
        slow = render(env, loader.add(name, text), context)
        if fast is not None:
            simple_count += 1
            assert fast == slow, name
    assert simple_count >= 90  # the example's texts are all plain substitutions


@pytest.mark.parametrize("text", [
    "{% if true %}yes{% endif %}",
    "{# a comment #}text",
    "{{- report.symbol }}",
    "{{ report.session.number + 1 }}",
    "{{ report.symbol if report else 'x' }}",
    "{{ report.colour | default(3) }}",
    "{{ fig['nope'].value }}",
    "{{ nothing }}",
    "Hello {{ report.session.number ",
    "Hello }} there {{ report.symbol }}",
    "{{ fig['parties-total'].value | count(capital=true) }}",
    "{{ report.symbol ~ 'x' }}",
    "{{ report.session['number'] | no_such_filter }}",
])
def test_anything_beyond_substitution_goes_to_jinja(setting, text: str) -> None:
    *_, context = setting
    env = setting[1]
    assert render_simple(env, "t", text, context) is None


def test_a_bad_value_for_a_filter_names_the_line(setting) -> None:
    _, env, _, context = setting
    with pytest.raises(TemplateError, match=r"^where, line 2: bad value"):
        render_simple(env, "where", "x\n{{ report.symbol | ordinal }}", context)


def test_values_are_escaped_on_the_fast_path(setting) -> None:
    _, env, _, _ = setting
    assert render_simple(env, "t", "a {{ v }} *b*", {"v": "*x* [^1]"}) == "a \\*x\\* \\[\\^1\\] *b*"


@pytest.mark.parametrize("text", [
    "{{ (fig['parties-total'].value + fig['parties-total'].value) | count }}",
    "{{ fig['parties-total'].value + fig['parties-total'].value }} and {{ report.symbol + report.symbol }}",
    "{{ ((fig['parties-total'].value + fig['parties-total'].value)) | count(capital=True) }}",
    "{{ report.symbol | lower | upper }}",  # filters in a chain stay on the fast path
])
def test_sums_and_chained_filters_render_as_jinja_renders_them(setting, text: str) -> None:
    _, env, loader, context = setting
    fast = render_simple(env, "t", text, context)
    assert fast is not None
    assert fast == render(env, loader.add(f"sum {text}", text), context)


@pytest.mark.parametrize("text", [
    "{{ fig['parties-total'].value + fig['parties-total'].value | count }}",  # Jinja: a + (b | count)
    "{{ report.symbol + fig['parties-total'].value }}",  # a type error Jinja reports with its line
])
def test_a_sum_jinja_reads_otherwise_or_cannot_add_goes_to_jinja(setting, text: str) -> None:
    _, env, _, context = setting
    assert render_simple(env, "t", text, context) is None
