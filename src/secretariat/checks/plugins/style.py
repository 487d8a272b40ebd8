"""Style: the UN editorial lint over the rendered text of every record, as a check family."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from secretariat.checks.context import CheckContext
from secretariat.checks.finding import Finding, Severity
from secretariat.errors import Location
from secretariat.lint import CODES as LINT_CODES
from secretariat.lint import FAMILIES, RULES_FILE, Hit, Passage, lint_passages, load_rules

# Symbols in records are the structure check's: the style check does not report them twice.
CODES = {code: text for code, text in LINT_CODES.items() if code != "symbol-malformed"}
_FAMILIES = [name for name in FAMILIES if name != "symbols"]


def passages(ctx: CheckContext) -> Iterator[Passage]:
    """Return the report's texts in document order: headings, paragraphs as rendered, then footnotes."""
    content = str(ctx.folder / "content.json")
    for index, block in enumerate(ctx.records.content):
        pointer = f"/blocks/{index}"
        if "heading" in block:
            yield Passage(str(block["text"]), content, "heading", pointer, f"{pointer}/text")
            continue
        yield _rendered(ctx, content, pointer, f"{pointer}/text", block["text"])
        for item, text in enumerate(block.get("items", [])):
            yield _rendered(ctx, content, f"{pointer}/items/{item}", f"{pointer}/items/{item}", text)
    notes = str(ctx.folder / "footnotes.json")
    for index, note in enumerate(ctx.records.footnotes.values()):
        yield Passage(str(note.get("text", "")), notes, "footnote", None, f"/footnotes/{index}/text")


def _rendered(ctx: CheckContext, file: str, key: str, pointer: str, source: Any) -> Passage:
    block = "/".join(pointer.split("/")[:3])
    return Passage(ctx.rendered.get(key, str(source)), file, "paragraph", block, pointer, markup=str(source))


def run(ctx: CheckContext) -> Iterator[Finding]:
    """Lint the report's texts with the shipped rules and the report folder's own rules file."""
    rules_file = ctx.folder / RULES_FILE
    extra = load_rules(rules_file) if rules_file.is_file() else ()
    for passage, hit in lint_passages(passages(ctx), ctx.report_date, extra, _FAMILIES):
        name = "footnotes.json" if passage.kind == "footnote" else "content.json"
        yield finding_of(passage, hit, ctx.locate(name, passage.pointer or ""))


def finding_of(passage: Passage, hit: Hit, location: Location | None = None) -> Finding:
    """Return the finding of what the lint found: at a record, at a line:column, or at a paragraph and offset."""
    if location is None:
        location = Location(passage.file, *passage.position(hit.start)) if passage.line is not None \
            else Location(passage.file)
    return Finding(code=hit.code, severity=Severity(hit.severity), location=location, message=hit.message,
                   expected=hit.expected, found=hit.found, paragraph=passage.label, check="style",
                   offset=hit.start)
