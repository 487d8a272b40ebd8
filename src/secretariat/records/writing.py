"""Write record files in one layout: streamed (intake, review --apply), or whole (a new report's folder).

The layout, kept by every writer so that a change leaves a small diff: two-space indents; a list of plain
values on one line when it has one value or fits in 120 characters.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, BinaryIO

from secretariat.files import write_file

WIDTH = 120


_encode_string: Any = getattr(json.encoder, "c_encode_basestring", None) or json.encoder.py_encode_basestring


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return str(_encode_string(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def dumps(value: Any, level: int = 0, lead: int = 0) -> str:
    """Return value as JSON text indented for ``level``; ``lead`` is the width of the text before it."""
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{_scalar(k)}: {dumps(v, level + 1, len(inner) + len(_scalar(k)) + 2)}"
                 for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if all(not isinstance(item, dict | list) for item in value):
            flat = "[" + ", ".join(_scalar(item) for item in value) + "]"
            if len(value) <= 1 or lead + len(flat) + 1 <= WIDTH:
                return flat
            return "[\n" + ",\n".join(inner + _scalar(item) for item in value) + "\n" + pad + "]"
        return "[\n" + ",\n".join(inner + dumps(item, level + 1) for item in value) + "\n" + pad + "]"
    return _scalar(value)


def write_records(handle: IO[str], head: dict[str, Any], key: str, records: Iterable[dict[str, Any]]) -> int:
    """Stream a record file: the ``head`` properties, then ``key`` with the records one by one; return the count."""
    handle.write("{\n")
    for name, value in head.items():
        handle.write(f"  {_scalar(name)}: {dumps(value, 1, len(name) + 6)},\n")
    handle.write(f"  {_scalar(key)}: [")
    count = 0
    for record in records:
        handle.write(",\n" if count else "\n")
        handle.write("    " + dumps(record, 2))
        count += 1
    handle.write("\n  ]\n}\n" if count else "]\n}\n")
    return count


def replace_records(path: Path, head: dict[str, Any], key: str, records: Iterable[dict[str, Any]]) -> int:
    """Write a record file through the safe writer (atomic, mode kept); return the count; raise OutputError."""
    counted: list[int] = []

    def write(handle: BinaryIO) -> None:
        out = io.TextIOWrapper(handle, encoding="utf-8", newline="\n")
        counted.append(write_records(out, head, key, records))
        out.flush()
        out.detach()  # the safe writer flushes, syncs and closes the file itself

    write_file(path, write, records=True)
    return counted[0]


def dump_record_file(path: Path, data: dict[str, Any]) -> None:
    """Write a whole record file in the layout above (the files of a report folder that ``new`` creates)."""
    write_file(path, (dumps(data) + "\n").encode("utf-8"), records=True)
