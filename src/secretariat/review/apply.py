"""Carry an edited draft's wording back into content.json and footnotes.json: all or nothing, with a receipt."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from secretariat.errors import Location, Problem, ReviewError
from secretariat.review.compare import Comparison, Placed
from secretariat.review.layout import moved
from secretariat.review.located import difference, name
from secretariat.review.merge import literal
from secretariat.review.outcome import MERGED, STALE, UNCHANGED, Outcome

_NOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
_HEADING_STYLE = re.compile(r"[Hh]eading\s?([1-3])$")


@dataclass(frozen=True)
class Change:
    """One change the apply made or refused, for the receipt."""

    action: str  # edited, inserted, deleted, moved, footnote-edited, footnote-removed, value-refused, refused
    file: str
    pointer: str  # in the records as they were
    detail: str
    applied: bool = True


@dataclass(frozen=True)
class Plan:
    """The records after the apply, and the changes that lead there."""

    content: list[dict[str, Any]]
    footnotes: list[dict[str, Any]]
    changes: tuple[Change, ...]
    expected: dict[str, str]  # new pointer -> the text the new records must print
    pointers: dict[str, str]  # the document's pointers -> the new records' (for a later review of it)


def _blockers(comparison: Comparison, outcomes: dict[str, Outcome]) -> list[Problem]:
    """Return why the edits cannot be applied as a whole (nothing is written then)."""
    problems = []
    where = comparison.locate(None)
    if comparison.by_text:
        problems.append(Problem(Location(str(comparison.doc.path)), "the document has no paragraph identities; "
                                "carry its edits over by hand (review lists them)"))
    stale = [name for name in comparison.changed_files if name in ("content.json", "footnotes.json")]
    if stale:
        problems.append(Problem(where, f"{' and '.join(stale)} changed since this draft was made, so its "
                                       "paragraphs may no longer point at the same records; draft again, send the "
                                       "new draft to the editors, or carry the edits over by hand"))
    if comparison.changes == "refuse":
        pending = [p for p in comparison.doc.paragraphs if p.changes]
        if pending:
            problems.append(Problem(Location(str(comparison.doc.path)),
                                    f"{len(pending)} paragraph(s) have pending tracked changes (first: "
                                    f"{name(pending[0])}); accept or reject them in Word, or pass "
                                    "--changes accept|reject"))
    for pointer, result in outcomes.items():
        if result.status not in (UNCHANGED, MERGED, STALE):
            record = comparison.texts[pointer]
            problems.append(Problem(comparison.locate(pointer, record.file),
                                    f"cannot merge the edit ({result.status}): carry it over by hand"))
    return problems


def _text(comparison: Comparison, outcomes: dict[str, Outcome], pointer: str) -> str:
    result = outcomes.get(pointer)
    if result is not None and result.status == MERGED and result.merge is not None:
        return result.merge.text
    return comparison.texts[pointer].template


def _heading_level(item: Placed) -> int:
    style = _HEADING_STYLE.search(item.paragraph.style)
    if style:
        return int(style.group(1))
    return min(3, item.paragraph.label.count(".") + 1) if item.paragraph.label else 1


def plan(comparison: Comparison, outcomes: dict[str, Outcome]) -> Plan:
    """Return the new records; raise ReviewError listing every reason the edits cannot all be applied."""
    problems = _blockers(comparison, outcomes)
    content = comparison.records.content
    changes: list[Change] = []
    blocks: list[dict[str, Any]] = []
    expected: dict[str, str] = {}
    pointers: dict[str, str] = {}
    owner: int | None = None
    for item in comparison.placed:
        pointer, kind = item.pointer, item.paragraph.kind
        text = literal(item.text, at_start=True) if pointer is None else _text(comparison, outcomes, pointer)
        result = outcomes.get(pointer) if pointer is not None else None
        prints = result.merge.expected if result is not None and result.merge is not None else item.text
        if pointer is None:
            changes.append(Change("inserted", "content.json", "", f"{name(item.paragraph)}: {item.text[:80]}"))
        if (pointer is not None and "/items/" in pointer) or (pointer is None and kind == "subparagraph"):
            if owner is None:
                problems.append(Problem(comparison.locate(pointer), f"{name(item.paragraph)} is a sub-paragraph "
                                                                    "with no paragraph above it"))
                continue
            items = blocks[owner].setdefault("items", [])
            expected[f"/blocks/{owner}/items/{len(items)}"] = prints
            pointers[pointer or f"#{item.paragraph.index}"] = f"/blocks/{owner}/items/{len(items)}"
            items.append(text)
            continue
        if pointer is None:  # a new paragraph gets a stable id made from its text, as intake does for rows
            from secretariat.intake.nest import make_id  # only here: intake loads the workbook library
            block: dict[str, Any] = {"heading": _heading_level(item)} if kind == "heading" else {
                "id": make_id({"title": item.text})}
        else:
            block = copy.deepcopy(content[int(pointer.split("/")[2])])
            block.pop("items", None)
        block["text"] = text
        blocks.append(block)
        expected[f"/blocks/{len(blocks) - 1}"] = prints
        pointers[pointer or f"#{item.paragraph.index}"] = f"/blocks/{len(blocks) - 1}"  # "#12": inserted
        owner = None if "heading" in block else len(blocks) - 1
    for block in blocks:
        if "items" in block and not block["items"]:
            del block["items"]
    changes += _edits(comparison, outcomes)
    order = {pointer: index for index, pointer in enumerate(comparison.texts)}
    changes += [Change("moved", "content.json", str(i.pointer), name(i.paragraph))
                for i in moved(comparison.placed, order)]
    present = {item.pointer for item in comparison.placed}
    changes += [Change("deleted", "content.json", p, comparison.drafted[p][:80])
                for p, t in comparison.texts.items() if t.kind != "footnote" and p not in present]
    notes, note_changes, note_pointers = _footnotes(comparison, outcomes, blocks)
    changes += note_changes
    pointers.update(note_pointers)
    if problems:
        raise ReviewError(f"{comparison.doc.path}: nothing was applied, for the {len(problems)} reason(s) below",
                          tuple(problems))
    return Plan(blocks, notes, tuple(changes), expected, pointers)


def _edits(comparison: Comparison, outcomes: dict[str, Outcome]) -> list[Change]:
    changes = []
    for pointer, result in outcomes.items():
        record = comparison.texts[pointer]
        if result.merge is None or result.status != MERGED:
            continue
        for refusal in result.merge.refused:
            changes.append(Change("value-refused", record.file, pointer, f"{refusal.drafted!r} stays (the editor "
                                  f"wrote {refusal.edited!r}); it comes from {refusal.expression}", applied=False))
        if result.wording_changed:
            action = "footnote-edited" if record.kind == "footnote" else "edited"
            before, after = difference(result.drafted, result.merge.expected)
            changes.append(Change(action, record.file, pointer, f"{before} -> {after}"))
    return changes


def _footnotes(comparison: Comparison, outcomes: dict[str, Outcome], blocks: list[dict[str, Any]]
               ) -> tuple[list[dict[str, Any]], list[Change], dict[str, str]]:
    """Return footnotes.json's notes: edited text merged; notes whose reference went with its paragraph removed."""
    referenced = {m for b in blocks for text in (b["text"], *b.get("items", [])) for m in _NOTE_REF.findall(text)}
    notes: list[dict[str, Any]] = []
    changes: list[Change] = []
    pointers: dict[str, str] = {}
    for index, (key, note) in enumerate(comparison.records.footnotes.items()):
        pointer = f"/footnotes/{index}"
        if key not in referenced:
            changes.append(Change("footnote-removed", "footnotes.json", pointer,
                                  f"{key!r}: its reference went with the paragraph that held it"))
            continue
        pointers[pointer] = f"/footnotes/{len(notes)}"
        notes.append({**note, "text": _text(comparison, outcomes, pointer)})
    added = [n for n in comparison.doc.footnotes if n.identity is None and n.label != "*"]
    changes += [Change("refused", "footnotes.json", "", f"footnote {n.label} added by the editor ({n.text[:60]!r}):"
                       " add it to footnotes.json and its reference to content.json by hand", applied=False)
                for n in added]
    return notes, changes, pointers
