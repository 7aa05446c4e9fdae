"""People and attendance: one person per name and municipality, across all meetings.

"Frands Fischer, Skanderborg" in 2020 and in 2021 is one person; a name listed twice in one
participant list is one attendance. Members of a body (present or absent, with a municipality)
get a membership for the meeting's election period.
"""

from __future__ import annotations

from moedebog.archive import models
from moedebog.archive.services.keys import municipality_name, person_key
from moedebog.documents.records import Participant

MEMBER_GROUPS = ("present", "absent")


class PeopleWriter:
    def __init__(self, body: models.Body, meeting: models.Meeting, new: bool = False) -> None:
        self.body = body
        self.meeting = meeting
        self.new = new  # the meeting was created in this transaction: it has no attendance yet
        self.created = 0
        self._people: dict[str, models.Person] = {}
        self._municipalities: dict[str, models.Municipality] = {}

    def municipality(self, affiliation: str | None) -> models.Municipality | None:
        if not affiliation:
            return self.body.municipality
        name = municipality_name(affiliation)
        key = name.casefold()
        if key not in self._municipalities:
            self._municipalities[key], _ = models.Municipality.objects.get_or_create(key=key, defaults={"name": name})
        return self._municipalities[key]

    def person(self, name: str, affiliation: str | None) -> models.Person:
        municipality = self.municipality(affiliation)
        key = person_key(name, municipality.name if municipality else None)[:320]
        person = self._people.get(key)
        if person is None:
            person, created = models.Person.objects.get_or_create(
                key=key, defaults={"name": name[:200], "municipality": municipality}
            )
            self.created += created
            self._people[key] = person
        return person

    def _preload_municipalities(self, affiliations: set[str]) -> None:
        """Find or create the municipalities of a participant list at once (KKR's lists name nineteen)."""
        names: dict[str, str] = {}
        for affiliation in affiliations:
            name = municipality_name(affiliation)
            if name.casefold() not in self._municipalities:
                names.setdefault(name.casefold(), name)
        if not names:
            return
        found = {m.key: m for m in models.Municipality.objects.filter(key__in=names)}
        missing = [models.Municipality(key=k, name=n) for k, n in names.items() if k not in found]
        if missing:
            models.Municipality.objects.bulk_create(missing, ignore_conflicts=True)
            found = {m.key: m for m in models.Municipality.objects.filter(key__in=names)}
        self._municipalities.update(found)

    def preload(self, participants: list[Participant]) -> None:
        """Find or create every participant's person with two queries instead of one per person."""
        self._preload_municipalities({p.affiliation for p in participants if p.affiliation})
        keyed: dict[str, tuple[str, models.Municipality | None]] = {}
        for p in participants:
            municipality = self.municipality(p.affiliation)
            key = person_key(p.name, municipality.name if municipality else None)[:320]
            if key not in self._people:
                keyed.setdefault(key, (p.name, municipality))
        if not keyed:
            return
        found = {person.key: person for person in models.Person.objects.filter(key__in=keyed)}
        missing = [models.Person(key=k, name=n[:200], municipality=m) for k, (n, m) in keyed.items() if k not in found]
        if missing:
            models.Person.objects.bulk_create(missing, ignore_conflicts=True)
            self.created += len(missing)
            found = {person.key: person for person in models.Person.objects.filter(key__in=keyed)}
        self._people.update(found)

    def write_attendance(self, participants: list[Participant]) -> None:
        """Make the meeting's attendance equal to the list, changing only what differs."""
        self.preload(participants)
        wanted: dict[int, tuple[models.Person, Participant]] = {}
        for participant in participants:
            person = self.person(participant.name, participant.affiliation)
            wanted.setdefault(person.pk, (person, participant))
        existing = {} if self.new else {a.person_id: a for a in self.meeting.attendance.all()}
        new_rows = []
        for person_id, (person, participant) in wanted.items():
            values = {
                "group": participant.group,
                "role": (participant.role or "")[:200],
                "group_title": (participant.group_title or "")[:200],
            }
            row = existing.pop(person_id, None)
            if row is None:
                new_rows.append(models.Attendance(meeting=self.meeting, person=person, **values))
            elif any(getattr(row, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(row, k, v)
                row.save(update_fields=list(values))
        models.Attendance.objects.bulk_create(new_rows)
        if existing:
            models.Attendance.objects.filter(pk__in=[a.pk for a in existing.values()]).delete()
        self._memberships(wanted.values())

    def _memberships(self, people: object) -> None:
        term = self.meeting.term
        if term is None:
            return
        members = {person.pk for person, participant in people  # type: ignore[attr-defined]
                   if participant.group in MEMBER_GROUPS and person.municipality_id is not None}
        have = set(models.Membership.objects.filter(body=self.body, term=term, person_id__in=members)
                   .values_list("person_id", flat=True))
        models.Membership.objects.bulk_create(
            [models.Membership(person_id=pk, body=self.body, term=term) for pk in members - have],
            ignore_conflicts=True)
