"""Attendance: invite the body's members, record who came and who sent apologies (afbud), the
officials and the secretariat with their roles (referent), and absence from single items.

People are found or created by name and municipality through the archive's own rules
(``PeopleWriter``), so a councillor recorded here is the same person as in imported minutes.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from moedebog.archive import models
from moedebog.archive.services.people import MEMBER_GROUPS, PeopleWriter
from moedebog.publish.model import DEFAULT_GROUP_TITLES
from moedebog.secretariat import audit, roles
from moedebog.secretariat.services.common import ServiceError, atomic, lock_meeting, refresh_index
from moedebog.secretariat.services.lifecycle import begin_minutes_if_held

Group = models.Attendance.Group


def _label(row: models.Attendance) -> str:
    return str(row.person)


def _values(row: models.Attendance) -> dict[str, str]:
    return {_("Gruppe"): row.group_title or str(Group(row.group).label), _("Rolle"): row.role}


def body_members(meeting: models.Meeting) -> list[models.Person]:
    """The members to invite: memberships of the meeting's election period, or else the members
    listed at the body's latest earlier meeting."""
    people = list(models.Person.objects
                  .filter(memberships__body_id=meeting.body_id, memberships__term_id=meeting.term_id)
                  .select_related("municipality").order_by("municipality__name", "name").distinct())
    if people or meeting.term_id is None:
        return people
    previous = (models.Meeting.objects
                .filter(body_id=meeting.body_id, start__lt=meeting.start, attendance__isnull=False)
                .order_by("-start").first())
    if previous is None:
        return []
    return [a.person for a in previous.attendance.filter(group__in=MEMBER_GROUPS).select_related("person")
            .order_by("pk")]


def invite_members(user: Any, meeting: models.Meeting) -> int:
    """Put every member on the attendance list as expected to attend; returns how many were added."""
    roles.require_prepare(user, meeting.body_id)
    with atomic():
        meeting = lock_meeting(meeting)
        have = set(meeting.attendance.values_list("person_id", flat=True))
        new = [p for p in body_members(meeting) if p.pk not in have]
        models.Attendance.objects.bulk_create(
            models.Attendance(meeting=meeting, person=p, group=Group.PRESENT,
                              group_title=DEFAULT_GROUP_TITLES["present"]) for p in new)
        if new:
            audit.record(user, "attendance.invite", _("Inviterede %(n)d medlemmer") % {"n": len(new)},
                         meeting=meeting, after={_("Inviteret"): "\n".join(str(p) for p in new)})
            refresh_index(meeting)
    return len(new)


def add_participant(user: Any, meeting: models.Meeting, name: str, affiliation: str = "", group: str = Group.PRESENT,
                    role: str = "", group_title: str = "") -> models.Attendance:
    """Add (or change) one person on the list: a member, an official or the secretariat."""
    roles.require_prepare(user, meeting.body_id)
    name = " ".join(name.split())
    if not name:
        raise ServiceError(_("Skriv personens navn."))
    if group not in Group.values:
        raise ServiceError(_("Ukendt gruppe."))
    with atomic():
        meeting = lock_meeting(meeting)
        writer = PeopleWriter(meeting.body, meeting)
        person = writer.person(name, " ".join(affiliation.split()) or None)
        row = models.Attendance.objects.filter(meeting=meeting, person=person).first()
        before = _values(row) if row else {}
        row = row or models.Attendance(meeting=meeting, person=person)
        row.group, row.role = group, " ".join(role.split())[:200]
        row.group_title = (" ".join(group_title.split()) or DEFAULT_GROUP_TITLES[group])[:200]
        row.save()
        if group in MEMBER_GROUPS and person.municipality_id and meeting.term_id:
            models.Membership.objects.get_or_create(person=person, body=meeting.body, term_id=meeting.term_id)
        old, new = audit.changed(before, _values(row))
        audit.record(user, "attendance.add", _("Satte %(person)s på deltagerlisten") % {"person": _label(row)},
                     meeting=meeting, obj=row, before=old, after=new)
        begin_minutes_if_held(user, meeting)
    return row


def set_attendance(user: Any, meeting: models.Meeting, changes: dict[int, tuple[str, str]]) -> int:
    """Record present/absent and roles: attendance id → (group, role). Returns how many changed."""
    roles.require_prepare(user, meeting.body_id)
    count = 0
    with atomic():
        meeting = lock_meeting(meeting)
        for row in meeting.attendance.select_related("person", "person__municipality").filter(pk__in=changes):
            group, role = changes[row.pk]
            if group not in Group.values:
                raise ServiceError(_("Ukendt gruppe."))
            before = _values(row)
            if group != row.group:
                if not row.group_title or row.group_title == DEFAULT_GROUP_TITLES.get(row.group):
                    row.group_title = DEFAULT_GROUP_TITLES[group]
                row.group = group
            row.role = " ".join(role.split())[:200]
            old, new = audit.changed(before, _values(row))
            if old or new:
                row.save()
                count += 1
                audit.record(user, "attendance.update", _("Rettede fremmøde for %(person)s") % {"person": _label(row)},
                             meeting=meeting, obj=row, before=old, after=new)
        if count:
            begin_minutes_if_held(user, meeting)
    return count


def remove_participant(user: Any, attendance: models.Attendance) -> None:
    meeting = attendance.meeting
    roles.require_prepare(user, meeting.body_id)
    with atomic():
        lock_meeting(meeting)
        before = _values(attendance)
        label = _label(attendance)
        attendance.delete()
        audit.record(user, "attendance.remove", _("Fjernede %(person)s fra deltagerlisten") % {"person": label},
                     meeting=meeting, before={_("Person"): label, **before})


def set_item_absence(user: Any, item: models.AgendaItem, attendance: models.Attendance, reason: str = "") -> None:
    """A member who leaves the room for one item (inhabil) is absent from that item only."""
    meeting = item.meeting
    roles.require_prepare(user, meeting.body_id)
    if attendance.meeting_id != meeting.pk:
        raise ServiceError(_("Personen er ikke på mødets deltagerliste."))
    with atomic():
        lock_meeting(meeting)
        row, _created = models.ItemAbsence.objects.update_or_create(
            item=item, person=attendance.person, defaults={"reason": " ".join(reason.split())[:200]})
        audit.record(user, "absence.add", _("%(person)s deltog ikke i punkt %(number)s")
                     % {"person": attendance.person, "number": item.number}, meeting=meeting, obj=row,
                     after={_("Årsag"): row.reason})


def remove_item_absence(user: Any, absence: models.ItemAbsence) -> None:
    item = absence.item
    roles.require_prepare(user, item.meeting.body_id)
    with atomic():
        lock_meeting(item.meeting_id)
        person = str(absence.person)
        absence.delete()
        audit.record(user, "absence.remove", _("%(person)s deltog alligevel i punkt %(number)s")
                     % {"person": person, "number": item.number}, meeting=item.meeting,
                     before={_("Fravær"): person})
