"""Open a .docx for reading: refuse what is not a readable Word package with one located message."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from secretariat.errors import DocumentError

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a CFB container: encrypted OOXML, or a .doc
_ZIP_MAGIC = b"PK"
_MAX_PART = 256 * 1024 * 1024  # uncompressed; far beyond any report, refuses zip bombs
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
# Entities are never expanded and nothing is fetched: a .docx is untrusted input.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)


def _fail(path: Path, message: str) -> DocumentError:
    """Return the one error for an unreadable .docx: the file, the part if any, what was expected and found."""
    return DocumentError(f"{path}: {message}")


class Package:
    """The parts of an opened .docx, read and parsed on demand."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with open(path, "rb") as handle:
                head = handle.read(8)
        except OSError as e:
            raise _fail(path, f"cannot read the file: {e.strerror or e}") from e
        if head.startswith(_OLE_MAGIC):
            raise _fail(path, "expected a Word .docx, found a password-protected (encrypted) document or an old "
                              "binary .doc; remove the password or save it as .docx in Word, then try again")
        if not head.startswith(_ZIP_MAGIC):
            raise _fail(path, "expected a Word .docx (a zip package), found a file of another kind")
        try:
            self._zip = zipfile.ZipFile(path)
            self._names = {info.filename: info for info in self._zip.infolist()}
        except (zipfile.BadZipFile, OSError, ValueError) as e:
            raise _fail(path, f"expected a Word .docx, found a corrupt zip package ({e})") from e
        self.main = self._main_part()

    def _main_part(self) -> str:
        rels = self.xml("_rels/.rels")
        targets = [r.get("Target", "") for r in rels.iter(_PKG_REL) if r.get("Type", "").endswith(_OFFICE_DOCUMENT)]
        if not targets:
            raise _fail(self.path, "expected a Word document, found a zip package without one")
        main = targets[0].lstrip("/")
        if not main.startswith("word/") or main not in self._names:
            raise _fail(self.path, f"expected a Word document, found a package whose main part is {main!r}")
        return main

    def names(self, prefix: str) -> list[str]:
        """Return the names of the members under prefix, sorted."""
        return sorted(name for name in self._names if name.startswith(prefix))

    def read(self, name: str) -> bytes | None:
        """Return the bytes of a part, None if absent; raise DocumentError if it is corrupt or too large."""
        info = self._names.get(name)
        if info is None:
            return None
        if info.file_size > _MAX_PART:
            raise _fail(self.path, f"expected parts below {_MAX_PART // 2**20} MB, found {name} of "
                                   f"{info.file_size // 2**20} MB once unpacked")
        try:
            return self._zip.read(info)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
            raise _fail(self.path, f"the package is corrupt: {name} cannot be unpacked ({e})") from e

    def xml(self, name: str) -> etree._Element:
        """Return the parsed root of a part (an empty element if absent); raise DocumentError if malformed."""
        data = self.read(name)
        if data is None:
            return etree.Element("absent")
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as e:
            line = f" line {e.lineno}" if e.lineno else ""
            raise _fail(self.path, f"{name}{line}: expected well-formed XML, found {e.msg}") from e

    def relationships(self, source: str) -> list[tuple[str, str, str]]:
        """Return (id, type's last segment, part name) of source's relationships to parts of the package."""
        folder, name = posixpath.split(source)
        rels = self.xml(posixpath.join(folder, "_rels", f"{name}.rels"))
        found: list[tuple[str, str, str]] = []
        for rel in rels.iter(_PKG_REL):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found.append((rel.get("Id", ""), rel.get("Type", "").rsplit("/", 1)[-1], part))
        return found

    def related(self, source: str) -> dict[str, str]:
        """Return the parts related to source by relationship type (last segment) -> part name (the first)."""
        found: dict[str, str] = {}
        for _id, kind, part in self.relationships(source):
            found.setdefault(kind, part)
        return found

    def close(self) -> None:
        """Close the zip file."""
        self._zip.close()
