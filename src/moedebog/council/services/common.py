"""What both services share with the secretariat: its role check, its audit trail, its errors.

Appointments and consultations belong to a body (the KKR that appoints or consults), so the
secretariat's rule applies unchanged: whoever may prepare that body's meetings may change them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from moedebog.archive import models as archive
from moedebog.archive.services.keys import municipality_name, person_key, term_for
from moedebog.secretariat import audit, roles
from moedebog.secretariat.services.common import ServiceError, atomic

__all__ = ["ServiceError", "atomic", "audit", "ensure_person", "ensure_term", "require"]


def require(user: Any, body: archive.Body | int) -> None:
    """The secretariat's check: refuses (PermissionDenied) unless the user may prepare the body's meetings."""
    roles.require_prepare(user, body)


def ensure_term(day: date) -> archive.Term:
    """The archive's election period containing ``day`` (the same terms the importer creates)."""
    name, start, end = term_for(day)
    term, _ = archive.Term.objects.get_or_create(name=name, defaults={"start": start, "end": end})
    return term


def ensure_person(name: str, municipality: str | None) -> archive.Person:
    """The archive's person by name and municipality, so appointments join the attendance history."""
    name = " ".join(name.split())
    if not name:
        raise ServiceError("Personens navn mangler.")
    place = None
    if municipality and municipality.strip():
        clean = municipality_name(municipality)
        place, _ = archive.Municipality.objects.get_or_create(key=clean.casefold(), defaults={"name": clean})
    key = person_key(name, place.name if place else None)[:320]
    person, _ = archive.Person.objects.get_or_create(key=key, defaults={"name": name[:200], "municipality": place})
    return person
