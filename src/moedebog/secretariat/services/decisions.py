"""Decisions: each item's "Beslutning", from a quick choice of the usual phrasings and free text.

Recording the decision of item 1.1 ("Godkendelse af referat") that approves the minutes moves
the previous meeting to "minutes approved"; recording at a held meeting starts its minutes.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from moedebog.archive import models
from moedebog.secretariat import audit, roles, template
from moedebog.secretariat.services.common import ServiceError, atomic, lock_meeting
from moedebog.secretariat.services.lifecycle import MINUTES_STATES, approve_by_next_meeting, begin_minutes_if_held

DECISION = models.Section.Kind.DECISION
DECISION_TITLE = "Beslutning"


def decision_text(item: models.AgendaItem) -> str:
    return "\n\n".join(s.text for s in item.sections.all() if s.kind == DECISION and s.text.strip())


def record_decisions(user: Any, meeting: models.Meeting, decisions: dict[int, str]) -> list[models.AgendaItem]:
    """Item id → decision text (safe text; empty removes it). Returns the items that changed."""
    roles.require_prepare(user, meeting.body_id)
    changed: list[models.AgendaItem] = []
    with atomic():
        meeting = lock_meeting(meeting)
        if meeting.state not in MINUTES_STATES:
            raise ServiceError(_("Beslutninger kan først skrives, når mødet er afholdt."))
        items = meeting.items.filter(pk__in=decisions).prefetch_related("sections").order_by("order")
        for item in items:
            text = decisions[item.pk].strip()
            before = decision_text(item)
            if text == before:
                continue
            sections = sorted(item.sections.all(), key=lambda s: s.order)
            last = max((s.order for s in sections), default=-1)
            item.sections.filter(kind=DECISION).delete()
            if text:
                models.Section.objects.create(item=item, order=last + 1, kind=DECISION, title=DECISION_TITLE,
                                              text=text)
            changed.append(item)
            audit.record(user, "item.decision", _("Skrev beslutningen i punkt %(number)s") % {"number": item.number},
                         meeting=meeting, obj=item, before={_("Beslutning"): before}, after={_("Beslutning"): text})
            if text and template.is_approval_item(item.number, item.title) and template.approves(text):
                approve_by_next_meeting(user, meeting, item)
        if changed:
            begin_minutes_if_held(user, meeting)
    return changed
