"""The register's public list (Blå bog) and a consultation's summary as documents-layer records,
so that moedebog.publish renders them as PDF like every other document of the archive."""

from __future__ import annotations

from datetime import date

from moedebog.archive import models as archive
from moedebog.council import register
from moedebog.council.models import Consultation
from moedebog.documents.records import Document, Section


def _holder_line(a: object) -> str:
    person = a.person  # type: ignore[attr-defined]
    place = f", {person.municipality.name}" if person.municipality_id else ""
    return f"- {a.get_role_display()}: {person.name}{place}"  # type: ignore[attr-defined]


def blue_book(body: archive.Body, term: archive.Term, today: date | None = None) -> Document:
    """The "Blå bog": every outside body of the period with its seats and who holds them."""
    sections = []
    for entry in register.entries(body, term, today):
        o = entry.outside
        lines = [f"Område: {o.area}" if o.area else "",
                 f"Pladser: {o.members} medlemmer, heraf {o.chair_seats} formandsposter, {o.substitutes} suppleanter"
                 + (" (ligestillingskrav)" if o.equality else ""),
                 o.rules, ""]
        lines += [_holder_line(a) for a in entry.holders] or ["Ingen udpeget."]
        sections.append(Section("other", o.name, "\n".join(line for line in lines if line is not None).strip()))
    return Document(kind="letter", format="generated", body=body.name, name=f"Blå bog {body.name} {term.name}",
                    subject=f"Udpegninger i valgperioden {term.name}", sender=body.name,
                    date=(today or register.reference_day(term)).isoformat(), sections=sections)


def summary(c: Consultation) -> Document:
    """All answers of a consultation, one section per recipient, those without an answer marked."""
    sections = []
    for r in c.recipients.order_by("order").select_related("response"):
        response = getattr(r, "response", None)
        if response is None:
            sections.append(Section("other", r.name, "Intet svar modtaget."))
            continue
        by = f" af {response.author}" if response.author else ""
        head = f"Modtaget {response.received_at:%d-%m-%Y}{by} ({response.get_via_display().lower()})."
        sections.append(Section("other", r.name, f"{head}\n\n{response.text}"))
    return Document(kind="letter", format="generated", body=c.body.name, name=f"Høringssvar: {c.subject}",
                    subject=f"Sammenfatning af høringssvar – {c.subject}", sender=c.body.name,
                    date=date.today().isoformat(), deadline=c.deadline.isoformat(), sections=sections)
