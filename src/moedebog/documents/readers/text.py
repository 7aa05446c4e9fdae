"""Plain text and markdown, as extraction tools leave meeting documents.

A file that fits the sniffer's head is decoded once and its lines go to the segmenter as one
list; a larger one is decoded incrementally and handed on a chunk of lines at a time, so a text
file of any size is read in memory bounded by its largest item.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator

from moedebog.documents.records import Document, Item
from moedebog.documents.segmenter import segment
from moedebog.documents.segmenter.core import Segmenter
from moedebog.documents.segmenter.lines import cleaner_for
from moedebog.documents.source import Source
from moedebog.documents.textdecode import decode_head

_MARKDOWN = re.compile(r"^(#{1,6}\s|\|.*\|\s*$|\s*[-*]\s+\[.*\]\(.*\))", re.MULTILINE)


def read(source: Source, on_item: Callable[[Item], None] | None = None) -> Document:
    head = source.head()
    encoding, sample = decode_head(head)
    fmt = "markdown" if _looks_like_markdown(sample) else "text"
    document = Document(format=fmt)
    if len(head) >= source.size:
        # the head is the whole file (most documents): it is decoded already. splitlines() breaks
        # lines exactly where universal newlines followed by splitlines() would.
        segment(sample.splitlines(), document, on_item, cleaner_for(sample))
        return document
    segmenter = Segmenter(document, on_item)
    with source.open() as raw:
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline=None)
        for cleaner, lines in _chunks(stream):
            segmenter.feed_all(lines, cleaner)
    segmenter.finish()
    return document


def _looks_like_markdown(sample: str) -> bool:
    """Markdown headings, tables or link lists. Each needs a '#', a '|' or a "](", and most
    text has none of them: the regex, which tries every line start, runs only when one is there."""
    return ("#" in sample or "|" in sample or "](" in sample) and _MARKDOWN.search(sample) is not None


#: Text is read in chunks of this many characters: one splitlines() per chunk is much cheaper
#: than iterating the stream line by line, and memory stays bounded.
CHUNK = 1 << 20

#: Every character str.splitlines() ends a line at. A chunk ending in one of them ends with a
#: whole line; only "\n" and "\r" were checked once, which joined a line ending in a form feed
#: (or another break) to the first line of the next chunk.
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def _chunks(stream: io.TextIOWrapper) -> Iterator[tuple[Callable[[str], str], list[str]]]:
    """The text in chunks of whole lines, each as (the cleaner for it, its lines without their
    ends); the chunk's text itself is let go before its lines are segmented. splitlines() also
    ends a line at form feeds and other breaks (page breaks in extracted text)."""
    rest = ""
    while chunk := stream.read(CHUNK):
        text = rest + chunk
        lines = text.splitlines()
        rest = lines.pop() if lines and chunk[-1] not in LINE_BREAKS else ""
        cleaner = cleaner_for(text)
        del text, chunk
        yield cleaner, lines
    if rest:
        yield cleaner_for(rest), [rest]
