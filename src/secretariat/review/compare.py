"""Place the paragraphs of an edited draft against the records they were made from."""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from secretariat.errors import Location, ReviewError
from secretariat.model import Draft, FootnoteRef, Run
from secretariat.records import ReportRecords
from secretariat.render.origin import origin_of
from secretariat.render.printed import TextRenderer
from secretariat.word.reading import ReadDocument, ReadParagraph

BODY_KINDS = ("heading", "paragraph", "subparagraph")
CHANGES = ("refuse", "accept", "reject")  # what to do with pending tracked changes
_CLOSE_ENOUGH = 0.6  # similarity of a paragraph's text to a record's for matching without identities


@dataclass(frozen=True)
class RecordText:
    """One record text: a heading, paragraph, sub-paragraph or footnote, as the records print it now."""

    pointer: str
    kind: str  # "heading" | "paragraph" | "subparagraph" | "footnote"
    file: str  # "content.json" | "footnotes.json"
    template: str
    printed: str
    level: int = 0  # of a heading


@dataclass
class Placed:
    """A body paragraph of the edited document, with the record it came from (None if inserted)."""

    paragraph: ReadParagraph
    text: str  # as edited, pending changes accepted or rejected as asked
    pointer: str | None
    joined: tuple[str, ...] = ()  # records of paragraphs the editor merged into this one, after pointer


@dataclass
class Comparison:
    """An edited document set against the records."""

    doc: ReadDocument
    records: ReportRecords
    renderer: TextRenderer
    texts: dict[str, RecordText]  # in record order: blocks, their items, then footnotes
    placed: list[Placed]
    drafted: dict[str, str]  # the text of each record as drafted (as printed now, without a made-from part)
    by_text: bool = False  # matched by text: the document has no identities
    changed_files: tuple[str, ...] = ()  # record files changed since the draft was made
    note_owner: dict[str, str] = field(default_factory=dict)  # footnote pointer -> paragraph referencing it
    changes: str = "refuse"  # what was asked for pending tracked changes
    applied: dict[str, str] | None = None  # the document's pointers -> the records' after an earlier --apply
    _at: dict[int, str | None] = field(default_factory=dict)  # document paragraph index -> record pointer

    def pointer_of(self, identity: str | None) -> str | None:
        """Return the record pointer an identity in the document names now."""
        if identity is None:
            return None
        return identity if self.applied is None else self.applied.get(identity)

    def placed_at(self, index: int | None) -> str | None:
        """Return the record pointer of the document paragraph at index (None if inserted or elsewhere)."""
        if not self._at and self.placed:
            self._at.update((item.paragraph.index, item.pointer) for item in self.placed)
        return self._at.get(index) if index is not None else None

    def locate(self, pointer: str | None, file: str = "content.json") -> Location:
        """Return the location of a pointer in a record file, with line and column."""
        record = self.records.files.get(file)
        if record is None or pointer is None:
            return Location(str(self.records.folder / file), pointer=pointer)
        return record.locate(pointer)


def record_texts(records: ReportRecords, draft: Draft) -> tuple[dict[str, RecordText], dict[str, str]]:
    """Return every record text by pointer, and which paragraph references each footnote."""
    printed: dict[str, str] = {}
    owner: dict[str, str] = {}
    for shown in draft.blocks:
        printed[shown.source] = "".join(i.text for i in shown.inlines if isinstance(i, Run))
        for inline in shown.inlines:
            if isinstance(inline, FootnoteRef) and inline.key in draft.footnote_sources:
                owner[draft.footnote_sources[inline.key]] = shown.source
    for key, inlines in draft.footnotes.items():
        printed[draft.footnote_sources.get(key, key)] = "".join(i.text for i in inlines if isinstance(i, Run))
    texts: dict[str, RecordText] = {}
    for index, block in enumerate(records.content):
        pointer = f"/blocks/{index}"
        kind = "heading" if "heading" in block else "paragraph"
        texts[pointer] = RecordText(pointer, kind, "content.json", block["text"], printed.get(pointer, ""),
                                    int(block.get("heading", 0)))
        for i, item in enumerate(block.get("items", [])):
            texts[f"{pointer}/items/{i}"] = RecordText(f"{pointer}/items/{i}", "subparagraph", "content.json",
                                                       item, printed.get(f"{pointer}/items/{i}", ""))
    for i, note in enumerate(records.footnotes.values()):
        texts[f"/footnotes/{i}"] = RecordText(f"/footnotes/{i}", "footnote", "footnotes.json", note["text"],
                                              printed.get(f"/footnotes/{i}", ""))
    return texts, owner


def _same_report(made_from: dict[str, Any], records: ReportRecords, path: str) -> None:
    """Raise ReviewError if the draft was made from another report's records."""
    symbol = str(records.report.get("symbol") or "")
    if made_from["report"] != records.folder.resolve().name and made_from["symbol"] != symbol:
        raise ReviewError(f"{path}: expected a draft of {records.folder} ({symbol or 'no symbol'}), found a draft of "
                          f"another report: {made_from['report']} ({made_from['symbol'] or 'no symbol'}); review it "
                          "against that report's folder")


def _by_text(placed: list[Placed], texts: dict[str, RecordText], drafted: dict[str, str], path: str) -> None:
    """Match paragraphs to records by their text; raise ReviewError if too few match to be this report."""
    body = [t for t in texts.values() if t.kind != "footnote"]
    exact: dict[str, list[str]] = {}
    for record in body:
        exact.setdefault(drafted.get(record.pointer, record.printed), []).append(record.pointer)
    free = {t.pointer for t in body}
    order = {pointer: index for index, pointer in enumerate(texts)}
    for item in placed:
        candidates = [p for p in exact.get(item.text, []) if p in free]
        if candidates:
            item.pointer = candidates[0]
            free.discard(candidates[0])
    for item in placed:
        if item.pointer is not None:
            continue
        best, score = None, _CLOSE_ENOUGH
        for pointer in sorted(free, key=order.__getitem__):
            matcher = SequenceMatcher(None, drafted.get(pointer, texts[pointer].printed), item.text, autojunk=False)
            if matcher.quick_ratio() >= score and matcher.ratio() >= score:
                best, score = pointer, matcher.ratio()
        if best is not None:
            item.pointer = best
            free.discard(best)
    if sum(1 for item in placed if item.pointer is not None) * 2 < len(body):
        raise ReviewError(f"{path}: expected a draft of this report, found a document whose paragraphs match "
                          f"{sum(1 for i in placed if i.pointer)} of the report's {len(body)}; it is not a draft "
                          "of this report (or too little of it is left to compare)")


def compare(doc: ReadDocument, records: ReportRecords, draft: Draft, renderer: TextRenderer,
            changes: str = "refuse", applied: dict[str, str] | None = None) -> Comparison:
    """Set an edited document against the records; raise ReviewError if it is not a draft of this report.

    applied maps the document's pointers to the records' when an earlier --apply of it renumbered them.
    """
    path = str(doc.path)
    texts, owner = record_texts(records, draft)
    made_from = doc.made_from
    changed: tuple[str, ...] = ()
    if made_from is not None and applied is not None:
        made_from = {**made_from, "files": dict(origin_of(records).files),
                     "texts": {applied[k]: v for k, v in made_from["texts"].items() if k in applied}}
    if made_from is not None:
        _same_report(made_from, records, path)
        now = dict(origin_of(records).files)
        changed = tuple(sorted(name for name in set(now) | set(made_from["files"])
                               if now.get(name) != made_from["files"].get(name)))
    drafted = {p: made_from["texts"].get(p, t.printed) if made_from else t.printed for p, t in texts.items()}
    placed: list[Placed] = []
    seen: set[str] = set()
    for paragraph in doc.paragraphs:
        text = (paragraph.rejected if changes == "reject" else paragraph.text).strip()  # as Markdown prints it
        if paragraph.kind == "masthead" or not text.strip():
            continue  # an emptied paragraph is a deleted one
        found = [i if applied is None else applied.get(i) for i in paragraph.identities or (f"#{paragraph.index}",)]
        ours = [i for i in dict.fromkeys(found) if i in texts and i not in seen and texts[i].kind != "footnote"]
        seen.update(ours)
        placed.append(Placed(paragraph, text, ours[0] if ours else None, tuple(ours[1:])))
    by_text = not seen
    if by_text:
        _by_text(placed, texts, drafted, path)
    return Comparison(doc, records, renderer, texts, placed, drafted, by_text, changed, owner, changes, applied)
