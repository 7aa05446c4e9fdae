"""End to end in real headless Chromium against `moedebog serve`: search and filter, open a
meeting, follow a thread, download a document, take the iCal link, use the keyboard; axe-core
over every page type with zero violations; a screenshot of each page type for review
(bench/results/screenshots/)."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

from tests.site import browser

# The tests read nothing through Django themselves; the mark makes pytest-django create the test
# database, which the archive fixture fills and the server process reads.
pytestmark = pytest.mark.django_db

PAGE_TYPES = {
    "forside": "/",
    "organ": "/kkr-midtjylland/",
    "moede": "/kkr-midtjylland/2020-02-05/",
    "punkt": "/kkr-midtjylland/2020-02-05/3.1",
    "sag": "/kkr-midtjylland/sager/SAG-2019-07153",
    "person": "/personer/skanderborg/frands-fischer/",
    "kalender": "/kalender/2020/02/",
    "soegning": "/soeg/?q=referat&organ=kkr-midtjylland",
    "soegning-tom": "/soeg/",
    "ikke-fundet": "/findes-ikke/",
}


@dataclass(slots=True)
class Urls:
    theme: str
    letter: str
    day: str


@pytest.fixture(scope="module")
def urls(archive, django_db_blocker) -> Urls:
    """Addresses that depend on the generated corpus, looked up before the browser starts."""
    from moedebog.archive import models
    from moedebog.site import permalinks, visibility

    with django_db_blocker.unblock():
        visible = visibility.items()
        topic = max(models.Topic.objects.order_by("key"),
                    key=lambda t: visible.filter(topics=t).values("meeting").distinct().count())
        letter = models.Letter.objects.get()
        return Urls(permalinks.topic_url(topic), permalinks.letter_url(letter), "")


@pytest.fixture(scope="module")
def server(archive, django_db_blocker):
    browser.require()
    from django.db import connection

    from moedebog.config import database_url

    with django_db_blocker.unblock():
        url = database_url(connection.settings_dict)
    running = browser.Server(url)
    yield running
    running.stop()
    with django_db_blocker.unblock():
        browser.wait_for_other_sessions(connection)


@pytest.fixture(scope="module")
def chromium(server):
    """Playwright's sync API keeps an event loop in this thread, which Django's guard against ORM
    calls from async code mistakes for one; the tests' only ORM use is pytest-django's rollback."""
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "1"
    try:
        with sync_playwright() as p:
            instance = p.chromium.launch(executable_path=browser.CHROMIUM, args=browser.LAUNCH_ARGS)
            yield instance
            instance.close()
            # the tests' database connection was opened while Playwright's loop ran, so it belongs to
            # that context: close it here, or PostgreSQL cannot drop the test database at the end
            from django.db import connections

            connections.close_all()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(chromium, server):
    context = chromium.new_context(base_url=server.url, locale="da-DK", viewport={"width": 1280, "height": 900},
                                   accept_downloads=True)
    page = context.new_page()
    page.csp_errors = []
    page.on("console", lambda m: page.csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    yield page
    assert not page.csp_errors, page.csp_errors
    context.close()


def test_search_and_filter(page) -> None:
    page.goto("/")
    page.get_by_label("Hvad leder du efter?").fill("referat")
    page.get_by_label("Hvad leder du efter?").press("Enter")
    page.wait_for_url("**/soeg/?q=referat")
    heading = page.locator("#resultater")
    total = int(heading.inner_text().split()[0])
    assert total > 10 and page.locator("mark").count() > 0
    page.locator(".facets").get_by_role("link", name="KKR Midtjylland").click()
    page.wait_for_url("**organ=kkr-midtjylland**")
    assert int(page.locator("#resultater").inner_text().split()[0]) <= total
    if page.locator("details.filters[open]").count() == 0:
        page.locator("summary", has_text="Filtre").click()
    page.get_by_label("År").fill("2020")
    page.get_by_label("Sortering").select_option("aeldste")
    page.get_by_role("button", name="Anvend filtre").click()
    page.wait_for_url("**aar=2020**")
    for meta in page.locator(".hit-item .hit-meta").all_inner_texts():
        assert "2020" in meta
    hits = page.locator(".hit h3 a")
    assert hits.count() > 0
    hits.first.click()
    assert page.locator("h1").inner_text()


def test_search_works_without_javascript(chromium, server) -> None:
    context = chromium.new_context(base_url=server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/soeg/")
    page.get_by_label("Søgeord").fill("orientering")
    page.get_by_role("button", name="Søg", exact=True).click()
    page.wait_for_url("**q=orientering**")
    assert page.locator(".hit").count() > 0
    context.close()


def test_open_a_meeting_and_an_item(page) -> None:
    page.goto("/kkr-midtjylland/?aar=2020")
    page.get_by_role("link", name="onsdag 5. februar 2020").first.click()
    page.wait_for_url("**/kkr-midtjylland/2020-02-05/")
    assert "Møde i KKR Midtjylland" in page.locator("h1").inner_text()
    assert page.locator(".agenda-item").count() >= 10
    assert page.get_by_role("heading", name="Deltagere").count() >= 1
    page.get_by_role("link", name="3.1.").first.click()
    page.wait_for_url("**/kkr-midtjylland/2020-02-05/3.1")
    assert page.locator("h1").inner_text().startswith("3.1.")


def test_follow_a_thread(page, urls) -> None:
    page.goto(urls.theme)
    first = page.locator(".thread-list a").first
    first.click()
    page.wait_for_load_state()
    thread = page.locator("aside.thread")
    assert thread.get_by_role("heading", name="Tråden").count() == 1
    case_link = thread.get_by_role("link", name="Hele sagens forløb")
    if case_link.count():
        case_link.click()
        page.wait_for_url("**/sager/**")
        assert "Sagens forløb" in page.content()
        page.locator(".timeline a").first.click()
        page.wait_for_load_state()
    page.goto("/kkr-midtjylland/2020-02-05/1.1")
    page.locator("aside.thread .thread-list a").first.click()
    page.wait_for_load_state()
    assert page.locator("aside.thread").count() == 1


def test_download_documents(page) -> None:
    page.goto("/kkr-midtjylland/2020-02-05/")
    with page.expect_download() as info:
        page.get_by_role("link", name="Referat som PDF").click()
    pdf = info.value
    with open(pdf.path(), "rb") as f:
        assert f.read(5) == b"%PDF-"
    assert pdf.suggested_filename.endswith("referat.pdf")
    with page.expect_download() as info:
        page.locator(".downloads a[href*='/filer/']").first.click()
    original = info.value
    with open(original.path(), "rb") as f:
        assert f.read().lstrip().startswith(b"REFERAT")


def test_take_the_ical_link(page) -> None:
    page.goto("/kkr-midtjylland/")
    link = page.get_by_role("link", name="Møderne i din kalender (iCal)")
    href = link.get_attribute("href")
    assert href == "/kkr-midtjylland/moeder.ics"
    response = page.request.get(href)
    assert response.ok and response.headers["content-type"].startswith("text/calendar")
    body = response.text()
    assert body.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in body
    page.goto("/soeg/?q=referat")
    search_ics = page.get_by_role("link", name="Møderne i din kalender (iCal)").get_attribute("href")
    assert page.request.get(search_ics).text().startswith("BEGIN:VCALENDAR")


def test_keyboard_skip_link_and_focus(page) -> None:
    page.goto("/kkr-midtjylland/2020-02-05/3.1")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.bounding_box()["y"] >= 0  # visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "indhold"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "A"


@pytest.mark.parametrize("name", [*PAGE_TYPES, "tema", "brev"])
def test_every_page_type_passes_axe_and_is_photographed(page, urls, name) -> None:
    url = {"tema": urls.theme, "brev": urls.letter}.get(name) or PAGE_TYPES[name]
    response = page.goto(url)
    assert response.status == (404 if name == "ikke-fundet" else 200)
    browser.screenshot(page, name)
    violations = browser.run_axe(page)
    assert not violations, browser.describe(violations)


def test_print_styles_hide_the_navigation(page) -> None:
    page.goto("/kkr-midtjylland/2020-02-05/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert page.locator(".agenda-item").first.is_visible()
    browser.screenshot(page, "moede-print")
