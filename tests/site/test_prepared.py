"""Prepared statements (``archive.prepared``) give exactly what the querysets they are compiled from
give, for every meeting and item of the test archive and for both kinds of reader: the speed-up
must not change a row, least of all let a closed item or a draft through."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.db.models import Q
from django.utils import timezone

from moedebog.archive import models
from moedebog.archive.prepared import Many, Prepared
from moedebog.site import permalinks, visibility
from moedebog.site.queries import items, meetings

pytestmark = pytest.mark.django_db
VIEWERS = (visibility.ANONYMOUS, visibility.STAFF)


def _ids(rows) -> list[int]:
    return [r.pk for r in rows]


@pytest.mark.parametrize("viewer", VIEWERS)
def test_meeting_queries_match_the_querysets(site, viewer) -> None:
    for meeting in models.Meeting.objects.select_related("body"):
        visible = visibility.items(viewer).filter(meeting=meeting).order_by("order")
        assert _ids(meetings._MEETING_ITEMS.run(viewer, meeting=meeting.pk)) == _ids(visible)
        decisions = visibility.decisions(viewer).filter(item__meeting=meeting).order_by("item_id", "order")
        assert _ids(meetings._MEETING_DECISIONS.run(viewer, meeting=meeting.pk)) == _ids(decisions)
        assert _ids(meetings._ATTENDANCE.run(viewer, meeting=meeting.pk)) == _ids(meeting.attendance.order_by("pk"))
        assert (_ids(visibility.source_list(meeting, viewer))
                == _ids(visibility.sources(meeting, viewer).order_by("kind", "format", "name")))
        start = timezone.make_aware(datetime.combine(permalinks.local_start(meeting).date(), datetime.min.time()))
        day = (visibility.meetings(viewer).filter(body=meeting.body, start__gte=start,
                                                   start__lt=start + timedelta(days=1)).order_by("start"))
        found = meetings.meetings_on(meeting.body.path, permalinks.day_key(meeting), viewer).meetings
        assert _ids(found) == _ids(day)
        assert all(m.body.path == meeting.body.path for m in found)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_item_queries_match_the_querysets(site, viewer) -> None:
    for item in models.AgendaItem.objects.select_related("meeting", "meeting__body"):
        found = items.find_item(item.meeting, item.number, viewer)
        expected = visibility.items(viewer).filter(meeting=item.meeting, number=item.number).first()
        assert (found.pk if found else None) == (expected.pk if expected else None)
        assert _ids(visibility.section_list(item, viewer)) == _ids(visibility.sections(item, viewer).order_by("order"))
        assert _ids(items._ATTACHMENTS.run(viewer, item=item.pk)) == _ids(item.attachments.order_by("order"))
        plans = models.ForwardPlanEntry.objects.filter(Q(item=item) | Q(realized_by=item))
        assert (_ids(items._PLAN_ENTRIES.run(viewer, item=item.pk))
                == _ids(plans.order_by("item__meeting__start", "order")))
        if item.case_id:
            others = visibility.items(viewer).filter(case_id=item.case_id).exclude(pk=item.pk)
            assert (_ids(items._CASE_ITEMS.run(viewer, case=item.case_id, item=item.pk))
                    == _ids(others.order_by("meeting__start", "order")))


def test_anonymous_readers_never_get_closed_items(site) -> None:
    closed = models.AgendaItem.objects.filter(public=False).select_related("meeting")
    assert closed
    for item in closed:
        assert items.find_item(item.meeting, item.number, visibility.ANONYMOUS) is None
        assert item.pk not in _ids(meetings._MEETING_ITEMS.run(visibility.ANONYMOUS, meeting=item.meeting_id))
        assert items.find_item(item.meeting, item.number, visibility.STAFF) is not None


def test_a_slot_must_reach_the_sql_and_never_be_none(db) -> None:
    unused = Prepared(lambda viewer, meeting: models.Meeting.objects.all(),
                      meeting=models.Meeting._meta.get_field("id"))
    with pytest.raises(ValueError, match="does not reach"):
        unused.run(visibility.ANONYMOUS, meeting=1)
    used = Prepared(lambda viewer, meeting: models.Meeting.objects.filter(pk=meeting),
                    meeting=models.Meeting._meta.get_field("id"))
    with pytest.raises(ValueError, match="is None"):
        used.run(visibility.ANONYMOUS, meeting=None)


def test_a_list_slot_gives_the_rows_of_its_values_whatever_their_number(site) -> None:
    """Lists of every size class, padded or not, with repeats, give exactly the queryset's rows."""
    by_ids = Prepared(lambda viewer, ids: visibility.items(viewer).filter(pk__in=ids).order_by("pk"),
                      ids=Many(models.AgendaItem._meta.pk))
    every = list(models.AgendaItem.objects.order_by("pk").values_list("pk", flat=True))
    assert len(every) >= 9
    for viewer in VIEWERS:
        for n in range(1, 10):
            for wanted in (every[:n], every[-n:][::-1], every[:n] + every[:1], [every[n]] * n):
                expected = _ids(visibility.items(viewer).filter(pk__in=wanted).order_by("pk"))
                assert _ids(by_ids.run(viewer, ids=wanted)) == expected
    with pytest.raises(ValueError, match="empty"):
        by_ids.run(visibility.ANONYMOUS, ids=[])
