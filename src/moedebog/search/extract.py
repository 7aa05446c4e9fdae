"""What each archive record contributes to search, and who may see it.

The indexer and the snippet maker both read records through these functions, so a snippet can
only ever show text that was indexed for the same audience. The privacy rules live here, once:

- a meeting is public when its ``public`` flag is set and it is past the draft stage (not
  "planned" or "agenda_draft"); a closed item (``AgendaItem.public`` False) is never public;
- decisions are public only once the minutes are published: while they are drafts the public
  row of an item leaves them out and a second, internal row has them;
- people and cases are public when they appear in something public, and then only with what is
  public (a case's titles come from its public items).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone

from moedebog.archive import models
from moedebog.archive.services import loading

DRAFT_STATES = frozenset({models.Meeting.State.PLANNED, models.Meeting.State.AGENDA_DRAFT})
#: Meeting states in which decisions are final and public.
DECISIONS_PUBLIC = frozenset({models.Meeting.State.PUBLISHED})
_MONTH_NAMES = dict(enumerate(("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                               "september", "oktober", "november", "december"), start=1))

ALL, PUBLIC, INTERNAL = "all", "public", "internal"
GROUP_LABELS = {
    "present": "Deltagere", "absent": "Afbud, fraværende", "officials": "Embedsmænd",
    "secretariat": "Sekretariat", "other": "Øvrige",
}


@dataclass(slots=True)
class Field:
    """A piece of searchable text: a section (its kind), the attachments, or a record's other text."""

    kind: str
    title: str
    text: str


@dataclass(slots=True)
class Record:
    """One index row before analysis."""

    kind: str
    audience: str
    title: str
    meta: str = ""
    fields: list[Field] = field(default_factory=list)
    item_id: int | None = None
    meeting_id: int | None = None
    letter_id: int | None = None
    person_id: int | None = None
    case_id: int | None = None
    body_id: int | None = None
    start: datetime | None = None
    number: str = ""
    order: int = 0
    case_key: str = ""


def long_date(day: date) -> str:
    """ "5. februar 2020" and "05-02-2020": both spellings, so either is found."""
    return f"{day.day}. {_MONTH_NAMES[day.month]} {day.year} {day:%d-%m-%Y}"


def local_day(moment: datetime | None) -> date | None:
    if moment is None:
        return None
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


def case_key(number: str) -> str:
    """ "SAG-2019-07153" → "sag201907153": how case numbers are compared, however they are typed."""
    from moedebog.search.danish import fold

    return "".join(c for c in fold(number) if c.isalnum())[:120]


def meeting_visible(meeting: models.Meeting) -> bool:
    return meeting.public and meeting.state not in DRAFT_STATES


def item_audiences(item: models.AgendaItem) -> list[tuple[str, bool]]:
    """(audience, with decisions) for the rows an item gets."""
    meeting = item.meeting
    if not (item.public and meeting_visible(meeting)):
        return [(INTERNAL, True)]
    if meeting.state in DECISIONS_PUBLIC or not any(s.kind == "decision" for s in loading.sections(item)):
        return [(ALL, True)]
    return [(PUBLIC, False), (INTERNAL, True)]


def item_fields(item: models.AgendaItem, decisions: bool = True) -> list[Field]:
    fields = [Field(s.kind, s.title, s.text) for s in loading.sections(item) if decisions or s.kind != "decision"]
    attachments = loading.attachments(item)
    if attachments:
        fields.append(Field("attachment", "Bilag", "\n".join(f"{a.title}\n{a.text}".strip() for a in attachments)))
    return fields


def item_records(item: models.AgendaItem) -> list[Record]:
    """The rows of one item (expects meeting, body, heading and case selected, sections prefetched)."""
    meeting = item.meeting
    day = local_day(meeting.start)
    absences = [f"{a.person.name} {a.reason}".strip() for a in loading.absences(item)]
    meta = " ".join(filter(None, (
        meeting.body.name, meeting.name, long_date(day) if day else "",
        item.case.number if item.case else "",
        item.heading.title if item.heading else "",
        ("Fraværende: " + ", ".join(absences)) if absences else "",
    )))
    out = []
    for audience, decisions in item_audiences(item):
        out.append(Record(
            kind="item", audience=audience, title=item.title, meta=meta, fields=item_fields(item, decisions),
            item_id=item.pk, meeting_id=meeting.pk, body_id=meeting.body_id, start=meeting.start,
            number=item.number, order=item.order, case_key=case_key(item.case.number) if item.case else "",
        ))
    return out


def meeting_record(meeting: models.Meeting, attendance: list[models.Attendance] | None = None) -> Record:
    """A meeting's row; ``attendance`` (with person and municipality selected) when the caller has it."""
    day = local_day(meeting.start)
    groups: dict[str, list[str]] = {}
    for a in meeting.attendance.all() if attendance is None else attendance:
        who = a.person.name + (f", {a.person.municipality.name}" if a.person.municipality else "")
        groups.setdefault(a.group, []).append(who + (f" ({a.role})" if a.role else ""))
    fields = [Field("attendance", GROUP_LABELS.get(g, g), f"{GROUP_LABELS.get(g, g)}: " + "; ".join(names))
              for g, names in groups.items()]
    title = f"Møde i {meeting.body.name} {long_date(day).rsplit(' ', 1)[0]}" if day else meeting.body.name
    return Record(
        kind="meeting", audience=ALL if meeting_visible(meeting) else INTERNAL, title=title,
        meta=" ".join(filter(None, (meeting.name, meeting.location, long_date(day) if day else ""))),
        fields=fields, meeting_id=meeting.pk, body_id=meeting.body_id, start=meeting.start,
    )


def _as_date(value: date | str | None) -> date | None:
    """A DateField's value, also when the object was just built from strings and not reloaded."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return value


def letter_record(letter: models.Letter) -> Record:
    fields = [Field(s.get("kind") or "other", s.get("title") or "", s.get("text") or "") for s in letter.sections]
    day, deadline = _as_date(letter.date), _as_date(letter.deadline)
    meta = " ".join(filter(None, (
        letter.sender, letter.body.name if letter.body else "", long_date(day) if day else "",
        f"Svarfrist {long_date(deadline)}" if deadline else "",
        " ".join(str(s) for s in letter.signatories) if letter.signatories else "",
    )))
    start = timezone.make_aware(datetime.combine(day, datetime.min.time())) if day else None
    return Record(kind="letter", audience=ALL, title=letter.subject or letter.name or "Brev", meta=meta,
                  fields=fields, letter_id=letter.pk, body_id=letter.body_id, start=start)


def person_record(person: models.Person, public: bool, seats: list[str]) -> Record:
    """A person: name, municipality and the seats they held (``seats``: "KKR Midtjylland 2018-2021")."""
    municipality = person.municipality.name if person.municipality else ""
    return Record(kind="person", audience=ALL if public else INTERNAL, title=person.name,
                  meta=municipality, fields=[Field("membership", "Medlemskaber", "\n".join(seats))] if seats else [],
                  person_id=person.pk, number=str(len(seats)))  # the count tells when the row is out of date


def case_record(case: models.Case, items: list[models.AgendaItem], public: bool) -> Record:
    """A case with the titles of its items (only the public ones when ``public``)."""
    lines = []
    for item in items:
        day = local_day(item.meeting.start)
        lines.append(f"{item.title} ({long_date(day).rsplit(' ', 1)[0] if day else ''})")
    latest = max((i.meeting.start for i in items), default=None)
    title = f"{case.number} {items[-1].title if items else case.title}".strip()
    return Record(kind="case", audience=ALL if public else INTERNAL, title=title, meta=case.body.name,
                  fields=[Field("items", "Punkter", "\n".join(lines))], case_id=case.pk, body_id=case.body_id,
                  start=latest, case_key=case_key(case.number))
