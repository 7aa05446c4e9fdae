"""Service functions: the template, the life cycle, items and numbering, attendance, decisions,
roles and the audit trail."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from moedebog.archive import models
from moedebog.secretariat.models import AuditEntry, DraftItem
from moedebog.secretariat.services import ServiceError, attendance, decisions, items, lifecycle, meetings
from tests.secretariat.conftest import at

State = models.Meeting.State


def numbers(meeting: models.Meeting) -> list[tuple[str, str]]:
    return list(meeting.items.order_by("order").values_list("number", "title"))


def test_new_meeting_starts_from_the_kkr_template(secretary, body) -> None:
    meeting = meetings.create_meeting(secretary, body, at(2025, 4, 8), "Scandic Silkeborg")
    assert meeting.state == State.AGENDA_DRAFT and not meeting.public
    headings = list(meeting.headings.order_by("number").values_list("number", "title"))
    assert headings == [("1", "Godkendelse af referat"), ("2", "Siden sidst"), ("3", "Regionalpolitiske sager"),
                        ("4", "Udpegninger"), ("5", "KKR"), ("6", "Punkter til næste møde"), ("7", "Eventuelt")]
    got = numbers(meeting)
    assert [n for n, _ in got] == ["1.1", "2.1", "6.1", "7.1"]
    assert got[0][1].startswith("Godkendelse af referat")
    assert got[1][1] == "Orientering" and got[3][1] == "Eventuelt"
    plan = meeting.items.get(number="6.1")
    assert "følgende punkter til næste møde" in plan.sections.get(kind="presentation").text


def test_forward_plan_items_arrive_as_drafts_and_block_publishing(secretary, body) -> None:
    first = meetings.create_meeting(secretary, body, at(2025, 2, 5))
    plan = first.items.get(number="6.1")
    items.set_sections(secretary, plan, [
        ("presentation", "Sagsfremstilling",
         "Der er foreløbig følgende punkter til næste møde:\n\n- Klimasamarbejde\n- Rammeaftale 2026"),
    ])
    assert list(models.ForwardPlanEntry.objects.filter(item=plan).values_list("text", flat=True)) == [
        "Klimasamarbejde", "Rammeaftale 2026"]
    second = meetings.create_meeting(secretary, body, at(2025, 4, 8))
    got = numbers(second)
    assert ("3.1", "Klimasamarbejde") in got and ("3.2", "Rammeaftale 2026") in got
    assert got[0][1] == "Godkendelse af referat fra møde i KKR Midtjylland den 5. februar 2025"
    drafts = DraftItem.objects.filter(item__meeting=second)
    assert drafts.count() == 2
    assert models.ForwardPlanEntry.objects.get(text="Klimasamarbejde").realized_by.meeting == second
    with pytest.raises(ServiceError, match="udkastene"):
        lifecycle.advance(secretary, second, "publish_agenda")
    for draft in list(drafts):
        items.mark_ready(secretary, draft.item)
    lifecycle.advance(secretary, second, "publish_agenda")
    second.refresh_from_db()
    assert second.state == State.AGENDA_PUBLISHED and second.public


def test_items_add_reorder_and_move_renumber(secretary, body) -> None:
    meeting = meetings.create_meeting(secretary, body, at(2025, 4, 8))
    h3 = meeting.headings.get(number="3")
    h4 = meeting.headings.get(number="4")
    a = items.add_item(secretary, meeting, h3, "Klima", "SAG-2025-00001", "chbo / jhp")
    b = items.add_item(secretary, meeting, h3, "Rammeaftale")
    c = items.add_item(secretary, meeting, h3, "Personalesag", public=False)
    assert (a.number, b.number, c.number) == ("3.1", "3.2", "3.3")
    assert a.handlers == "chbo/jhp" and a.case.number == "SAG-2025-00001"
    items.move_item(secretary, c, -1)
    assert [n for n, t in numbers(meeting) if n.startswith("3.")] == ["3.1", "3.2", "3.3"]
    assert dict((t, n) for n, t in numbers(meeting))["Personalesag"] == "3.2"
    items.move_to_heading(secretary, a, h4)
    by_title = {t: n for n, t in numbers(meeting)}
    assert by_title["Klima"] == "4.1" and by_title["Personalesag"] == "3.1" and by_title["Rammeaftale"] == "3.2"
    orders = [n for n, _ in numbers(meeting)]
    assert orders == ["1.1", "2.1", "3.1", "3.2", "4.1", "6.1", "7.1"]
    with pytest.raises(ServiceError):
        items.move_item(secretary, models.AgendaItem.objects.get(title="Personalesag"), -1)
    items.delete_item(secretary, models.AgendaItem.objects.get(title="Personalesag"))
    assert {t: n for n, t in numbers(meeting)}["Rammeaftale"] == "3.1"


def test_sections_keep_the_decision(secretary, body) -> None:
    meeting = meetings.create_meeting(secretary, body, at(2025, 4, 8))
    item = items.add_item(secretary, meeting, meeting.headings.get(number="3"), "Klima")
    for step in ("publish_agenda", "mark_held"):
        lifecycle.advance(secretary, meeting, step)
    decisions.record_decisions(secretary, meeting, {item.pk: "KKR Midtjylland tiltrådte indstillingen."})
    items.set_sections(secretary, item, [("background", "Baggrund", "Ny baggrund.")])
    kinds = list(item.sections.order_by("order").values_list("kind", "text"))
    assert kinds == [("background", "Ny baggrund."), ("decision", "KKR Midtjylland tiltrådte indstillingen.")]
    meeting.refresh_from_db()
    assert meeting.state == State.MINUTES_DRAFT  # a decision at a held meeting starts the minutes


def test_life_cycle_in_order_only(secretary, body) -> None:
    meeting = meetings.create_meeting(secretary, body, at(2025, 4, 8), prepare=False)
    assert meeting.state == State.PLANNED and not meeting.items.exists()
    with pytest.raises(ServiceError):
        lifecycle.advance(secretary, meeting, "publish_minutes")
    for step, state in (("prepare", State.AGENDA_DRAFT), ("publish_agenda", State.AGENDA_PUBLISHED),
                        ("mark_held", State.HELD), ("start_minutes", State.MINUTES_DRAFT),
                        ("approve_minutes", State.MINUTES_APPROVED), ("publish_minutes", State.PUBLISHED)):
        meeting = lifecycle.advance(secretary, meeting, step)
        assert meeting.state == state
    assert meeting.public
    lifecycle.withdraw(secretary, meeting)
    meeting.refresh_from_db()
    assert not meeting.public and meeting.state == State.PUBLISHED
    lifecycle.republish(secretary, meeting)
    meeting.refresh_from_db()
    assert meeting.public


def test_approving_the_minutes_at_the_next_meeting(secretary, body) -> None:
    first = meetings.create_meeting(secretary, body, at(2025, 2, 5))
    for step in ("publish_agenda", "mark_held", "start_minutes"):
        first = lifecycle.advance(secretary, first, step)
    second = meetings.create_meeting(secretary, body, at(2025, 4, 8))
    for step in ("publish_agenda", "mark_held"):
        second = lifecycle.advance(secretary, second, step)
    approval = second.items.get(number="1.1")
    decisions.record_decisions(secretary, second, {approval.pk: "Referatet blev ikke godkendt."})
    first.refresh_from_db()
    assert first.state == State.MINUTES_DRAFT
    decisions.record_decisions(secretary, second, {approval.pk: "Referatet blev godkendt."})
    first.refresh_from_db()
    assert first.state == State.MINUTES_APPROVED
    entry = AuditEntry.objects.filter(meeting=first, action="meeting.approve_minutes").get()
    assert "punkt 1.1" in entry.summary and entry.after == {"Status": "Referat godkendt"}


def test_attendance_invite_and_record(secretary, body) -> None:
    meeting = meetings.create_meeting(secretary, body, at(2025, 4, 8))
    first = attendance.add_participant(secretary, meeting, "Anders Kühnau", "Viborg", "present")
    attendance.add_participant(secretary, meeting, "Nils Borring", "Favrskov", "present")
    later = meetings.create_meeting(secretary, body, at(2025, 6, 8))
    assert attendance.invite_members(secretary, later) == 2
    assert attendance.invite_members(secretary, later) == 0
    row = later.attendance.get(person=first.person)
    attendance.set_attendance(secretary, later, {row.pk: ("absent", "")})
    row.refresh_from_db()
    assert row.group == "absent" and row.group_title == "Afbud"
    referent = attendance.add_participant(secretary, later, "Christian Budde", "", "secretariat",
                                          "Chefkonsulent, referent", "Fra KL-sekretariatet")
    assert referent.person.municipality is None and referent.group_title == "Fra KL-sekretariatet"
    item = later.items.get(number="2.1")
    attendance.set_item_absence(secretary, item, later.attendance.exclude(pk=row.pk).exclude(pk=referent.pk).get(),
                                "inhabil")
    assert item.absences.get().reason == "inhabil"


def test_roles_are_checked(secretary, member, outsider, administrator, body) -> None:
    with pytest.raises(PermissionDenied):
        meetings.create_meeting(member, body, at(2025, 4, 8))
    with pytest.raises(PermissionDenied):
        meetings.create_meeting(outsider, body, at(2025, 4, 8))
    meeting = meetings.create_meeting(administrator, body, at(2025, 4, 8))
    with pytest.raises(PermissionDenied):
        items.add_item(member, meeting, meeting.headings.get(number="3"), "X")
    with pytest.raises(PermissionDenied):
        lifecycle.withdraw(outsider, meeting)
    assert not AuditEntry.objects.filter(user=member).exists()


def test_every_write_leaves_a_readable_audit_entry(secretary, body) -> None:
    meeting = meetings.create_meeting(secretary, body, at(2025, 4, 8), "Silkeborg")
    item = items.add_item(secretary, meeting, meeting.headings.get(number="3"), "Klima")
    items.update_item(secretary, item, "Klimasamarbejde", "SAG-2025-1", "chbo", public=True)
    entry = AuditEntry.objects.filter(action="item.update").get()
    assert entry.user == secretary and entry.user_name == "sekretaer"
    assert entry.summary == "Rettede punkt 3.1"
    assert entry.before == {"Titel": "Klima", "Sagsnummer": "", "Sagsbehandlere": ""}
    assert entry.after == {"Titel": "Klimasamarbejde", "Sagsnummer": "SAG-2025-1", "Sagsbehandlere": "chbo"}
    actions = list(AuditEntry.objects.filter(meeting=meeting).order_by("at", "pk").values_list("action", flat=True))
    assert actions[:4] == ["meeting.create", "meeting.template", "meeting.prepare", "item.add"]


def test_a_refused_write_changes_nothing(secretary, body) -> None:
    meeting = meetings.create_meeting(secretary, body, at(2025, 4, 8))
    before = AuditEntry.objects.count()
    with pytest.raises(ServiceError):
        items.add_item(secretary, meeting, meeting.headings.get(number="3"), "   ")
    with pytest.raises(ServiceError):
        meetings.create_meeting(secretary, body, at(2025, 4, 8))
    assert AuditEntry.objects.count() == before
    assert models.Meeting.objects.count() == 1
