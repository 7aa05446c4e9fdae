"""The page cache: a second reader gets the same page from the cache, and any change to the archive
(a withdrawn meeting above all) shows at once."""

from __future__ import annotations

import pytest
from django.db import connection
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
