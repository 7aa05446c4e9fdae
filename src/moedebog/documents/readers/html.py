"""HTML documents: FirstAgenda meeting pages by their DOM, anything else through the segmenter.

A FirstAgenda Publication page names its items, numbers and case numbers in its markup, so it is
mapped directly (readers/firstagenda_page.py). Any other HTML — an agenda saved from a browser,
a Word document exported to HTML — becomes the paragraph lines the shared segmenter reads:
headings with markdown marks, one line per paragraph or line break, "- " list items and
tab-separated table rows.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from moedebog.documents.errors import DocumentError
from moedebog.documents.htmltext import Block, element_blocks, html_blocks, parse_html
from moedebog.documents.readers.firstagenda_page import is_meeting_page, read_page
from moedebog.documents.records import Document, Item
from moedebog.documents.source import Source
from moedebog.documents.textdecode import detect_encoding

_META_CHARSET = re.compile(rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
                           re.IGNORECASE)
#: Labels browsers treat as windows-1252 (WHATWG encoding standard), and UTF-16 labels that
#: cannot be true of a file whose <meta> could be read as ASCII.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252",
              "cp1252"}
_IGNORED = {"utf-16", "utf-16le", "utf-16be", "utf16", "unicode"}


def read(source: Source, on_item: Callable[[Item], None] | None = None) -> Document:
    """Read an HTML file; the registry hands items to ``on_item`` after a page is mapped."""
    text = decode_html(source.read())
    root = parse_html(text)
    if root is None:
        raise DocumentError("HTML-filen har intet indhold")
    if is_meeting_page(root):
        return read_page(root)
    from moedebog.documents.segmenter import segment

    document = Document(format="html")
    return segment(lines_from_blocks(element_blocks(root)), document, on_item)


def decode_html(data: bytes) -> str:
    """Decode by BOM, then by a <meta charset> near the top, then by the content."""
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode(detect_encoding(head), errors="replace")
    declared = _declared_charset(head)
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # the declaration is wrong; trust the bytes
    return data.decode(detect_encoding(data[:65536]), errors="replace")


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii", errors="replace").strip().lower()
    if label in _AS_CP1252:
        return "cp1252"
    if label in _IGNORED:
        return None
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def html_to_lines(html: str) -> list[str]:
    """The paragraph lines of an HTML string, as the segmenter takes them."""
    return lines_from_blocks(html_blocks(html))


def lines_from_blocks(blocks: list[Block]) -> list[str]:
    """Headings as "## Title", paragraph lines as they are, "- " list items, tab-separated rows.

    Every list item gets "- " and no indentation, numbered or not: a line "1. Tekst" or an
    indented line would read to the segmenter as an item number or a continuation.
    """
    lines: list[str] = []
    for block in blocks:
        if block.kind == "heading":
            if block.text:
                lines.append("#" * max(1, min(block.level, 6)) + " " + block.text)
        elif block.kind == "item":
            lines.append("- " + block.text)
        elif block.kind == "row":
            lines.append(block.text)
        else:
            lines.extend(line for line in block.text.split("\n") if line.strip())
    return lines
