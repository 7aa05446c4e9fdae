"""A meeting in the archive → the documents layer's record, which the publisher renders.

The secretariat renders drafts too (a member reads the agenda before it is published), so this
maps exactly what the archive holds; the public site's own mapping deliberately hides what is
not yet published. ``kind`` decides what goes in: an agenda never carries decisions or
attendance; ``public`` leaves closed items out (``publish.versions``).
"""

from __future__ import annotations

from django.utils import timezone

from moedebog.archive import models
from moedebog.archive.services.exporting import item_record
from moedebog.documents import records
from moedebog.publish.versions import public_version

KIND_NAMES = {"agenda": "Dagsorden", "minutes": "Referat"}


def _iso(value: object) -> str | None:
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M") if value else None  # type: ignore[arg-type]


def heading_sort_key(number: str) -> tuple[int, str]:
    return (int(number), "") if number.isdigit() else (10**6, number)


def meeting_document(meeting: models.Meeting, kind: str = "agenda", public: bool = False) -> records.Document:
    body = meeting.body
    minutes = kind == "minutes"
    headings_rows = sorted(meeting.headings.all(), key=lambda h: heading_sort_key(h.number))
    headings = {h.pk: records.Heading(h.number, h.title) for h in headings_rows}
    items = []
    rows = (meeting.items.select_related("case").prefetch_related("sections", "attachments", "absences__person")
            .order_by("order", "pk"))
    for row in rows:
        items.append(item_record(row, headings, minutes, absences=True))
    participants = []
    if minutes:
        for row in meeting.attendance.select_related("person", "person__municipality").order_by("pk"):
            municipality = row.person.municipality
            participants.append(records.Participant(
                name=row.person.name, affiliation=municipality.name if municipality else None, group=row.group,
                role=row.role or None, group_title=row.group_title or None))
        participants.sort(key=lambda p: records.PARTICIPANT_GROUPS.index(p.group)
                          if p.group in records.PARTICIPANT_GROUPS else 99)
    doc = records.Document(
        kind=kind, format="archive", body=body.name,
        organization=body.parent.name if body.parent_id and body.parent else None,
        name=KIND_NAMES.get(kind), start=_iso(meeting.start), end=_iso(meeting.end),
        location=meeting.location or None, items=items, headings=list(headings.values()),
        participants=participants,
    )
    return public_version(doc) if public else doc
