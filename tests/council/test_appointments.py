"""The appointments register: importing seed 002's table, seats and holders, warnings, history,
roles and audit, and the counts of `moedebog stats`."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from moedebog.council import register, seats
from moedebog.council.models import Appointment, OutsideBody
from moedebog.council.services import appointments as svc
from moedebog.council.services.common import ServiceError, ensure_term
from moedebog.secretariat.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_importing_seed_002_starts_the_register(imported) -> None:
    outsides = list(OutsideBody.objects.order_by("order"))
    assert len(outsides) == 19
    rar = outsides[0]
    assert (rar.name, rar.area, rar.members, rar.chair_seats, rar.substitutes, rar.equality) == (
        "Rar Øst", "Beskæftigelsesområdet", 5, 1, 5, True)
    assert rar.term.name == "2018-2021" and rar.body == imported
    assert rar.decided_by.number == "5.2" and rar.decided_by.meeting.start.date() == date(2021, 8, 30)
    erhvervshus = OutsideBody.objects.get(name="Bestyrelsen for Erhvervshuset Midtjylland")
    assert (erhvervshus.members, erhvervshus.chair_seats) == (4, 1) and "indstillingsberettiget" in erhvervshus.rules
    assert OutsideBody.objects.get(name="Uddannelsesudvalget").members == 7
    assert OutsideBody.objects.get(name="Styringsudvalg for Interreg IV A Kattegat-Skagerak").substitutes == 1
    from moedebog.commands.stats import counts
    assert counts()["appointments"] == 0 and counts()["consultations"] == 0


def test_markdown_table() -> None:
    text = ("KKR's udpegelser i valgperioden 2022-2025\n\n| Udvalg | Antal |\n|---|---|\n| Sundhed | |\n"
            "| Praksisplanudvalget | 5 medlemmer |\n| RAR Øst | fem, heraf 1 formand plus 5 suppleanter, "
            "ligestillingskrav |\n")
    table = seats.find_table(text)
    assert (table.first_year, table.last_year) == (2022, 2025)
    assert [(r.area, r.name, r.members, r.chair_seats, r.substitutes, r.equality) for r in table.rows] == [
        ("Sundhed", "Praksisplanudvalget", 5, 0, 0, False), ("Sundhed", "RAR Øst", 5, 1, 5, True)]


def test_seats_holders_warnings_and_history(secretary, body) -> None:
    term = ensure_term(date(2022, 1, 1))
    rar = svc.save_outside_body(secretary, body, term, svc.Seats("RAR Østjylland", "Beskæftigelse", 2, 1, 1, True))
    today = date(2023, 6, 1)
    [entry] = register.entries(body, term, today)
    assert "2 ledige medlemspladser" in entry.warnings and "1 ledige suppleantpladser" in entry.warnings
    chair = svc.appoint(secretary, rar, "Anders Kühnau", "Viborg", Appointment.Role.CHAIR, date(2022, 1, 1),
                        gender="m")
    svc.appoint(secretary, rar, "Helle Hansen", "Samsø", Appointment.Role.MEMBER, date(2022, 1, 1), gender="m")
    svc.appoint(secretary, rar, "Lone Nielsen", "Odder", Appointment.Role.SUBSTITUTE, date(2022, 1, 1),
                end=date(2026, 3, 1), gender="f")
    [entry] = register.entries(body, term, today)
    assert not any("ledige" in w for w in entry.warnings)
    assert any("Lone Nielsen sidder ud over valgperioden" in w for w in entry.warnings)
    assert any("Ligestillingskravet er ikke opfyldt (0 kvinder, 2 mænd)" in w for w in entry.warnings)
    svc.end_appointment(secretary, chair, date(2023, 1, 1))
    [entry] = register.entries(body, term, today)
    assert "Formandsposten er ikke besat" in entry.warnings
    assert [a.outside_body.name for a in register.history(chair.person)] == ["RAR Østjylland"]
    assert chair.person.municipality.name == "Viborg"
    with pytest.raises(ServiceError):
        svc.appoint(secretary, rar, "X", "", Appointment.Role.MEMBER, date(2022, 2, 1), end=date(2022, 1, 1))
    assert AuditEntry.objects.filter(action__startswith="appointments.").count() == 5


def test_equality_requirement(secretary, body) -> None:
    term = ensure_term(date(2022, 1, 1))
    rar = svc.save_outside_body(secretary, body, term, svc.Seats("RAR Vest", members=3, equality=True))
    for name in ("A", "B", "C"):
        svc.appoint(secretary, rar, name, "Herning", Appointment.Role.MEMBER, date(2022, 1, 1), gender="m")
    [entry] = register.entries(body, term, date(2023, 1, 1))
    assert any("Ligestillingskravet er ikke opfyldt (0 kvinder, 3 mænd)" in w for w in entry.warnings)


def test_copy_to_a_new_period_and_roles(secretary, member, outsider, body) -> None:
    old, new = ensure_term(date(2018, 1, 1)), ensure_term(date(2022, 1, 1))
    svc.save_outside_body(secretary, body, old, svc.Seats("Praksisplanudvalget", members=5))
    with pytest.raises(PermissionDenied):
        svc.copy_term(member, body, old, new)
    with pytest.raises(PermissionDenied):
        svc.save_outside_body(outsider, body, new, svc.Seats("Noget"))
    created = svc.copy_term(secretary, body, old, new)
    assert [(o.name, o.members, o.term) for o in created] == [("Praksisplanudvalget", 5, new)]
    assert svc.copy_term(secretary, body, old, new) == []
