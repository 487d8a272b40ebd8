"""``secretariat new``: create the next report's folder from the previous one, never overwriting."""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from secretariat.errors import OutputError, RecordError, UsageError
from secretariat.files import read_regular, write_file
from secretariat.limits import FILE_BYTES
from secretariat.records import load_report
from secretariat.records.writing import dump_record_file
from secretariat.series.carry import SCHEMA, carried_figures, carried_footnotes, next_report, standing_blocks


@dataclass(frozen=True)
class NewOptions:
    """What ``secretariat new`` was asked to do."""

    target: Path
    previous: Path
    register_snapshots: bool = False  # carry the previous report's own *.register.json copies


@dataclass(frozen=True)
class NewResult:
    """What the new folder holds and what is left to enter."""

    path: Path
    paragraphs: int
    headings: int
    figures: int
    unset: tuple[str, ...]
    snapshots_left: tuple[str, ...] = ()  # the previous report's own register copies, not carried


def _unset(data: Any, pointer: str = "") -> list[str]:
    if data is None:
        return [pointer]
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in _unset(value, f"{pointer}/{key}")]
    return []


def _carried_files(previous: Path, snapshots: bool) -> list[Path]:
    """Return the report's own templates (and register snapshots), file by file (links are listed to be refused)."""
    found = sorted(previous.glob("*.register.json")) if snapshots else []
    templates = previous / "templates"
    if templates.is_symlink() or templates.is_dir():
        found += [templates] if templates.is_symlink() else sorted(p for p in templates.rglob("*")
                                                                   if p.is_symlink() or not p.is_dir())
    return found


def _copy_carried(previous: Path, staging: Path, snapshots: bool) -> None:
    """Copy the templates and registers as new regular files; refuse links out, FIFOs, devices, huge files."""
    for source in _carried_files(previous, snapshots):
        data = read_regular(source, FILE_BYTES, inside=previous)
        copy = staging / source.relative_to(previous)
        copy.parent.mkdir(parents=True, exist_ok=True)
        write_file(copy, data, records=True)


def start_next_report(options: NewOptions) -> NewResult:
    """Create the next report's folder; raise a SecretariatError if it exists or cannot be written."""
    target = options.target
    if os.path.lexists(target):
        raise UsageError(f"{target}: already exists; secretariat new never overwrites a folder")
    old = load_report(options.previous)
    needed = [f"/session/{key}" for key in ("venue", "start", "end") if old.report["session"].get(key) is None]
    needed += ["/reporting_period/end"] if old.report["reporting_period"].get("end") is None else []
    if needed:
        raise RecordError(f"{options.previous / 'report.json'}: expected a complete previous report to start from, "
                          f"found {', '.join(needed)} not entered yet")
    report = next_report(old.report, os.path.relpath(options.previous.resolve(), target.resolve()))
    blocks = standing_blocks(old.content)
    figures = carried_figures(list(old.figures.values()), blocks)
    records = {
        "report.json": report,
        "content.json": {"$schema": SCHEMA.format("content"), "blocks": blocks},
        "figures.json": {"$schema": SCHEMA.format("figures"), "figures": figures},
        "activities.json": {"$schema": SCHEMA.format("activities"), "activities": []},
        "footnotes.json": {"$schema": SCHEMA.format("footnotes"),
                           "footnotes": carried_footnotes(list(old.footnotes.values()), blocks)},
    }
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = target.parent / f".{target.name}.{secrets.token_hex(6)}"
        staging.mkdir()  # not mkdtemp: that makes the folder private (0700), and it becomes the user's folder
        try:
            for name, data in records.items():
                dump_record_file(staging / name, data)
            _copy_carried(options.previous, staging, options.register_snapshots)
            os.rename(staging, target)  # fails rather than replace a folder created meanwhile
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    except OSError as e:
        raise OutputError(f"{target}: cannot create the new report: {e.strerror or e}") from e
    left = () if options.register_snapshots else tuple(sorted(p.name for p in options.previous.glob("*.register.json")))
    return NewResult(target, sum(1 for b in blocks if "heading" not in b), sum(1 for b in blocks if "heading" in b),
                     len(figures), tuple(f"report.json {p}" for p in _unset(report)), left)
