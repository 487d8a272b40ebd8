"""Gaps: what is not entered yet (null in the records) is listed, so a draft in progress says what is missing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from secretariat.checks.context import CheckContext
from secretariat.checks.finding import Finding, Severity
from secretariat.errors import RecordError
from secretariat.records.content import empty_sections
from secretariat.records.folder import leaves
from secretariat.records.previous import load_previous

CODES = {
    "metadata-unset": "a field of report.json is not entered yet; the draft shows a gap where it belongs",
    "figure-unset": "a figure's value or date is not entered yet; the draft shows a gap where it is printed",
    "text-unset": "a text still holds a {{ gap('…') }} placeholder; the draft shows it in bold",
    "section-empty": "a heading has no paragraph before the next heading of its level or higher; the draft marks "
                     "it in bold",
    "text-unreviewed": "a standing paragraph carried from the previous report is not yet confirmed for this "
                       "session (\"reviewed\": false); the finding shows what the previous report said",
    "job-number-pending": "the job number is recorded as pending: conference services have not assigned it yet",
}
_PLACEHOLDER = re.compile(r"""\{\{\s*gap\(\s*(['"])(.*?)\1\s*\)\s*\}\}""")


def _nulls(data: Any) -> Iterator[str]:
    return (pointer for pointer, value in leaves(data) if value is None)


def run(ctx: CheckContext) -> Iterator[Finding]:
    """List every null in report.json and figures.json, every placeholder left in a text, every empty section
    and every standing paragraph not yet reviewed."""
    for pointer in _nulls(ctx.records.report):
        what = pointer.strip("/").replace("/", " ").replace("_", " ")
        hint = "; until conference services assign it, write \"pending\"" if pointer == "/job_number" else ""
        yield ctx.finding("metadata-unset", Severity.ERROR, "report.json", pointer,
                          f"expected the {what} of this report, found it not entered yet (null){hint}")
    if ctx.records.report.get("job_number") == "pending":
        yield ctx.finding("job-number-pending", Severity.NOTE, "report.json", "/job_number",
                          "the job number is pending: the draft prints [job number pending] until conference "
                          "services assign it; enter it then")
    for index, figure in enumerate(ctx.records.figures.values()):
        unset = [pointer.strip("/").replace("_", " ") for pointer in _nulls(figure)]
        if unset:  # one finding per figure, however many of its fields are missing
            what = " and ".join(unset).replace("as of", "as_of date")
            yield ctx.finding("figure-unset", Severity.ERROR, "figures.json", f"/figures/{index}",
                              f"expected the {what} of figure {figure.get('id')!r}, found {_them(unset)} not entered "
                              "yet (null)", paragraph=ctx.figure_paragraph(str(figure.get("id"))))
    for pointer, text in ctx.texts():
        for match in _PLACEHOLDER.finditer(text):
            yield ctx.finding("text-unset", Severity.ERROR, "content.json", pointer,
                              f"expected the text to be written, found the placeholder [{match.group(2)}]",
                              paragraph=ctx.block_of(pointer))
    blocks = ctx.records.content
    for index in empty_sections(blocks):
        yield ctx.finding("section-empty", Severity.ERROR, "content.json", f"/blocks/{index}",
                          f"expected at least one paragraph under the heading \"{blocks[index].get('text')}\" "
                          "before the next heading of its level or higher, found none: write the section or "
                          "remove the heading")
    yield from _unreviewed(ctx)


def _them(unset: list[str]) -> str:
    return "it" if len(unset) == 1 else "them"


def _unreviewed(ctx: CheckContext) -> Iterator[Finding]:
    blocks = ctx.records.content
    waiting = [i for i, block in enumerate(blocks) if block.get("reviewed") is False]
    if not waiting:
        return
    try:
        previous = load_previous(ctx.records)
    except RecordError:
        previous = None  # the series check reports an unreadable previous report
    before = {b.get("id"): b for b in previous.content} if previous is not None else {}
    for index in waiting:
        block = blocks[index]
        old = before.get(block.get("id"))
        said = (f"; the previous report said: \"{_shortened(str(old.get('text')))}\"" if old is not None
                else "")
        yield ctx.finding("text-unreviewed", Severity.ERROR, "content.json", f"/blocks/{index}/reviewed",
                          f"expected paragraph {block.get('id')!r}, carried from the previous report, to be read "
                          "against this session and confirmed (\"reviewed\": true) or rewritten, found it not "
                          f"reviewed yet{said}", paragraph=f"/blocks/{index}")


def _shortened(text: str, limit: int = 400) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
