"""The meeting's life: planned → agenda in preparation → agenda published → held → minutes in
preparation → minutes approved → minutes published; and withdrawing what was published.

Publishing sets the meeting's state and ``public`` flag, which is all the public site, its feeds
and search read (they render documents from the archive on request), so a publication shows
everywhere at once and a withdrawal hides it everywhere at once; the search index is refreshed
in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from moedebog.archive import models
from moedebog.secretariat import audit, roles
from moedebog.secretariat.models import DraftItem
from moedebog.secretariat.services.common import ServiceError, atomic, lock_meeting, meeting_values, refresh_index

State = models.Meeting.State
#: States in which something has been published (withdrawing and re-publishing make sense).
PUBLISHED_STATES = (State.AGENDA_PUBLISHED, State.HELD, State.MINUTES_DRAFT, State.MINUTES_APPROVED,
                    State.PUBLISHED)
#: States in which decisions and attendance are recorded.
MINUTES_STATES = (State.HELD, State.MINUTES_DRAFT, State.MINUTES_APPROVED, State.PUBLISHED)


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    source: tuple[str, ...]
    target: str
    label: object  # the button
    summary: object  # the audit sentence
    public: bool | None = None  # set Meeting.public


STEPS = {s.name: s for s in (
    Step("prepare", (State.PLANNED,), State.AGENDA_DRAFT, gettext_lazy("Start dagsordenen fra skabelonen"),
         gettext_lazy("Startede dagsordenen")),
    Step("publish_agenda", (State.AGENDA_DRAFT,), State.AGENDA_PUBLISHED, gettext_lazy("Offentliggør dagsordenen"),
         gettext_lazy("Offentliggjorde dagsordenen"), public=True),
    Step("mark_held", (State.AGENDA_PUBLISHED,), State.HELD, gettext_lazy("Mødet er afholdt"),
         gettext_lazy("Markerede mødet som afholdt")),
    Step("start_minutes", (State.HELD,), State.MINUTES_DRAFT, gettext_lazy("Begynd referatet"),
         gettext_lazy("Begyndte referatet")),
    Step("approve_minutes", (State.MINUTES_DRAFT,), State.MINUTES_APPROVED, gettext_lazy("Godkend referatet"),
         gettext_lazy("Godkendte referatet")),
    Step("publish_minutes", (State.MINUTES_APPROVED,), State.PUBLISHED, gettext_lazy("Offentliggør referatet"),
         gettext_lazy("Offentliggjorde referatet"), public=True),
)}


def next_steps(meeting: models.Meeting) -> list[Step]:
    return [s for s in STEPS.values() if meeting.state in s.source]


def advance(user: Any, meeting: models.Meeting, step: str) -> models.Meeting:
    """Take one step of the life cycle; refused with a Danish reason when it does not apply."""
    if step == "prepare":
        from moedebog.secretariat.services.meetings import prepare_agenda

        prepare_agenda(user, meeting)
        return models.Meeting.objects.get(pk=meeting.pk)
    if step not in STEPS:
        raise ServiceError(_("Ukendt handling."))
    roles.require_prepare(user, meeting.body_id)
    with atomic():
        meeting = lock_meeting(meeting)
        _step(user, meeting, STEPS[step])
    return meeting


def _step(user: Any, meeting: models.Meeting, step: Step, summary: str | None = None) -> None:
    if meeting.state not in step.source:
        raise ServiceError(_("Det kan ikke lade sig gøre, når mødets status er «%(state)s».")
                           % {"state": models.Meeting.State(meeting.state).label})
    if step.name == "publish_agenda":
        drafts = DraftItem.objects.filter(item__meeting=meeting).select_related("item").order_by("item__order")
        if drafts:
            numbers = ", ".join(d.item.number for d in drafts)
            raise ServiceError(_("Dagsordenen kan ikke offentliggøres, før udkastene er gjort klar: punkt %(n)s.")
                               % {"n": numbers})
        if not meeting.items.exists():
            raise ServiceError(_("Dagsordenen har ingen punkter."))
    before = meeting_values(meeting)
    meeting.state = step.target
    if step.public is not None:
        meeting.public = step.public
    meeting.save(update_fields=["state", "public"])
    old, new = audit.changed(before, meeting_values(meeting))
    audit.record(user, f"meeting.{step.name}", summary or str(step.summary), meeting=meeting, obj=meeting,
                 before=old, after=new)
    refresh_index(meeting)


def begin_minutes_if_held(user: Any, meeting: models.Meeting) -> None:
    """Recording a decision or attendance at a held meeting starts its minutes."""
    if meeting.state == State.HELD:
        _step(user, meeting, STEPS["start_minutes"])


def approve_by_next_meeting(user: Any, meeting: models.Meeting, item: models.AgendaItem) -> models.Meeting | None:
    """Item 1.1 of ``meeting`` approved the previous minutes: that meeting moves to "approved"."""
    from moedebog.secretariat.services.meetings import previous_meeting

    previous = previous_meeting(meeting)
    if previous is None:
        return None
    previous = lock_meeting(previous)
    if previous.state not in (State.HELD, State.MINUTES_DRAFT):
        return None
    if previous.state == State.HELD:
        _step(user, previous, STEPS["start_minutes"])
    summary = _("Referatet blev godkendt på mødet den %(day)s (punkt %(number)s)") % {
        "day": audit.meeting_label(meeting), "number": item.number}
    _step(user, previous, STEPS["approve_minutes"], summary)
    return previous


def withdraw(user: Any, meeting: models.Meeting) -> models.Meeting:
    """Take the meeting off the public archive, search and feeds; the rows stay for the secretariat."""
    return _set_public(user, meeting, False, "meeting.withdraw", _("Trak mødet tilbage fra offentligheden"))


def republish(user: Any, meeting: models.Meeting) -> models.Meeting:
    """Make a withdrawn meeting public again, as far as its state has come."""
    return _set_public(user, meeting, True, "meeting.republish", _("Offentliggjorde mødet igen"))


def _set_public(user: Any, meeting: models.Meeting, public: bool, action: str, summary: str) -> models.Meeting:
    roles.require_prepare(user, meeting.body_id)
    with atomic():
        meeting = lock_meeting(meeting)
        if public and meeting.state not in PUBLISHED_STATES:
            raise ServiceError(_("Intet af mødet er offentliggjort endnu."))
        if meeting.public == public:
            raise ServiceError(_("Mødet er allerede offentligt.") if public else _("Mødet er ikke offentligt."))
        before = meeting_values(meeting)
        meeting.public = public
        meeting.save(update_fields=["public"])
        old, new = audit.changed(before, meeting_values(meeting))
        audit.record(user, action, summary, meeting=meeting, obj=meeting, before=old, after=new)
        refresh_index(meeting)
    return meeting
