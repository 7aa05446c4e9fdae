"""Edits made outside the import service (the admin, a shell) reach the index through Django signals.

Why signals and not only explicit calls: the admin saves models directly, and a forgotten call
would leave a closed item findable. The handlers run inside the saving transaction, so the index
changes with the edit or not at all. Deletes need little: index rows cascade with their records;
the handlers only refresh what *shows* the deleted thing (a case lists its items' titles).

The import service calls ``indexer.index_meeting`` itself once a document is written; the
signals it triggers on the way are kept cheap: a meeting's items are reindexed on a meeting save
only when they are already in the index (a new meeting's are not yet), and bulk writes send no
signals at all.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from moedebog.archive import models
from moedebog.search import indexer
from moedebog.search.models import SearchDoc


def _item_changed(item_id: int | None) -> None:
    if item_id is None:
        return
    item = models.AgendaItem.objects.filter(pk=item_id).only("pk", "case_id").first()
    if item is None:
        return
    indexer.index_items([item.pk])
    if item.case_id:
        indexer.index_cases([item.case_id])


def on_item_saved(sender: Any, instance: models.AgendaItem, **kwargs: Any) -> None:
    indexer.index_items([instance.pk])
    cases = {instance.case_id} | set(SearchDoc.objects.filter(kind="case", case__items=instance)
                                     .values_list("case_id", flat=True))
    indexer.index_cases(c for c in cases if c)


def on_item_deleted(sender: Any, instance: models.AgendaItem, **kwargs: Any) -> None:
    if instance.case_id and models.Case.objects.filter(pk=instance.case_id).exists():
        indexer.index_cases([instance.case_id])


def on_child_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A section, attachment or item absence: its item's text changed."""
    _item_changed(instance.item_id)


def on_meeting_saved(sender: Any, instance: models.Meeting, created: bool = False, **kwargs: Any) -> None:
    if created:
        indexer.index_meetings_shallow([instance])
        return
    indexed = list(SearchDoc.objects.filter(kind="item", meeting=instance).values_list("item_id", flat=True))
    indexer.index_meetings_shallow([instance])
    if indexed:  # visibility, date or body may have changed for every item
        indexer.index_items(indexed)
        indexer.index_cases(set(models.AgendaItem.objects.filter(meeting=instance, case__isnull=False)
                                .values_list("case_id", flat=True)))


def on_attendance_changed(sender: Any, instance: models.Attendance, **kwargs: Any) -> None:
    if models.Meeting.objects.filter(pk=instance.meeting_id).exists():
        indexer.index_meetings_shallow(models.Meeting.objects.filter(pk=instance.meeting_id))
    if models.Person.objects.filter(pk=instance.person_id).exists():
        indexer.index_people([instance.person_id])


def on_membership_changed(sender: Any, instance: models.Membership, **kwargs: Any) -> None:
    if models.Person.objects.filter(pk=instance.person_id).exists():
        indexer.index_people([instance.person_id])


def on_person_saved(sender: Any, instance: models.Person, **kwargs: Any) -> None:
    indexer.index_people([instance.pk])
    meetings = models.Meeting.objects.filter(attendance__person=instance)
    if meetings.exists():
        indexer.index_meetings_shallow(meetings)


def on_case_saved(sender: Any, instance: models.Case, created: bool = False, **kwargs: Any) -> None:
    if created:  # no item refers to it yet; the items' indexing indexes it
        return
    indexer.index_cases([instance.pk])
    items = list(SearchDoc.objects.filter(kind="item", item__case=instance).values_list("item_id", flat=True))
    indexer.index_items(items)


def on_letter_saved(sender: Any, instance: models.Letter, **kwargs: Any) -> None:
    indexer.index_letter(instance)


def on_body_saved(sender: Any, instance: models.Body, created: bool = False, **kwargs: Any) -> None:
    """A renamed body: everything that shows its name is reindexed (rare, and worth it)."""
    if created:
        return
    for meeting in models.Meeting.objects.filter(body=instance, pk__in=SearchDoc.objects.filter(
            kind="meeting").values("meeting_id")):
        indexer.index_meeting(meeting, people=False)
    for letter in models.Letter.objects.filter(body=instance):
        indexer.index_letter(letter)


_HANDLERS = [
    (post_save, models.AgendaItem, on_item_saved),
    (post_delete, models.AgendaItem, on_item_deleted),
    (post_save, models.Section, on_child_changed),
    (post_delete, models.Section, on_child_changed),
    (post_save, models.Attachment, on_child_changed),
    (post_delete, models.Attachment, on_child_changed),
    (post_save, models.ItemAbsence, on_child_changed),
    (post_delete, models.ItemAbsence, on_child_changed),
    (post_save, models.Meeting, on_meeting_saved),
    (post_save, models.Attendance, on_attendance_changed),
    (post_delete, models.Attendance, on_attendance_changed),
    (post_save, models.Membership, on_membership_changed),
    (post_delete, models.Membership, on_membership_changed),
    (post_save, models.Person, on_person_saved),
    (post_save, models.Case, on_case_saved),
    (post_save, models.Letter, on_letter_saved),
    (post_save, models.Body, on_body_saved),
]


def connect() -> None:
    for signal, model, handler in _HANDLERS:
        signal.connect(handler, sender=model, dispatch_uid=f"moedebog.search.{handler.__name__}.{model.__name__}")
