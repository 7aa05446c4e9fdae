"""A meeting's items with what is derived from them, loaded (or kept from the write) once per document.

Why: after an import writes a meeting, the forward plan and themes (threads), the search index and
the council's hooks all read the same items with their sections. Each used to load them again. Now
one load serves all three — and for a meeting created by the import, no load at all: the writer
hands over the rows it just inserted. The children travel as plain lists on the item (attributes
``loaded_sections``, ``loaded_attachments``, ``loaded_absences``); ``sections``, ``attachments``
and ``absences`` read them, or the database for an item that came another way.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from moedebog.archive import models

_CHILDREN = (
    Prefetch("sections", queryset=models.Section.objects.order_by("order"), to_attr="loaded_sections"),
    Prefetch("attachments", queryset=models.Attachment.objects.order_by("order"), to_attr="loaded_attachments"),
    Prefetch("absences", queryset=models.ItemAbsence.objects.select_related("person").order_by("id"),
             to_attr="loaded_absences"),
)


def with_children(items: QuerySet[models.AgendaItem]) -> list[models.AgendaItem]:
    """The items with meeting, body, heading and case selected and their children attached."""
    return list(items.select_related("meeting__body", "heading", "case").prefetch_related(*_CHILDREN))


def meeting_items(meeting: models.Meeting) -> list[models.AgendaItem]:
    """A meeting's items in agenda order, as ``with_children`` loads them, in four queries.

    The items point to the caller's meeting instance (Django sets it on rows read through
    ``meeting.items``), so what the caller changed on it in this transaction is what they see.
    """
    return list(meeting.items.order_by("order").select_related("heading", "case").prefetch_related(*_CHILDREN))


def attach(item: models.AgendaItem, sections: list[models.Section], attachments: list[models.Attachment],
           absences: list[models.ItemAbsence]) -> None:
    """Give an item the children just written for it, in their order, as if loaded."""
    item.loaded_sections = sections  # type: ignore[attr-defined]
    item.loaded_attachments = attachments  # type: ignore[attr-defined]
    item.loaded_absences = absences  # type: ignore[attr-defined]


def sections(item: models.AgendaItem) -> list[models.Section]:
    loaded = item.__dict__.get("loaded_sections")
    return loaded if loaded is not None else sorted(item.sections.all(), key=lambda s: s.order)


def attachments(item: models.AgendaItem) -> list[models.Attachment]:
    loaded = item.__dict__.get("loaded_attachments")
    return loaded if loaded is not None else sorted(item.attachments.all(), key=lambda a: a.order)


def absences(item: models.AgendaItem) -> list[models.ItemAbsence]:
    loaded = item.__dict__.get("loaded_absences")
    return loaded if loaded is not None else list(item.absences.all())
