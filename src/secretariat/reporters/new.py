"""Report what ``secretariat new`` created and what is left to enter."""

from __future__ import annotations

import json

from secretariat.series import NewResult


def new_text(result: NewResult) -> str:
    """Describe the new report folder for a person."""
    lines = [f"created {result.path}: {result.headings} headings, {result.paragraphs} standing paragraph(s), "
             f"{result.figures} figure(s) to update, no activities yet",
             "to enter before the draft is complete (secretariat check lists every gap):"]
    lines += [f"  {field}" for field in result.unset]
    lines.append("  the value and as_of of every figure in figures.json")
    if result.snapshots_left:
        lines.append(f"not carried: the previous report's own register copies ({', '.join(result.snapshots_left)}); "
                     "the new report is checked against the workspace's registers (secretariat registers where), "
                     "--keep-register-snapshots carries them")
    return "\n".join(lines)


def new_json(result: NewResult) -> str:
    """Describe the new report folder for a machine."""
    return json.dumps({"ok": True, "path": str(result.path), "headings": result.headings,
                       "paragraphs": result.paragraphs, "figures": result.figures, "unset": list(result.unset),
                       "snapshots_left": list(result.snapshots_left)},
                      indent=2)
