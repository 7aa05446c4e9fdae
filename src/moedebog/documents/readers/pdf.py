"""PDF reader: pdfium text layer → paragraph lines → the shared segmenter.

Pages are read one at a time and closed before the next, and paragraph lines are handed to
the segmenter through a generator, so memory stays bounded by a page (plus the two pages of
lookahead the header detection keeps as plain Python lines). pdfium is not thread-safe: this
module never starts threads, and callers must not run two readers concurrently in threads.
Scanned PDFs without a text layer are refused: there is no OCR here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from moedebog.documents.errors import DocumentError
from moedebog.documents.readers.pdflayout.furniture import drop_furniture
from moedebog.documents.readers.pdflayout.lines import PageText
from moedebog.documents.readers.pdflayout.paragraphs import Assembler
from moedebog.documents.records import Document, Item
from moedebog.documents.source import Source

__all__ = ["extract_lines", "read"]

#: Refuse documents with more pages than this; no meeting record comes close.
MAX_PAGES = 20_000


@contextmanager
def _open(source: Source) -> Iterator[object]:
    """Open the PDF with pdfium, turning its load errors into Danish reasons."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    data: object = source.path if source.data is None else source.data
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise DocumentError("PDF-filen er krypteret med en adgangskode og kan ikke læses") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise DocumentError("PDF-filen er krypteret med en ukendt sikkerhedsmetode og kan ikke læses") from None
        raise DocumentError("PDF-filen er beskadiget eller ufuldstændig og kan ikke åbnes") from None
    except OSError as exc:
        raise DocumentError(f"kan ikke læse PDF-filen ({exc.strerror or exc})") from None
    try:
        yield pdf
    finally:
        pdf.close()


def _truncated(source: Source) -> bool:
    """True when the file does not end with %%EOF: pdfium may still open what is left."""
    try:
        with source.open() as fh:
            fh.seek(max(source.size - 2048, 0))
            return b"%%EOF" not in fh.read()
    except OSError:
        return False


def _pages(pdf: object, document: Document | None) -> Iterator[PageText]:
    """Each page's visual lines; raises when no page has text at all."""
    import pypdfium2 as pdfium

    from moedebog.documents.readers.pdflayout.page import read_lines

    count = len(pdf)  # type: ignore[arg-type]
    if count > MAX_PAGES:
        raise DocumentError(f"PDF-filen har for mange sider ({count}, højst {MAX_PAGES})")
    empty: list[int] = []
    for index in range(count):
        try:
            page = pdf[index]  # type: ignore[index]
        except pdfium.PdfiumError:
            raise DocumentError(f"PDF-filen er beskadiget (side {index + 1} kan ikke læses)") from None
        try:
            textpage = page.get_textpage()
            try:
                lines, _chars = read_lines(textpage.raw, index + 1)
            finally:
                textpage.close()
            height, width = page.get_height(), page.get_width()
        except pdfium.PdfiumError:
            raise DocumentError(f"PDF-filen er beskadiget (side {index + 1} kan ikke læses)") from None
        finally:
            page.close()
        if not lines:
            empty.append(index + 1)
            continue
        yield PageText(index + 1, width, height, lines)
    if count and len(empty) == count:
        raise DocumentError("PDF-filen har ingen tekst (formentlig en scannet PDF); tekstgenkendelse (OCR) "
                            "understøttes ikke")
    if empty and document is not None:
        shown = ", ".join(map(str, empty[:10])) + (" ..." if len(empty) > 10 else "")
        document.warn(f"{len(empty)} side(r) uden tekst blev sprunget over (scannede sider?): {shown}")


def _lines(pdf: object, document: Document | None) -> Iterator[str]:
    assembler = Assembler()
    for page in drop_furniture(_pages(pdf, document)):
        yield from assembler.page(page)
    yield from assembler.finish()


def extract_lines(source: Source) -> Iterator[str]:
    """The PDF's paragraphs, one per line, without segmentation (for tests and benchmarks)."""
    with _open(source) as pdf:
        yield from _lines(pdf, None)


def read(source: Source, on_item: Callable[[Item], None] | None = None) -> Document:
    """Read a PDF meeting document or letter into records."""
    from moedebog.documents.segmenter import segment

    document = Document(format="pdf")
    with _open(source) as pdf:
        document.pages = len(pdf)  # type: ignore[arg-type]
        if _truncated(source):
            document.warn("PDF-filen ser ud til at være afkortet (mangler %%EOF); indholdet kan være ufuldstændigt")
        document = segment(_lines(pdf, document), document, on_item)
    document.format = "pdf"
    return document
