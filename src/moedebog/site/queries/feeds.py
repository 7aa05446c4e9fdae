"""What the subscriptions carry: a body's meetings and decisions, or those a saved search finds.

Always built for an anonymous reader: feed readers and calendar programs cache and share what
they fetch. Entry dates are the time the archive received the meeting's latest document, so a
feed reader shows a meeting again when its minutes arrive.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from django.db.models import Max

from moedebog.archive import models
from moedebog.site import searching, visibility

FEED_SIZE = 50
CALENDAR_SIZE = 500
SEARCH_SCAN = 100


@dataclass(slots=True)
class Decision:
    item: models.AgendaItem
    text: str
    updated: datetime


def _annotated(qs):
    return qs.select_related("body").annotate(received=Max("sources__imported_at"))


def body_meetings(body: models.Body, limit: int = FEED_SIZE) -> list[models.Meeting]:
    return list(_annotated(visibility.meetings().filter(body=body)).order_by("-start")[:limit])


def calendar_meetings(body: models.Body) -> list[models.Meeting]:
    """The body's latest meetings, upcoming ones included, oldest first: enough for a calendar
    program, without sending decades of history on every refresh."""
    latest = visibility.meetings().filter(body=body).select_related("body").order_by("-start")[:CALENDAR_SIZE]
    return sorted(latest, key=lambda m: m.start)


def _decisions(sections) -> list[Decision]:
    rows = (sections.select_related("item", "item__meeting", "item__meeting__body")
            .annotate(received=Max("item__meeting__sources__imported_at"))
            .order_by("-item__meeting__start", "item__order", "order"))
    out: dict[int, Decision] = {}
    for s in rows:
        if s.item_id in out:
            out[s.item_id].text += "\n\n" + s.text
        else:
            out[s.item_id] = Decision(s.item, s.text, s.received or s.item.meeting.start)
    return list(out.values())


def body_decisions(body: models.Body, limit: int = FEED_SIZE) -> list[Decision]:
    recent = visibility.decisions().filter(item__meeting__body=body).exclude(text="")
    meeting_ids = list(recent.order_by("-item__meeting__start").values_list("item__meeting_id", flat=True)
                       .distinct()[:limit])
    return _decisions(recent.filter(item__meeting_id__in=meeting_ids))[:limit]


def _newest_hits(request: searching.SearchRequest) -> list[searching.Hit]:
    """The newest hits of a saved search (its first page of results by date)."""
    return searching.run(replace(request, sort="nyeste", page=1), page_size=SEARCH_SCAN).hits


def search_meetings(request: searching.SearchRequest) -> list[models.Meeting]:
    """Meetings the search finds, directly or through one of their items."""
    ids = list(dict.fromkeys(hit.meeting.pk for hit in _newest_hits(request) if hit.meeting is not None))
    return list(_annotated(visibility.meetings().filter(pk__in=ids)).order_by("-start"))


def search_decisions(request: searching.SearchRequest) -> list[Decision]:
    ids = [hit.item.pk for hit in _newest_hits(replace(request, record="item")) if hit.item is not None]
    return _decisions(visibility.decisions().filter(item_id__in=ids).exclude(text=""))[:FEED_SIZE]
