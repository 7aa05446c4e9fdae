"""Estimated page numbers for the DOCX table of contents.

Word computes real page numbers only when it updates the TOC field; a file written here must
still show numbers, as KL's documents do. The estimate follows the same layout rules as the
PDF (front page, TOC, participants, every heading and item on a new page) with a rough
count of lines per page.
"""

from __future__ import annotations

from math import ceil

from moedebog.documents.records import Document, Item
from moedebog.publish import model

CHARS_PER_LINE = 95
LINES_PER_PAGE = 46


def _lines(text: str) -> float:
    return sum(ceil(max(len(line), 1) / CHARS_PER_LINE) + 0.6 for line in text.split("\n") if line.strip())


def _item_lines(item: Item) -> float:
    lines = 4.0
    for section in item.sections:
        lines += 2 + _lines(section.text)
    return lines + len(model.extra_attachments(item))


def toc_pages(doc: Document, parts: list[model.Part]) -> tuple[int | None, dict[int, int], dict[int, int]]:
    """(participants page, page per part index, page per item id)."""
    entries = len(parts) + len(doc.items) + (1 if doc.participants else 0)
    page = 2 + ceil(entries * 1.3 / LINES_PER_PAGE)  # front page, then the TOC
    participants = None
    if doc.participants:
        participants = page
        lines = len(doc.participants) + 3 * len(model.participant_groups(doc))
        page += ceil(lines / LINES_PER_PAGE)
    part_pages: dict[int, int] = {}
    item_pages: dict[int, int] = {}
    for index, part in enumerate(parts):
        part_pages[index] = page
        used = 3.0 if part.heading is not None else 0.0
        for n, item in enumerate(part.items):
            if n:
                page += 1
                used = 0.0
            item_pages[id(item)] = page
            used += _item_lines(item)
            page += int(used // LINES_PER_PAGE)
            used %= LINES_PER_PAGE
        page += 1
    return participants, part_pages, item_pages
