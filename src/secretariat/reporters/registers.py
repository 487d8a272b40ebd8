"""Report what a ``secretariat registers`` command changed, and which registers a report is checked against."""

from __future__ import annotations

import json

from secretariat.registers.update import RegisterUpdate

_ORDER = ("joined", "signed", "changed", "added", "no longer listed")


def update_text(update: RegisterUpdate, what: str) -> str:
    """Describe a register update for a person: the file, then each kind of change with who it concerns."""
    lines = []
    if update.started_from is not None:
        lines.append(f"started {update.path} from the packaged copy {update.started_from}")
    head = f"{update.path}: {what}"
    lines.append(head + ("" if update.changes else ", no change"))
    for kind in _ORDER:
        changes = [c for c in update.changes if c.what == kind]
        if changes:
            lines.append(f"  {kind} ({len(changes)}):")
            lines += [f"    {c.name}: {c.detail}" for c in changes]
    return "\n".join(lines)


def update_json(update: RegisterUpdate) -> str:
    """Describe a register update for a machine."""
    return json.dumps({"ok": True, "path": str(update.path),
                       "started_from": None if update.started_from is None else str(update.started_from),
                       "rows_read": update.read,
                       "changes": [{"what": c.what, "name": c.name, "detail": c.detail} for c in update.changes]},
                      ensure_ascii=False, indent=2)
