"""The HTTP client against the fake site on 127.0.0.1: cookie, redirects, retries, limits, reasons."""

from __future__ import annotations

import dataclasses
from concurrent.futures import ThreadPoolExecutor

import pytest

from moedebog.connectors.firstagenda import api
from moedebog.connectors.http import Client, FetchError
from tests.connectors.conftest import FAST, documents
from tests.connectors.fakesite import FakeServer, FakeSite

MEETINGS = "/api/agenda/dagsorden/"


def first_guid(site: FakeSite) -> str:
    return next(iter(site.meetings))


def test_the_session_cookie_is_set_from_the_front_page(site, server) -> None:
    client = Client(server, FAST)
    client.start_session()
    assert isinstance(client.get_json(api.COMMITTEES_PATH)["Udvalg"], dict)
    assert site.hits[("redirected",)] == 0


def test_a_redirect_to_the_cookie_page_renews_the_session_and_asks_again(site, server) -> None:
    client = Client(server, FAST)  # no start_session: the API answers with the cookie page first
    assert client.get_json(api.COMMITTEES_PATH)["Udvalg"]
    site.expire_sessions()  # sessions expire mid-sync
    guid = first_guid(site)
    assert client.get_json(MEETINGS + guid)["Id"] == guid
    assert site.hits[("redirected",)] == 2 and client.stats.sessions == 2


def test_a_cookie_page_that_redirects_back_is_followed() -> None:
    site = FakeSite.from_documents(documents(6, 1),
                                   cookie_page_redirects_back=True)
    with FakeServer(site) as url:
        client = Client(url, FAST)
        assert client.get_json(api.COMMITTEES_PATH)["Udvalg"]
        assert site.hits[("cookie",)] == 1 and client.stats.sessions == 0


@pytest.mark.parametrize("fault", ["500", "timeout", "truncate", "cut", "cookie"])
def test_transient_failures_are_retried(site, server, fault) -> None:
    client = Client(server, FAST)
    client.start_session()
    guid = first_guid(site)
    site.fail(MEETINGS + guid, fault, fault)
    assert client.get_json(MEETINGS + guid)["Id"] == guid
    if fault != "cookie":
        assert client.stats.retries == 2


def test_giving_up_says_why_and_after_how_many_attempts(site, server) -> None:
    client = Client(server, FAST)
    client.start_session()
    guid = first_guid(site)
    site.fail(MEETINGS + guid, *["truncate"] * 10)
    with pytest.raises(FetchError) as caught:
        client.get_json(MEETINGS + guid)
    assert "ufuldstændigt" in caught.value.reason and "4 forsøg" in caught.value.reason
    assert caught.value.url.endswith(guid)


def test_not_found_is_final(site, server) -> None:
    client = Client(server, FAST)
    client.start_session()
    with pytest.raises(FetchError) as caught:
        client.get_json(MEETINGS + "00000000-0000-4000-8000-000000000000")
    assert caught.value.status == 404 and client.stats.retries == 0


def test_attachments_follow_the_redirect_to_the_pdf(site, server) -> None:
    client = Client(server, FAST)
    client.start_session()
    ref = site.attachment_ids()[0]
    answer = client.get(api.attachment_path(ref), expect="pdf")
    assert answer.body.startswith(b"%PDF-") and answer.redirected and answer.url.endswith(f"/blob/{ref}.pdf")


def test_concurrent_requests_are_limited(site, server) -> None:
    site.latency = 0.05
    client = Client(server, dataclasses.replace(FAST, concurrency=2))
    client.start_session()
    guids = list(site.meetings)[:12]
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda g: client.get_json(MEETINGS + g)["Id"], guids))
    assert answers == guids
    assert site.max_active == 2


def test_a_closed_client_stops_at_once(site, server) -> None:
    client = Client(server, FAST)
    client.close()
    with pytest.raises(FetchError, match="afbrudt"):
        client.get_json(api.COMMITTEES_PATH)


def test_oversized_answers_are_refused(site, server) -> None:
    client = Client(server, dataclasses.replace(FAST, max_bytes=1000))
    client.start_session()
    with pytest.raises(FetchError, match="for stort"):
        client.get_json(MEETINGS + first_guid(site))
