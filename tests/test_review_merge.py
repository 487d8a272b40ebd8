"""The three-way merge on every text of the 2016 example: wording taken, expressions kept, values refused."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from secretariat.pipeline import build_draft, text_renderer
from secretariat.records import load_report
from secretariat.review.compare import record_texts
from secretariat.review.merge import literal, merge

EXPRESSION = re.compile(r"\{\{.*?\}\}")


@pytest.fixture(scope="module")
def texts() -> tuple[object, list[tuple[str, str, str]]]:
    folder = Path(__file__).resolve().parents[1] / "drafts" / "ctoc-cop-2016-tip"
    records = load_report(folder)
    found, _owners = record_texts(records, build_draft(records, strict=False))
    return text_renderer(records), [(r.pointer, r.template, r.printed) for r in found.values()]


def _words(printed: str, pieces: list) -> list[tuple[int, int]]:  # type: ignore[type-arg]
    """Return the spans of words that lie wholly in literal text (no value printed there)."""
    values, position = [], 0
    for piece in pieces:
        if piece.kind == "value":
            values.append((position, position + len(piece.printed)))
        position += len(piece.printed)
    return [(m.start(), m.end()) for m in re.finditer(r"[A-Za-z]{4,}", printed)
            if not any(s < m.end() and m.start() < e for s, e in values)]


def test_wording_edits_keep_every_expression(texts) -> None:  # type: ignore[no-untyped-def]
    renderer, records = texts
    chance = random.Random(9)
    merged_count = 0
    for pointer, template, printed in records:
        pieces = renderer.pieces(pointer, template, printed)
        assert pieces is not None, f"{pointer}: the pieces of its record text do not print its text"
        words = _words(printed, pieces)
        if not words:
            continue
        start, end = chance.choice(words)
        for edited in (printed[:start] + "rewritten" + printed[end:],  # a word replaced
                       printed[:start] + printed[start:end] + " newly" + printed[end:],  # a word inserted
                       (printed[:start] + printed[end:].lstrip(" ")).strip()):  # a word deleted
            result = merge(pieces, edited)
            assert result.refused == [] and result.expected == edited
            assert renderer.printed(pointer, result.text) == edited, (pointer, result.text)
            assert EXPRESSION.findall(result.text) == EXPRESSION.findall(template)
            merged_count += 1
    assert merged_count >= 3 * 80


def test_a_changed_value_is_refused_and_its_expression_kept(texts) -> None:  # type: ignore[no-untyped-def]
    renderer, records = texts
    refused = 0
    for pointer, template, printed in records:
        pieces = renderer.pieces(pointer, template, printed) or []
        for piece_index, piece in enumerate(pieces):
            if piece.kind != "value" or not piece.printed.isdigit():
                continue
            start = sum(len(p.printed) for p in pieces[:piece_index])
            edited = printed[:start] + str(int(piece.printed) + 1) + printed[start + len(piece.printed):]
            result = merge(pieces, edited)
            assert [r.expression for r in result.refused] == [piece.source]
            assert result.text == template and result.expected == printed
            refused += 1
            break
    assert refused >= 5


def test_editor_text_cannot_become_markup_or_jinja(texts) -> None:  # type: ignore[no-untyped-def]
    renderer, _records = texts
    for text in ("# not a heading", "1. not a list", "*not italic* and [^not-a-note] {{ not.jinja }} {% x %}",
                 "- not an item", "back\\slash <b>tag</b> `code`"):
        assert renderer.printed("/blocks/0", literal(text, at_start=True)) == text
