"""Identities in a draft: a bookmark per paragraph and footnote naming its record, and the made-from part."""

# A bookmark named from the content pointer ("/blocks/5/items/2" -> "_s_blocks_5_items_2") spans the text of
# each heading, paragraph, sub-paragraph and footnote. Word and LibreOffice keep bookmarks through editing
# and saving; a leading "_" hides them from the editor in Word. Names hold letters, digits and "_" only and
# stay far below Word's 40 characters for any realistic pointer: a nested sub-paragraph adds only its index
# ("/blocks/5/items/2/items/0" -> "_s_blocks_5_items_2_0").
# The made-from part (customXml/item1.xml, kept by Word and LibreOffice) records the tool, digests of the
# record files, and per identity the record text and the text as written, so that review can tell the
# editor's changes from changes to the records since.

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Any

from lxml import etree

from secretariat.model import Inline, Origin, Run
from secretariat.word.ooxml import ID, REL_BASE, serialize, w
from secretariat.word.package import Part, relationships

MADE_FROM_NS = "urn:secretariat:made-from"
MADE_FROM_PART = "customXml/item1.xml"
MADE_FROM_PROPS = "customXml/itemProps1.xml"
_ITEM_ID = "{5E0C7E7A-9A11-4C0B-8E3D-000000000009}"  # fixed, so the same draft gives the same bytes
_DS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_START, _END = w("bookmarkStart"), w("bookmarkEnd")
_NAME = re.compile(r"_s_(?:(blocks_\d+(?:_items_\d+(?:_\d+){0,3})?)|fn_(\d+)|(masthead))(_Copy_\d+)?")
MASTHEAD = "masthead"  # the identity of the masthead's asterisk footnote


def bookmark_name(identity: str) -> str:
    """Return the bookmark name for a content pointer ("/footnotes/0" -> "_s_fn_0")."""
    if identity == MASTHEAD:
        return "_s_masthead"
    if identity.startswith("/footnotes/"):
        return "_s_fn_" + identity.removeprefix("/footnotes/")
    block, *items = identity.split("/items/")
    return "_s" + block.replace("/", "_") + ("_items_" + "_".join(items) if items else "")


def identity_of(name: str) -> tuple[str, bool] | None:
    """Return the content pointer a bookmark name encodes and whether the name marks a copy, or None.

    LibreOffice renames a bookmark it meets twice, as in a pasted copy, "…_Copy_1"; it also does so to the
    bookmarks of footnotes on import, so a copy's name counts where the original name is nowhere else.
    """
    match = _NAME.fullmatch(name)
    if match is None:
        return None
    block, note, masthead, copy = match.groups()
    copied = copy is not None
    if masthead:
        return MASTHEAD, copied
    if note is not None:
        return f"/footnotes/{note}", copied
    head, _, items = block.partition("_items_")
    return "/" + head.replace("_", "/") + "".join(f"/items/{i}" for i in items.split("_") if i), copied


class Bookmarks:
    """Hand out bookmark ids (above every footnote and comment id) and mark paragraphs with identities."""

    def __init__(self, first_id: int) -> None:
        self._next = first_id
        self.written: dict[str, str] = {}  # identity -> the text as written, as a reader of the .docx sees it

    def mark(self, p: etree._Element, identity: str, inlines: Iterable[Inline], at: int | None = None) -> None:
        """Span the content of paragraph p from child at (else after its properties) with identity's bookmark.

        In a footnote the bookmark starts after the note's own mark: LibreOffice drops one that starts before it.
        """
        text = "".join(i.text for i in inlines if isinstance(i, Run) and i.change != "deleted")
        self.written[identity] = text.replace("\r\n", "\n").replace("\r", "\n")
        bookmark_id = str(self._next)
        self._next += 1
        first = at if at is not None else 1 if len(p) and p[0].tag == w("pPr") else 0
        p.insert(first, etree.Element(_START, {ID: bookmark_id, w("name"): bookmark_name(identity)}))
        etree.SubElement(p, _END, {ID: bookmark_id})


def made_from_parts(origin: Origin, texts: Mapping[str, str]) -> tuple[list[Part], list[tuple[str, bytes]]]:
    """Return the made-from item and its properties part, and the item's relationships member."""
    rels = relationships([("rId1", REL_BASE + "customXmlProps", MADE_FROM_PROPS.rsplit("/", 1)[1])])
    return ([Part(MADE_FROM_PART, "application/xml", _made_from_item(origin, texts)),
             Part(MADE_FROM_PROPS, "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
                  _made_from_props())],
            [("customXml/_rels/item1.xml.rels", rels)])


def _made_from_item(origin: Origin, texts: Mapping[str, str]) -> bytes:
    """Return the made-from part: origin, digests and, per identity, the record text and the text as written."""
    ns = MADE_FROM_NS
    element = etree.Element(f"{{{ns}}}madeFrom", {"tool": origin.tool, "report": origin.report,
                                                    "symbol": origin.symbol, "records": origin.records},
                            nsmap={None: ns})  # type: ignore[dict-item]
    for name, digest in origin.files:
        etree.SubElement(element, f"{{{ns}}}file", name=name, digest=digest)
    templates = dict(origin.templates)
    for identity, text in texts.items():
        item = etree.SubElement(element, f"{{{ns}}}paragraph", id=identity)
        etree.SubElement(item, f"{{{ns}}}template").text = templates.get(identity, "")
        etree.SubElement(item, f"{{{ns}}}written").text = text
    return serialize(element)


def _made_from_props() -> bytes:
    """Return the custom XML properties part Word expects beside a custom XML item."""
    element = etree.Element(f"{{{_DS_NS}}}datastoreItem", {f"{{{_DS_NS}}}itemID": _ITEM_ID},
                            nsmap={"ds": _DS_NS})
    etree.SubElement(element, f"{{{_DS_NS}}}schemaRefs")
    return serialize(element)


def seal(members: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """Return members with the made-from item stating a digest of every other member, as written."""
    item = etree.fromstring(dict(members)[MADE_FROM_PART])
    item.set("written", written_digest(members))
    return [(name, serialize(item) if name == MADE_FROM_PART else data) for name, data in members]


def written_digest(members: Iterable[tuple[str, bytes]]) -> str:
    """Return the digest of a package's members other than the made-from item, in name order."""
    digest = hashlib.sha256()
    for name, data in sorted(members):
        if name != MADE_FROM_PART:
            digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return "sha256:" + digest.hexdigest()


def read_made_from(element: etree._Element) -> dict[str, Any] | None:
    """Return what a made-from part says as a dict, or None if element is not one."""
    ns = MADE_FROM_NS
    if element.tag != f"{{{ns}}}madeFrom":
        return None
    paragraphs = element.findall(f"{{{ns}}}paragraph")
    return {
        **{key: element.get(key, "") for key in ("tool", "report", "symbol", "records", "written")},
        "files": {f.get("name", ""): f.get("digest", "") for f in element.findall(f"{{{ns}}}file")},
        "templates": {p.get("id", ""): p.findtext(f"{{{ns}}}template", "") for p in paragraphs},
        "texts": {p.get("id", ""): p.findtext(f"{{{ns}}}written", "") for p in paragraphs},
    }
