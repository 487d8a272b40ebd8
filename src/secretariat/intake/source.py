"""One readable submission: where it is from, its columns, its date convention and its rows as a stream."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from secretariat.intake.dates import Order
from secretariat.intake.rows import Row


@dataclass
class Source:
    """A submission opened for reading; rows are read as they are iterated."""

    file: str
    sheet: str
    order: Order | None
    headers: list[str]
    rows: Iterator[Row]
    notes: list[str] = field(default_factory=list)
