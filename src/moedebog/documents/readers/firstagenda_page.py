"""A FirstAgenda Publication meeting web page → Document, read from its DOM.

The public page (``/vis?id=...`` on dagsordener.<kommune>.dk) is the same meeting as the JSON
API, rendered: a head (committee, date, place), then one ``.punktrow`` per item holding the
number label, the title (``.overskrift``), the case number (``.sagsnummer``), the item HTML in
``.punkt`` (the same templates as the API's ``Felter[].Html``) and the attachment links
(``a.bilag-link``). Reading those elements directly keeps every item boundary and title exact,
which a text segmenter could only guess at.
"""

from __future__ import annotations

import re

from lxml import etree

from moedebog.documents.htmltext import element_blocks, element_text
from moedebog.documents.itemhtml import sections_from_blocks
from moedebog.documents.readers.firstagenda import settle_kind
from moedebog.documents.records import Attachment, Document, Item, Participant

_MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
           "oktober", "november", "december")
_NAMED_DATE = re.compile(r"(\d{1,2})\.?\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b")
_TIME = re.compile(r"\bkl\.?\s*(\d{1,2})[.:](\d{2})\b|\b(\d{1,2}):(\d{2})\b", re.IGNORECASE)
_CLOSED = re.compile(r"^\s*lukket\s*(?:punkt)?\s*:", re.IGNORECASE)
_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_ABSENT = re.compile(r"\s*\((?:afbud|fravær|fraværende)\)\s*$|\s*[-–]\s*(?:afbud|fravær)\s*$", re.IGNORECASE)


def _having_class(root: etree._Element, name: str) -> list[etree._Element]:
    return root.xpath(f'.//*[contains(concat(" ", normalize-space(@class), " "), " {name} ")]')


def is_meeting_page(root: etree._Element) -> bool:
    """Whether a parsed HTML document is a FirstAgenda Publication meeting page."""
    return bool(_having_class(root, "punktrow")) and bool(_having_class(root, "overskrift"))


def read_page(root: etree._Element) -> Document:
    """Map the page's elements to a Document."""
    document = Document(format="firstagenda-html")
    document.body = _first_text(root, "udvalg")
    document.location = _first_text(root, "sted")
    for element in _having_class(root, "dato"):
        text = element_text(element)
        document.start = document.start or danish_datetime(text)
        if document.name is None and "title" in (element.getparent().get("class") or "").split():
            prefix = re.match(r"\s*([^\d]+?)\s+\d", text)
            document.name = prefix.group(1).strip() if prefix else None
    document.participants = _participants(root)
    date = document.start[:10] if document.start else None
    for index, row in enumerate(_having_class(root, "punktrow"), start=1):
        document.items.append(_item(row, index, document.body, date))
    settle_kind(document)
    return document


def _first_text(root: etree._Element, name: str) -> str | None:
    for element in _having_class(root, name):
        text = element_text(element)
        if text:
            return text
    return None


def danish_datetime(text: str) -> str | None:
    """"onsdag den 1. oktober 2025 kl. 15.45" → "2025-10-01T15:45" (or only the date)."""
    named = _NAMED_DATE.search(text)
    if named:
        day, month, year = int(named.group(1)), _MONTHS.index(named.group(2).lower()) + 1, named.group(3)
        rest = text[named.end():]
    else:
        numeric = _NUMERIC_DATE.search(text)
        if not numeric:
            return None
        day, month, year = int(numeric.group(1)), int(numeric.group(2)), numeric.group(3)
        rest = text[numeric.end():]
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    date = f"{year}-{month:02d}-{day:02d}"
    time = _TIME.search(rest)
    if time:
        hour, minute = (int(g) for g in (time.group(1, 2) if time.group(1) else time.group(3, 4)))
        if hour < 24 and minute < 60:
            return f"{date}T{hour:02d}:{minute:02d}"
    return date


def _participants(root: etree._Element) -> list[Participant]:
    """Names in the participants cell, where the site rendered them into the page."""
    people = []
    for element in _having_class(root, "deltagere"):
        for block in element_blocks(element):
            for name in re.split(r"[\n,;]", block.text):
                name = " ".join(name.split())
                if not name:
                    continue
                absent = bool(_ABSENT.search(name))
                name = _ABSENT.sub("", name).strip()
                if name:
                    people.append(Participant(name=name, group="absent" if absent else "present"))
    return people


def _item(row: etree._Element, index: int, body: str | None, date: str | None) -> Item:
    title = _first_text(row, "overskrift") or ""
    number = _number(row) or str(index)
    labels = [element_text(e).casefold() for e in _having_class(row, "label")]
    closed = bool(_CLOSED.match(title)) or "lukket punkt" in labels
    item = Item(number=number, title=title, public=not closed)
    item.case_number = _first_text(row, "sagsnummer")
    guid = _GUID.search(row.get("id") or "")
    item.ref = guid.group(0) if guid else None
    for content in _having_class(row, "punkt")[:1]:
        item.sections = sections_from_blocks(element_blocks(content), title=title, body=body, date=date)
    for link in _having_class(row, "bilag-link"):
        name = element_text(link)
        if name:
            ref = _GUID.search(link.get("href") or "") or _GUID.search(link.get("id") or "")
            item.attachments.append(Attachment(title=name, ref=ref.group(0) if ref else None))
    return item


def _number(row: etree._Element) -> str | None:
    """The item number label: the first label that is not a file-type badge."""
    for label in _having_class(row, "label"):
        if "pdf-label" in (label.get("class") or "").split():
            continue
        text = "".join(element_text(label).split()).rstrip(".")
        if text and len(text) <= 10 and any(ch.isdigit() for ch in text):
            return text
    return None
