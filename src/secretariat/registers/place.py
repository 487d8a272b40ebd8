"""Where the registers a report is checked against are kept: the workspace's own, else the packaged ones.

A workspace keeps its registers in one folder, chosen in this order: the ``--registers`` option, the
``SECRETARIAT_REGISTERS`` environment variable, or a folder named ``registers`` found upward from the report
folder (the report folder itself, then each parent). A register file there is used instead of the packaged
copy of the same name; a register the workspace does not hold comes from the package. A folder named by the
option or the variable that does not exist is an error, never silently passed over.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from secretariat.errors import UsageError
from secretariat.resources import data_path

ENVIRONMENT = "SECRETARIAT_REGISTERS"
FOLDER = "registers"


@dataclass(frozen=True)
class RegisterPlace:
    """The workspace's registers folder (None: packaged registers only) and how it was chosen."""

    folder: Path | None
    chosen_by: str  # "option", "environment", "workspace" or "package"

    def file(self, name: str) -> Path:
        """Return the register file ``name`` ("tip-protocol.json"): the workspace's if it has it, else packaged."""
        if self.folder is not None and (self.folder / name).is_file():
            return self.folder / name
        return data_path(f"registers/{name}")

    def files(self, pattern: str) -> list[Path]:
        """Return the register files matching a glob, the workspace's first, packaged ones it does not shadow."""
        own = sorted(self.folder.glob(pattern)) if self.folder is not None else []
        names = {path.name for path in own}
        packaged = sorted(p for p in data_path("registers").glob(pattern) if p.name not in names)
        return own + packaged

    def describe(self) -> str:
        """Return a sentence saying which registers are used and why."""
        if self.folder is None:
            return f"the packaged registers ({data_path('registers')}); no registers/ folder found"
        how = {"option": "given with --registers", "environment": f"named by {ENVIRONMENT}",
               "workspace": "found upward from the report folder"}[self.chosen_by]
        return f"the registers in {self.folder} ({how}), the packaged ones for any they do not hold"


def find_registers(start: Path | None, explicit: Path | None = None) -> RegisterPlace:
    """Return the registers place for a report folder (or working folder) ``start``."""
    for value, how, what in ((explicit, "option", "--registers"),
                             (os.environ.get(ENVIRONMENT) or None, "environment", ENVIRONMENT)):
        if value is None:
            continue
        folder = Path(value)
        if not folder.is_dir():
            raise UsageError(f"{what} names {folder}, which is not a folder: expected the folder holding the "
                             "workspace's registers (tip-protocol.json, cop-sessions.json …)")
        return RegisterPlace(folder.resolve(), how)
    if start is not None:
        here = start.resolve()
        for folder in (here, *here.parents):
            if (folder / FOLDER).is_dir():
                return RegisterPlace(folder / FOLDER, "workspace")
    return RegisterPlace(None, "package")
