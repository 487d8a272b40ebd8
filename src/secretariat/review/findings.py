"""Turn a comparison of an edited draft with its records into findings, located in the records."""

from __future__ import annotations

from secretariat.checks.finding import Finding, Severity
from secretariat.model import Comment
from secretariat.review.compare import Comparison
from secretariat.review.layout import numbering_findings, structure_findings
from secretariat.review.located import Located, difference, name, short
from secretariat.review.outcome import CONFLICT, STALE, UNCHANGED, UNMAPPABLE, Outcome
from secretariat.word.reading import ReadParagraph

_OUR_COMMENTS = Comment("", "").author


def review_findings(comparison: Comparison, outcomes: dict[str, Outcome]) -> list[Finding]:
    """Return every finding of a review: changes, values that no longer agree, comments, pending changes."""
    found = Located(comparison)
    if comparison.changed_files:
        found.add("review-records-changed", Severity.WARNING, None,
                  f"the records changed since this draft was made ({', '.join(comparison.changed_files)}): "
                  "paragraphs whose printed text changed since are compared with the text as drafted")
    if comparison.by_text:
        found.add("review-identities-lost", Severity.WARNING, None,
                  f"{comparison.doc.path} has no paragraph identities (pasted into a new document?): its paragraphs "
                  "were matched with the records by their text; check the matches below")
    _paragraphs(found, comparison, outcomes)
    structure_findings(found, comparison)
    _footnotes(found, comparison, outcomes)
    numbering_findings(found, comparison)
    for comment in comparison.doc.comments:
        if comment.author == _OUR_COMMENTS:
            continue  # the checks' own findings, put into the draft by secretariat
        where = comparison.placed_at(comment.paragraph)
        on = name(comparison.doc.paragraphs[comment.paragraph]) if comment.paragraph is not None else "the document"
        found.add("review-comment", Severity.NOTE, where,
                  f"comment by {comment.author or 'an unnamed author'} on {on}: {comment.text}")
    return found.items


def _paragraphs(found: Located, comparison: Comparison, outcomes: dict[str, Outcome]) -> None:
    for paragraph in comparison.doc.paragraphs:
        if paragraph.changes:
            _tracked(found, comparison, paragraph)
    for item in comparison.placed:
        pointer = item.pointer
        if pointer is not None and pointer in outcomes and outcomes[pointer].status != UNCHANGED:
            _edited(found, comparison, item.paragraph, outcomes[pointer])


def _tracked(found: Located, comparison: Comparison, paragraph: ReadParagraph) -> None:
    changes = paragraph.changes
    authors = sorted({c.author or "an unnamed author" for c in changes})
    kinds = ", ".join(f"{c.kind} {short(c.text, 40)}" if c.text else c.kind for c in changes[:4])
    more = f" and {len(changes) - 4} more" if len(changes) > 4 else ""
    said = f"{name(paragraph)} has {len(changes)} pending tracked change(s) by {', '.join(authors)}: {kinds}{more}"
    if comparison.changes == "refuse":
        found.add("review-tracked-change", Severity.WARNING, comparison.placed_at(paragraph.index),
                  f"{said}; accept or reject them in Word, or pass --changes accept|reject")
    else:
        found.add("review-tracked-change", Severity.NOTE, comparison.placed_at(paragraph.index),
                  f"{said}; taken as {comparison.changes}ed, as asked")


def _edited(found: Located, comparison: Comparison, paragraph: ReadParagraph, result: Outcome) -> None:
    pointer = result.pointer
    record = comparison.texts[pointer]
    here = name(paragraph)
    if result.status == STALE:
        drafted, printed = difference(result.drafted, record.printed)
        found.add("review-records-changed", Severity.WARNING, pointer,
                  f"{here} prints {drafted}, but the records now print {printed}: "
                  "draft again to bring the document up to date", record.file,
                  expected=record.printed, found=result.drafted)
        return
    if result.status == CONFLICT:
        found.add("review-conflict", Severity.ERROR, pointer,
                  f"{here}: both the records and the editor changed it since the draft; as drafted "
                  f"{short(result.drafted)}, the records now print {short(record.printed)}, the editor wrote "
                  f"{short(result.edited)}: merge by hand in {record.file}", record.file)
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
                  f"markup the merge cannot place): now {short(result.edited)}; edit {record.file} by hand",
                  record.file)
    elif result.wording_changed:
        code = {"heading": "review-heading-changed", "footnote": "review-footnote-edited"}.get(
            record.kind, "review-paragraph-edited")
        before, after = difference(result.drafted, result.merge.expected if result.merge else result.edited)
        found.add(code, Severity.WARNING, pointer, f"{here} was edited: {before} became {after}", record.file)


def _footnotes(found: Located, comparison: Comparison, outcomes: dict[str, Outcome]) -> None:
    doc = comparison.doc
    holder = {note: item.pointer for item in comparison.placed for note in item.paragraph.notes}
    seen: set[str] = set()
    for index, note in enumerate(doc.footnotes):
        if note.identity == "masthead" or note.label == "*":
            continue
        pointer = comparison.pointer_of(note.identity)
        if pointer is None or pointer not in comparison.texts:
            found.add("review-footnote-added", Severity.WARNING, holder.get(index),
                      f"footnote {note.label} was added: {short(note.text)}; add it to footnotes.json by hand")
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
                      f"the footnote {short(comparison.drafted[pointer])} is no longer in the document",
                      "footnotes.json")


def _as_paragraph(label: str, text: str) -> ReadParagraph:
    return ReadParagraph(kind="footnote", label=f"footnote {label}", text=text, identity=None)


