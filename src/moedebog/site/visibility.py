"""Who may see what: the one place that decides it, so no page, feed or download can forget.

Anonymous visitors see public meetings that are past the draft stage, the public items of those
meetings once their agenda is published, and decisions and attendance once the minutes are
published. Closed items (``AgendaItem.public = False``), non-public meetings and drafts do not
exist for them: every query in ``site.queries`` starts from the querysets here, and a view that
finds nothing answers 404, never 403, so that not even the existence of a closed item shows.
Staff (the secretariat, logged in through the admin) see everything. Feeds, calendars and the
sitemap are always built for an anonymous viewer, because they are cached and shared.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from moedebog.archive import models
from moedebog.archive.prepared import Prepared

State = models.Meeting.State

#: Meetings whose date and place may be shown (a planned meeting is a date in the calendar).
MEETING_STATES = (
    State.PLANNED, State.AGENDA_PUBLISHED, State.HELD, State.MINUTES_DRAFT, State.MINUTES_APPROVED, State.PUBLISHED,
)
#: Meetings whose agenda (items and their text) is published.
AGENDA_STATES = (State.AGENDA_PUBLISHED, State.HELD, State.MINUTES_DRAFT, State.MINUTES_APPROVED, State.PUBLISHED)
#: Meetings whose minutes (decisions, attendance) are published.
MINUTES_STATES = (State.PUBLISHED,)


@dataclass(frozen=True, slots=True)
class Viewer:
    """What kind of reader a page is built for; ``restricted`` readers see closed items and drafts."""

    restricted: bool = False


ANONYMOUS = Viewer(False)
STAFF = Viewer(True)


def viewer_for(request: object) -> Viewer:
    """Logged-in active staff (the secretariat) see everything; everyone else is anonymous."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_active and user.is_staff:
        return STAFF
    return ANONYMOUS


def meetings_filter(prefix: str = "", viewer: Viewer = ANONYMOUS) -> Q:
    """The condition on a (related) meeting whose date may be shown, ``prefix`` like "meetings__"."""
    return meeting_filter(prefix, viewer, MEETING_STATES)


def attendance_filter(prefix: str = "", viewer: Viewer = ANONYMOUS) -> Q:
    """The condition on (related) attendance rows, ``prefix`` like "attendance__"."""
    return meeting_filter(f"{prefix}meeting__", viewer, MINUTES_STATES)


def bodies(viewer: Viewer = ANONYMOUS) -> QuerySet[models.Body]:
    """Bodies with at least one meeting the reader may see (an EXISTS per body, which stops at the
    first such meeting, rather than a join over every meeting made distinct again)."""
    visible = models.Meeting.objects.filter(meetings_filter("", viewer), body=OuterRef("pk"))
    return models.Body.objects.filter(Exists(visible))


def meetings(viewer: Viewer = ANONYMOUS) -> QuerySet[models.Meeting]:
    qs = models.Meeting.objects.all()
    if viewer.restricted:
        return qs
    return qs.filter(public=True, state__in=MEETING_STATES)


def meeting_filter(prefix: str = "", viewer: Viewer = ANONYMOUS, states: tuple[str, ...] = AGENDA_STATES) -> Q:
    """The condition on a related meeting (``prefix`` like "item__meeting__") for use in other queries."""
    if viewer.restricted:
        return Q()
    return Q(**{f"{prefix}public": True, f"{prefix}state__in": states})


def item_filter(prefix: str = "", viewer: Viewer = ANONYMOUS) -> Q:
    """The condition on a (related) item, ``prefix`` like "realized_by__": joins instead of a subquery."""
    if viewer.restricted:
        return Q()
    return meeting_filter(f"{prefix}meeting__", viewer) & Q(**{f"{prefix}public": True})


def items(viewer: Viewer = ANONYMOUS) -> QuerySet[models.AgendaItem]:
    return models.AgendaItem.objects.filter(item_filter("", viewer))


def item_visible(item: models.AgendaItem, viewer: Viewer = ANONYMOUS) -> bool:
    """The same rule as ``items``, for an item already loaded with its meeting."""
    return viewer.restricted or (item.public and shows_agenda(item.meeting, viewer))


def shows_agenda(meeting: models.Meeting, viewer: Viewer = ANONYMOUS) -> bool:
    return viewer.restricted or (meeting.public and meeting.state in AGENDA_STATES)


def shows_minutes(meeting: models.Meeting, viewer: Viewer = ANONYMOUS) -> bool:
    """Decisions, attendance and the minutes document are public only once the minutes are published."""
    return viewer.restricted or (meeting.public and meeting.state in MINUTES_STATES)


def sections(item: models.AgendaItem, viewer: Viewer = ANONYMOUS) -> QuerySet[models.Section]:
    qs = item.sections.all()
    if not shows_minutes(item.meeting, viewer):
        qs = qs.exclude(kind=models.Section.Kind.DECISION)
    return qs


def decisions(viewer: Viewer = ANONYMOUS) -> QuerySet[models.Section]:
    """Decision sections of visible items of meetings whose minutes are published."""
    qs = models.Section.objects.filter(kind=models.Section.Kind.DECISION)
    if viewer.restricted:
        return qs
    return qs.filter(meeting_filter("item__meeting__", states=MINUTES_STATES), item__public=True)


def attendance(viewer: Viewer = ANONYMOUS) -> QuerySet[models.Attendance]:
    qs = models.Attendance.objects.all()
    if viewer.restricted:
        return qs
    return qs.filter(meeting_filter("meeting__", states=MINUTES_STATES))


def sources(meeting: models.Meeting, viewer: Viewer = ANONYMOUS) -> QuerySet[models.SourceDocument]:
    """The meeting's imported files a reader may download: the agenda once published, the minutes
    once published; never a failed import. A meeting with a closed item offers no original files,
    since a file may hold the closed item's text (the versions generated from the archive are
    offered instead, and leave it out)."""
    qs = meeting.sources.filter(status=models.SourceDocument.Status.IMPORTED)
    if viewer.restricted:
        return qs
    if not shows_agenda(meeting, viewer) or meeting.items.filter(public=False).exists():
        return qs.none()
    if not shows_minutes(meeting, viewer):
        qs = qs.exclude(kind="minutes")
    return qs


_IMPORTED = Prepared(
    lambda viewer, meeting: models.SourceDocument.objects.filter(
        meeting_id=meeting, status=models.SourceDocument.Status.IMPORTED).order_by("kind", "format", "name"),
    meeting=models.SourceDocument._meta.get_field("meeting"))
_CLOSED_ITEM = Prepared(
    lambda viewer, meeting: models.AgendaItem.objects.filter(meeting_id=meeting, public=False).only("pk")[:1],
    meeting=models.AgendaItem._meta.get_field("meeting"))


def source_list(meeting: models.Meeting, viewer: Viewer = ANONYMOUS) -> list[models.SourceDocument]:
    """``sources`` as a list in the meeting page's order (kind, format, name), by the same rules,
    from prepared statements: the meeting page asks on every view."""
    if not viewer.restricted and (not shows_agenda(meeting, viewer) or _CLOSED_ITEM.run(viewer, meeting=meeting.pk)):
        return []
    rows = _IMPORTED.run(viewer, meeting=meeting.pk)
    if not shows_minutes(meeting, viewer):
        rows = [s for s in rows if s.kind != "minutes"]
    return rows


_SECTIONS = Prepared(lambda viewer, item: models.Section.objects.filter(item_id=item).order_by("order"),
                     item=models.Section._meta.get_field("item"))


def section_list(item: models.AgendaItem, viewer: Viewer = ANONYMOUS) -> list[models.Section]:
    """``sections`` as a list in the item's order, by the same rule, from a prepared statement."""
    rows = _SECTIONS.run(viewer, item=item.pk)
    if not shows_minutes(item.meeting, viewer):
        rows = [s for s in rows if s.kind != models.Section.Kind.DECISION]
    return rows
