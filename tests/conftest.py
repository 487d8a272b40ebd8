"""Shared fixtures: a fresh copy of the bundled example report for each test that mutates it."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings

# The property tests (test_hardening_properties.py): in CI the same cases on every run and well under a
# minute in all; SECRETARIAT_HYPOTHESIS_PROFILE=long draws new cases each run, 20 times as many.
# No "explain" phase: on a failure it reruns the test hundreds of times (minutes) to annotate the report.
PHASES = (Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink)
settings.register_profile("ci", max_examples=25, derandomize=True, database=None, deadline=None, phases=PHASES,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=500, database=None, deadline=None, print_blob=True, phases=PHASES,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("SECRETARIAT_HYPOTHESIS_PROFILE", "ci"))

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


# One LibreOffice session edits the example draft as editors would, for every test that needs such files.
LIBREOFFICE_EDITS = {
    "edited": [
        {"replace": "169 parties", "by": "170 parties"},
        {"replace": "seeks to inform", "by": "informs"},
        {"delete": "On the basis of this strategy"},
        {"insert_after": "UNODC implements a comprehensive", "text": "An editor added this paragraph."},
    ],
    "tracked": [
        {"track": True},
        {"replace": "169 parties", "by": "170 parties"},
        {"delete": "On the basis of this strategy"},
    ],
}


@pytest.fixture(scope="session")
def libreoffice_edits(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Return the clean draft of the example ("draft") and the copies LibreOffice edited and saved as .docx."""
    from office import edit_in_libreoffice
    from secretariat.pipeline import DraftOptions, draft

    folder = tmp_path_factory.mktemp("libreoffice-edits")
    report = folder / EXAMPLE.name
    shutil.copytree(EXAMPLE, report, ignore=shutil.ignore_patterns("build"))
    clean = folder / "draft.docx"
    draft(DraftOptions(report, clean, comments=False))  # LibreOffice 7.4 crashes on comments over UNO
    files = {name: folder / f"{name}.docx" for name in LIBREOFFICE_EDITS}
    edit_in_libreoffice([{"in": str(clean), "out": str(files[name]), "edits": edits}
                         for name, edits in LIBREOFFICE_EDITS.items()], folder)
    return {"draft": clean, "report": report, **files}
