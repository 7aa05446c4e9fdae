"""Every page type answers in Danish with what it should show, through Django's test client."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from moedebog.archive import models
from moedebog.site import permalinks, visibility

pytestmark = pytest.mark.django_db


def text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_front_page_lists_bodies_with_latest_and_upcoming_meetings(client, site) -> None:
    meeting = models.Meeting.objects.filter(body__path="kkr-midtjylland").order_by("-start").first()
    future = models.Meeting.objects.create(body=meeting.body, start=meeting.start + timedelta(days=3650),
                                           state=models.Meeting.State.PLANNED, location="Aarhus Rådhus")
    page = text(client.get("/"))
    assert '<html lang="da">' in page and "Møder i råd og udvalg" in page
    assert "KKR Midtjylland" in page and "Byrådet" in page
    assert permalinks.meeting_url(meeting) in page
    assert permalinks.meeting_url(future) in page and "Kommende møder" in page


def test_permalink_of_the_real_minutes_names_body_date_and_item(client, site) -> None:
    page = text(client.get("/kkr-midtjylland/2020-02-05/3.1"))
    item = models.AgendaItem.objects.get(meeting__start__date="2020-02-05", number="3.1")
    assert item.title in page and "SAG-2019" in page
    assert '<a href="/kkr-midtjylland/2020-02-05/">' in page  # back to the meeting
    assert client.get("/kkr-midtjylland/2020-02-05/3.1/").status_code in (200, 404)


def test_meeting_page_has_agenda_decisions_attendance_and_documents(client, site) -> None:
    page = text(client.get("/kkr-midtjylland/2020-02-05/"))
    assert "1. Godkendelse af referat" in page and "Regionalpolitiske sager" in page
    assert "4. Udpegninger" in page  # a heading without items is kept, as printed
    assert 'class="decision"' in page and "Beslutning" in page
    assert "Frands Fischer" in page and "Afbud" in page
    assert "referat.pdf" in page and "referat.docx" in page
    assert re.search(r'/kkr-midtjylland/2020-02-05/filer/[0-9a-f]{16}"', page)
    # items in agenda order
    assert page.index("1.1.") < page.index("3.1.") < page.index("7.1.")


def test_item_page_shows_sections_and_the_thread(client, site) -> None:
    item = (models.AgendaItem.objects.filter(public=True, case__isnull=False, meeting__state="published",
                                             sections__kind="decision")
            .exclude(case__items__meeting=None).distinct().first())
    page = text(client.get(permalinks.item_url(item)))
    for section in item.sections.all():
        if section.title:
            assert section.title in page
    assert "Tråden" in page and permalinks.case_url(item.case) in page
    other = item.case.items.exclude(pk=item.pk).filter(public=True).first()
    if other:
        assert permalinks.item_url(other) in page


def test_forward_plan_links_both_ways(client, site) -> None:
    entry = models.ForwardPlanEntry.objects.filter(realized_by__isnull=False, realized_by__public=True,
                                                   realized_by__meeting__public=True).first()
    assert entry is not None, "the demo corpus plans items for the next meeting"
    planning = text(client.get(permalinks.item_url(entry.item)))
    assert "Punkter til kommende møder" in planning and permalinks.item_url(entry.realized_by) in planning
    realised = text(client.get(permalinks.item_url(entry.realized_by)))
    assert "Varslet på et tidligere møde" in realised and permalinks.item_url(entry.item) in realised


def test_theme_thread_and_topic_page(client, site) -> None:
    from moedebog.site.queries.items import themes

    item = next(i for i in visibility.items().filter(topics__isnull=False).select_related("meeting__body")
                if themes(i))
    thread = themes(item)[0]
    page = text(client.get(permalinks.item_url(item)))
    assert "Samme tema på andre møder" in page and permalinks.topic_url(thread.topic) in page
    assert permalinks.item_url(thread.items[0]) in page
    topic_page = text(client.get(permalinks.topic_url(thread.topic)))
    assert thread.topic.label in topic_page and permalinks.item_url(item) in topic_page


def test_case_page_lists_the_items_in_order(client, site) -> None:
    case = models.Case.objects.get(number="SAG-2019-07153")
    page = text(client.get(permalinks.case_url(case)))
    assert "Sagens forløb" in page and "SAG-2019-07153" in page
    assert client.get("/kkr-midtjylland/sager/SAG-0000-00000").status_code == 404


def test_person_page_has_memberships_and_an_accessible_chart(client, site) -> None:
    person = models.Person.objects.get(name="Frands Fischer")
    page = text(client.get(permalinks.person_url(person)))
    assert "Frands Fischer" in page and "Skanderborg" in page and "Medlemskaber" in page
    assert '<svg role="img" aria-labelledby="chart-title chart-desc"' in page
    assert "<table" in page and "Til stede" in page and "2020" in page
    assert permalinks.person_url(person) == "/personer/skanderborg/frands-fischer/"


def test_person_page_lists_the_items_naming_them(client, site) -> None:
    decision = (models.Section.objects.filter(visibility.item_filter("item__"), kind="decision",
                                              text__contains=" udpegede ", item__meeting__state="published")
                .select_related("item__meeting__body").first())
    assert decision is not None, "the demo corpus appoints members to outside bodies"
    name = decision.text.split(" udpegede ", 1)[1].split(",")[0]
    person = models.Person.objects.filter(name=name, attendance__isnull=False).distinct().first()
    page = text(client.get(permalinks.person_url(person)))
    assert "Punkter der nævner personen" in page and permalinks.item_url(decision.item) in page


def test_body_page_with_years_and_subscriptions(client, site) -> None:
    page = text(client.get("/kkr-midtjylland/?aar=2016"))
    assert "Møder i 2016" in page and 'aria-current="page">2016' in page
    assert "/kkr-midtjylland/moeder.ics" in page and "/kkr-midtjylland/beslutninger.atom" in page
    assert client.get("/ingen-saadan-krop/").status_code == 404


def test_calendar_month(client, site) -> None:
    page = text(client.get("/kalender/2020/02/"))
    assert "februar 2020" in page and "/kkr-midtjylland/2020-02-05/" in page
    assert "<th scope=\"col\">" in page
    filtered = text(client.get("/kalender/2020/02/?organ=byraadet"))
    assert "/kkr-midtjylland/2020-02-05/" not in filtered
    assert client.get("/kalender/2020/13/").status_code == 404
    assert client.get("/kalender/").status_code == 200


def test_letter_page(client, site) -> None:
    letter = models.Letter.objects.get()
    page = text(client.get(permalinks.letter_url(letter)))
    assert letter.subject in page and "Svarfrist" in page


def test_search_with_filters_facets_highlights_and_pages(client, site) -> None:
    page = text(client.get("/soeg/?q=referat"))
    assert "resultat" in page and "<mark>" in page
    assert 'aria-label="Resultatsider"' in page or "Side 1 af" not in page
    filtered = text(client.get("/soeg/?q=referat&organ=kkr-midtjylland&aar=2016"))
    assert "Byrådet" not in re.sub(r"<(select|aside).*?</\1>", "", filtered, flags=re.DOTALL)
    assert "Afgræns" in filtered and 'aria-current="true"' in filtered
    second = client.get("/soeg/?q=referat&side=2")
    assert second.status_code == 200
    assert client.get("/soeg/?q=%22unclosed&art=xx&aar=abc&side=-1").status_code == 200  # never an error


def test_day_with_two_meetings_lists_both(client, site) -> None:
    meeting = models.Meeting.objects.get(start__date="2020-02-05")
    late = models.Meeting.objects.create(body=meeting.body, start=meeting.start + timedelta(hours=4),
                                         state=models.Meeting.State.PLANNED)
    page = text(client.get("/kkr-midtjylland/2020-02-05/"))
    assert "Flere møder" in page
    precise = permalinks.meeting_url(late, precise=True)
    assert precise in page and client.get(precise).status_code == 200
    assert client.get("/kkr-midtjylland/2020-02-05/3.1").status_code == 200  # only one has a 3.1


def test_unknown_addresses_are_404_in_danish(client, site) -> None:
    for url in ("/kkr-midtjylland/2020-02-31/", "/kkr-midtjylland/1999-01-01/", "/kkr-midtjylland/2020-02-05/99.9",
                "/personer/skanderborg/ingen/", "/temaer/ingenting/", "/breve/2020-01-01/x/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Siden findes ikke" in response.content.decode()
