"""The audit trail: every service function leaves one entry per change, readable in Danish.

Values are stored as text under Danish labels ("Titel", "Status"), computed when the change is
made, so that the history screen shows what a secretary saw then, even after the models change.
Only fields that changed are kept: an entry says exactly what happened.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from moedebog.archive import models as archive
from moedebog.secretariat.models import AuditEntry

Values = dict[str, str]


def meeting_label(meeting: archive.Meeting) -> str:
    return f"{meeting.body.name} {timezone.localtime(meeting.start):%d-%m-%Y %H:%M}"


def changed(before: Values, after: Values) -> tuple[Values, Values]:
    """Only the labels whose value differs (missing counts as empty)."""
    keys = [k for k in dict.fromkeys([*before, *after]) if before.get(k, "") != after.get(k, "")]
    return {k: before.get(k, "") for k in keys}, {k: after.get(k, "") for k in keys}


def record(user: Any, action: str, summary: str, *, meeting: archive.Meeting | None = None,
           body: archive.Body | None = None, obj: Any = None, before: Values | None = None,
           after: Values | None = None) -> AuditEntry:
    """Write one entry; called inside the service's transaction, so it exists only if the change does."""
    if body is None and meeting is not None:
        body = meeting.body
    return AuditEntry.objects.create(
        user=user if getattr(user, "pk", None) else None,
        user_name=(user.get_username() if getattr(user, "pk", None) else "system")[:150],
        action=action[:40],
        summary=summary[:500],
        body=body,
        meeting=meeting,
        meeting_label=meeting_label(meeting)[:300] if meeting is not None else "",
        object_type=obj._meta.verbose_name if obj is not None else "",
        object_id=getattr(obj, "pk", None),
        before=before or None,
        after=after or None,
    )


def rows(entry: AuditEntry) -> list[tuple[str, str, str]]:
    """(label, before, after) for the history screen."""
    before, after = entry.before or {}, entry.after or {}
    return [(k, str(before.get(k, "")), str(after.get(k, ""))) for k in dict.fromkeys([*before, *after])]
