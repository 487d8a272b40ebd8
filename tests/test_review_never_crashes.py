"""review never crashes on a damaged draft: every damage gives findings or one message, never an internal error."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from review_edits import rewrite
from secretariat.cli import main
from secretariat.pipeline import DraftOptions, draft

PARTS = ("word/document.xml", "word/footnotes.xml", "customXml/item1.xml", "word/numbering.xml", "word/styles.xml")


@pytest.mark.slow
def test_damaged_drafts_never_crash_review(example: Path, tmp_path: Path) -> None:
    clean = tmp_path / "draft.docx"
    draft(DraftOptions(example, clean, comments=False))
    chance = random.Random(2016)
    for attempt in range(40):
        part = PARTS[attempt % len(PARTS)]

        def damage(root) -> None:  # type: ignore[no-untyped-def]
            elements = list(root.iter())[1:]
            for _ in range(chance.randint(1, 12)):
                victim = chance.choice(elements)
                if chance.random() < 0.5 and victim.attrib:
                    del victim.attrib[chance.choice(list(victim.attrib))]
                elif victim.getparent() is not None:
                    victim.getparent().remove(victim)
                elements = list(root.iter())[1:] or [root]

        damaged = rewrite(clean, tmp_path / f"damaged-{attempt}.docx", damage, part=part)
        for extra in ((), ("--apply",)):  # an apply that goes through changes the records the next ones meet
            result = CliRunner().invoke(main, ["review", str(damaged), str(example), *extra])
            assert result.exit_code in (0, 1), (part, attempt, result.output, result.exception)
            assert "internal error" not in result.output and "Traceback" not in result.output, (part, result.output)
