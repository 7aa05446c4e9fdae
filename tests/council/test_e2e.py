"""End to end in headless Chromium (Debian's, through Playwright; never `playwright install`):
a secretary starts a new election period's register and fills it, writes and sends a consultation
(over a real SMTP server on 127.0.0.1), a recipient answers through the personal link from the
email, and the secretary's status board shows the answer."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.council.conftest import body_text
from tests.secretariat.test_e2e import CHROMIUM, _click, _shot, browser  # noqa: F401 (fixture)

pytestmark = [
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Chromium mangler (apt-get install chromium)"),
    pytest.mark.django_db(transaction=True),
]


def _login(page, base: str) -> None:
    page.goto(base + "/sekretariat/")
    page.get_by_label("Brugernavn").fill("sekretaer")
    page.get_by_label("Adgangskode").fill("hemmelig-kode-42")
    _click(page, "Log ind")


def test_register_consultation_and_answer(browser, live_server, secretary, body, smtp) -> None:  # noqa: F811
    base = live_server.url
    page = browser.new_page(locale="da-DK")
    page.set_default_timeout(30_000)
    _login(page, base)

    # a new election period's register
    page.goto(base + "/sekretariat/udpegninger/")
    form = page.locator("#ny-periode")
    form.get_by_label("Organ:", exact=True).select_option(label="KKR Midtjylland")
    form.get_by_label("Valgperiodens første år").fill("2026")
    _click(page, "Opret valgperioden")
    assert page.locator("h1").inner_text() == "Udpegninger for KKR Midtjylland 2026-2029"
    new = page.locator("#nyt-organ")
    new.get_by_label("Navn").fill("RAR Østjylland")
    new.get_by_label("Område").fill("Beskæftigelsesområdet")
    new.get_by_label("Medlemmer").fill("2")
    new.get_by_label("Heraf formandsposter").fill("1")
    new.get_by_label("Suppleanter").fill("0")
    new.get_by_label("Ligestillingskrav").check()
    _click(page, "Tilføj organ")
    section = page.locator(".outside-body", has_text="RAR Østjylland")
    assert "2 ledige medlemspladser" in section.inner_text()
    for name, municipality, role, gender in (("Anders Kühnau", "Viborg", "chair", "m"),
                                             ("Helle Hansen", "Samsø", "member", "f")):
        section = page.locator(".outside-body", has_text="RAR Østjylland")
        section.locator("summary").click()
        section.get_by_label("Navn").fill(name)
        section.get_by_label("Kommune").fill(municipality)
        section.get_by_label("Rolle").select_option(role)
        section.get_by_label("Køn").select_option(gender)
        section.get_by_role("button", name="Udpeg", exact=True).click()
        page.wait_for_load_state("domcontentloaded")
    assert page.locator("#advarsler").inner_text() == "0 advarsler"
    assert "Anders Kühnau, Viborg" in page.locator(".outside-body").inner_text()
    _shot(page, "udpegninger")
    public = page.goto(base + "/udpegninger/kkr-midtjylland/2026-2029/")
    assert public.status == 200 and "Helle Hansen" in page.content()

    # a consultation, sent by email
    page.goto(base + "/sekretariat/hoeringer/ny/")
    form = page.locator("#hoering")
    form.get_by_label("Emne").fill("Rammeaftale 2027-28")
    form.get_by_label("Tekst").fill("KKR Midtjylland inviterer til lokalpolitiske drøftelser af rammeaftalen.")
    form.get_by_label("Høringsfrist").fill("2099-04-30")
    form.get_by_label("Kontaktperson").fill("Maria Eeg Smidt, mesm@viborg.dk")
    form.get_by_label("Høringsparter").fill("Odder Kommune; odder@odder.test\nSamsø Kommune; samsoe@samsoe.test")
    _click(page, "Gem kladde")
    assert page.locator("#status").inner_text() == "Kladde"
    _click(page, "Send høringen")
    assert page.locator("#status").inner_text() == "Udsendt"
    assert page.locator("#besvaret").inner_text() == "0 af 2 har svaret"
    board_url = page.url
    assert len(smtp.messages) == 2

    # the recipient answers through the link in the email
    message = smtp.to("odder@odder.test")[0]
    link = re.search(r"http://moedebog\.test(/hoeringssvar/[A-Za-z0-9_-]+/)", body_text(message)).group(1)
    recipient = browser.new_page(locale="da-DK")
    recipient.goto(base + link)
    assert "Svar fra Odder Kommune" in recipient.locator("main").inner_text()
    recipient.get_by_label("Jeres høringssvar").fill("Odder Byråd støtter de to udviklingsområder.")
    recipient.get_by_label("Afgivet af").fill("Odder Byråd")
    _click(recipient, "Send svaret")
    assert recipient.locator("#kvittering").inner_text() == "Tak. Jeres svar er modtaget."
    _shot(recipient, "hoeringssvar")
    recipient.close()

    # the board updates
    page.goto(board_url)
    assert page.locator("#besvaret").inner_text() == "1 af 2 har svaret"
    row = page.locator('tr[data-recipient="Odder Kommune"]')
    assert "Odder Byråd støtter de to udviklingsområder." in row.inner_text()
    assert "Ikke svaret" in page.locator('tr[data-recipient="Samsø Kommune"]').inner_text()
    _shot(page, "hoeringstavle")
    page.close()
