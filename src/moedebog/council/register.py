"""Reading the register: a period's bodies with their holders, the warnings a secretary must act
on, and one person's history. Read-only, so the public list and the secretariat share it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from moedebog.archive import models as archive
from moedebog.council.models import Appointment, OutsideBody

Role = Appointment.Role
SEATED = (Role.MEMBER, Role.CHAIR)


@dataclass(slots=True)
class Entry:
    """An outside body of the register with the seats held on the day looked at, and its warnings."""

    outside: OutsideBody
    holders: list[Appointment]
    warnings: list[str] = field(default_factory=list)

    @property
    def members(self) -> list[Appointment]:
        return [a for a in self.holders if a.role in SEATED]

    @property
    def substitutes(self) -> list[Appointment]:
        return [a for a in self.holders if a.role == Role.SUBSTITUTE]


def reference_day(term: archive.Term, today: date | None = None) -> date:
    """The day whose seats a period's list shows: today while it runs, else its last day."""
    today = today or timezone.localdate()
    return min(max(today, term.start), term.end)


def warnings_for(outside: OutsideBody, holders: list[Appointment], all_seats: list[Appointment],
                 today: date) -> list[str]:
    """Vacant seats, seats held past the period, and an unmet equality requirement."""
    out: list[str] = []
    members = [a for a in holders if a.role in SEATED]
    substitutes = [a for a in holders if a.role == Role.SUBSTITUTE]
    chairs = [a for a in holders if a.role == Role.CHAIR]
    if len(members) < outside.members:
        out.append(_("%(n)d ledige medlemspladser") % {"n": outside.members - len(members)})
    if len(members) > outside.members:
        out.append(_("%(n)d medlemmer for mange") % {"n": len(members) - outside.members})
    if len(substitutes) < outside.substitutes:
        out.append(_("%(n)d ledige suppleantpladser") % {"n": outside.substitutes - len(substitutes)})
    if len(chairs) < outside.chair_seats:
        out.append(_("Formandsposten er ikke besat"))
    term_end = outside.term.end
    for a in all_seats:
        if (a.end is not None and a.end > term_end) or (a.end is None and today > term_end):
            out.append(_("%(person)s sidder ud over valgperioden") % {"person": a.person.name})
    if outside.equality and members:
        genders = [a.gender for a in members]
        if "" in genders:
            out.append(_("Ligestillingskrav: køn ikke oplyst for alle medlemmer"))
        elif abs(genders.count("f") - genders.count("m")) > 1:
            out.append(_("Ligestillingskravet er ikke opfyldt (%(f)d kvinder, %(m)d mænd)")
                       % {"f": genders.count("f"), "m": genders.count("m")})
    return out


def entries(body: archive.Body, term: archive.Term, today: date | None = None) -> list[Entry]:
    """Every outside body of ``body`` in ``term`` with the seats held on the reference day."""
    today = today or timezone.localdate()
    day = reference_day(term, today)
    outsides = (OutsideBody.objects.filter(body=body, term=term).select_related("term", "decided_by__meeting")
                .prefetch_related("appointments__person__municipality", "appointments__decided_by__meeting")
                .order_by("order", "name"))
    result = []
    for outside in outsides:
        seats = sorted(outside.appointments.all(), key=lambda a: (a.role != Role.CHAIR, a.role, a.person.name))
        holders = [a for a in seats if a.active_on(day)]
        result.append(Entry(outside, holders, warnings_for(outside, holders, seats, today)))
    return result


def terms(body: archive.Body) -> list[archive.Term]:
    """The periods with a register for ``body``, newest first."""
    return list(archive.Term.objects.filter(outside_bodies__body=body).distinct().order_by("-start"))


def history(person: archive.Person) -> list[Appointment]:
    """A person's appointments across periods, newest first."""
    return list(Appointment.objects.filter(person=person)
                .select_related("outside_body__term", "outside_body__body", "decided_by__meeting")
                .order_by("-start", "outside_body__name"))


def held_seats() -> int:
    """Every seat ever held in the register, one per appointment (for `moedebog stats`)."""
    return Appointment.objects.count()
