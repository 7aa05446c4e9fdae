"""Edits made outside the import service (the admin, a shell) reach the index through Django signals.

Why signals: the admin saves models directly, and a forgotten explicit call would leave, say, a
newly closed item findable. Why the handlers only *mark* what changed (a ``SearchDirty`` row)
instead of reindexing at once: a bulk delete of ten thousand sections sends ten thousand signals,
and reindexing an item for each one made such deletes take minutes. The mark is written in the
editing transaction, so the archive and the index's queue always agree; the next index call
(the import service, in its own transaction) or the next search works the queue off before it
reads (``indexer.flush_pending``). Deleted records need no mark: their index rows cascade.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models.signals import post_delete, post_save

from moedebog.archive import models
from moedebog.search.models import SearchDirty


def mark(kind: str, ids: Iterable[int | None]) -> None:
    """Queue records for reindexing (kinds: item, meeting, meeting_row, person, case, case_items, letter, body)."""
    rows = [SearchDirty(kind=kind, object_id=i) for i in set(ids) if i]
    if rows:
        SearchDirty.objects.bulk_create(rows, ignore_conflicts=True)


def on_item_saved(sender: Any, instance: models.AgendaItem, **kwargs: Any) -> None:
    mark("item", [instance.pk])
    mark("case", [instance.case_id])


def on_item_deleted(sender: Any, instance: models.AgendaItem, **kwargs: Any) -> None:
    mark("case", [instance.case_id])


def on_child_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A section, attachment or item absence: its item's text changed."""
    mark("item", [instance.item_id])


def on_meeting_saved(sender: Any, instance: models.Meeting, **kwargs: Any) -> None:
    mark("meeting", [instance.pk])  # visibility, date or state may change what every item shows


def on_attendance_changed(sender: Any, instance: models.Attendance, **kwargs: Any) -> None:
    mark("meeting_row", [instance.meeting_id])
    mark("person", [instance.person_id])


def on_membership_changed(sender: Any, instance: models.Membership, **kwargs: Any) -> None:
    mark("person", [instance.person_id])


def on_person_saved(sender: Any, instance: models.Person, created: bool = False, **kwargs: Any) -> None:
    if not created:  # a new person is indexed with the attendance that names them
        mark("person", [instance.pk])


def on_case_saved(sender: Any, instance: models.Case, created: bool = False, **kwargs: Any) -> None:
    if not created:  # no item refers to a new case yet
        mark("case_items", [instance.pk])


def on_letter_saved(sender: Any, instance: models.Letter, **kwargs: Any) -> None:
    mark("letter", [instance.pk])


#: The body's fields that index rows show (its name, in the rows of its meetings, items, letters, cases).
BODY_INDEXED_FIELDS = frozenset({"name"})


def on_body_saved(sender: Any, instance: models.Body, created: bool = False,
                  update_fields: Iterable[str] | None = None, **kwargs: Any) -> None:
    """Why the fields matter: a mark on a body reindexes all its meetings, and a sync that only
    records the committee's id at the source (``ref``) must not rewrite a municipality's index."""
    if created or (update_fields is not None and not BODY_INDEXED_FIELDS & set(update_fields)):
        return
    mark("body", [instance.pk])


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
