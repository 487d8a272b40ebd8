"""Decide what of one report's records carries into the next report of the series."""

from __future__ import annotations

import re
from typing import Any

from secretariat.dates import next_start
from secretariat.records.content import sub_paragraphs

SCHEMA = "https://secretariat.example/schemas/{}.schema.json"
_FIGURE_USE = re.compile(r"""fig\[\s*['"]([a-z0-9-]+)['"]\s*\]""")
_FOOTNOTE_USE = re.compile(r"(?<!\\)\[\^([^\]\s]+)\]")
# What describes a figure (carried) as opposed to its value in one year (left to enter again).
FIGURE_KEYS = ("id", "kind", "qualifier", "source", "register", "average_of", "computed", "change_of")


def next_report(old: dict[str, Any], previous_report: str) -> dict[str, Any]:
    """Return the next report's report.json: what must be entered again is left unset (null)."""
    session = old["session"]
    return {
        "$schema": SCHEMA.format("report"),
        "symbol": None,
        "body": old["body"],
        "session": {"number": int(session["number"]) + 1, "venue": None, "start": None, "end": None},
        "previous_session": {key: session[key] for key in ("number", "venue", "start", "end")},
        "agenda": None,
        "title": old["title"],
        "subtitle": old["subtitle"],
        "date": None,
        "distribution": old["distribution"],
        "original_language": old["original_language"],
        "job_number": None,
        "reporting_period": {"start": next_start(str(old["reporting_period"]["end"])), "end": None},
        "treaty": old["treaty"],
        "previous_report": previous_report,
        # a setting of the series, not of one year: the notes that come back on every report
        **({"routine_notes": old["routine_notes"]} if old.get("routine_notes") else {}),
    }


def standing_blocks(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the headings and the standing paragraphs, without that year's activity links, marked unreviewed."""
    carried = []
    for block in blocks:
        if "heading" in block:
            carried.append(dict(block))
        elif block.get("standing"):
            kept = {key: value for key, value in block.items() if key != "activities"}
            if "items" in kept:
                kept["items"] = _carried_items(kept["items"])
            kept["reviewed"] = False  # last session's wording until the officer confirms it for this one
            carried.append(kept)
    return carried


def _carried_items(items: list[Any]) -> list[Any]:
    """Return sub-paragraphs (nested ones too) with each text of last year's wording made a placeholder."""
    carried: list[Any] = []
    for item in items:
        if isinstance(item, str):
            carried.append(item if "{{" in item else _placeholder(item))
        else:
            text = item["text"]
            carried.append({"text": text if "{{" in text else _placeholder(text).removesuffix(";") + ":",
                            "items": _carried_items(item["items"])})
    return carried


def _placeholder(text: str) -> str:
    """Return a visible gap for a sub-paragraph of last year's wording (it holds no data to carry)."""
    words = " ".join(text.split()[:6]).replace("'", "’").replace("\\", "")
    return "{{ gap('new text for the sub-paragraph that said: " + words + " …') }};"


def _texts(blocks: list[dict[str, Any]]) -> str:
    return "\n".join([b["text"] for b in blocks] + [sub.text for b in blocks for sub in sub_paragraphs(b)])


def carried_figures(figures: list[dict[str, Any]], blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the figures the carried paragraphs use (and those they relate to), with their values unset."""
    wanted = set(_FIGURE_USE.findall(_texts(blocks)))
    by_id = {figure["id"]: figure for figure in figures}
    for figure_id in list(wanted):
        figure = by_id.get(figure_id, {})
        for relation in ("average_of", "change_of"):
            if relation in figure:
                wanted.add(figure[relation]["figure"])
    return [
        {**{key: figure[key] for key in FIGURE_KEYS if key in figure}, "value": None, "as_of": None}
        for figure in figures
        if figure["id"] in wanted
    ]


def carried_footnotes(footnotes: list[dict[str, Any]], blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the footnotes the carried paragraphs reference."""
    used = set(_FOOTNOTE_USE.findall(_texts(blocks)))
    return [note for note in footnotes if note["id"] in used]
