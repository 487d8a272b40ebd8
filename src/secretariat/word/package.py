"""Write the OPC package: content types, relationships, properties and a reproducible zip."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO

from lxml import etree

from secretariat.word.ooxml import serialize

_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_CORE_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FALLBACK_TIME = "1980-01-01T00:00:00Z"
AUTHOR = "United Nations"


@dataclass(frozen=True)
class Part:
    """One part of the package: its zip member name, content type and bytes."""

    name: str  # e.g. "word/styles.xml"
    content_type: str
    data: bytes


def relationships(rels: Sequence[tuple[str, str, str]]) -> bytes:
    """Return a relationships part for (id, type, target) triples."""
    element = etree.Element(f"{{{_PKG_REL}}}Relationships", nsmap={None: _PKG_REL})  # type: ignore[dict-item]
    for rel_id, rel_type, target in rels:
        etree.SubElement(element, f"{{{_PKG_REL}}}Relationship", Id=rel_id, Type=rel_type, Target=target)
    return serialize(element)


def content_types(parts: Sequence[Part]) -> bytes:
    """Return [Content_Types].xml: defaults for rels and xml, an override for every part."""
    element = etree.Element(f"{{{_CT_NS}}}Types", nsmap={None: _CT_NS})  # type: ignore[dict-item]
    etree.SubElement(element, f"{{{_CT_NS}}}Default", Extension="rels",
                     ContentType="application/vnd.openxmlformats-package.relationships+xml")
    etree.SubElement(element, f"{{{_CT_NS}}}Default", Extension="xml", ContentType="application/xml")
    for part in parts:
        etree.SubElement(element, f"{{{_CT_NS}}}Override", PartName=f"/{part.name}",
                         ContentType=part.content_type)
    return serialize(element)


def w3cdtf(day: date | None) -> str:
    """Return a date as 2016-06-14T00:00:00Z, or a fixed time if there is none."""
    return _FALLBACK_TIME if day is None else f"{day.isoformat()}T00:00:00Z"


def core_properties(title: str, when: str, language: str) -> bytes:
    """Return docProps/core.xml with fixed author, revision 1, created = modified = when, no lastPrinted."""
    ns = _CORE_NS
    element = etree.Element(f"{{{ns['cp']}}}coreProperties", nsmap=ns)
    for tag, text in (("dc:title", title), ("dc:creator", AUTHOR), ("cp:lastModifiedBy", AUTHOR),
                      ("cp:revision", "1"), ("dc:language", language),
                      ("dcterms:created", when), ("dcterms:modified", when)):
        prefix, local = tag.split(":")
        child = etree.SubElement(element, f"{{{ns[prefix]}}}{local}")
        child.text = text
        if prefix == "dcterms":
            child.set(f"{{{ns['xsi']}}}type", "dcterms:W3CDTF")
    return serialize(element)


def app_properties() -> bytes:
    """Return docProps/app.xml naming the generator."""
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    element = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns})  # type: ignore[dict-item]
    etree.SubElement(element, f"{{{ns}}}Application").text = "secretariat"
    return serialize(element)


def zip_package(members: Sequence[tuple[str, bytes]]) -> bytes:
    """Return the zip of members in the given order with fixed timestamps and attributes."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data)
    return buffer.getvalue()
