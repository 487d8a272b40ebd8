"""The records an apply writes: content.json, footnotes.json and waivers.json, validated, in their own layout."""

from __future__ import annotations

import copy
import io
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from secretariat.errors import ReviewError
from secretariat.records import ReportRecords
from secretariat.records.jsonfile import JsonFile
from secretariat.records.schemas import default_store
from secretariat.records.writing import replace_records, write_records
from secretariat.review.apply import Plan
from secretariat.review.compare import Comparison

_WAIVED = re.compile(r"^(/blocks/\d+(?:/items/\d+)?)(.*)$")
_KEYS = {"content.json": "blocks", "footnotes.json": "footnotes", "waivers.json": "waivers"}


def _record_file(path: Path, data: dict[str, Any], key: str) -> JsonFile:
    """Return data as the record file records.writing writes (the bundled files' layout)."""
    text = io.StringIO()
    write_records(text, {k: v for k, v in data.items() if k != key}, key, data[key])
    return JsonFile(path, str(path), text.getvalue(), data)


def updated_files(comparison: Comparison, new: Plan) -> dict[str, JsonFile]:
    """Return the new content.json and footnotes.json as record files, validated; raise ReviewError if invalid."""
    records = comparison.records
    files: dict[str, JsonFile] = {}
    for file, key, values in (("content.json", "blocks", new.content), ("footnotes.json", "footnotes", new.footnotes)):
        old = records.files.get(file)
        if old is None:
            if not values:
                continue
            head: dict[str, Any] = {"$schema": f"https://secretariat.example/schemas/{file.replace('.json', '')}"
                                               ".schema.json"}
        else:
            head = {k: v for k, v in old.data.items() if k != key}
        files[file] = _record_file(records.folder / file, {**head, key: values}, key)
    waivers = _waivers(records.files.get("waivers.json"), new.pointers)
    if waivers is not None:
        files["waivers.json"] = _record_file(records.folder / "waivers.json", waivers, "waivers")
    store = default_store()
    problems = [p for f in files.values() for p in store.check(f)]
    if problems:
        raise ReviewError(f"{comparison.doc.path}: nothing was applied: the edited records would not be valid",
                          tuple(problems))
    return files


def _waivers(old: JsonFile | None, pointers: dict[str, str]) -> dict[str, Any] | None:
    """Return waivers.json with its content.json pointers moved where the apply moved their paragraphs."""
    if old is None:
        return None
    data = copy.deepcopy(old.data)
    moved_any = False
    for waiver in data.get("waivers", []):
        found = _WAIVED.match(str(waiver.get("pointer", ""))) if waiver.get("file") == "content.json" else None
        if found is not None and pointers.get(found.group(1), found.group(1)) != found.group(1):
            waiver["pointer"] = pointers[found.group(1)] + found.group(2)
            moved_any = True
    return data if moved_any else None


def with_files(comparison: Comparison, files: dict[str, JsonFile]) -> ReportRecords:
    """Return the records as they will be once files are written."""
    records = comparison.records
    footnotes = files["footnotes.json"].data["footnotes"] if "footnotes.json" in files else []
    waivers = files["waivers.json"].data["waivers"] if "waivers.json" in files else records.waivers
    return replace(records, content=files["content.json"].data["blocks"], waivers=waivers,
                   footnotes={note["id"]: note for note in footnotes}, files={**records.files, **files})


def write_files(records: ReportRecords, files: dict[str, JsonFile]) -> None:
    """Replace each record file atomically; if one cannot be written, put back those already replaced."""
    done: list[str] = []
    try:
        for name, record in files.items():
            key = _KEYS[name]
            replace_records(records.folder / name, {k: v for k, v in record.data.items() if k != key}, key,
                            record.data[key])
            done.append(name)
    except Exception:
        for name in done:
            old = records.files.get(name)
            if old is None:
                (records.folder / name).unlink(missing_ok=True)
            else:
                key = _KEYS[name]
                replace_records(old.path, {k: v for k, v in old.data.items() if k != key}, key, old.data[key])
        raise
