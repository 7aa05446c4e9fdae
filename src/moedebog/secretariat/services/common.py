"""What every service shares: the error a secretary sees, locking, values for the audit trail,
and keeping the search index in step after writes that send no signals."""

from __future__ import annotations

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from moedebog.archive import models


class ServiceError(Exception):
    """A refused operation, with a Danish message meant for the secretary."""


def lock_meeting(meeting: models.Meeting | int) -> models.Meeting:
    """The meeting row, locked until the transaction ends (two secretaries numbering items at
    once must not both take 3.4). Must run inside ``transaction.atomic``."""
    pk = meeting if isinstance(meeting, int) else meeting.pk
    return models.Meeting.objects.select_for_update().select_related("body").get(pk=pk)


def meeting_values(meeting: models.Meeting) -> dict[str, str]:
    start = timezone.localtime(meeting.start)
    return {
        "Dato": f"{start:%d-%m-%Y %H:%M}",
        "Sted": meeting.location,
        "Betegnelse": meeting.name,
        "Status": str(models.Meeting.State(meeting.state).label),
        "Offentlig": "ja" if meeting.public else "nej",
    }


def item_values(item: models.AgendaItem) -> dict[str, str]:
    return {
        "Nummer": item.number,
        "Titel": item.title,
        "Overskrift": str(item.heading) if item.heading_id and item.heading else "",
        "Sagsnummer": item.case.number if item.case_id and item.case else "",
        "Sagsbehandlere": item.handlers,
        "Lukket punkt": "nej" if item.public else "ja",
    }


def section_values(item: models.AgendaItem) -> dict[str, str]:
    out: dict[str, str] = {}
    for section in item.sections.order_by("order"):
        label = section.title or section.get_kind_display()
        key, n = label, 2
        while key in out:
            key, n = f"{label} ({n})", n + 1
        out[key] = section.text
    return out


def refresh_index(meeting: models.Meeting) -> None:
    """Reindex the meeting in search, when the search app is installed: renumbering and bulk
    writes send no model signals, and publishing changes who may find every item."""
    if not apps.is_installed("moedebog.search"):
        return
    from moedebog import search

    index = getattr(search, "index_meeting", None)
    if index is not None:
        index(meeting)


def atomic() -> transaction.Atomic:
    """All services run in one transaction; named here so that the rule is visible in one place."""
    return transaction.atomic()
