"""Turn a comparison of an edited draft with its records into findings, located in the records."""

from __future__ import annotations

import re
from bisect import bisect_left

from secretariat.checks.finding import Finding, Severity
from secretariat.model import Comment
from secretariat.review.compare import Comparison, Placed
from secretariat.review.outcome import CONFLICT, STALE, UNCHANGED, UNMAPPABLE, Outcome
from secretariat.word.reading import ReadParagraph

_FIGURE = re.compile(r"fig\[\s*['\"]([^'\"]+)['\"]\s*\]")
_TYPED_NUMBER = re.compile(r"\s*(\d+[.)]|\([a-z]{1,3}\))\s")
_BLOCK = re.compile(r"^/blocks/\d+")
_OUR_COMMENTS = Comment("", "").author


def name(paragraph: ReadParagraph) -> str:
    """Return how a person finds a paragraph in the document: its printed number, else its first words."""
    if paragraph.kind == "footnote":
        return paragraph.label
    noun = "heading" if paragraph.kind == "heading" else "paragraph"
    if paragraph.label:
        return f"{noun} {paragraph.label}"
    words = paragraph.text.strip()
    return f"the {noun} starting {words[:40] + ('…' if len(words) > 40 else '')!r}"


def _short(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


class _Findings:
    """Collect review findings, each located at a record."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.items: list[Finding] = []

    def add(self, code: str, severity: Severity, pointer: str | None, message: str, file: str = "content.json",
            expected: str | None = None, found: str | None = None) -> None:
        block = _BLOCK.match(pointer) if pointer and file == "content.json" else None
        self.items.append(Finding(code, severity, self.comparison.locate(pointer, file), message, expected, found,
                                  block.group() if block else None, "review"))

    def value_source(self, expression: str) -> str:
        """Return the record a {{ … }} expression prints, as a person would look it up."""
        figure = _FIGURE.search(expression)
        figures = list(self.comparison.records.figures)
        if figure and figure.group(1) in figures:
            return f"figure {figure.group(1)!r} (figures.json /figures/{figures.index(figure.group(1))})"
        if "report." in expression:
            return f"report.json ({expression.strip('{} ')})"
        return f"the records ({expression.strip('{} ')})"


def review_findings(comparison: Comparison, outcomes: dict[str, Outcome]) -> list[Finding]:
    """Return every finding of a review: changes, values that no longer agree, comments, pending changes."""
    found = _Findings(comparison)
    if comparison.changed_files:
        found.add("review-records-changed", Severity.WARNING, None,
                  f"the records changed since this draft was made ({', '.join(comparison.changed_files)}): "
                  "paragraphs whose printed text changed since are compared with the text as drafted")
    if comparison.by_text:
        found.add("review-identities-lost", Severity.WARNING, None,
                  f"{comparison.doc.path} has no paragraph identities (pasted into a new document?): its paragraphs "
                  "were matched with the records by their text; check the matches below")
    _paragraphs(found, comparison, outcomes)
    _structure(found, comparison)
    _footnotes(found, comparison, outcomes)
    _numbering(found, comparison)
    for comment in comparison.doc.comments:
        if comment.author == _OUR_COMMENTS:
            continue  # the checks' own findings, put into the draft by secretariat
        where = comparison.placed_at(comment.paragraph)
        on = name(comparison.doc.paragraphs[comment.paragraph]) if comment.paragraph is not None else "the document"
        found.add("review-comment", Severity.NOTE, where,
                  f"comment by {comment.author or 'an unnamed author'} on {on}: {comment.text}")
    return found.items


def _paragraphs(found: _Findings, comparison: Comparison, outcomes: dict[str, Outcome]) -> None:
    for paragraph in comparison.doc.paragraphs:
        if paragraph.changes:
            _tracked(found, comparison, paragraph)
    for item in comparison.placed:
        pointer = item.pointer
        if pointer is not None and pointer in outcomes and outcomes[pointer].status != UNCHANGED:
            _edited(found, comparison, item.paragraph, outcomes[pointer])


def _tracked(found: _Findings, comparison: Comparison, paragraph: ReadParagraph) -> None:
    changes = paragraph.changes
    authors = sorted({c.author or "an unnamed author" for c in changes})
    kinds = ", ".join(f"{c.kind} {_short(c.text, 40)}" if c.text else c.kind for c in changes[:4])
    more = f" and {len(changes) - 4} more" if len(changes) > 4 else ""
    said = f"{name(paragraph)} has {len(changes)} pending tracked change(s) by {', '.join(authors)}: {kinds}{more}"
    if comparison.changes == "refuse":
        found.add("review-tracked-change", Severity.WARNING, comparison.placed_at(paragraph.index),
                  f"{said}; accept or reject them in Word, or pass --changes accept|reject")
    else:
        found.add("review-tracked-change", Severity.NOTE, comparison.placed_at(paragraph.index),
                  f"{said}; taken as {comparison.changes}ed, as asked")


def _edited(found: _Findings, comparison: Comparison, paragraph: ReadParagraph, result: Outcome) -> None:
    pointer = result.pointer
    record = comparison.texts[pointer]
    here = name(paragraph)
    if result.status == STALE:
        found.add("review-records-changed", Severity.WARNING, pointer,
                  f"{here} prints {_short(result.drafted)}, but the records now print {_short(record.printed)}: "
                  "draft again to bring the document up to date", record.file,
                  expected=record.printed, found=result.drafted)
        return
    if result.status == CONFLICT:
        found.add("review-conflict", Severity.ERROR, pointer,
                  f"{here}: both the records and the editor changed it since the draft; as drafted "
                  f"{_short(result.drafted)}, the records now print {_short(record.printed)}, the editor wrote "
                  f"{_short(result.edited)}: merge by hand in {record.file}", record.file)
        return
    for refusal in result.merge.refused if result.merge else []:
        source = found.value_source(refusal.expression)
        found.add("review-value-changed", Severity.ERROR, pointer,
                  f"{here} prints {refusal.edited.strip() or 'nothing'} where {source} gives "
                  f"{refusal.drafted.strip()}: the record decides; if the editor is right, correct the record",
                  record.file, expected=refusal.drafted.strip(), found=refusal.edited.strip() or "nothing")
    if result.status == UNMAPPABLE:
        found.add("review-paragraph-edited", Severity.WARNING, pointer,
                  f"{here} was edited, and its record text cannot be merged automatically (statements, or "
                  f"markup the merge cannot place): now {_short(result.edited)}; edit {record.file} by hand",
                  record.file)
    elif result.wording_changed:
        code = "review-heading-changed" if record.kind == "heading" else "review-paragraph-edited"
        found.add(code, Severity.WARNING, pointer, f"{here} was edited: {_short(result.drafted)} became "
                  f"{_short(result.merge.expected if result.merge else result.edited)}", record.file)


def _structure(found: _Findings, comparison: Comparison) -> None:
    """Report paragraphs inserted, deleted and moved."""
    order = {pointer: index for index, pointer in enumerate(comparison.texts)}
    previous: str | None = None
    for item in comparison.placed:
        if item.pointer is None:
            where = f"after {previous}" if previous else "before the first block"
            found.add("review-paragraph-inserted", Severity.WARNING, previous,
                      f"{name(item.paragraph)} was inserted ({where}): {_short(item.text)}")
        else:
            previous = item.pointer
    present = {item.pointer for item in comparison.placed if item.pointer is not None}
    for pointer, record in comparison.texts.items():
        if record.kind != "footnote" and pointer not in present:
            noun = "heading" if record.kind == "heading" else record.kind.replace("sub", "sub-")
            found.add("review-paragraph-deleted", Severity.WARNING, pointer,
                      f"the {noun} {_short(comparison.drafted[pointer])} was deleted")
    for item in moved(comparison.placed, order):
        found.add("review-paragraph-moved", Severity.WARNING, item.pointer,
                  f"{name(item.paragraph)} was moved: {_short(item.text)}")


def moved(placed: list[Placed], order: dict[str, int]) -> list[Placed]:
    """Return the placed paragraphs out of record order: all but a longest run that keeps the order."""
    known = [item for item in placed if item.pointer is not None]
    ranks = [order[item.pointer] for item in known if item.pointer is not None]
    tails: list[int] = []  # patience sorting: index into ranks of the smallest tail of each length
    parent = [-1] * len(ranks)
    tail_ranks: list[int] = []
    for index, rank in enumerate(ranks):
        position = bisect_left(tail_ranks, rank)
        if position == len(tail_ranks):
            tail_ranks.append(rank)
            tails.append(index)
        else:
            tail_ranks[position] = rank
            tails[position] = index
        parent[index] = tails[position - 1] if position else -1
    keep: set[int] = set()
    index = tails[-1] if tails else -1
    while index >= 0:
        keep.add(index)
        index = parent[index]
    return [item for index, item in enumerate(known) if index not in keep]


def _footnotes(found: _Findings, comparison: Comparison, outcomes: dict[str, Outcome]) -> None:
    doc = comparison.doc
    holder = {note: item.pointer for item in comparison.placed for note in item.paragraph.notes}
    seen: set[str] = set()
    for index, note in enumerate(doc.footnotes):
        if note.identity == "masthead" or note.label == "*":
            continue
        pointer = comparison.pointer_of(note.identity)
        if pointer is None or pointer not in comparison.texts:
            found.add("review-footnote-added", Severity.WARNING, holder.get(index),
                      f"footnote {note.label} was added: {_short(note.text)}; add it to footnotes.json by hand")
            continue
        seen.add(pointer)
        expected_owner = comparison.note_owner.get(pointer)
        if holder.get(index) != expected_owner and holder.get(index) is not None:
            found.add("review-footnote-moved", Severity.WARNING, pointer,
                      f"footnote {note.label} is now referenced from {holder.get(index)}, not {expected_owner}",
                      "footnotes.json")
        result = outcomes.get(pointer)
        if result is not None and result.status != UNCHANGED:
            _edited(found, comparison, _as_paragraph(note.label, note.text), result)
    for pointer, record in comparison.texts.items():
        if record.kind == "footnote" and pointer not in seen:
            found.add("review-footnote-lost", Severity.WARNING, pointer,
                      f"the footnote {_short(comparison.drafted[pointer])} is no longer in the document",
                      "footnotes.json")


def _as_paragraph(label: str, text: str) -> ReadParagraph:
    return ReadParagraph(kind="footnote", label=f"footnote {label}", text=text, identity=None)


def _numbering(found: _Findings, comparison: Comparison) -> None:
    """Report body paragraphs no longer numbered by Word: typed numbers, numbering removed or restarted."""
    last = 0
    for paragraph in comparison.doc.paragraphs:
        pointer = comparison.placed_at(paragraph.index)
        kind = comparison.texts[pointer].kind if pointer is not None else paragraph.kind
        if kind not in ("paragraph", "subparagraph"):
            continue
        if not paragraph.numbered and paragraph.text.strip():
            typed = _TYPED_NUMBER.match(paragraph.text)
            how = f"its number {typed.group(1)!r} is typed" if typed else "it has lost its number"
            found.add("review-numbering-not-live", Severity.WARNING, pointer,
                      f"{name(paragraph)}: expected Word numbering, found that {how}; apply the paragraph style "
                      "again so that Word numbers it")
        elif kind == "paragraph" and paragraph.label.isdigit():
            number = int(paragraph.label)
            if number != last + 1:
                found.add("review-numbering-not-live", Severity.WARNING, pointer,
                          f"{name(paragraph)}: expected number {last + 1}, found the numbering restarted or "
                          "skipped; continue the list in Word", expected=str(last + 1), found=str(number))
            last = number
