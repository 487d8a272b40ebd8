"""Keep the workspace's registers current: record a party's or a session's event with its source, import the
Treaty Collection's table, and say what changed. A register the workspace does not hold yet starts as a copy
of the packaged one; every file is validated before it replaces the old one."""

from __future__ import annotations

import copy
import json
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from secretariat.dates import written
from secretariat.errors import RegisterError, SecretariatError, UsageError
from secretariat.files import read_regular, write_file
from secretariat.limits import FILE_BYTES
from secretariat.registers._treaty_files import read_register
from secretariat.registers.countries import country_register
from secretariat.registers.names import code_of
from secretariat.registers.place import FOLDER, RegisterPlace
from secretariat.registers.sessions import read_register as read_sessions
from secretariat.registers.untc import Table, TableRow, When, parse_when

KINDS = ("ratification", "accession", "acceptance", "approval", "succession")


@dataclass(frozen=True)
class Change:
    """One participant or session that joined, signed, changed or is no longer listed."""

    what: str  # "joined", "signed", "changed", "added", "no longer listed"
    name: str
    detail: str


@dataclass(frozen=True)
class RegisterUpdate:
    """The register file written, the packaged file it started from (if new), and what changed."""

    path: Path
    started_from: Path | None
    changes: tuple[Change, ...]
    read: int = 0  # rows read from an imported table


def _day(when: When | None) -> str:
    if when is None:
        return "none"
    if when.start == when.end:
        return written(when.start)
    return f"a date from {written(when.start)} to {written(when.end)} ({when.as_stated})"


def _consent_data(when: When, kind: str) -> dict[str, Any]:
    if when.start == when.end:
        return {"date": when.start.isoformat(), "type": kind}
    return {"between": [when.start.isoformat(), when.end.isoformat()], "as_stated": when.as_stated, "type": kind}


def _when_of(consent: dict[str, Any] | None) -> When | None:
    if consent is None:
        return None
    if "date" in consent:
        day = date.fromisoformat(consent["date"])
        return When(day, day, consent["date"])
    start, end = (date.fromisoformat(d) for d in consent["between"])
    return When(start, end, consent["as_stated"])


def _ends_by(consent: dict[str, Any], day: date) -> bool:
    when = _when_of(consent)
    return when is not None and when.end <= day


def _source_key(sources: dict[str, Any], citation: str, as_of: date | None, base: str | None = None) -> str:
    """Return the key of a source with this citation, adding it under a new slug if it is not there."""
    for key, source in sources.items():
        if source["citation"] == citation:
            return key
    base = base or "-".join(re.findall(r"[a-z0-9]+", citation.lower())[:6])[:40].strip("-") or "source"
    key, number = base, 2
    while key in sources:
        key, number = f"{base}-{number}", number + 1
    sources[key] = {"citation": citation, **({"as_of": as_of.isoformat()} if as_of is not None else {})}
    return key


def _dump(data: dict[str, Any], one_line: str | None) -> str:
    """Return the register as JSON in the shipped layout: one participant per line in a treaty register."""
    if one_line is None or one_line not in data:
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    items = data[one_line]
    marker = f"@@{one_line}@@"
    text = json.dumps({**data, one_line: marker}, indent=2, ensure_ascii=False)
    lines = ",\n".join("    " + json.dumps(item, ensure_ascii=False) for item in items)
    return text.replace(f'"{marker}"', f"[\n{lines}\n  ]" if items else "[]") + "\n"


def _edit(place: RegisterPlace, cwd: Path, name: str, edit: Callable[[dict[str, Any]], list[Change]],
          validate: Callable[[Path], object], one_line: str | None) -> RegisterUpdate:
    """Apply ``edit`` to the register ``name`` and write it into the workspace, validated, atomically."""
    source = place.file(name)
    if not source.is_file():
        known = ", ".join(sorted(p.name.removesuffix(".json") for p in place.files("*.json")))
        raise UsageError(f"expected one of the registers ({known}), found no register {name} in "
                         f"{place.describe()}")
    try:
        validate(source)  # a register that is already wrong is reported as it is (bad input), not edited
    except SecretariatError as e:
        raise RegisterError(e.message, e.problems) from e
    try:
        data = json.loads(read_regular(source, FILE_BYTES).decode("utf-8"))
    except (SecretariatError, ValueError) as e:
        raise RegisterError(f"{source}: cannot read the register: {e}") from e
    changes = edit(data)
    folder = place.folder if place.folder is not None else cwd / FOLDER
    target = folder / name
    text = _dump(data, one_line).encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="secretariat-register-") as staging:
        checked = Path(staging) / name  # validated under its own name (a register's id is its file name)
        checked.write_bytes(text)
        try:
            validate(checked)
        except SecretariatError as e:  # say it of the file the user has, not of the copy checked
            kind = UsageError if isinstance(e, UsageError) else RegisterError
            raise kind(str(e).replace(str(checked), str(target))) from e
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise SecretariatError(f"{folder}: cannot make the registers folder: {e.strerror or e}") from e
    write_file(target, text)  # the one safe writer: atomic, keeps the file's permissions, never through a link
    return RegisterUpdate(target, None if source == target else source, tuple(changes))


def state_code(text: str) -> str:
    """Return the ISO3 code of a State given by code ("FJI") or by name ("Fiji"); raise UsageError."""
    code = code_of(text)
    if code is None:
        raise UsageError(f"expected a State as a three-letter ISO code such as FJI, or its name ('Fiji' is FJI), "
                         f"found {text!r}")
    return code


@dataclass(frozen=True)
class PartyEvent:
    """What ``registers add-party`` records: a signature and/or a consent to be bound, with its source."""

    treaty: str
    state: str
    source: str
    consent: str | None = None
    kind: str = "ratification"
    signature: str | None = None
    note: str | None = None
    replace: bool = False


def add_party(place: RegisterPlace, cwd: Path, event: PartyEvent) -> RegisterUpdate:
    """Record a State's signature or consent in the workspace's treaty register."""
    code = state_code(event.state)
    when: dict[str, When | None] = {}
    for label, value in (("--consent", event.consent), ("--signature", event.signature)):
        try:
            when[label] = parse_when(value) if value else None
        except ValueError as e:
            raise UsageError(f"{label}: {e}") from e
    consent, signed = when["--consent"], when["--signature"]
    if consent is None and signed is None:
        raise UsageError("expected --consent or --signature (a date such as 2018-07-23, or 2018-07 if only the "
                         "month is known), found neither")
    if event.kind not in KINDS:
        raise UsageError(f"expected --type to be one of {', '.join(KINDS)}, found {event.kind!r}")
    name = _participant_name(code)
    row = TableRow(0, code, name, signed, consent, event.kind if consent is not None else None)

    def edit(data: dict[str, Any]) -> list[Change]:
        key = _source_key(data["sources"], event.source, None)
        return _merge_row(data, row, key, replace=event.replace, note=event.note)

    return _edit(place, cwd, f"{event.treaty}.json", edit, read_register, "participants")


def _participant_name(code: str) -> str:
    if code == "EUR":
        return "European Union"
    return country_register().name(code, date.today())


def _merge_row(data: dict[str, Any], row: TableRow, key: str, *, replace: bool,
               note: str | None = None) -> list[Change]:
    """Merge one participant's dates into the register; return what changed."""
    people: list[dict[str, Any]] = data["participants"]
    old = next((p for p in people if p["code"] == row.code), None)
    new_consent = None if row.consent is None else _consent_data(row.consent, str(row.consent_type))
    new_signature = None if row.signature is None else row.signature.start.isoformat()
    if old is None:
        people.append({"code": row.code, "name": row.name, "kind": "organization" if row.code == "EUR" else "state",
                       "signature": new_signature, "consent": new_consent, "source": key,
                       "confidence": "high" if row.consent is None or row.consent.start == row.consent.end
                       else "medium", **({"note": note} if note else {})})
        people.sort(key=lambda p: p["name"].lower())
        what = "joined" if new_consent is not None else "signed"
        return [Change(what, row.name, f"{row.consent_type}, {_day(row.consent)}" if new_consent else
                       f"signature, {_day(row.signature)}")]
    changes = []
    before = _when_of(old["consent"])
    if new_consent is not None and row.consent is not None and old["consent"] != new_consent:
        exact_before = before is not None and before.start == before.end
        vaguer = exact_before and before is not None and row.consent.start <= before.start <= row.consent.end \
            and old["consent"]["type"] == row.consent_type
        if exact_before and not vaguer and not replace:
            raise UsageError(f"{row.name} is already a party in the register ({old['consent']['type']}, "
                             f"{_day(before)}); --replace changes a recorded date")
        if not vaguer:  # a table that knows only the month never blurs a day the register knows
            old_type = (old["consent"] or {}).get("type")
            old["consent"] = new_consent
            old["confidence"] = "high" if row.consent.start == row.consent.end else "medium"
            old["source"] = key
            changes.append(Change("joined", old["name"], f"{row.consent_type}, {_day(row.consent)}")
                           if before is None else
                           Change("changed", old["name"], f"consent from {old_type}, {_day(before)} to "
                                                          f"{row.consent_type}, {_day(row.consent)}"))
    if new_signature is not None and old["signature"] != new_signature:
        changes.append(Change("changed" if old["signature"] else "signed", old["name"],
                              f"signature from {old['signature'] or 'none'} to {new_signature}"))
        old["signature"] = new_signature
        old["source"] = key
    if note and changes:
        old["note"] = note
    return changes


def import_table(place: RegisterPlace, cwd: Path, treaty: str, table: Table, file: Path,
                 citation: str | None, as_of: date | None) -> RegisterUpdate:
    """Merge a Treaty Collection table into the workspace's register; report who joined, left or changed."""
    if table.problems:
        raise RegisterError(f"{file}: {len(table.problems)} row(s) cannot be read; nothing was imported",
                            table.problems)
    as_of = as_of or table.status_as_at
    if as_of is None:
        raise UsageError(f"{file}: the table does not say the date of the status it shows: expected --as-of, "
                         "for example --as-of 2018-07-23")
    citation = citation or f"UN Treaty Collection participant table, status as at {as_of.isoformat()} ({file.name})"

    def edit(data: dict[str, Any]) -> list[Change]:
        key = _source_key(data["sources"], citation, as_of, f"untc-{as_of.isoformat()}")
        changes: list[Change] = []
        for row in table.rows:
            changes += _merge_row(data, row, key, replace=True)
        listed = {row.code for row in table.rows}
        # only a party the table should already show is missing from it; later ones simply postdate it
        changes += [Change("no longer listed", p["name"], "a party in the register by then, not in the table: "
                           "withdrawn, or a row missing from the copy? (kept as it was)")
                    for p in data["participants"] if p["code"] not in listed and p["consent"] is not None
                    and _when_of(p["consent"]) is not None and _ends_by(p["consent"], as_of)]
        return changes

    update = _edit(place, cwd, f"{treaty}.json", edit, read_register, "participants")
    return RegisterUpdate(update.path, update.started_from, update.changes, len(table.rows))


@dataclass(frozen=True)
class SessionEvent:
    """What ``registers add-session`` records: one session's number, venue and dates, with its source."""

    register: str
    number: int
    venue: str
    start: str
    end: str
    source: str
    replace: bool = False


def add_session(place: RegisterPlace, cwd: Path, event: SessionEvent) -> RegisterUpdate:
    """Record a session in the workspace's register of sessions."""
    days = []
    for label, value in (("--start", event.start), ("--end", event.end)):
        try:
            day = parse_when(value)
        except ValueError as e:
            raise UsageError(f"{label}: {e}") from e
        if day is None:
            raise UsageError(f"{label}: expected a date such as 2018-10-15, found {value!r}")
        days.append(day)
    if days[0].start > days[1].end:
        raise UsageError(f"expected --start on or before --end, found {event.start} after {event.end}")
    entry = {"number": event.number, "venue": event.venue, "start": event.start, "end": event.end,
             "source": event.source}

    def edit(data: dict[str, Any]) -> list[Change]:
        sessions: list[dict[str, Any]] = data["sessions"]
        old = next((s for s in sessions if s.get("number") == event.number), None)
        if old is not None and old == entry:
            return []
        if old is not None and not event.replace:
            raise UsageError(f"session {event.number} is already in the register ({old['venue']}, {old['start']} to "
                             f"{old['end']}); --replace changes it")
        if old is not None:
            sessions.remove(old)
        sessions.append(copy.deepcopy(entry))
        sessions.sort(key=lambda s: s["number"])
        return [Change("changed" if old else "added", f"session {event.number}",
                       f"{event.venue}, {event.start} to {event.end}")]

    def validate(path: Path) -> None:
        try:
            read_sessions(path)
        except SecretariatError as e:
            raise UsageError(e.message) from e

    return _edit(place, cwd, f"{event.register}.json", edit, validate, None)

