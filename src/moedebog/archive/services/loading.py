"""Loading a meeting's items with everything that is derived from them, once per document.

Why one loader: after an import writes a meeting, the forward plan and themes (threads), the
search index and the council's hooks all read the same items with their sections. Each used to
load them again; one load with the related rows selected and prefetched is shared instead.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from moedebog.archive import models

_CHILDREN = ("sections", "attachments",
             Prefetch("absences", queryset=models.ItemAbsence.objects.select_related("person")))


def with_children(items: QuerySet[models.AgendaItem]) -> list[models.AgendaItem]:
    """The items with meeting, body, heading and case selected; sections, attachments, absences prefetched."""
    return list(items.select_related("meeting__body", "heading", "case").prefetch_related(*_CHILDREN))


def meeting_items(meeting: models.Meeting) -> list[models.AgendaItem]:
    """A meeting's items in agenda order, as ``with_children`` loads them, in four queries.

    The items point to the caller's meeting instance (Django sets it on rows read through
    ``meeting.items``), so what the caller changed on it in this transaction is what they see.
    """
    return list(meeting.items.order_by("order").select_related("heading", "case").prefetch_related(*_CHILDREN))
