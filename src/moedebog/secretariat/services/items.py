"""Agenda items: add, edit, reorder, move between headings, delete, and write their sections.

Numbers follow the order: item n under heading "3" is "3.n", so reordering or moving renumbers
the items of the meeting in one go (in two passes, because (meeting, number) is unique and a swap
would otherwise collide). Bulk updates send no model signals, so the search index is refreshed
explicitly afterwards. Section text arrives already made safe (``secretariat.richtext``).
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _

from moedebog.archive import models
from moedebog.archive.services import threads
from moedebog.secretariat import audit, roles
from moedebog.secretariat.documents import heading_sort_key
from moedebog.secretariat.models import DraftItem
from moedebog.secretariat.services.common import (
    ServiceError,
    atomic,
    item_values,
    lock_meeting,
    refresh_index,
    section_values,
)

_HANDLER_SPLIT = re.compile(r"[\s/,;]+")
#: Section kinds edited with the item; decisions are recorded with the minutes.
TEXT_KINDS = tuple(k for k in models.Section.Kind.values if k != models.Section.Kind.DECISION)


def clean_handlers(text: str) -> str:
    """ "chbo / jhp, snm" → "chbo/jhp/snm", the form the case-number line prints."""
    return "/".join(h for h in _HANDLER_SPLIT.split(text.strip()) if h)[:200]


def _case(body: models.Body, number: str, title: str) -> models.Case | None:
    number = " ".join(number.split())[:100]
    if not number:
        return None
    case, _created = models.Case.objects.get_or_create(body=body, number=number, defaults={"title": title[:500]})
    return case


def _title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise ServiceError(_("Punktet skal have en titel."))
    return title[:1000]


def _item(item: models.AgendaItem | int) -> models.AgendaItem:
    pk = item if isinstance(item, int) else item.pk
    return models.AgendaItem.objects.select_related("meeting", "meeting__body", "heading", "case").get(pk=pk)


def _listing(items: list[models.AgendaItem]) -> str:
    return "\n".join(f"{i.number}. {i.title}" for i in items)


# ---------------------------------------------------------------- numbering


def _arrangement(meeting: models.Meeting) -> tuple[list[models.Heading], dict[int, list[models.AgendaItem]],
                                                      list[models.AgendaItem]]:
    headings = sorted(meeting.headings.all(), key=lambda h: heading_sort_key(h.number))
    groups: dict[int, list[models.AgendaItem]] = {h.pk: [] for h in headings}
    loose: list[models.AgendaItem] = []
    for item in meeting.items.select_related("heading").order_by("order", "pk"):
        groups.get(item.heading_id, loose).append(item)
    return headings, groups, loose


def _renumber(meeting: models.Meeting, headings: list[models.Heading],
              groups: dict[int, list[models.AgendaItem]], loose: list[models.AgendaItem]) -> tuple[str, str]:
    """Give every item its number and order from the arrangement; (before, after) of what changed."""
    final: list[tuple[models.AgendaItem, str, models.Heading | None]] = []
    for heading in headings:
        final.extend((item, f"{heading.number}.{n}", heading) for n, item in enumerate(groups[heading.pk], 1))
    final.extend((item, item.number, item.heading) for item in loose)
    moved = [(item, number) for item, number, heading in final
             if item.number != number or (heading is not None and item.heading_id != heading.pk)]
    before = _listing([item for item, _n in moved])
    renamed = [item for item, number in moved if item.number != number]
    for item in renamed:
        item.number = f"~{item.pk}"[:20]
    models.AgendaItem.objects.bulk_update(renamed, ["number"])
    for order, (item, number, heading) in enumerate(final):
        item.number, item.order = number, order
        if heading is not None:
            item.heading = heading
    models.AgendaItem.objects.bulk_update([item for item, _n, _h in final], ["number", "order", "heading"])
    return before, _listing([item for item, _n in moved])


# ---------------------------------------------------------------- writes


def add_item(user: Any, meeting: models.Meeting, heading: models.Heading, title: str, case_number: str = "",
             handlers: str = "", public: bool = True) -> models.AgendaItem:
    """A new item at the end of ``heading``."""
    roles.require_prepare(user, meeting.body_id)
    with atomic():
        meeting = lock_meeting(meeting)
        if heading.meeting_id != meeting.pk:
            raise ServiceError(_("Overskriften hører ikke til mødet."))
        headings, groups, loose = _arrangement(meeting)
        title = _title(title)
        item = models.AgendaItem.objects.create(
            meeting=meeting, number=f"~new{len(loose) + sum(map(len, groups.values()))}", heading=heading,
            title=title, case=_case(meeting.body, case_number, title), handlers=clean_handlers(handlers),
            public=public, order=10**6)
        groups[heading.pk].append(item)
        _renumber(meeting, headings, groups, loose)
        item.refresh_from_db()
        audit.record(user, "item.add", _("Tilføjede punkt %(number)s") % {"number": item.number}, meeting=meeting,
                     obj=item, after=item_values(item))
        threads.link_meeting(meeting)
        refresh_index(meeting)
    return item


def update_item(user: Any, item: models.AgendaItem, title: str, case_number: str, handlers: str,
                public: bool) -> models.AgendaItem:
    item = _item(item)
    roles.require_prepare(user, item.meeting.body_id)
    with atomic():
        lock_meeting(item.meeting_id)
        before = item_values(item)
        item.title = _title(title)
        item.case = _case(item.meeting.body, case_number, item.title)
        item.handlers = clean_handlers(handlers)
        item.public = public
        item.save()
        old, new = audit.changed(before, item_values(item))
        if old or new:
            audit.record(user, "item.update", _("Rettede punkt %(number)s") % {"number": item.number},
                         meeting=item.meeting, obj=item, before=old, after=new)
            threads.link_meeting(item.meeting)
    return item


def set_sections(user: Any, item: models.AgendaItem, sections: list[tuple[str, str, str]]) -> None:
    """Replace the item's text sections (kind, title, safe text); its decision is kept as it is."""
    item = _item(item)
    roles.require_prepare(user, item.meeting.body_id)
    for kind in (k for k, _t, _x in sections):
        if kind not in TEXT_KINDS:
            raise ServiceError(_("Ukendt afsnitstype: %(kind)s") % {"kind": kind})
    with atomic():
        lock_meeting(item.meeting_id)
        before = section_values(item)
        decisions = list(item.sections.filter(kind=models.Section.Kind.DECISION).order_by("order"))
        item.sections.exclude(kind=models.Section.Kind.DECISION).delete()
        wanted = [(k, t.strip()[:500], x) for k, t, x in sections if x.strip() or t.strip()]
        for section in decisions:  # out of the way of the new order numbers
            section.order += 10**6
            section.save(update_fields=["order"])
        for n, (kind, title, text) in enumerate(wanted):
            models.Section.objects.create(item=item, order=n, kind=kind, title=title, text=text)
        for n, section in enumerate(decisions, start=len(wanted)):
            section.order = n
            section.save(update_fields=["order"])
        old, new = audit.changed(before, section_values(item))
        if old or new:
            audit.record(user, "item.sections", _("Rettede teksten i punkt %(number)s") % {"number": item.number},
                         meeting=item.meeting, obj=item, before=old, after=new)
            threads.link_meeting(item.meeting)


def move_item(user: Any, item: models.AgendaItem, offset: int) -> None:
    """Move the item up (-1) or down (+1) under its heading; the numbers follow."""
    item = _item(item)
    roles.require_prepare(user, item.meeting.body_id)
    with atomic():
        meeting = lock_meeting(item.meeting_id)
        headings, groups, loose = _arrangement(meeting)
        group = groups.get(item.heading_id) or loose
        index = next(n for n, i in enumerate(group) if i.pk == item.pk)
        target = index + offset
        if not 0 <= target < len(group):
            raise ServiceError(_("Punktet kan ikke flyttes længere."))
        group[index], group[target] = group[target], group[index]
        before, after = _renumber(meeting, headings, groups, loose)
        audit.record(user, "item.move", _("Flyttede punkt %(number)s «%(title)s»")
                     % {"number": item.number, "title": item.title}, meeting=meeting, obj=item,
                     before={_("Numre"): before}, after={_("Numre"): after})
        refresh_index(meeting)


def move_to_heading(user: Any, item: models.AgendaItem, heading: models.Heading) -> None:
    """Move the item to the end of another heading; the numbers of both follow."""
    item = _item(item)
    roles.require_prepare(user, item.meeting.body_id)
    with atomic():
        meeting = lock_meeting(item.meeting_id)
        if heading.meeting_id != meeting.pk:
            raise ServiceError(_("Overskriften hører ikke til mødet."))
        if heading.pk == item.heading_id:
            return
        headings, groups, loose = _arrangement(meeting)
        for group in (*groups.values(), loose):
            group[:] = [i for i in group if i.pk != item.pk]
        groups[heading.pk].append(item)
        before, after = _renumber(meeting, headings, groups, loose)
        audit.record(user, "item.move", _("Flyttede punkt %(number)s «%(title)s» til %(heading)s")
                     % {"number": item.number, "title": item.title, "heading": heading}, meeting=meeting, obj=item,
                     before={_("Numre"): before}, after={_("Numre"): after})
        refresh_index(meeting)


def delete_item(user: Any, item: models.AgendaItem) -> None:
    item = _item(item)
    roles.require_prepare(user, item.meeting.body_id)
    with atomic():
        meeting = lock_meeting(item.meeting_id)
        values = {**item_values(item), **section_values(item)}
        item.delete()
        headings, groups, loose = _arrangement(meeting)
        _renumber(meeting, headings, groups, loose)
        audit.record(user, "item.delete", _("Slettede punkt %(number)s «%(title)s»")
                     % {"number": values["Nummer"], "title": values["Titel"]}, meeting=meeting, before=values)
        refresh_index(meeting)


def mark_ready(user: Any, item: models.AgendaItem) -> None:
    """A draft item (from the forward plan) is ready for the agenda."""
    item = _item(item)
    roles.require_prepare(user, item.meeting.body_id)
    with atomic():
        deleted, _rows = DraftItem.objects.filter(item=item).delete()
        if deleted:
            audit.record(user, "item.ready", _("Gjorde udkastet til punkt %(number)s klar") % {"number": item.number},
                         meeting=item.meeting, obj=item, before={_("Udkast"): "ja"}, after={_("Udkast"): "nej"})
