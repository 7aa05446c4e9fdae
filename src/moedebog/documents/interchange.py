"""The interchange JSON (docs/document.schema.json) → records: the inverse of ``serialize.to_dict``.

``moedebog render`` re-issues any record in the house layout, so it must read what ``moedebog
parse --json`` writes (one object, or the first of an array). Unknown keys are ignored and
missing ones take the records' defaults; wrong types are refused with a one-line reason rather
than rendered half.
"""

from __future__ import annotations

from typing import Any

from moedebog.documents.errors import DocumentError
from moedebog.documents.records import (
    Attachment,
    Document,
    Heading,
    Item,
    ItemAbsence,
    Participant,
    Section,
)

_TEXT_KEYS = ("kind", "format", "body", "organization", "name", "start", "end", "location", "date", "subject",
              "deadline", "sender", "ref")


def _text(value: Any, where: str, optional: bool = True) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise DocumentError(f"{where} skal være tekst")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise DocumentError(f"{where} skal være en liste")
    return value


def _dict(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DocumentError(f"{where} skal være et objekt")
    return value


def _heading(value: Any, where: str) -> Heading | None:
    if value is None:
        return None
    raw = _dict(value, where)
    return Heading(_text(raw.get("number"), f"{where}.number", False) or "", _text(raw.get("title"), where) or "")


def _section(value: Any, where: str) -> Section:
    raw = _dict(value, where)
    return Section(_text(raw.get("kind"), f"{where}.kind") or "other", _text(raw.get("title"), where) or "",
                   _text(raw.get("text"), f"{where}.text") or "")


def _attachments(raw: dict[str, Any], where: str) -> list[Attachment]:
    refs = _list(raw.get("attachment_refs"), f"{where}.attachment_refs")
    if refs:
        return [Attachment(_text(_dict(r, where).get("title"), where, False) or "", _text(r.get("ref"), where))
                for r in refs]
    return [Attachment(_text(t, f"{where}.attachments", False) or "")
            for t in _list(raw.get("attachments"), f"{where}.attachments")]


def _item(value: Any, where: str) -> Item:
    raw = _dict(value, where)
    public = raw.get("public", True)
    if not isinstance(public, bool):
        raise DocumentError(f"{where}.public skal være true eller false")
    return Item(
        number=_text(raw.get("number"), f"{where}.number", False) or "",
        title=_text(raw.get("title"), f"{where}.title") or "",
        heading=_heading(raw.get("heading"), f"{where}.heading"),
        case_number=_text(raw.get("case_number"), f"{where}.case_number"),
        handlers=[_text(h, f"{where}.handlers", False) or "" for h in _list(raw.get("handlers"), where)],
        sections=[_section(s, f"{where}.sections") for s in _list(raw.get("sections"), where)],
        attachments=_attachments(raw, where),
        public=public,
        absences=[ItemAbsence(_text(_dict(a, where).get("name"), where, False) or "", _text(a.get("reason"), where))
                  for a in _list(raw.get("absences"), where)],
        ref=_text(raw.get("ref"), f"{where}.ref"),
    )


def _participant(value: Any, where: str) -> Participant:
    raw = _dict(value, where)
    return Participant(
        name=_text(raw.get("name"), f"{where}.name", False) or "",
        affiliation=_text(raw.get("affiliation"), where),
        group=_text(raw.get("group"), where) or "present",
        role=_text(raw.get("role"), where),
        group_title=_text(raw.get("group_title"), where),
    )


def from_dict(data: Any) -> Document:
    """A record from its JSON form; a list is taken as ``moedebog parse --json`` of several files
    and its first record is used."""
    if isinstance(data, list):
        if not data:
            raise DocumentError("JSON-listen er tom")
        data = data[0]
    raw = _dict(data, "dokumentet")
    doc = Document()
    for key in _TEXT_KEYS:
        value = _text(raw.get(key), key)
        if value is not None:
            setattr(doc, key, value)
    doc.items = [_item(v, f"items[{n}]") for n, v in enumerate(_list(raw.get("items"), "items"))]
    doc.headings = [h for h in (_heading(v, "headings") for v in _list(raw.get("headings"), "headings")) if h]
    doc.participants = [_participant(v, "participants") for v in _list(raw.get("participants"), "participants")]
    doc.signatories = [_text(v, "signatories", False) or "" for v in _list(raw.get("signatories"), "signatories")]
    doc.sections = [_section(v, "sections") for v in _list(raw.get("sections"), "sections")]
    doc.warnings = [_text(v, "warnings", False) or "" for v in _list(raw.get("warnings"), "warnings")]
    pages = raw.get("pages")
    doc.pages = pages if isinstance(pages, int) and not isinstance(pages, bool) else None
    return doc
