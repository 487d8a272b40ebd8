"""Figures: parts add up, approximations are honest, averages fit, computed totals agree, all are used."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from secretariat.checks.amounts import money_text, overlaps, stated_interval
from secretariat.checks.context import CheckContext
from secretariat.checks.finding import Finding, Severity
from secretariat.dates import range_span, span

CODES = {
    "parts-sum-mismatch": "the parts of a figure do not add up to the whole",
    "approximation-dishonest": "a rounded or approximate figure does not hold against its exact value",
    "average-mismatch": "an annual average does not fit the total over the years it covers",
    "computed-mismatch": "a figure differs from what the records compute",
    "computed-below-records": "a figure is smaller than what the (incomplete) records already prove",
    "figure-unused": "a declared figure is printed nowhere",
}
FILE = "figures.json"
DEFAULT_TOLERANCE = Decimal("0.05")


def _number(value: Any) -> Decimal:
    return Decimal(str(value))


def _show(figure: dict[str, Any], value: Decimal) -> str:
    return money_text(value) if figure.get("kind") == "money" else f"{value:,}"


def run(ctx: CheckContext) -> Iterator[Finding]:
    """Check every figure of figures.json."""
    figures = ctx.records.figures
    for index, figure in enumerate(figures.values()):
        pointer = f"/figures/{index}"
        paragraph = ctx.figure_paragraph(figure["id"])
        if paragraph is None:
            yield ctx.finding("figure-unused", Severity.WARNING, FILE, pointer,
                              f"expected figure {figure['id']!r} to be printed somewhere, found no text using it")
        if figure.get("kind") == "countries":
            continue
        yield from _parts(ctx, figure, pointer, paragraph)
        yield from _approximation(ctx, figure, pointer, paragraph)
        yield from _average(ctx, figure, pointer, paragraph, figures)
        yield from _computed(ctx, figure, pointer, paragraph)


def _parts(ctx: CheckContext, figure: dict[str, Any], pointer: str, paragraph: str | None) -> Iterator[Finding]:
    parts = figure.get("parts")
    if parts is None:
        return
    total = sum((_number(part["value"]) for part in parts), Decimal(0))
    whole = _number(figure["value"])
    if total != whole:
        listed = " + ".join(f"{_show(figure, _number(p['value']))} ({p['label']})" for p in parts)
        yield ctx.finding("parts-sum-mismatch", Severity.ERROR, FILE, f"{pointer}/parts", (
            f"expected the parts of {figure['id']!r} to add up to {_show(figure, whole)}, "
            f"found {listed} = {_show(figure, total)}"), expected=whole, found=total, paragraph=paragraph)


def _approximation(ctx: CheckContext, figure: dict[str, Any], pointer: str,
                   paragraph: str | None) -> Iterator[Finding]:
    if figure.get("exact") is None:
        return
    stated, exact = _number(figure["value"]), _number(figure["exact"])
    qualifier = figure.get("qualifier", "exact")
    tolerance = (_number(figure["tolerance"]) if figure.get("tolerance") is not None
                 else abs(exact) * DEFAULT_TOLERANCE)
    claims = {
        "exact": (exact == stated, f"exactly {_show(figure, stated)}"),
        "lower-bound": (exact > stated, f"more than {_show(figure, stated)}"),
        "upper-bound": (exact < stated, f"less than {_show(figure, stated)}"),
        "approximate": (abs(exact - stated) <= tolerance,
                        f"within {_show(figure, tolerance)} of {_show(figure, stated)}"),
    }
    holds, claim = claims.get(qualifier, claims["exact"])
    if not holds:
        yield ctx.finding("approximation-dishonest", Severity.ERROR, FILE, pointer, (
            f"the report says {figure['id']!r} is {claim} ({qualifier}); expected that to hold, "
            f"found the exact value {_show(figure, exact)}"), expected=claim, found=exact, paragraph=paragraph)


def _average(ctx: CheckContext, figure: dict[str, Any], pointer: str, paragraph: str | None,
             figures: dict[str, dict[str, Any]]) -> Iterator[Finding]:
    relation = figure.get("average_of")
    if relation is None:
        return
    total_figure = figures.get(relation["figure"])
    if total_figure is None:
        yield ctx.finding("average-mismatch", Severity.ERROR, FILE, f"{pointer}/average_of/figure",
                          f"expected a figure {relation['figure']!r} to average, found none")
        return
    since, until = span(relation["since"]), span(total_figure["as_of"])
    if since is None or until is None:
        return  # an invalid date: the dates check reports it
    shortest = max((until[0] - since[1]).days / 365.25, 1.0)
    longest = max((until[1] - since[0]).days / 365.25, shortest)
    low, high = stated_interval(_number(total_figure["value"]))
    possible = (low / Decimal(str(longest)), high / Decimal(str(shortest)))
    stated = stated_interval(_number(figure["value"]))
    if not overlaps(possible, stated):
        yield ctx.finding("average-mismatch", Severity.ERROR, FILE, pointer, (
            f"expected an annual average of {_show(total_figure, possible[0].quantize(Decimal(1)))} to "
            f"{_show(total_figure, possible[1].quantize(Decimal(1)))} ({relation['figure']!r} over "
            f"{shortest:.1f} to {longest:.1f} years since {relation['since']}), found "
            f"{_show(figure, _number(figure['value']))}"), paragraph=paragraph)


def _computed(ctx: CheckContext, figure: dict[str, Any], pointer: str, paragraph: str | None) -> Iterator[Finding]:
    rule = figure.get("computed")
    if rule is None:
        return
    period = ctx.records.report.get("reporting_period")
    matched = []
    for activity in ctx.records.activities.values():
        if "kinds" in rule and activity.get("kind") not in rule["kinds"]:
            continue
        if "thematic_areas" in rule and activity.get("thematic_area") not in rule["thematic_areas"]:
            continue
        if rule.get("in_period") and period is not None and not _within(activity.get("dates"), period):
            continue
        matched.append(activity)
    if rule["measure"] == "countries":
        computed = len({code for activity in matched for code in activity.get("countries", [])})
    else:
        computed = len(matched)
    stated = int(figure["value"])
    if rule["complete"] and computed != stated:
        yield ctx.finding("computed-mismatch", Severity.ERROR, FILE, pointer, (
            f"expected {figure['id']!r} to equal the {computed} {rule['measure']} the records hold, "
            f"found {stated}"), expected=computed, found=stated, paragraph=paragraph)
    elif not rule["complete"] and stated < computed:
        yield ctx.finding("computed-below-records", Severity.ERROR, FILE, pointer, (
            f"expected {figure['id']!r} to be at least the {computed} {rule['measure']} the records "
            f"already prove, found {stated}"), expected=f">= {computed}", found=stated, paragraph=paragraph)


def _within(value: Any, period: Any) -> bool:
    """Return whether a date or range lies wholly inside a period (both may be partial dates)."""
    inner, outer = range_span(value), range_span(period)
    return inner is not None and outer is not None and outer[0] <= inner[0] and inner[1] <= outer[1]
