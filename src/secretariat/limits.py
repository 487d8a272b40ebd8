"""The limits that keep a hostile or broken file from hanging or exhausting a run, each one a user can raise.

Every limit has a default and an environment variable that changes it (``SECRETARIAT_MAX_…``); sizes
take a K, M or G suffix (binary). A limit exceeded is one located message and exit 1, never a hang.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from secretariat.errors import LimitError, UsageError

_SIZE = re.compile(r"([0-9][0-9_]*)\s*([KMG]?)(?:I?B)?", re.I)
_FACTORS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


@dataclass(frozen=True)
class Limit:
    """One limit: its name, environment variable, default, unit and what it bounds."""

    name: str
    env: str
    default: int
    unit: str
    bounds: str

    @property
    def value(self) -> int:
        """Return the limit in force: the environment variable's value, else the default."""
        raw = os.environ.get(self.env, "").strip()
        if not raw:
            return self.default
        match = _SIZE.fullmatch(raw)
        if match is None or (match.group(2) and self.unit != "bytes") or int(match.group(1)) < 1:
            suffix = " (a K, M or G suffix is allowed)" if self.unit == "bytes" else ""
            raise UsageError(f"{self.env}: expected a whole number of {self.unit} above 0{suffix}, found {raw!r}")
        return int(match.group(1)) * _FACTORS[match.group(2).upper()]

    def shown(self, amount: int | None = None) -> str:
        """Return an amount (the limit in force by default) in this limit's unit, for a message."""
        amount = self.value if amount is None else amount
        if self.unit == "bytes":
            for suffix, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
                if amount >= factor:
                    return f"{amount / factor:,.1f} {suffix}".replace(".0 ", " ")
            return f"{amount:,} bytes"
        return f"{amount:,} {self.unit}"

    def exceeded(self, found: str) -> str:
        """Return the message for this limit exceeded: what was found, the limit, and how to raise it."""
        return f"expected at most {self.shown()} ({self.bounds}), found {found}; {self.env} raises the limit"

    def error(self, where: str, found: str) -> LimitError:
        """Return the error for this limit exceeded at a place."""
        return LimitError(f"{where}: {self.exceeded(found)}")


FILE_BYTES = Limit("file size", "SECRETARIAT_MAX_FILE_BYTES", 128 << 20, "bytes",
                   "a record file, register, template or JSON return")
CSV_BYTES = Limit("CSV size", "SECRETARIAT_MAX_CSV_BYTES", 256 << 20, "bytes", "a CSV return")
DEPTH = Limit("nesting depth", "SECRETARIAT_MAX_DEPTH", 64, "levels", "objects and lists inside one another")
TEXT_CHARS = Limit("text size", "SECRETARIAT_MAX_TEXT_CHARS", 100_000, "characters",
                   "one text: a record text before or after rendering, one cell of a return")
OUTPUT_CHARS = Limit("template output", "SECRETARIAT_MAX_OUTPUT_CHARS", 20_000_000, "characters",
                     "what the report's templates print in all")
TEMPLATE_SECONDS = Limit("template run time", "SECRETARIAT_MAX_TEMPLATE_SECONDS", 3, "seconds",
                         "rendering all the texts and templates of one report")
TEMPLATE_OPERATIONS = Limit("template operations", "SECRETARIAT_MAX_TEMPLATE_OPERATIONS", 2_000_000, "operations",
                            "calls, lookups, operators and loop steps of one report's templates")
MEMBER_BYTES = Limit("workbook part size", "SECRETARIAT_MAX_MEMBER_BYTES", 512 << 20, "bytes",
                     "one part of an XLSX return once decompressed, checked before decompressing")
COMPRESSION_RATIO = Limit("compression ratio", "SECRETARIAT_MAX_COMPRESSION_RATIO", 100, "times",
                          "how much one part of an XLSX return grows when decompressed")
ROWS = Limit("rows", "SECRETARIAT_MAX_ROWS", 200_000, "rows", "the rows of one return")
COLUMNS = Limit("columns", "SECRETARIAT_MAX_COLUMNS", 1_000, "columns", "the columns of one return")

ALL = (FILE_BYTES, CSV_BYTES, DEPTH, TEXT_CHARS, OUTPUT_CHARS, TEMPLATE_SECONDS, TEMPLATE_OPERATIONS,
       MEMBER_BYTES, COMPRESSION_RATIO, ROWS, COLUMNS)
