"""DOCX reader: Word's document.xml → paragraph lines → the shared segmenter.

The archive is opened defensively (docxml.archive: not a zip, not Word, zip bombs), styles and
numbering are read first because the visible item numbers of KL's documents exist only there,
and the body is streamed block by block into the segmenter. Headers and footers are separate
parts and are not read, so the running header never reaches the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from moedebog.documents.errors import DocumentError
from moedebog.documents.readers.docxml.archive import Package
from moedebog.documents.readers.docxml.body import body_lines
from moedebog.documents.readers.docxml.numbering import Numbering
from moedebog.documents.readers.docxml.styles import Styles
from moedebog.documents.records import Document, Item
from moedebog.documents.source import Source

__all__ = ["extract_lines", "read"]


def _open(source: Source) -> Package:
    try:
        stream = source.open()
    except OSError as exc:
        raise DocumentError(f"kan ikke læse DOCX-filen ({exc.strerror or exc})") from None
    return Package(stream)


def _lines(pkg: Package) -> Iterator[str]:
    main = pkg.main_part()
    styles = Styles(pkg.parse(pkg.related(main, "/styles") or "word/styles.xml"))
    numbering = Numbering(pkg.parse(pkg.related(main, "/numbering") or "word/numbering.xml"))
    with pkg.open(main) as stream:
        yield from body_lines(stream, styles, numbering, main)


def extract_lines(source: Source) -> Iterator[str]:
    """The document's paragraphs, one per line, without segmentation (for tests and benchmarks)."""
    with _open(source) as pkg:
        yield from _lines(pkg)


def read(source: Source, on_item: Callable[[Item], None] | None = None) -> Document:
    """Read a Word meeting document or letter into records."""
    from moedebog.documents.segmenter import segment

    document = Document(format="docx")
    with _open(source) as pkg:
        document = segment(_lines(pkg), document, on_item)
    document.format = "docx"
    return document
