"""Atom (RFC 4287) feeds: a pure function from entries to XML, built with ElementTree so the
output is always well-formed whatever text the documents contain."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
#: XML 1.0 cannot carry these characters at all, escaped or not.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(slots=True)
class Entry:
    id: str
    title: str
    url: str
    updated: datetime
    summary: str = ""


def _clean(text: str) -> str:
    return _INVALID_XML.sub("", text)


def feed(title: str, feed_id: str, self_url: str, page_url: str, entries: Iterable[Entry],
         updated: datetime) -> bytes:
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "da"})

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = _clean(text)
        return el

    sub(root, "title", title)
    sub(root, "id", feed_id)
    sub(root, "updated", updated.isoformat())
    sub(root, "link", rel="self", href=self_url, type="application/atom+xml")
    sub(root, "link", rel="alternate", href=page_url, type="text/html")
    author = sub(root, "author")
    sub(author, "name", "Mødebog")
    sub(root, "generator", "moedebog")
    for entry in entries:
        el = sub(root, "entry")
        sub(el, "title", entry.title)
        sub(el, "id", entry.id)
        sub(el, "updated", entry.updated.isoformat())
        sub(el, "link", rel="alternate", href=entry.url, type="text/html")
        if entry.summary:
            sub(el, "summary", entry.summary, type="text")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False)
