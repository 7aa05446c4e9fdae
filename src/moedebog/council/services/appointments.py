"""Writing the appointments register: outside bodies with their seats, and who holds each seat.

Every function takes the acting user, checks the secretariat's role for the appointing body,
runs in one transaction and audits. ``import_table`` starts a period's register from the table
an agenda item prints (item 5.2 of 30 Aug 2021); the importer calls it with no user ("system").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from moedebog.archive import models as archive
from moedebog.council import seats
from moedebog.council.models import Appointment, OutsideBody
from moedebog.council.services.common import ServiceError, atomic, audit, ensure_person, ensure_term, require


@dataclass(slots=True)
class Seats:
    """What a secretary states about an outside body."""

    name: str
    area: str = ""
    members: int = 1
    chair_seats: int = 0
    substitutes: int = 0
    equality: bool = False
    rules: str = ""


def body_values(outside: OutsideBody) -> dict[str, str]:
    return {
        _("Navn"): outside.name, _("Område"): outside.area, _("Medlemmer"): str(outside.members),
        _("Formandsposter"): str(outside.chair_seats), _("Suppleanter"): str(outside.substitutes),
        _("Ligestillingskrav"): _("ja") if outside.equality else _("nej"), _("Regler"): outside.rules,
    }


def appointment_values(appointment: Appointment) -> dict[str, str]:
    return {
        _("Person"): str(appointment.person), _("Rolle"): str(appointment.get_role_display()),
        _("Køn"): str(appointment.get_gender_display()), _("Fra"): f"{appointment.start:%d-%m-%Y}",
        _("Til"): f"{appointment.end:%d-%m-%Y}" if appointment.end else "",
        _("Besluttet i punkt"): str(appointment.decided_by or ""), _("Note"): appointment.note,
    }


def _check(data: Seats) -> None:
    if not data.name.strip():
        raise ServiceError(_("Organets navn mangler."))
    if data.chair_seats > data.members:
        raise ServiceError(_("Der kan ikke være flere formandsposter end medlemmer."))


def save_outside_body(user: Any, body: archive.Body, term: archive.Term, data: Seats,
                      outside: OutsideBody | None = None,
                      decided_by: archive.AgendaItem | None = None) -> OutsideBody:
    """Create (``outside`` None) or change an outside body of ``body``'s register for ``term``."""
    require(user, body)
    _check(data)
    with atomic():
        if outside is None:
            if OutsideBody.objects.filter(body=body, term=term, name=data.name.strip()).exists():
                raise ServiceError(_("%(name)s findes allerede i valgperioden.") % {"name": data.name})
            last = OutsideBody.objects.filter(body=body, term=term).order_by("-order").first()
            outside = OutsideBody(body=body, term=term, order=(last.order + 1) if last else 0)
            before: dict[str, str] = {}
        else:
            outside = OutsideBody.objects.select_for_update().get(pk=outside.pk)
            before = body_values(outside)
        outside.name, outside.area = data.name.strip()[:300], data.area.strip()[:200]
        outside.members, outside.chair_seats, outside.substitutes = data.members, data.chair_seats, data.substitutes
        outside.equality, outside.rules = data.equality, data.rules.strip()
        if decided_by is not None:
            outside.decided_by = decided_by
        outside.save()
        old, new = audit.changed(before, body_values(outside))
        if old or new:
            audit.record(user, "appointments.body", _("Udpegningsorgan %(name)s (%(term)s)")
                         % {"name": outside.name, "term": term.name}, body=body, obj=outside, before=old, after=new)
    return outside


def delete_outside_body(user: Any, outside: OutsideBody) -> None:
    require(user, outside.body_id)
    with atomic():
        audit.record(user, "appointments.body.delete", _("Slettede udpegningsorganet %(name)s (%(term)s)")
                     % {"name": outside.name, "term": outside.term.name}, body=outside.body, obj=outside,
                     before=body_values(outside))
        outside.delete()


def appoint(user: Any, outside: OutsideBody, name: str, municipality: str, role: str, start: date,
            end: date | None = None, gender: str = "", decided_by: archive.AgendaItem | None = None,
            note: str = "") -> Appointment:
    """Give a seat of ``outside`` to a person (found or created in the archive by name and municipality)."""
    require(user, outside.body_id)
    if role not in Appointment.Role.values:
        raise ServiceError(_("Ukendt rolle."))
    if end is not None and end < start:
        raise ServiceError(_("Udpegningen kan ikke slutte, før den begynder."))
    with atomic():
        person = ensure_person(name, municipality)
        if Appointment.objects.filter(outside_body=outside, person=person, role=role, start=start).exists():
            raise ServiceError(_("%(person)s er allerede udpeget sådan.") % {"person": person})
        appointment = Appointment.objects.create(outside_body=outside, person=person, role=role, start=start,
                                                 end=end, gender=gender, decided_by=decided_by, note=note[:500])
        audit.record(user, "appointments.appoint", _("Udpegede %(person)s til %(body)s")
                     % {"person": person, "body": outside.name}, body=outside.body, obj=appointment,
                     after=appointment_values(appointment))
    return appointment


def end_appointment(user: Any, appointment: Appointment, end: date) -> Appointment:
    """End a seat (the person left the body); the history keeps it."""
    require(user, appointment.outside_body.body_id)
    if end < appointment.start:
        raise ServiceError(_("Udpegningen kan ikke slutte, før den begynder."))
    with atomic():
        appointment = Appointment.objects.select_for_update().select_related("outside_body").get(pk=appointment.pk)
        before = appointment_values(appointment)
        appointment.end = end
        appointment.save(update_fields=["end"])
        old, new = audit.changed(before, appointment_values(appointment))
        audit.record(user, "appointments.end", _("Afsluttede %(person)s' udpegning til %(body)s")
                     % {"person": appointment.person, "body": appointment.outside_body.name},
                     body=appointment.outside_body.body, obj=appointment, before=old, after=new)
    return appointment


def remove_appointment(user: Any, appointment: Appointment) -> None:
    """Delete an appointment entered by mistake (ending it is the normal way)."""
    require(user, appointment.outside_body.body_id)
    with atomic():
        audit.record(user, "appointments.remove", _("Slettede %(person)s' udpegning til %(body)s")
                     % {"person": appointment.person, "body": appointment.outside_body.name},
                     body=appointment.outside_body.body, obj=appointment, before=appointment_values(appointment))
        appointment.delete()


def copy_term(user: Any, body: archive.Body, source: archive.Term, target: archive.Term) -> list[OutsideBody]:
    """Start a new period's register with the previous period's bodies and seats (no holders)."""
    require(user, body)
    created: list[OutsideBody] = []
    with atomic():
        existing = set(OutsideBody.objects.filter(body=body, term=target).values_list("name", flat=True))
        for old in OutsideBody.objects.filter(body=body, term=source).order_by("order"):
            if old.name in existing:
                continue
            created.append(OutsideBody.objects.create(
                body=body, term=target, area=old.area, name=old.name, order=old.order, members=old.members,
                chair_seats=old.chair_seats, substitutes=old.substitutes, equality=old.equality, rules=old.rules))
        audit.record(user, "appointments.copy", _("Oprettede %(n)d udpegningsorganer i %(term)s fra %(source)s")
                     % {"n": len(created), "term": target.name, "source": source.name}, body=body)
    return created


def item_text(item: archive.AgendaItem) -> str:
    return "\n\n".join(s.text for s in item.sections.order_by("order"))


def import_table(user: Any, item: archive.AgendaItem, *, system: bool = False) -> list[OutsideBody]:
    """The outside bodies of the table in ``item``'s text, for the period it names, linked to the item.

    Idempotent by (body, period, name): importing again updates the seats in place. ``system`` is
    for the archive importer, which acts for no user; everyone else needs the secretariat's role.
    """
    body = item.meeting.body
    if not system:
        require(user, body)
    table = seats.find_table(item_text(item))
    if table is None:
        raise ServiceError(_("Punktet indeholder ingen tabel over udpegninger."))
    term = ensure_term(date(table.first_year, 1, 1))
    saved: list[OutsideBody] = []
    with atomic():
        for order, row in enumerate(table.rows):
            outside, _created = OutsideBody.objects.update_or_create(
                body=body, term=term, name=row.name[:300],
                defaults={"area": row.area[:200], "order": order, "members": row.members,
                          "chair_seats": row.chair_seats, "substitutes": row.substitutes,
                          "equality": row.equality, "rules": row.rules, "decided_by": item})
            saved.append(outside)
        audit.record(user, "appointments.import", _("Indlæste %(n)d udpegningsorganer for %(term)s fra punkt %(item)s")
                     % {"n": len(saved), "term": term.name, "item": item.number}, meeting=item.meeting)
    return saved
