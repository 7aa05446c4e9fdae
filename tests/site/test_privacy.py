"""Closed items, non-public meetings and drafts do not exist for an anonymous visitor: not on any
page reachable by links, not in search, feeds, calendars, the sitemap or downloads; their own
addresses answer exactly like addresses that never existed. Staff see them."""

from __future__ import annotations

import re
from collections import deque

import pytest

from moedebog.archive import models
from moedebog.site import permalinks
from tests.site.corpus import CLOSED_WORD, DRAFT_DECISION_WORD, DRAFT_WORD, SECRET_PERSON, SECRET_WORD, SECRETS

pytestmark = pytest.mark.django_db

_HREF = re.compile(r'href="([^"#]+)')
MAX_PAGES = 700
TEXT_TYPES = ("text/", "application/xml", "application/atom+xml")
#: Search result pages (tested on their own below), generated PDF/Word files (tested below) and the
#: calendar's endless months are left out of the crawl; the months of every meeting in the archive
#: (secret ones too) are visited instead.
SKIP = ("/admin/", "/static/", "/soeg/?", "/kalender/")
BINARY = (".pdf", ".docx")


def assert_no_secret(where: str, body: str) -> None:
    low = body.lower()
    for word in SECRETS:
        assert word.lower() not in low, f"{word!r} leaked at {where}"


def crawl(client) -> dict[str, int]:
    """Every address reachable from the front page by links (and the subscriptions they offer)."""
    seen: dict[str, int] = {}
    months = {f"/kalender/{m.start:%Y/%m}/" for m in models.Meeting.objects.all()}
    queue = deque(["/", "/sitemap.xml", "/robots.txt", *sorted(months)])
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        content_type = response.get("Content-Type", "")
        if response.streaming:
            data = b"".join(response.streaming_content)
            assert_no_secret(url, data.decode("utf-8", "replace"))
            continue
        if not content_type.startswith(TEXT_TYPES):
            continue
        body = response.content.decode()
        assert_no_secret(url, body)
        links = _HREF.findall(body) + re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", body)
        for link in links:
            link = link.replace("&amp;", "&")
            if link.startswith("/") and not link.startswith(SKIP) and not link.endswith(BINARY) and link not in seen:
                queue.append(link)
    return seen


def test_no_secret_on_any_reachable_page(client, site) -> None:
    seen = crawl(client)
    assert 150 < len(seen) < MAX_PAGES
    assert not [u for u, status in seen.items() if status >= 500]
    assert any(u.endswith("moeder.ics") for u in seen) and any(u.endswith("beslutninger.atom") for u in seen)
    assert any(u.startswith("/sitemap-punkter") for u in seen)


@pytest.mark.parametrize("word", SECRETS)
def test_search_and_its_feeds_never_find_secrets(client, site, word) -> None:
    """The query is echoed (form, titles), so what must be empty is the results."""
    for sort in ("", "&sortering=nyeste", "&type=item", "&art=decision"):
        page = client.get(f"/soeg/?q={word}{sort}").content.decode()
        assert "0 resultater" in page and 'class="hit' not in page
    assert "BEGIN:VEVENT" not in client.get(f"/soeg/moeder.ics?q={word}").content.decode()
    for feed in ("moeder", "beslutninger"):
        assert "<entry>" not in client.get(f"/soeg/{feed}.atom?q={word}").content.decode()


@pytest.mark.parametrize("word", [
    *SECRETS,
])
def test_search_facets_never_count_secrets(client, site, word) -> None:
    """Facet counts come from the engine; a secret must not be counted either."""
    for kind in ("", "&type=person", "&type=item"):
        page = client.get(f"/soeg/?q={word}{kind}").content.decode()
        assert 'class="facets"' not in page


def _not_found_page(client) -> bytes:
    response = client.get("/kkr-midtjylland/1999-01-01/1.1")
    assert response.status_code == 404
    return response.content


def test_secret_addresses_answer_like_addresses_that_never_existed(client, site) -> None:
    never = _not_found_page(client)
    body, day, number = site.closed
    secret_body, secret_day = site.secret_meeting
    draft_body, draft_day = site.draft_meeting
    person = models.Person.objects.get(name=SECRET_PERSON)
    secret = models.Meeting.objects.get(public=False)
    source = secret.sources.first()
    urls = [
        f"/{body}/{day}/{number}",
        f"/{secret_body}/{secret_day}/", f"/{secret_body}/{secret_day}/1",
        f"/{secret_body}/{secret_day}/referat.pdf", f"/{secret_body}/{secret_day}/dagsorden.html",
        f"/{secret_body}/{secret_day}/filer/{source.sha256[:16]}",
        f"/{draft_body}/{draft_day}/1", f"/{draft_body}/{draft_day}/dagsorden.pdf",
        f"/{site.draft_minutes[0]}/{site.draft_minutes[1]}/referat.pdf",
        permalinks.person_url(person),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.content == never, url


def test_draft_minutes_show_the_agenda_without_decisions(client, site) -> None:
    body, day = site.draft_minutes
    page = client.get(f"/{body}/{day}/").content.decode()
    assert "Dagsorden" in page and "Beslutning" not in page and DRAFT_DECISION_WORD not in page
    agenda = client.get(f"/{body}/{day}/dagsorden.html")
    assert agenda.status_code == 200 and DRAFT_DECISION_WORD not in agenda.content.decode()


def test_generated_documents_leave_out_closed_items(client, site) -> None:
    import pypdfium2

    from moedebog.documents import Source, parse

    body, day, _ = site.closed
    pdf = client.get(f"/{body}/{day}/referat.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = "".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf.content))
    assert "Godkendelse af referat" in text and CLOSED_WORD not in text.lower()
    docx = client.get(f"/{body}/{day}/referat.docx")
    parsed = parse(Source.from_bytes(docx.content, "referat.docx"))
    assert parsed.kind == "minutes" and parsed.items
    assert all(CLOSED_WORD not in (i.title + " ".join(s.text for s in i.sections)).lower() for i in parsed.items)
    assert not [i for i in parsed.items if i.number == "4.9"]
    html = client.get(f"/{body}/{day}/referat.html")
    assert CLOSED_WORD not in html.content.decode().lower()
    assert "style-src 'sha256-" in html["Content-Security-Policy"]


def test_the_source_file_of_a_public_meeting_downloads(client, site) -> None:
    meeting = models.Meeting.objects.get(start__date="2020-02-05")
    source = meeting.sources.get()
    response = client.get(f"/kkr-midtjylland/2020-02-05/filer/{source.sha256[:16]}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).lstrip().startswith(b"REFERAT")
    assert "attachment" in response["Content-Disposition"]


def test_the_source_file_of_a_closed_item_meeting_keeps_its_closed_part_out_of_view(client, site) -> None:
    """An imported minutes file holds what the secretariat published; a file with a closed item's
    text is never offered while that item is closed."""
    body, day, _ = site.closed
    meeting = models.Meeting.objects.get(body__path=body, start__date=day)
    page = client.get(f"/{body}/{day}/").content.decode()
    for source in meeting.sources.all():
        assert source.sha256[:16] not in page
        assert client.get(f"/{body}/{day}/filer/{source.sha256[:16]}").status_code == 404


def test_staff_see_closed_items_and_drafts(client, site, staff) -> None:
    body, day, number = site.closed
    page = client.get(f"/{body}/{day}/{number}")
    assert page.status_code == 200 and CLOSED_WORD in page.content.decode()
    secret_body, secret_day = site.secret_meeting
    assert SECRET_WORD in client.get(f"/{secret_body}/{secret_day}/").content.decode()
    assert DRAFT_WORD in client.get(f"/{site.draft_meeting[0]}/{site.draft_meeting[1]}/").content.decode()


def test_feeds_stay_anonymous_for_staff(client, site, staff) -> None:
    for url in ("/kkr-midtjylland/beslutninger.atom", "/kkr-midtjylland/moeder.ics",
                f"/{site.secret_meeting[0]}/moeder.atom", f"/{site.secret_meeting[0]}/moeder.ics", "/sitemap.xml",
                "/sitemap-punkter.xml", "/sitemap-moeder.xml", "/sitemap-personer.xml"):
        assert_no_secret(url, client.get(url).content.decode())
