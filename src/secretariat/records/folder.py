"""Load every record file of a report folder, validating each; report all problems at once."""

from __future__ import annotations

import gc
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from secretariat.dates import parse_partial
from secretariat.errors import Location, Problem, RecordError, clipped
from secretariat.records.jsonfile import JsonFile, read_json
from secretariat.records.schemas import SchemaStore, default_store

REQUIRED = ("report.json", "content.json")
OPTIONAL = {"figures.json": "figures", "activities.json": "activities", "footnotes.json": "footnotes"}
WAIVERS = "waivers.json"

# XML 1.0 cannot hold these code points, so Word could not open a draft containing them.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass
class ReportRecords:
    """The validated records of one report, keyed the way templates use them."""

    folder: Path
    report: dict[str, Any]
    content: list[dict[str, Any]]
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)
    activities: dict[str, dict[str, Any]] = field(default_factory=dict)
    footnotes: dict[str, dict[str, Any]] = field(default_factory=dict)
    waivers: list[dict[str, Any]] = field(default_factory=list)
    files: dict[str, JsonFile] = field(default_factory=dict)


def leaves(value: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    """Yield (JSON pointer, value) for every scalar inside a JSON value, nulls included, in document order."""
    stack = [(pointer, value)]
    while stack:  # a loop, not recursion: an invalid record may be nested deeper than Python recurses
        at, item = stack.pop()
        if isinstance(item, dict):
            stack += [(f"{at}/{key}", child) for key, child in reversed(item.items())]
        elif isinstance(item, list):
            stack += [(f"{at}/{index}", child) for index, child in reversed(list(enumerate(item)))]
        else:
            yield at, item


def control_character_problems(record: JsonFile) -> list[Problem]:
    """Find characters that XML cannot hold, naming the record and field."""
    problems: list[Problem] = []
    if not record.may_hold_xml_invalid:
        return problems
    for pointer, text in leaves(record.data):
        if not isinstance(text, str):
            continue
        match = XML_INVALID.search(text)
        if match is not None:
            code = f"U+{ord(match.group()):04X}"
            problems.append(Problem(record.locate(pointer),
                                    f"expected text that XML can hold, found the character {code} "
                                    f"at character {match.start() + 1}"))
    return problems


def _index(record: JsonFile, key: str) -> tuple[dict[str, dict[str, Any]], list[Problem]]:
    items: dict[str, dict[str, Any]] = {}
    problems = []
    for position, item in enumerate(record.data.get(key, [])):
        ident = item.get("id")
        if ident in items:
            problems.append(Problem(record.locate(f"/{key}/{position}/id"),
                                    f"expected a unique id, found {ident!r} again"))
        items[ident] = item
    return items, problems


def load_report(folder: Path, store: SchemaStore | None = None,
                only: Collection[str] | None = None) -> ReportRecords:
    """Load and validate a report folder (or only the files named); raise one RecordError listing every problem."""
    store = store if store is not None else default_store()
    try:
        kind = "a folder" if folder.is_dir() else "a file" if folder.exists() else "nothing"
    except OSError as e:  # a name too long, a loop of links: nothing usable there
        raise RecordError(f"{clipped(folder)}: expected a report folder, found a path that cannot be opened: "
                          f"{e.strerror or e}") from e
    if kind != "a folder":
        raise RecordError(f"{folder}: expected a report folder, found {kind}")
    files: dict[str, JsonFile] = {}
    problems: list[Problem] = []
    for name in (*REQUIRED, *OPTIONAL, WAIVERS):
        if only is not None and name not in only:
            continue
        path = folder / name
        if not path.exists():
            if name in REQUIRED:
                problems.append(Problem(Location(str(path)), "expected this record file, found it missing"))
            continue
        loaded = read_json(path, str(path), inside=folder)
        if isinstance(loaded, Problem):
            problems.append(loaded)
            continue
        problems += store.check(loaded) + control_character_problems(loaded)
        files[name] = loaded
    if problems:
        raise RecordError(f"{folder}: {len(problems)} problem(s) in the records", tuple(problems))
    indexes = {}
    for name, key in OPTIONAL.items():
        if name in files:
            indexes[key], found = _index(files[name], key)
            problems += found
    if problems:
        raise RecordError(f"{folder}: {len(problems)} problem(s) in the records", tuple(problems))
    waivers = files[WAIVERS].data["waivers"] if WAIVERS in files else []
    content = files["content.json"].data["blocks"] if "content.json" in files else []
    # The records live as long as the run and hold no cycles: later collections need not walk them again
    # (at 100,000 activities each full collection would visit millions of objects).
    gc.freeze()
    return ReportRecords(folder, files["report.json"].data, content, waivers=waivers, files=files, **indexes)


def report_date(records: ReportRecords) -> date:
    """Return the date at which names and counts are stated: for draft, check and the submission form alike."""
    # Until the masthead date is entered, the first day of the reporting period stands in for it, so that a
    # draft in progress is deterministic and the form lists the names the draft prints.
    stated = records.report.get("date")
    if isinstance(stated, str):
        return date.fromisoformat(stated)
    return parse_partial(records.report["reporting_period"]["start"]).first()
