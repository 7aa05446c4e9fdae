"""End to end in headless Chromium: a secretary creates a meeting from the template, adds three
items (one closed) with an attachment, publishes the agenda, records attendance and decisions,
publishes the minutes; the published PDF is parsed back and compared with the archive. Then the
meeting is withdrawn and disappears from the public archive.

Debian's Chromium is driven by Playwright for Python (never `playwright install`) against Django's
live server in this process, so the test runs on SQLite and PostgreSQL alike; it is skipped when
either is missing, unless MOEDEBOG_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from moedebog.documents import parse_path
from moedebog.documents.records import Document, Section
from tests.roundtrip import differences

CHROMIUM = os.environ.get("MOEDEBOG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

pytestmark = pytest.mark.django_db(transaction=True)


def _require_browser() -> None:
    """Skip where Chromium or Playwright is missing, unless MOEDEBOG_REQUIRE_BROWSER=1 (set by
    .ci/run) makes that an error."""
    reason = None
    if not shutil.which(CHROMIUM):
        reason = f"{CHROMIUM} mangler (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "playwright er ikke installeret (pip install -e '.[dev]')"
    if reason and os.environ.get("MOEDEBOG_REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    if reason:
        pytest.skip(reason)

ITEMS = [
    ("Tværkommunale samarbejder om klima", "SAG-2025-01234", "chbo/jhp", False,
     "KL lancerede to klimaudspil, og KKR skal drøfte samarbejdet om klimaplaner.",
     "Det indstilles, at KKR Midtjylland tilslutter sig det tværkommunale klimasamarbejde.", "endorsed"),
    ("Rammeaftale 2026 for det specialiserede socialområde", "SAG-2025-04567", "snm", False,
     "Kommunerne skal indgå en ny rammeaftale for det specialiserede socialområde.",
     "Det indstilles, at KKR Midtjylland godkender rammeaftalen.", "approved"),
    ("Udpegning til regionalt vækstforum", "SAG-2025-07890", "jhp", True,
     "Et medlem er udtrådt, og KKR skal udpege en afløser.",
     "Det indstilles, at KKR Midtjylland udpeger et nyt medlem.", "endorsed"),
]
PEOPLE = [
    ("Anders Kühnau", "Viborg", "present", "", ""),
    ("Nils Borring", "Favrskov", "present", "", ""),
    ("Frands Fischer", "Skanderborg", "present", "", ""),
    ("Helle R. Hansen", "Samsø", "present", "", ""),
    ("Jesper Kaas Schmidt", "Randers", "officials", "", "Fra KD-net"),
    ("Christian Budde", "", "secretariat", "Chefkonsulent, referent", "Fra KL-sekretariatet"),
]


def _attachment_pdf() -> bytes:
    from moedebog.publish import render_pdf

    letter = Document(kind="letter", sender="KL", date="2025-03-01", subject="Udspil om klimatilpasning",
                      sections=[Section("other", "Udspil", "Kommunerne har en central rolle i klimatilpasningen.")])
    return render_pdf(letter)


def _click(page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state("domcontentloaded")


def _shot(page, name: str) -> None:
    """With MOEDEBOG_E2E_SCREENSHOTS=folder, keep a picture of the screen for a person to look at."""
    folder = os.environ.get("MOEDEBOG_E2E_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _status(page) -> str:
    if not page.locator("#status").count():
        raise AssertionError(page.url + "\n" + page.locator("main").inner_text()[:3000])
    return page.locator("#status").inner_text().strip()


@pytest.fixture
def browser():
    _require_browser()
    from playwright import sync_api

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # the test thread's ORM calls run beside Playwright's loop
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def live_settings(settings):
    """Static files under their plain names: the live server serves them from the apps, whether or
    not `moedebog serve` has collected hashed copies into STATIC_ROOT. Database connections closed
    after each request: the server's request threads must not keep the test database open."""
    from django.db import connections

    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    database = connections.settings["default"]
    age = database.get("CONN_MAX_AGE", 0)
    database["CONN_MAX_AGE"] = 0
    yield
    database["CONN_MAX_AGE"] = age


def test_secretary_runs_a_meeting_end_to_end(django_db_setup, browser, live_settings, live_server, secretary, body,
                                             tmp_path: Path) -> None:
    # django_db_setup first: the test database then outlives the live server's connection
    from moedebog.archive import models
    from moedebog.secretariat.documents import meeting_document

    base = live_server.url
    page = browser.new_page(locale="da-DK", accept_downloads=True)
    page.set_default_timeout(30_000)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"JavaScript: {error}"))
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)

    # log in
    page.goto(base + "/sekretariat/")
    assert "/sekretariat/log-ind/" in page.url
    page.get_by_label("Brugernavn").fill("sekretaer")
    page.get_by_label("Adgangskode").fill("hemmelig-kode-42")
    _click(page, "Log ind")

    # a meeting from the template
    page.get_by_role("link", name="Nyt møde", exact=True).click()
    page.get_by_label("Organ").select_option(label="KKR Midtjylland")
    page.get_by_label("Dato").fill("2025-04-08")
    page.get_by_label("Klokkeslæt").fill("10:00")
    page.get_by_label("Sted").fill("Scandic, Udgårdsvej 2, 8600 Silkeborg")
    _click(page, "Gem")
    assert _status(page) == "Dagsorden under udarbejdelse"
    for text in ("1.1. Godkendelse af referat", "2.1. Orientering", "6.1. Foreløbig oversigt", "7.1. Eventuelt"):
        assert page.get_by_text(text).count() >= 1, text
    meeting_url = page.url

    # three items, sections through the editor, one attachment
    for n, (title, case, handlers, closed, background, recommendation, _choice) in enumerate(ITEMS):
        page.goto(meeting_url)
        page.get_by_label("Under overskrift").select_option(label="3. Regionalpolitiske sager")
        form = page.locator("#nyt-punkt")
        form.get_by_label("Titel").fill(title)
        form.get_by_label("Sagsnummer").fill(case)
        form.get_by_label("Sagsbehandlere (initialer)").fill(handlers)
        if closed:
            form.get_by_label("Lukket punkt").check()
        _click(page, "Opret punkt")
        assert page.locator("h1").inner_text() == f"3.{n + 1}. {title}"
        for kind, text in (("background", background), ("recommendation", recommendation)):
            assert not problems, problems
            row = page.locator(".section-row.new")
            row.locator("select").select_option(kind)
            row.locator(".richtext").fill(text)
            _click(page, "Gem punktet")
        if n == 0:
            pdf = tmp_path / "Udspil om klimatilpasning.pdf"
            pdf.write_bytes(_attachment_pdf())
            page.locator("#bilag").get_by_label("Fil").set_input_files(str(pdf))
            _click(page, "Vedhæft bilag")
            assert page.get_by_text("Bilaget «Udspil om klimatilpasning» er vedhæftet.").count() == 1
            _shot(page, "punkt")

    # publish the agenda, hold the meeting
    page.goto(meeting_url)
    _click(page, "Offentliggør dagsordenen")
    assert _status(page) == "Dagsorden offentliggjort"
    _click(page, "Mødet er afholdt")
    assert _status(page) == "Afholdt"

    # attendance
    page.get_by_role("link", name=re.compile("^Fremmøde")).click()
    for name, municipality, group, role, group_title in PEOPLE:
        page.locator("#id_name").fill(name)
        page.locator("#id_affiliation").fill(municipality)
        page.locator("#id_group").select_option(group)
        page.locator("#id_group_title").fill(group_title)
        page.locator("#id_role").fill(role)
        _click(page, "Tilføj")
    page.locator('select[data-person="Helle R. Hansen"]').select_option("absent")
    _click(page, "Gem fremmødet")
    assert page.get_by_text("Fremmødet er gemt.").count() == 1
    _shot(page, "fremmoede")

    # decisions: a quick choice each, free text on one
    page.goto(meeting_url)
    page.get_by_role("link", name="Beslutninger", exact=True).click()
    for n, (*_rest, choice) in enumerate(ITEMS):
        section = page.locator(".decision-row", has_text=f"3.{n + 1}.")
        section.locator("select").select_option(choice)
    page.locator(".decision-row", has_text="3.1.").locator("textarea").fill(
        "KKR Midtjylland tiltrådte indstillingen.\n\nFormanden takkede for drøftelsen.")
    _shot(page, "beslutninger")
    _click(page, "Gem beslutningerne")
    page.goto(meeting_url)
    assert _status(page) == "Referat under udarbejdelse"

    # approve and publish the minutes, fetch the public PDF
    _click(page, "Godkend referatet")
    _click(page, "Offentliggør referatet")
    assert _status(page) == "Referat offentliggjort"
    _shot(page, "moede")
    with page.expect_download() as download:
        page.locator("#referat-offentlig-pdf").click()
    published = tmp_path / "referat.pdf"
    download.value.save_as(published)

    meeting = models.Meeting.objects.get(body=body)
    public_page = _public_page(meeting)
    if public_page:
        response = page.goto(base + public_page)
        assert response.status == 200 and "Tværkommunale samarbejder om klima" in page.content()
        assert "Udpegning til regionalt vækstforum" not in page.content()

    assert not problems, problems

    # withdraw: gone from the public archive
    page.goto(meeting_url)
    _click(page, "Træk tilbage fra offentligheden")
    if public_page:
        assert page.goto(base + public_page).status == 404
    page.close()

    got = parse_path(published)
    expected = meeting_document(models.Meeting.objects.get(pk=meeting.pk), "minutes", public=True)
    assert [i.title for i in expected.items][2:5] == [t for t, *_ in ITEMS[:2]] + ["Foreløbig oversigt over "
                                                                                   "sager til KKR Midtjyllands "
                                                                                   "næste møde"]
    assert differences(expected, got, "pdf") == []
    assert "Udpegning til regionalt vækstforum" not in {i.title for i in got.items}
    klima = next(i for i in got.items if i.case_number == "SAG-2025-01234")
    assert klima.handlers == ["chbo", "jhp"]
    assert [a.title for a in klima.attachments] == ["Udspil om klimatilpasning"]
    assert "Formanden takkede for drøftelsen." in klima.decision()
    assert {(p.name, p.group) for p in got.participants} >= {("Helle R. Hansen", "absent"),
                                                              ("Christian Budde", "secretariat")}
    text = models.Attachment.objects.get(title="Udspil om klimatilpasning").text
    assert "central rolle i klimatilpasningen" in text


def _public_page(meeting) -> str | None:
    """The public archive's address of the meeting, when the site app is installed."""
    from django.urls import NoReverseMatch, reverse

    try:
        from moedebog.site import permalinks

        return reverse("meeting", kwargs={"path": meeting.body.path, "day": str(permalinks.day_key(meeting))})
    except (ImportError, NoReverseMatch, AttributeError):
        return None
