"""Structure: footnotes referenced once, symbols well formed, sections paired, records linked, length."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from secretariat.checks.context import CheckContext
from secretariat.checks.finding import Finding, Severity
from secretariat.lint.symbols import cited, symbol_problem
from secretariat.records.footnotes import footnote_issues
from secretariat.registers import country_register
from secretariat.registers.names import ALIASES

CODES = {
    "footnote-unreferenced": "a footnote is referenced nowhere",
    "footnote-unknown": "a text references a footnote that does not exist",
    "footnote-referenced-twice": "a footnote is referenced more than once (Word has no equivalent)",
    "symbol-malformed": "a document symbol does not have the form of a United Nations symbol",
    "section-without-sibling": "a section A has no B, or a sub-section 1 has no 2",
    "paragraph-id-duplicate": "two paragraphs of content.json share an id",
    "activity-paragraph-unknown": "an activity or paragraph points at a record that does not exist",
    "word-limit-exceeded": "the report is longer than the 8,500 words of a secretariat report",
    "country-code-unknown": "an activity names a country by a code the country register does not know",
}
WORD_LIMIT = 8500


def run(ctx: CheckContext) -> Iterator[Finding]:
    """Check the structure of the report."""
    for issue in footnote_issues(ctx.records):
        yield ctx.finding(f"footnote-{issue.kind}", Severity.ERROR, issue.file, issue.pointer, issue.message,
                          paragraph=ctx.block_of(issue.pointer) if issue.file == "content.json" else None)
    yield from _symbols(ctx)
    yield from _siblings(ctx)
    yield from _links(ctx)
    yield from _country_codes(ctx)
    words = sum(len(text.split()) for text in ctx.rendered.values())
    words += sum(len(str(note.get("text", "")).split()) for note in ctx.records.footnotes.values())
    if words > WORD_LIMIT:
        yield ctx.finding("word-limit-exceeded", Severity.WARNING, "content.json", "",
                          f"expected at most {WORD_LIMIT:,} words, footnotes included, found {words:,}")


def _symbols(ctx: CheckContext) -> Iterator[Finding]:
    report, year = ctx.records.report, ctx.report_date.year + 1
    stated = [("/symbol", report.get("symbol")),
              ("/agenda/provisional_agenda_symbol", (report.get("agenda") or {}).get("provisional_agenda_symbol"))]
    for pointer, symbol in stated:
        problem = symbol_problem(symbol, year) if isinstance(symbol, str) else None
        if problem is not None:
            yield ctx.finding("symbol-malformed", Severity.ERROR, "report.json", pointer,
                              f"expected {problem[0]}, found {problem[1]}", expected=problem[0], found=problem[1])
    for pointer, text in ctx.texts():
        for symbol in (match.group(1) for match in cited(text)):
            problem = symbol_problem(symbol.rstrip("."), year)
            if problem is not None:
                yield ctx.finding("symbol-malformed", Severity.ERROR, "content.json", pointer,
                                  f"expected {problem[0]}, found {problem[1]}", expected=problem[0],
                                  found=problem[1], paragraph=ctx.block_of(pointer))


def _country_codes(ctx: CheckContext) -> Iterator[Finding]:
    """Report, where it is typed, an activity's country code that no country has (it would count or print)."""
    register = country_register()
    for index, activity in enumerate(ctx.record_items("activities.json", "activities")):
        if not isinstance(activity, dict):
            continue
        typed = [(f"/countries/{n}", code) for n, code in enumerate(activity.get("countries") or [])]
        typed += [(f"/places/{n}/country", place.get("country")) for n, place in enumerate(activity.get("places") or [])
                  if isinstance(place, dict)]
        for pointer, code in typed:
            if isinstance(code, str) and code not in register and code not in ALIASES.values():
                yield ctx.finding("country-code-unknown", Severity.ERROR, "activities.json",
                                  f"/activities/{index}{pointer}",
                                  f"expected the ISO code of a country, such as FJI (Fiji), found {code!r}, which "
                                  "the country register does not know", paragraph=ctx.paragraph_of(
                                      "activities.json", f"/activities/{index}"))


def _siblings(ctx: CheckContext) -> Iterator[Finding]:
    children: dict[tuple[int, int], list[int]] = {}  # (parent index, level) → heading indexes
    parents: dict[int, int] = {}  # level → index of the latest heading of that level
    for index, block in enumerate(ctx.records.content):
        level = block.get("heading")
        if level is None:
            continue
        parent = parents.get(level - 1, -1) if level > 1 else -1
        children.setdefault((parent, level), []).append(index)
        parents[level] = index
        parents = {lvl: i for lvl, i in parents.items() if lvl <= level}
    for (_, level), indexes in children.items():
        if level > 1 and len(indexes) == 1:
            label = "A" if level == 2 else "1"
            yield ctx.finding("section-without-sibling", Severity.WARNING, "content.json", f"/blocks/{indexes[0]}",
                              f"expected a section {label} to be followed by a second one at the same level, "
                              f"found it alone: {ctx.records.content[indexes[0]]['text']!r}")


def _links(ctx: CheckContext) -> Iterator[Finding]:
    ids: dict[str, int] = {}
    for index, block in enumerate(ctx.records.content):
        ident = block.get("id")
        if ident is None:
            continue
        if ident in ids:
            yield ctx.finding("paragraph-id-duplicate", Severity.ERROR, "content.json", f"/blocks/{index}/id",
                              f"expected a unique paragraph id, found {ident!r} again (first at /blocks/{ids[ident]})")
        ids.setdefault(ident, index)
        for position, activity in enumerate(block.get("activities", [])):
            if activity not in ctx.records.activities:
                yield ctx.finding("activity-paragraph-unknown", Severity.ERROR, "content.json",
                                  f"/blocks/{index}/activities/{position}",
                                  f"expected an activity {activity!r} in activities.json, found none")
    for index, activity in enumerate(ctx.records.activities.values()):
        target: Any = activity.get("paragraph")
        if target is not None and target not in ids:
            yield ctx.finding("activity-paragraph-unknown", Severity.ERROR, "activities.json",
                              f"/activities/{index}/paragraph",
                              f"expected a paragraph {target!r} in content.json, found none")
