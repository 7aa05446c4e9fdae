"""Creating a meeting and starting its agenda from the body's template.

A new meeting is a date and a place (state "planned"); preparing its agenda lays out the
template's headings and standard items, and brings in the items the previous meeting planned
in its forward plan ("Punkter til næste møde") as drafts, linked to the plan entries they realise.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import IntegrityError
from django.utils import timezone
from django.utils.translation import gettext as _

from moedebog.archive import models
from moedebog.archive.services import threads
from moedebog.archive.services.importer import ensure_term
from moedebog.secretariat import audit, roles, template
from moedebog.secretariat.models import DraftItem
from moedebog.secretariat.services.common import (
    ServiceError,
    atomic,
    lock_meeting,
    meeting_values,
    refresh_index,
)

State = models.Meeting.State


def _aware(start: datetime) -> datetime:
    return start if timezone.is_aware(start) else timezone.make_aware(start)


def previous_meeting(meeting: models.Meeting) -> models.Meeting | None:
    return (models.Meeting.objects.filter(body_id=meeting.body_id, start__lt=meeting.start)
            .order_by("-start").first())


def create_meeting(user: Any, body: models.Body, start: datetime, location: str = "", name: str = "",
                   prepare: bool = True) -> models.Meeting:
    """A new meeting of ``body``; with ``prepare``, its agenda is started from the template at once."""
    roles.require_prepare(user, body)
    start = _aware(start)
    with atomic():
        if models.Meeting.objects.filter(body=body, start=start).exists():
            raise ServiceError(_("%(body)s har allerede et møde %(when)s.")
                               % {"body": body.name, "when": f"{timezone.localtime(start):%d-%m-%Y %H:%M}"})
        meeting = models.Meeting(body=body, start=start, location=location.strip()[:300], name=name.strip()[:200],
                                 state=State.PLANNED, public=False)
        meeting.term = ensure_term(meeting)
        try:
            meeting.save()
        except IntegrityError:
            raise ServiceError(_("Mødet findes allerede.")) from None
        audit.record(user, "meeting.create", _("Oprettede mødet"), meeting=meeting, obj=meeting,
                     after=meeting_values(meeting))
        if prepare:
            _prepare(user, meeting)
    return meeting


def update_meeting(user: Any, meeting: models.Meeting, start: datetime, location: str, name: str = "") -> None:
    roles.require_prepare(user, meeting.body_id)
    with atomic():
        meeting = lock_meeting(meeting)
        before = meeting_values(meeting)
        start = _aware(start)
        if start != meeting.start and models.Meeting.objects.filter(body_id=meeting.body_id, start=start).exists():
            raise ServiceError(_("Organet har allerede et møde på det tidspunkt."))
        meeting.start, meeting.location, meeting.name = start, location.strip()[:300], name.strip()[:200]
        meeting.term = ensure_term(meeting)
        meeting.save()
        old, new = audit.changed(before, meeting_values(meeting))
        if old or new:
            audit.record(user, "meeting.update", _("Rettede mødets oplysninger"), meeting=meeting, obj=meeting,
                         before=old, after=new)


def prepare_agenda(user: Any, meeting: models.Meeting) -> None:
    """Planned → agenda in preparation, with the template laid out."""
    roles.require_prepare(user, meeting.body_id)
    with atomic():
        meeting = lock_meeting(meeting)
        if meeting.state != State.PLANNED:
            raise ServiceError(_("Dagsordenen er allerede påbegyndt."))
        _prepare(user, meeting)


def _prepare(user: Any, meeting: models.Meeting) -> None:
    before = meeting_values(meeting)
    if not meeting.items.exists():
        _apply_template(user, meeting)
    meeting.state = State.AGENDA_DRAFT
    meeting.save(update_fields=["state"])
    old, new = audit.changed(before, meeting_values(meeting))
    audit.record(user, "meeting.prepare", _("Startede dagsordenen fra skabelonen"), meeting=meeting, obj=meeting,
                 before=old, after=new)
    refresh_index(meeting)


def _apply_template(user: Any, meeting: models.Meeting) -> None:
    tpl = template.template_for(meeting.body.kind)
    previous = previous_meeting(meeting)
    prev_day = timezone.localtime(previous.start).date() if previous else None
    headings = {}
    for number, title in tpl.headings:
        headings[number], _created = models.Heading.objects.get_or_create(
            meeting=meeting, number=number, defaults={"title": title})
    carried = _carried_over(meeting, previous)
    planned = _planned_entries(meeting, previous)
    order = 0
    for heading_number, _title in tpl.headings:
        position = 0
        standard = [s for s in tpl.items if s.heading == heading_number]
        for std in standard:
            position += 1
            title = template.fill(std.title, meeting.body.name, prev_day)
            item = models.AgendaItem.objects.create(
                meeting=meeting, number=f"{heading_number}.{position}", order=order, title=title[:1000],
                heading=headings[heading_number], **carried.get(std.role, {}))
            order += 1
            for n, (kind, section_title, text) in enumerate(std.sections):
                models.Section.objects.create(item=item, order=n, kind=kind, title=section_title,
                                              text=template.fill(text, meeting.body.name, prev_day))
        if heading_number == tpl.planned_heading:
            for entry in planned:
                position += 1
                item = models.AgendaItem.objects.create(
                    meeting=meeting, number=f"{heading_number}.{position}", order=order, title=entry.text[:1000],
                    heading=headings[heading_number])
                order += 1
                DraftItem.objects.create(item=item, plan_entry=entry)
                entry.realized_by = item
                entry.save(update_fields=["realized_by"])
    summary = _("Lagde skabelonens %(headings)d overskrifter og %(items)d standardpunkter ind") % {
        "headings": len(tpl.headings), "items": len(tpl.items)}
    if planned:
        summary += _("; %(n)d punkter fra forrige mødes plan kom ind som udkast") % {"n": len(planned)}
    audit.record(user, "meeting.template", summary, meeting=meeting, obj=meeting,
                 after={_("Punkter"): "\n".join(i.number + ". " + i.title for i in meeting.items.order_by("order"))})
    threads.link_meeting(meeting)


def _carried_over(meeting: models.Meeting, previous: models.Meeting | None) -> dict[str, dict[str, Any]]:
    """Case and handlers of the standard items, carried over from the previous meeting of the same
    year (the secretariat files a year's standard items under one case)."""
    if previous is None or previous.start.year != meeting.start.year:
        return {}
    tpl = template.template_for(meeting.body.kind)
    out: dict[str, dict[str, Any]] = {}
    by_heading = {}
    for item in previous.items.select_related("heading", "case").order_by("order"):
        if item.heading is not None:
            by_heading.setdefault(item.heading.number, item)
    for std in tpl.items:
        item = by_heading.get(std.heading)
        if item is not None and item.case_id:
            out[std.role] = {"case": item.case, "handlers": item.handlers}
    return out


def _planned_entries(meeting: models.Meeting, previous: models.Meeting | None) -> list[models.ForwardPlanEntry]:
    """Unrealised forward-plan lines of the previous meeting meant for this one (by date, or as
    the next meeting when they name no date)."""
    if previous is None:
        return []
    day = timezone.localtime(meeting.start).date()
    entries = models.ForwardPlanEntry.objects.filter(item__meeting=previous, realized_by__isnull=True)
    return [e for e in entries.order_by("item__order", "order") if e.target_date in (None, day)]
