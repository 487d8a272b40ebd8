"""Gaps: what is not entered yet (null in the records) is listed, so a draft in progress says what is missing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from secretariat.checks.context import CheckContext
from secretariat.checks.finding import Finding, Severity
from secretariat.records.folder import leaves

CODES = {
    "metadata-unset": "a field of report.json is not entered yet; the draft shows a gap where it belongs",
    "figure-unset": "a figure's value or date is not entered yet; the draft shows a gap where it is printed",
    "text-unset": "a text still holds a {{ gap('…') }} placeholder; the draft shows it in bold",
}
_PLACEHOLDER = re.compile(r"""\{\{\s*gap\(\s*(['"])(.*?)\1\s*\)\s*\}\}""")


def _nulls(data: Any) -> Iterator[str]:
    return (pointer for pointer, value in leaves(data) if value is None)


def run(ctx: CheckContext) -> Iterator[Finding]:
    """List every null in report.json and figures.json, and every placeholder left in a text."""
    for pointer in _nulls(ctx.records.report):
        what = pointer.strip("/").replace("/", " ").replace("_", " ")
        yield ctx.finding("metadata-unset", Severity.ERROR, "report.json", pointer,
                          f"expected the {what} of this report, found it not entered yet (null)")
    for index, figure in enumerate(ctx.records.figures.values()):
        paragraph = ctx.figure_paragraph(str(figure.get("id")))
        for pointer in _nulls(figure):
            yield ctx.finding("figure-unset", Severity.ERROR, "figures.json", f"/figures/{index}{pointer}",
                              f"expected the {pointer.strip('/').replace('_', ' ')} of figure {figure.get('id')!r}, "
                              "found it not entered yet (null)", paragraph=paragraph)
    for pointer, text in ctx.texts():
        for match in _PLACEHOLDER.finditer(text):
            yield ctx.finding("text-unset", Severity.ERROR, "content.json", pointer,
                              f"expected the text to be written, found the placeholder [{match.group(2)}]",
                              paragraph=ctx.block_of(pointer))
