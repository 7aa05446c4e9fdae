"""Records → the interchange JSON (docs/document.schema.json) and a readable outline."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from moedebog.documents.records import Document, Heading, Item

#: The groups' Danish names, for the outline.
GROUP_TITLES = {
    "present": "Deltagere",
    "absent": "Afbud",
    "officials": "Embedsmænd",
    "secretariat": "Sekretariat",
    "other": "Øvrige",
}
KIND_TITLES = {"agenda": "Dagsorden", "minutes": "Referat", "letter": "Brev", "unknown": "Ukendt dokument"}


def heading_dict(heading: Heading | None) -> dict[str, str] | None:
    return None if heading is None else {"number": heading.number, "title": heading.title}


def item_dict(item: Item) -> dict[str, Any]:
    """One item as the interchange format has it."""
    out: dict[str, Any] = {
        "number": item.number,
        "title": item.title,
        "heading": heading_dict(item.heading),
        "case_number": item.case_number,
        "handlers": list(item.handlers),
        "sections": [{"kind": s.kind, "title": s.title, "text": s.text} for s in item.sections],
        "attachments": [a.title for a in item.attachments],
        "public": item.public,
    }
    if any(a.ref for a in item.attachments):
        out["attachment_refs"] = [{"title": a.title, "ref": a.ref} for a in item.attachments]
    if item.absences:
        out["absences"] = [{"name": a.name, "reason": a.reason} for a in item.absences]
    if item.ref:
        out["ref"] = item.ref
    return out


def head_dict(doc: Document) -> dict[str, Any]:
    """Every key of the document except ``items``; used by streaming output too."""
    out: dict[str, Any] = {
        "kind": doc.kind,
        "format": doc.format,
        "body": doc.body,
        "organization": doc.organization,
        "name": doc.name,
        "start": doc.start,
        "end": doc.end,
        "location": doc.location,
        "headings": [heading_dict(h) for h in doc.headings],
        "participants": [
            {"name": p.name, "affiliation": p.affiliation, "group": p.group, "role": p.role,
             "group_title": p.group_title}
            for p in doc.participants
        ],
        "date": doc.date,
        "subject": doc.subject,
        "deadline": doc.deadline,
        "sender": doc.sender,
        "signatories": list(doc.signatories),
        "sections": [{"kind": s.kind, "title": s.title, "text": s.text} for s in doc.sections],
        "warnings": list(doc.warnings),
    }
    if doc.ref:
        out["ref"] = doc.ref
    if doc.pages is not None:
        out["pages"] = doc.pages
    return out


def to_dict(doc: Document) -> dict[str, Any]:
    out = head_dict(doc)
    out["items"] = [item_dict(i) for i in doc.items]
    return out


def item_outline(item: Item) -> Iterator[str]:
    """Readable lines for one item: number, title, case, sections with their first words."""
    closed = "" if item.public else " [lukket]"
    yield f"  {item.number}. {item.title}{closed}"
    if item.case_number or item.handlers:
        yield f"      Sag: {item.case_number or '-'} {'/'.join(item.handlers)}".rstrip()
    for section in item.sections:
        text = " ".join(section.text.split())
        if len(text) > 90:
            text = text[:87] + "..."
        yield f"      [{section.kind}] {section.title}: {text}"
    for attachment in item.attachments:
        yield f"      Bilag: {attachment.title}"
    for absence in item.absences:
        yield f"      Fraværende: {absence.name}" + (f" ({absence.reason})" if absence.reason else "")


def head_outline(doc: Document) -> Iterator[str]:
    """The document's head: kind, body, time, place, participants (before the items)."""
    yield f"{KIND_TITLES.get(doc.kind, doc.kind)} ({doc.format})" + (f": {doc.name}" if doc.name else "")
    for label, value in (("Organ", doc.body), ("Tid", doc.start), ("Sted", doc.location), ("Dato", doc.date),
                         ("Emne", doc.subject), ("Frist", doc.deadline), ("Afsender", doc.sender)):
        if value:
            yield f"  {label}: {value}"
    if doc.signatories:
        yield f"  Underskrevet: {', '.join(doc.signatories)}"
    if doc.headings:
        yield "  Overskrifter: " + "; ".join(f"{h.number}. {h.title}" for h in doc.headings)
    groups: dict[str, list[str]] = {}
    for p in doc.participants:
        label = p.name + (f", {p.affiliation}" if p.affiliation else "") + (f" ({p.role})" if p.role else "")
        groups.setdefault(p.group, []).append(label)
    for group, names in groups.items():
        yield f"  {GROUP_TITLES.get(group, group)} ({len(names)}): " + "; ".join(names)


def tail_outline(doc: Document) -> Iterator[str]:
    for warning in doc.warnings:
        yield f"  Advarsel: {warning}"


def outline(doc: Document) -> str:
    lines = list(head_outline(doc))
    for item in doc.items:
        lines.extend(item_outline(item))
    lines.extend(tail_outline(doc))
    return "\n".join(lines)
