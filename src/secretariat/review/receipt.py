"""Write the applied records atomically, proven to print the edited text first, and keep a receipt."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from secretariat.errors import Location, Problem, ReviewError, SecretariatError
from secretariat.model import Run
from secretariat.pipeline import build_draft
from secretariat.records import ReportRecords
from secretariat.records.jsonfile import JsonFile
from secretariat.render.origin import origin_of
from secretariat.review.apply import Change, plan
from secretariat.review.compare import Comparison
from secretariat.review.newrecords import updated_files, with_files, write_files
from secretariat.review.outcome import Outcome

RECEIPTS = "review"  # REPORT_DIR/review/<UTC time>/receipt.json


@dataclass(frozen=True)
class Applied:
    """What --apply did: the changes, and where its receipt is (None when nothing had to change)."""

    changes: tuple[Change, ...]
    receipt: Path | None
    note: str


def _digest(path: Path) -> str:
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def _already(folder: Path, document: str, records: str) -> tuple[Path, dict[str, str]] | None:
    """Return the receipt of an earlier apply of the same document that left the records as they are now."""
    for receipt in sorted((folder / RECEIPTS).glob("*/receipt.json")):
        try:
            data = json.loads(receipt.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and data.get("document_digest") == document and data.get("records_after") == records:
            pointers = data.get("pointers")
            return receipt, {str(k): str(v) for k, v in pointers.items()} if isinstance(pointers, dict) else {}
    return None


def earlier_apply(records: ReportRecords, document: Path) -> dict[str, str] | None:
    """Return the pointer map of an earlier --apply of this document, if it left the records as they are."""
    try:
        found = _already(records.folder, _digest(document), origin_of(records).records)
    except OSError:
        return None
    return found[1] if found is not None else None


def _prove(comparison: Comparison, files: dict[str, JsonFile], expected: dict[str, str]) -> None:
    """Raise ReviewError unless the new records print, paragraph by paragraph, what the merge expects."""
    draft = build_draft(with_files(comparison, files))
    printed = {b.source: "".join(i.text for i in b.inlines if isinstance(i, Run)) for b in draft.blocks}
    wrong = [pointer for pointer, text in expected.items() if printed.get(pointer) != text]
    if wrong:
        problems = tuple(Problem(Location(str(comparison.records.folder / "content.json"), pointer=p),
                                 f"expected the merged record to print {expected[p][:60]!r}, found "
                                 f"{(printed.get(p) or '')[:60]!r}") for p in wrong)
        raise ReviewError(f"{comparison.doc.path}: nothing was applied: the merge would not print the edited text",
                          problems)


def apply_edits(comparison: Comparison, outcomes: dict[str, Outcome]) -> Applied:
    """Write the edits into the records (all or nothing) and a receipt; raise ReviewError if they cannot all go."""
    folder = comparison.records.folder
    document = _digest(comparison.doc.path)
    before = origin_of(comparison.records).records
    earlier = _already(folder, document, before)
    if earlier is not None:
        return Applied((), None, f"already applied ({earlier[0]}): nothing changed")
    new = plan(comparison, outcomes)
    files = updated_files(comparison, new)
    changed = {name: f for name, f in files.items()
               if name not in comparison.records.files or comparison.records.files[name].data != f.data}
    if not changed:
        return Applied(new.changes, None, "the records already say what the document says: nothing changed")
    _prove(comparison, files, new.expected)
    after = origin_of(with_files(comparison, files)).records
    try:
        write_files(comparison.records, changed)
    except SecretariatError as e:
        raise ReviewError(f"{folder}: nothing was applied: {e}") from e
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    receipt = folder / RECEIPTS / stamp / "receipt.json"
    receipt.parent.mkdir(parents=True, exist_ok=True)
    receipt.write_text(json.dumps({
        "document": str(comparison.doc.path), "document_digest": document, "records_before": before,
        "records_after": after, "files": sorted(changed), "changes": [asdict(c) for c in new.changes],
        "pointers": new.pointers,
    }, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return Applied(new.changes, receipt, f"applied to {', '.join(sorted(changed))}")
