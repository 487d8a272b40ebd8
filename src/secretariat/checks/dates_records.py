"""Resolutions as the dates check reads them: session and date against the symbol's first number."""

from __future__ import annotations

from collections.abc import Iterator

from secretariat.checks.context import CheckContext
from secretariat.checks.dates_util import ga_session_span, symbol_prefix
from secretariat.checks.finding import Finding, Severity
from secretariat.dates import range_span, span, wholly_outside


def resolution_findings(ctx: CheckContext) -> Iterator[Finding]:
    """Check General Assembly and ECOSOC resolutions: session and date agree with the symbol's first number."""
    for index, activity in enumerate(ctx.record_items("activities.json", "activities")):
        if not isinstance(activity, dict) or activity.get("kind") != "resolution":
            continue
        prefix, organ, pointer = symbol_prefix(activity.get("symbol")), activity.get("organ"), f"/activities/{index}"
        if prefix is None or organ not in ("General Assembly", "Economic and Social Council"):
            continue
        paragraph = ctx.paragraph_of("activities.json", pointer)
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
