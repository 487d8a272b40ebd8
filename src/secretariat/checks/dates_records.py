"""Activity records as the dates check reads them: positions, paragraphs, and resolutions against their symbols."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from secretariat.checks.context import CheckContext
from secretariat.checks.dates_util import ga_session_span, symbol_prefix
from secretariat.checks.finding import Finding, Severity
from secretariat.dates import range_span, span, wholly_outside


def record_items(ctx: CheckContext, file: str, key: str) -> list[Any]:
    """Return the list under ``key`` in a record file ([] if the file or list is absent)."""
    loaded = ctx.records.files.get(file)
    items = loaded.data.get(key) if loaded is not None and isinstance(loaded.data, dict) else None
    return items if isinstance(items, list) else []


def paragraph_of(ctx: CheckContext, file: str, pointer: str) -> str | None:
    """Return the content block that reports the activity, or first uses the figure, at this pointer."""
    match = re.match(r"^/(activities|figures)/(\d+)", pointer) if file in ("activities.json", "figures.json") else None
    if match is None:
        return None
    record = record_items(ctx, file, match.group(1))[int(match.group(2))]
    if not isinstance(record, dict):
        return None
    if match.group(1) == "figures":
        return ctx.figure_paragraph(str(record.get("id")))
    paragraph = record.get("paragraph")
    return ctx.block_pointer(paragraph) if isinstance(paragraph, str) else None


def resolution_findings(ctx: CheckContext) -> Iterator[Finding]:
    """Check General Assembly and ECOSOC resolutions: session and date agree with the symbol's first number."""
    for index, activity in enumerate(record_items(ctx, "activities.json", "activities")):
        if not isinstance(activity, dict) or activity.get("kind") != "resolution":
            continue
        prefix, organ, pointer = symbol_prefix(activity.get("symbol")), activity.get("organ"), f"/activities/{index}"
        if prefix is None or organ not in ("General Assembly", "Economic and Social Council"):
            continue
        paragraph = paragraph_of(ctx, "activities.json", pointer)
        symbol, session = activity["symbol"], activity.get("session")
        if organ == "General Assembly" and session is not None and session != prefix:
            yield ctx.finding("resolution-session-mismatch", Severity.ERROR, "activities.json", f"{pointer}/session",
                              f"expected resolution {symbol} at session {prefix}, as its number says, "
                              f"found it said to be adopted at session {session}",
                              expected=prefix, found=session, paragraph=paragraph)
        days = range_span(activity.get("dates"))
        if days is None:
            continue
        window = ga_session_span(prefix) if organ == "General Assembly" else span(str(prefix))
        if window is not None and wholly_outside(days, window):
            dates = activity["dates"]
            yield ctx.finding("resolution-session-mismatch", Severity.ERROR, "activities.json", f"{pointer}/dates",
                              f"expected resolution {symbol} of the {organ} adopted between {window[0]} and "
                              f"{window[1]}, as its number says, found it dated {dates.get('start')}",
                              expected=f"{window[0]} to {window[1]}", found=dates.get("start"), paragraph=paragraph)
