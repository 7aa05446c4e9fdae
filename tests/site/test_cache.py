"""The page cache: a second reader gets the same page from the cache, and any change to the archive
(a withdrawn meeting above all) shows at once."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from moedebog.archive import models
from moedebog.site import pagecache

pytestmark = pytest.mark.django_db

URL = "/kkr-midtjylland/2020-02-05/"


def test_second_request_is_served_from_the_cache(client, site) -> None:
    first = client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(URL)
    assert second.content == first.content and second["Content-Type"] == first["Content-Type"]
    assert len(queries) == 1  # the generation, nothing else
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_withdrawn_meeting_disappears_at_once(client, site) -> None:
    assert client.get(URL).status_code == 200
    meeting = models.Meeting.objects.get(start__date="2020-02-05")
    meeting.public = False
    meeting.save(update_fields=["public"])
    assert client.get(URL).status_code == 404
    assert "/kkr-midtjylland/2020-02-05/" not in client.get("/kkr-midtjylland/?aar=2020").content.decode()


def test_an_edit_shows_at_once(client, site) -> None:
    item = models.AgendaItem.objects.get(meeting__start__date="2020-02-05", number="3.1")
    url = f"{URL}3.1"
    assert "Nyt titelord" not in client.get(url).content.decode()
    item.title = "Nyt titelord"
    item.save()
    assert "Nyt titelord" in client.get(url).content.decode()


def test_logged_in_readers_bypass_the_cache(client, site, staff) -> None:
    client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        client.get(URL)
    assert len(queries) > 3


def test_generation_changes_with_every_write(site) -> None:
    before = pagecache.generation()
    models.Topic.objects.create(key="testtema", label="Testtema")
    assert pagecache.generation() != before


def test_cache_can_be_turned_off(client, site, settings) -> None:
    settings.MOEDEBOG_PAGE_CACHE_SECONDS = 0
    client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        client.get(URL)
    assert len(queries) > 3


# -- scopes: a write empties only what it touches, and never leaves a page that shows what it hid --------

def _generation_writes(queries: CaptureQueriesContext) -> int:
    return sum(1 for q in queries.captured_queries if "cachegeneration" in q["sql"] and "INSERT" in q["sql"])


def _other_body_meeting() -> models.Meeting:
    from moedebog.site import visibility

    return visibility.items().exclude(meeting__body__path="kkr-midtjylland").order_by("pk").first().meeting


def test_one_transaction_replaces_each_generation_once(site) -> None:
    kkr = models.Meeting.objects.get(start__date="2020-02-05")
    other = _other_body_meeting()
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        for item in [*kkr.items.all()[:5], *other.items.all()[:3]]:
            item.title += " (rettet)"
            item.save()
        kkr.location = "Et andet sted"
        kkr.save()
    assert _generation_writes(queries) == 3  # "all", and each of the two bodies once


def test_a_write_elsewhere_keeps_a_body_page_cached(client, site) -> None:
    first = client.get(URL)
    item = _other_body_meeting().items.first()
    item.title = "Rettet andetsteds"
    item.save()
    with CaptureQueriesContext(connection) as queries:
        second = client.get(URL)
    assert second.content == first.content and len(queries) == 1


def test_a_write_in_the_body_renews_its_pages(client, site) -> None:
    client.get(URL)
    item = models.AgendaItem.objects.get(meeting__start__date="2020-02-05", number="3.1")
    models.Section.objects.create(item=item, kind=models.Section.Kind.OTHER, order=99, title="Tillæg",
                                  text="Et nyt afsnit")  # a child row: its body is found through the item
    item.title = "Ny titel på punktet"
    item.save()
    assert "Ny titel på punktet" in client.get(URL).content.decode()


def test_a_closed_item_leaves_every_cached_page_that_showed_it(client, site) -> None:
    """Closed in one body, it disappears from its meeting's page and from the theme thread of an
    item page in another body, cached before."""
    mine = models.AgendaItem.objects.filter(meeting__start__date="2020-02-05", public=True).first()
    theirs = _other_body_meeting().items.filter(public=True).order_by("pk").first()
    topic = models.Topic.objects.create(key="faellestema", label="Fællestema")
    topic.items.add(mine, theirs)
    mine.title = "Hemmeligt emne om snart"
    mine.save()
    from moedebog.site import permalinks

    mine_url, their_url = permalinks.item_url(mine), permalinks.item_url(theirs)
    assert "Hemmeligt emne om snart" in client.get(URL).content.decode()
    assert "Hemmeligt emne om snart" in client.get(their_url).content.decode()
    assert client.get(mine_url).status_code == 200
    mine.public = False
    mine.save(update_fields=["public"])
    assert "Hemmeligt emne om snart" not in client.get(URL).content.decode()
    assert "Hemmeligt emne om snart" not in client.get(their_url).content.decode()
    assert client.get(mine_url).status_code == 404


def test_a_meeting_moved_to_another_body_leaves_the_first_body_page(client, site) -> None:
    listing = "/kkr-midtjylland/?aar=2020"
    assert URL in client.get(listing).content.decode()
    meeting = models.Meeting.objects.get(start__date="2020-02-05")
    meeting.body = _other_body_meeting().body
    meeting.save()
    assert URL not in client.get(listing).content.decode()
    assert client.get(URL).status_code == 404


def test_a_renamed_person_shows_on_cached_meeting_pages(client, site) -> None:
    meeting = models.Meeting.objects.get(start__date="2020-02-05")
    person = meeting.attendance.select_related("person").first().person
    assert person.name in client.get(URL).content.decode()
    person.name = "Omdøbt Persondatasen"
    person.save()
    assert "Omdøbt Persondatasen" in client.get(URL).content.decode()


def test_a_rolled_back_write_does_not_count_as_replaced(site) -> None:
    item = models.AgendaItem.objects.get(meeting__start__date="2020-02-05", number="3.1")
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            item.title = "Tilbagerullet"
            item.save()
            raise RuntimeError
        before = pagecache.generation()
        item.title = "Gemt"
        item.save()
        assert pagecache.generation() != before


def test_a_secretariat_change_without_signals_renews_the_body_pages(client, site) -> None:
    """Renumbering items is a bulk update (no save signals); its audit entry renews the pages."""
    from moedebog.secretariat.models import AuditEntry

    meeting = models.Meeting.objects.get(start__date="2020-02-05")
    item = models.AgendaItem.objects.get(meeting=meeting, number="3.1")
    assert "Omdøbt i bulk" not in client.get(URL).content.decode()
    models.AgendaItem.objects.filter(pk=item.pk).update(title="Omdøbt i bulk")
    AuditEntry.objects.create(user_name="sekretær", action="item.move", summary="Flyttede et punkt",
                              body=meeting.body, meeting=meeting)
    assert "Omdøbt i bulk" in client.get(URL).content.decode()
