"""Meetings: the front page, a body's page and the meeting page."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import timezone

from moedebog.archive import models
from moedebog.archive.prepared import Prepared
from moedebog.site import visibility
from moedebog.site.permalinks import DayKey
from moedebog.site.visibility import ANONYMOUS, Viewer

GROUP_ORDER = ("present", "absent", "officials", "secretariat", "other")


@dataclass(slots=True)
class BodySummary:
    body: models.Body
    upcoming: list[models.Meeting]
    latest: list[models.Meeting]


def front_page(viewer: Viewer = ANONYMOUS, now: datetime | None = None, per_body: int = 3) -> list[BodySummary]:
    """Each body that has meetings, with its next and its latest meetings."""
    now = now or timezone.now()
    visible = visibility.meetings(viewer).select_related("body")
    bodies = visibility.bodies(viewer).select_related("parent").order_by("kind", "name")
    out = []
    for body in bodies:
        mine = visible.filter(body=body)
        upcoming = list(mine.filter(start__gte=now).order_by("start")[:per_body])
        latest = list(mine.filter(start__lt=now).order_by("-start")[:per_body])
        out.append(BodySummary(body, upcoming, latest))
    # KKR first, then councils, then committees: the order the kinds are declared in
    kinds = [k for k, _ in models.Body.Kind.choices]
    out.sort(key=lambda s: (kinds.index(s.body.kind) if s.body.kind in kinds else len(kinds), s.body.name))
    return out


@dataclass(slots=True)
class BodyPage:
    body: models.Body
    children: list[models.Body]
    years: list[tuple[int, int]]  # (year, meetings), newest first
    year: int | None
    meetings: list[models.Meeting]
    upcoming: list[models.Meeting]


def body_by_path(path: str) -> models.Body | None:
    return models.Body.objects.select_related("parent").filter(path=path).first()


def body_page(path: str, year: int | None = None, viewer: Viewer = ANONYMOUS) -> BodyPage | None:
    body = body_by_path(path)
    if body is None:
        return None
    mine = visibility.meetings(viewer).filter(body=body)
    years = list(
        mine.annotate(y=ExtractYear("start")).values_list("y").annotate(n=Count("id")).order_by("-y")
    )
    known = [y for y, _ in years]
    if year is None or year not in known:
        current = timezone.localdate().year
        past = [y for y in known if y <= current]
        year = past[0] if past else (known[-1] if known else None)
    meetings = list(mine.filter(start__year=year).select_related("body").order_by("start")) if year else []
    upcoming = list(mine.filter(start__gte=timezone.now()).select_related("body").order_by("start")[:3])
    children = list(body.children.order_by("name"))
    return BodyPage(body, children, years, year, meetings, upcoming)


@dataclass(slots=True)
class AgendaPart:
    heading: models.Heading | None
    items: list[models.AgendaItem] = field(default_factory=list)


@dataclass(slots=True)
class AttendanceGroup:
    group: str
    title: str
    rows: list[models.Attendance]


@dataclass(slots=True)
class MeetingPage:
    meeting: models.Meeting
    precise: bool
    parts: list[AgendaPart]
    shows_agenda: bool
    shows_minutes: bool
    attendance: list[AttendanceGroup]
    sources: list[models.SourceDocument]
    generated_kind: str | None


@dataclass(slots=True)
class Day:
    """The meetings an address names, and whether the body met more than once that day (then links
    carry the time of day). Only meetings the reader may see count, so a hidden meeting cannot show
    through the shape of a link."""

    meetings: list[models.Meeting]
    shared: bool


_MEETINGS_ON = Prepared(
    lambda viewer, path, start, end: visibility.meetings(viewer).select_related("body", "body__parent")
    .filter(body__path=path, start__gte=start, start__lt=end).order_by("start"),
    path=models.Body._meta.get_field("path"), start=models.Meeting._meta.get_field("start"),
    end=models.Meeting._meta.get_field("start"))


def meetings_on(path: str, key: DayKey, viewer: Viewer = ANONYMOUS) -> Day:
    """The body's visible meetings on the key's day (one, normally), or the one at its time."""
    start = timezone.make_aware(datetime.combine(key.day, datetime.min.time()))
    day = _MEETINGS_ON.run(viewer, path=path, start=start, end=start + timedelta(days=1))
    if key.hour is None:
        return Day(day, len(day) > 1)
    return Day([m for m in day if (timezone.localtime(m.start).hour, timezone.localtime(m.start).minute)
                == (key.hour, key.minute)], len(day) > 1)


_MEETING_ITEMS = Prepared(
    lambda viewer, meeting: visibility.items(viewer).filter(meeting_id=meeting).select_related("case", "heading")
    .order_by("order"), meeting=models.AgendaItem._meta.get_field("meeting"))
#: The decisions of the meeting's visible items (only asked for when its minutes are shown).
_MEETING_DECISIONS = Prepared(
    lambda viewer, meeting: visibility.decisions(viewer).filter(item__meeting_id=meeting).order_by("item_id", "order"),
    meeting=models.AgendaItem._meta.get_field("meeting"))
_HEADINGS = Prepared(lambda viewer, meeting: models.Heading.objects.filter(meeting_id=meeting),
                     meeting=models.Heading._meta.get_field("meeting"))
_ATTENDANCE = Prepared(
    lambda viewer, meeting: models.Attendance.objects.filter(meeting_id=meeting)
    .select_related("person", "person__municipality").order_by("pk"),
    meeting=models.Attendance._meta.get_field("meeting"))


def meeting_page(meeting: models.Meeting, viewer: Viewer = ANONYMOUS, precise: bool = False) -> MeetingPage:
    agenda = visibility.shows_agenda(meeting, viewer)
    minutes = visibility.shows_minutes(meeting, viewer)
    parts: list[AgendaPart] = []
    if agenda:
        rows = _MEETING_ITEMS.run(viewer, meeting=meeting.pk)
        decisions: dict[int, list[models.Section]] = {}
        for section in _MEETING_DECISIONS.run(viewer, meeting=meeting.pk) if minutes else ():
            decisions.setdefault(section.item_id, []).append(section)
        for item in rows:
            item.meeting = meeting  # links need the meeting; do not fetch it again per item
            item.precise_link = precise  # and whether they carry the time of day (agenda_item_head)
            item.decisions = decisions.get(item.pk, [])
        parts = outline(meeting, rows)
    attendance = attendance_groups(meeting) if minutes else []
    sources = visibility.source_list(meeting, viewer)
    has_items = any(p.items for p in parts)
    has_minutes = minutes and (any(s.kind == "minutes" for s in sources)
                               or any(i.decisions for p in parts for i in p.items))
    generated = "minutes" if has_minutes else ("agenda" if has_items else None)
    return MeetingPage(meeting, precise, parts, agenda, minutes, attendance, sources, generated)


def outline(meeting: models.Meeting, items: list[models.AgendaItem]) -> list[AgendaPart]:
    """Headings in agenda order with their items; a heading without items is kept, as printed."""
    parts: OrderedDict[int | None, AgendaPart] = OrderedDict()
    for heading in sorted(_HEADINGS.run(None, meeting=meeting.pk), key=lambda h: _number_key(h.number)):
        parts[heading.pk] = AgendaPart(heading)
    loose = AgendaPart(None)
    for item in items:
        parts.get(item.heading_id, loose).items.append(item)
    return [*parts.values(), loose] if loose.items else list(parts.values())


def _number_key(number: str) -> tuple[int | str, ...]:
    return tuple(int(p) if p.isdigit() else p for p in number.split("."))


def attendance_groups(meeting: models.Meeting) -> list[AttendanceGroup]:
    rows = _ATTENDANCE.run(None, meeting=meeting.pk)
    labels = dict(models.Attendance.Group.choices)
    groups: dict[str, AttendanceGroup] = {}
    for row in rows:
        group = groups.get(row.group)
        if group is None:
            group = groups[row.group] = AttendanceGroup(row.group, row.group_title or labels.get(row.group, ""), [])
        group.rows.append(row)
    return sorted(groups.values(), key=lambda g: GROUP_ORDER.index(g.group) if g.group in GROUP_ORDER else 99)


#: Compiled once per thread: building and compiling the ORM query cost 1.5–2 ms of every search
#: page, its run a fraction of that. Only the SQL is kept; the rows are read on every request, as
#: an import may add a body at any time.
_SEARCHABLE_BODIES = Prepared(lambda viewer: visibility.bodies(viewer).select_related("parent").order_by("name"))


def searchable_bodies(viewer: Viewer = ANONYMOUS) -> list[models.Body]:
    """Bodies with visible meetings, for the search form's body filter."""
    return _SEARCHABLE_BODIES.run(viewer)
