"""The item page and its thread: the same case and the same themes in other meetings, and the
forward plan in both directions (what an earlier meeting planned, what this item plans)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from moedebog.archive import models
from moedebog.archive.prepared import Prepared, fetch
from moedebog.site import visibility
from moedebog.site.visibility import ANONYMOUS, Viewer

#: How many items of one theme an item page shows; the theme's page has them all.
THEME_ITEMS = 5
#: How many items of the same case before and after this one the item page shows.
CASE_ITEMS = 4
#: A bound on the items of one case read for the window (a case has tens).
CASE_LIMIT = 1000
#: How many of an item's themes the item page follows.
MAX_THEMES = 4


@dataclass(slots=True)
class ThemeThread:
    topic: models.Topic
    items: list[models.AgendaItem]
    total: int


@dataclass(slots=True)
class PlanLink:
    """A forward-plan line and the item at the other end, when it is known and visible."""

    entry: models.ForwardPlanEntry
    item: models.AgendaItem | None


@dataclass(slots=True)
class ItemPage:
    item: models.AgendaItem
    sections: list[models.Section]
    attachments: list[models.Attachment]
    absences: list[models.ItemAbsence]
    case_items: list[models.AgendaItem]  # the case's items nearest in time, oldest first
    case_total: int
    themes: list[ThemeThread]
    plans: list[PlanLink]  # lines of this item, linked to the later item that realised each
    planned_by: list[PlanLink]  # lines of earlier meetings that this item realises
    previous: models.AgendaItem | None
    next: models.AgendaItem | None
    shows_minutes: bool = False
    letters: list[models.Letter] = field(default_factory=list)


def _with_meeting(qs):
    return qs.select_related("meeting", "meeting__body")


_ITEM = models.AgendaItem._meta.get_field("id")
_MEETING = models.AgendaItem._meta.get_field("meeting")
_FIND = Prepared(
    lambda viewer, meeting, number: visibility.items(viewer).select_related("case", "case__body", "heading")
    .filter(meeting_id=meeting, number=number)[:1],
    meeting=_MEETING, number=models.AgendaItem._meta.get_field("number"))
_SIBLINGS = Prepared(
    lambda viewer, meeting: visibility.items(viewer).filter(meeting_id=meeting).order_by("order")
    .only("pk", "number", "title", "order"), meeting=_MEETING)
_ATTACHMENTS = Prepared(lambda viewer, item: models.Attachment.objects.filter(item_id=item).order_by("order"),
                        item=_ITEM)
_ABSENCES = Prepared(lambda viewer, item: models.ItemAbsence.objects.filter(item_id=item)
                     .select_related("person", "person__municipality"), item=_ITEM)


def find_item(meeting: models.Meeting, number: str, viewer: Viewer = ANONYMOUS) -> models.AgendaItem | None:
    found = _FIND.run(viewer, meeting=meeting.pk, number=number)
    item = found[0] if found else None
    if item is not None:
        item.meeting = meeting
    return item


def item_page(item: models.AgendaItem, viewer: Viewer = ANONYMOUS) -> ItemPage:
    meeting = item.meeting
    minutes = visibility.shows_minutes(meeting, viewer)
    case_items, case_total = case_window(item, viewer)
    siblings = _SIBLINGS.run(viewer, meeting=meeting.pk)
    index = next((n for n, s in enumerate(siblings) if s.pk == item.pk), 0)
    for sibling in siblings:
        sibling.meeting = meeting
    plans, planned_by = plan_links(item, viewer)
    return ItemPage(
        item=item,
        sections=visibility.section_list(item, viewer),
        attachments=_ATTACHMENTS.run(viewer, item=item.pk),
        absences=_ABSENCES.run(viewer, item=item.pk) if minutes else [],
        case_items=case_items,
        case_total=case_total,
        themes=themes(item, viewer),
        plans=plans,
        planned_by=planned_by,
        previous=siblings[index - 1] if index > 0 else None,
        next=siblings[index + 1] if index + 1 < len(siblings) else None,
        shows_minutes=minutes,
        letters=letters(item),
    )


_CASE_ITEMS = Prepared(
    lambda viewer, case, item: _with_meeting(visibility.items(viewer).filter(case_id=case).exclude(pk=item))
    .only("pk", "number", "title", "order", "meeting__start", "meeting__time_known", "meeting__body__path",
          "meeting__body__name").order_by("meeting__start", "order")[:CASE_LIMIT],
    case=models.AgendaItem._meta.get_field("case"), item=_ITEM)


def case_window(item: models.AgendaItem, viewer: Viewer = ANONYMOUS) -> tuple[list[models.AgendaItem], int]:
    """The same case's items at the meetings just before and after this one, and how many there are
    in all: standing items (approval of minutes, "Eventuelt") share one case number a year. One
    query; a case has tens of items, not thousands."""
    if not item.case_id:
        return [], 0
    others = _CASE_ITEMS.run(viewer, case=item.case_id, item=item.pk)
    start = item.meeting.start
    before = [i for i in others if i.meeting.start < start][-CASE_ITEMS:]
    same = [i for i in others if i.meeting_id == item.meeting_id]
    after = [i for i in others if i.meeting.start > start][:CASE_ITEMS]
    return [*before, *same, *after], len(others)


def themes(item: models.AgendaItem, viewer: Viewer = ANONYMOUS) -> list[ThemeThread]:
    """The item's most specific themes, each with its latest items at other meetings.

    Specific first: a theme shared by few items says more than one shared by thousands. A theme's
    size is counted only up to ``SIZE_BOUND`` items, so the cost does not grow with the archive:
    themes larger than that are equally unspecific and follow in label order. "Latest" is latest
    added to the archive, which follows the index on (theme, item) backwards and stops after a few
    rows, instead of sorting every item of a theme that spans decades by date; the few rows are
    then shown newest meeting first. Three statements in all, however many themes: the themes,
    one union of a limited query per theme, and the items found.
    """
    topics = _topics(item)
    if not topics:
        return []
    parts, params = [], []
    for topic in topics:
        sql, sql_params = _THEME_LATEST.sql(viewer, topic=topic.pk, meeting=item.meeting_id)
        parts.append(f"SELECT * FROM ({sql}) t{len(parts)}")
        params.extend(sql_params)
    pairs = fetch(" UNION ALL ".join(parts), params)
    ids = [i for _, i in pairs][:len(_THEME_SLOTS)]
    padded = dict(zip(_THEME_SLOTS, ids + [0] * (len(_THEME_SLOTS) - len(ids)), strict=True))
    found = {i.pk: i for i in _THEME_FOUND.run(viewer, **padded)}
    out = []
    for topic in topics:
        rows = sorted((found[i] for t, i in pairs if t == topic.pk and i in found),
                      key=lambda i: i.meeting.start, reverse=True)
        if rows:
            out.append(ThemeThread(topic, rows, len(rows)))
    return out


_LINKS = models.Topic.items.through
#: The latest items of one theme at other meetings (``themes`` joins one per theme in a union).
_THEME_LATEST = Prepared(
    lambda viewer, topic, meeting: _LINKS.objects.filter(visibility.item_filter("agendaitem__", viewer),
                                                         topic_id=topic)
    .exclude(agendaitem__meeting_id=meeting).values_list("topic_id", "agendaitem_id")
    .order_by("-agendaitem_id")[:THEME_ITEMS],
    topic=_LINKS._meta.get_field("topic"), meeting=_MEETING)
#: One slot per item the themes can show; slots left over hold 0, which is no item's id.
_THEME_SLOTS = tuple(f"i{n}" for n in range(THEME_ITEMS * MAX_THEMES))
_THEME_FOUND = Prepared(
    lambda viewer, **ids: _with_meeting(models.AgendaItem.objects.filter(pk__in=list(ids.values())))
    .only("number", "title", "meeting__start", "meeting__time_known", "meeting__body__path", "meeting__body__name"),
    **dict.fromkeys(_THEME_SLOTS, _ITEM))

#: Theme sizes are counted up to this many items (see ``themes``).
SIZE_BOUND = 500


def _topics(item: models.AgendaItem) -> list[models.Topic]:
    """The item's themes that other items share, most specific first, at most ``MAX_THEMES``.
    Notes on the item whether any of its themes has letters, so ``letters`` can skip its query."""
    through = models.Topic.items.through._meta.db_table
    letters = models.Topic.letters.through._meta.db_table
    rows = fetch(f"SELECT t.id, t.key, t.label, (SELECT count(*) FROM (SELECT 1 FROM {through} s "
                 f"WHERE s.topic_id = t.id LIMIT {SIZE_BOUND}) b) AS size, "
                 f"EXISTS (SELECT 1 FROM {letters} l WHERE l.topic_id = t.id) AS has_letters "
                 f"FROM {models.Topic._meta.db_table} t JOIN {through} mine ON mine.topic_id = t.id "
                 "WHERE mine.agendaitem_id = %s", [item.pk])
    item._letter_themes = any(row[4] for row in rows)
    shared = sorted((row for row in rows if row[3] > 1), key=lambda row: (row[3], row[2]))[:MAX_THEMES]
    return [models.Topic(pk=pk, key=key, label=label) for pk, key, label, _, _ in shared]


def letters(item: models.AgendaItem) -> list[models.Letter]:
    """Letters (consultations) on the item's themes: public documents sent to the councils."""
    if getattr(item, "_letter_themes", True) is False:  # ``themes`` found none
        return []
    return list(models.Letter.objects.filter(topics__items=item).distinct().order_by("-date")[:5])


_PLAN_ENTRIES = Prepared(
    lambda viewer, item: models.ForwardPlanEntry.objects.filter(Q(item_id=item) | Q(realized_by_id=item))
    .select_related("item__meeting__body", "realized_by__meeting__body").order_by("item__meeting__start", "order"),
    item=_ITEM)


def plan_links(item: models.AgendaItem, viewer: Viewer = ANONYMOUS) -> tuple[list[PlanLink], list[PlanLink]]:
    """The forward plan both ways, in one query: this item's lines with the later items that
    realised them, and the earlier lines this item realises; the far end only where visible."""
    entries = _PLAN_ENTRIES.run(viewer, item=item.pk)
    plans, planned_by = [], []
    for entry in entries:
        if entry.item_id == item.pk:
            target = entry.realized_by
            plans.append(PlanLink(entry, target if target and visibility.item_visible(target, viewer) else None))
        elif visibility.item_visible(entry.item, viewer):
            planned_by.append(PlanLink(entry, entry.item))
    return plans, planned_by
