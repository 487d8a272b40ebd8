"""Shared fixtures: a fresh copy of the bundled example report for each test that mutates it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "drafts" / "ctoc-cop-2016-tip"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """Return a copy of the 2016 example report folder (without build output)."""
    target = tmp_path / "ctoc-cop-2016-tip"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("build"))
    return target


@pytest.fixture
def edit_json() -> Callable[[Path, Callable[[Any], None]], None]:
    """Return a helper that loads a JSON file, lets a function change it, and writes it back."""

    def edit(path: Path, change: Callable[[Any], None]) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    return edit
