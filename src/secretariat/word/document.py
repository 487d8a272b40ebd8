"""Assemble the whole package of a draft: the document part, its related parts and the properties."""

from __future__ import annotations

from secretariat.model import Draft
from secretariat.word.body import add_blocks
from secretariat.word.comments import Comments
from secretariat.word.footnotes import ASTERISK_ID, Footnotes
from secretariat.word.headers import HEADER_FOOTER_SLOTS, add_section_properties, header_footer_parts
from secretariat.word.identity import MADE_FROM_PART, Bookmarks, made_from_parts, seal
from secretariat.word.layout import LAYOUTS
from secretariat.word.masthead import add_masthead
from secretariat.word.numbering import numbering_part
from secretariat.word.ooxml import CT_BASE, REL_BASE, check_text, root, serialize, sub
from secretariat.word.package import (
    Part,
    app_properties,
    content_types,
    core_properties,
    relationships,
    w3cdtf,
    zip_package,
)
from secretariat.word.pictures import page_one_pictures
from secretariat.word.revisions import Marks
from secretariat.word.settings import settings_part
from secretariat.word.styles import styles_part

_CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"


def build_package(draft: Draft) -> bytes:
    """Return the .docx bytes for draft; raise OutputError if the draft cannot be written."""
    title = draft.title or draft.masthead.title
    check_text(title, "draft.title")
    check_text(draft.language, "draft.language")
    notes = Footnotes(draft.footnotes, draft.footnote_sources)
    when = w3cdtf(draft.masthead.issued)
    first_comment = ASTERISK_ID + 1 + len(draft.footnotes)  # above every footnote id
    comments = Comments(draft.comments, when, first_id=first_comment)
    first_bookmark = first_comment + len(draft.comments)
    bookmarks = Bookmarks(first_bookmark) if draft.origin is not None else None
    # revision ids above every bookmark id: at most one bookmark per block, per footnote and for the masthead
    marks = Marks(draft.revisions, when, first_id=first_bookmark + len(draft.blocks) + len(draft.footnotes) + 1)
    layout = LAYOUTS[draft.presentation.layout]
    pictures = page_one_pictures(draft.masthead, draft.presentation)
    document = root("document")
    body = sub(document, "body")
    placed = add_masthead(body, draft.masthead, layout.text_width, comments, marks)
    asterisk = draft.masthead.agenda_footnote if placed else ""
    add_blocks(body, draft.blocks, notes, comments, bookmarks, marks)
    footnotes = notes.part(asterisk, bookmarks, marks, draft.masthead.changes.get("agenda_footnote", ()))
    heads = header_footer_parts(draft.masthead, marks, pictures)
    related = [
        ("styles", "styles.xml", "styles+xml", comments.styles(styles_part(draft.language, layout))),
        ("settings", "settings.xml", "settings+xml",
         settings_part(draft.language, track=marks.count > 0 and marks.tracking)),
        ("numbering", "numbering.xml", "numbering+xml", numbering_part(layout)),
        ("footnotes", "footnotes.xml", "footnotes+xml", footnotes),
        *comments.place(),
    ]
    counters = {"header": 0, "footer": 0}
    first_footer = ""
    for (kind, slot), data in zip(HEADER_FOOTER_SLOTS, heads, strict=True):
        counters[kind] += 1
        related.append((kind, f"{kind}{counters[kind]}.xml", f"{kind}+xml", data))
        first_footer = f"{kind}{counters[kind]}.xml" if (kind, slot) == ("footer", "first") else first_footer
    rel_ids = [f"rId{i}" for i in range(1, len(related) + 1)]
    add_section_properties(body, rel_ids[-len(HEADER_FOOTER_SLOTS):], layout)
    parts = [Part("word/document.xml", CT_BASE + "document.main+xml", serialize(document))]
    parts += [Part(f"word/{target}", CT_BASE + ct, data) for _rel, target, ct, data in related]
    parts += [
        Part("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml",
             core_properties(title, when, draft.language)),
        Part("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml",
             app_properties()),
    ]
    package_rels = relationships([("rId1", REL_BASE + "officeDocument", "word/document.xml"),
                                  ("rId2", _CORE_REL, "docProps/core.xml"),
                                  ("rId3", REL_BASE + "extended-properties", "docProps/app.xml")])
    rels = [(rel_id, REL_BASE + rel, target) for rel_id, (rel, target, _, _) in zip(rel_ids, related, strict=True)]
    extra: list[tuple[str, bytes]] = []
    if draft.origin is not None and bookmarks is not None:
        made_from, extra = made_from_parts(draft.origin, bookmarks.written)
        parts += made_from
        rels.append((f"rId{len(rels) + 1}", REL_BASE + "customXml", f"../{MADE_FROM_PART}"))
    parts += [Part(f"word/media/{picture.name}", "image/png", picture.data) for picture in pictures]
    members = [("[Content_Types].xml", content_types(parts)), ("_rels/.rels", package_rels),
               ("word/_rels/document.xml.rels", relationships(rels)), *extra]
    if pictures:
        members.append((f"word/_rels/{first_footer}.rels", relationships(
            [(f"rId{i}", REL_BASE + "image", f"media/{picture.name}") for i, picture in enumerate(pictures, 1)])))
    members += [(part.name, part.data) for part in parts]
    return zip_package(seal(members) if extra else members)
