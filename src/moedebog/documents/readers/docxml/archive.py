"""Safe access to the parts of a DOCX zip archive.

A DOCX file is untrusted input: the zip may be broken, may not be a Word document at all, or
may be a zip bomb (a few kilobytes declaring or expanding to gigabytes). Parts are therefore
read through a stream that counts what it delivers and stops at a size limit, after checking
the sizes and the compression ratio the archive declares.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from typing import BinaryIO

from lxml import etree

from moedebog.documents.errors import DocumentError

#: No part we read may unpack to more than this (bytes); the body of a 2,000-page agenda is far less.
MAX_PART = 256 * 1024 * 1024
#: Small parts (styles, numbering, relationships) have a tighter limit.
MAX_SMALL_PART = 32 * 1024 * 1024
#: XML compresses well, but not this well unless it was built to explode.
MAX_RATIO = 200
#: Below this size a high ratio is harmless (an empty table compresses 300:1).
RATIO_FLOOR = 4 * 1024 * 1024

BOMB = "DOCX-filen pakker ud til for meget data ({what}); den ligner en zip-bombe og læses ikke"
BROKEN = "DOCX-filen er beskadiget ({what})"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def xml_parser() -> etree.XMLParser:
    """An XML parser that never expands entities, loads DTDs or touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_comments=True, remove_pis=True)


class _Counted(io.RawIOBase):
    """A read-only stream over a zip member that refuses to deliver more than ``limit`` bytes."""

    def __init__(self, raw: BinaryIO, info: zipfile.ZipInfo, limit: int) -> None:
        self._raw = raw
        self._info = info
        self._limit = limit
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            n = self._raw.readinto(buffer)  # type: ignore[attr-defined]
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise DocumentError(BROKEN.format(what=f"{self._info.filename}: {exc}")) from None
        self.count += n
        if self.count > self._limit:
            raise DocumentError(BOMB.format(what=f"{self._info.filename} over {self._limit // 2**20} MB"))
        if self.count > RATIO_FLOOR and self.count > MAX_RATIO * max(self._info.compress_size, 1):
            raise DocumentError(BOMB.format(what=f"{self._info.filename} komprimeret mere end {MAX_RATIO}:1"))
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


class Package:
    """An opened DOCX archive; use as a context manager."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        try:
            self.zip = zipfile.ZipFile(stream)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, ValueError, EOFError):
            # NotImplementedError: a damaged header claims a zip version the standard library lacks
            stream.close()
            raise DocumentError("DOCX-filen er ikke et gyldigt zip-arkiv") from None
        self.names = set(self.zip.namelist())

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.zip.close()
        self._stream.close()

    def has(self, name: str) -> bool:
        return name in self.names

    def open(self, name: str, limit: int = MAX_PART) -> io.BufferedReader:
        """A bounded stream over one part, after checking the sizes the archive declares."""
        info = self.zip.getinfo(name)
        if info.flag_bits & 0x1:
            raise DocumentError("DOCX-filen er krypteret og kan ikke læses")
        if info.file_size > limit:
            raise DocumentError(BOMB.format(what=f"{name} fylder {info.file_size // 2**20} MB udpakket"))
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise DocumentError(BOMB.format(what=f"{name} komprimeret mere end {MAX_RATIO}:1"))
        try:
            raw = self.zip.open(info)
        except (zipfile.BadZipFile, NotImplementedError, zlib.error, OSError, ValueError, EOFError) as exc:
            # ValueError: a central directory pointing before the start of the file ("negative seek")
            raise DocumentError(BROKEN.format(what=f"{name}: {exc}")) from None
        return io.BufferedReader(_Counted(raw, info, limit), buffer_size=64 * 1024)

    def parse(self, name: str, limit: int = MAX_SMALL_PART) -> etree._Element | None:
        """A small part parsed as a whole, or None when the archive does not have it."""
        if name not in self.names:
            return None
        with self.open(name, limit) as fh:
            try:
                return etree.parse(fh, xml_parser()).getroot()
            except etree.XMLSyntaxError as exc:
                raise DocumentError(BROKEN.format(what=f"{name} er ikke gyldig XML: {exc}")) from None

    def main_part(self) -> str:
        """The path of the main document part, from the package relationships."""
        rels = self.parse("_rels/.rels")
        if rels is not None:
            for rel in rels.iter(_REL):
                if rel.get("Type") in (OFFICE_DOCUMENT, STRICT_OFFICE_DOCUMENT):
                    target = posixpath.normpath(rel.get("Target", "").lstrip("/"))
                    if target in self.names:
                        return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise DocumentError("ZIP-fil, men ikke et Word-dokument (word/document.xml mangler)")

    def related(self, part: str, rel_type_suffix: str) -> str | None:
        """The part that ``part`` links to with a relationship type ending in ``rel_type_suffix``."""
        folder, base = posixpath.split(part)
        rels = self.parse(posixpath.join(folder, "_rels", base + ".rels"))
        if rels is None:
            return None
        for rel in rels.iter(_REL):
            if rel.get("Type", "").endswith(rel_type_suffix) and rel.get("TargetMode") != "External":
                href = rel.get("Target", "")
                target = posixpath.normpath(href.lstrip("/") if href.startswith("/") else posixpath.join(folder, href))
                if target in self.names:
                    return target
        return None
