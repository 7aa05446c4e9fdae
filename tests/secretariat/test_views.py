"""The screens through Django's test client: login and expiring sessions, CSRF, who sees and
changes what, safe rich text, uploads with extracted text, and the rendered documents."""

from __future__ import annotations

import time

import pytest
from django.test import Client

from moedebog.archive import models
from moedebog.documents import Source, parse
from moedebog.secretariat.models import AuditEntry
from moedebog.secretariat.services import decisions, items, lifecycle, meetings
from moedebog.secretariat.views.access import LOGIN_AT
from tests.secretariat.conftest import at


def login(client: Client, user) -> Client:
    client.force_login(user)
    session = client.session
    session[LOGIN_AT] = time.time()
    session.save()
    return client


@pytest.fixture
def meeting(secretary, body) -> models.Meeting:
    return meetings.create_meeting(secretary, body, at(2025, 4, 8), "Silkeborg")


def test_login_page_and_redirect(client, secretary) -> None:
    response = client.get("/sekretariat/")
    assert response.status_code == 302 and response["Location"].startswith("/sekretariat/log-ind/")
    page = client.get("/sekretariat/log-ind/").content.decode()
    assert "Brugernavn" in page and "Adgangskode" in page and 'lang="da"' in page
    response = client.post("/sekretariat/log-ind/", {"username": "sekretaer", "password": "hemmelig-kode-42"})
    assert response.status_code == 302
    assert client.get("/sekretariat/").status_code == 200
    assert client.session.get_expiry_age() <= 60 * 60


def test_sessions_expire(client, secretary, settings) -> None:
    login(client, secretary)
    assert client.get("/sekretariat/").status_code == 200
    session = client.session
    session[LOGIN_AT] = time.time() - settings.SESSION_COOKIE_AGE - 1
    session.save()
    response = client.get("/sekretariat/")
    assert response.status_code == 302 and "log-ind" in response["Location"]
    assert client.get("/sekretariat/").status_code == 302  # logged out for good


def test_forms_need_the_csrf_token(secretary, meeting) -> None:
    client = login(Client(enforce_csrf_checks=True), secretary)
    response = client.post(f"/sekretariat/moeder/{meeting.pk}/trin/publish_agenda/")
    assert response.status_code == 403
    meeting.refresh_from_db()
    assert meeting.state == models.Meeting.State.AGENDA_DRAFT
    page = client.get(f"/sekretariat/moeder/{meeting.pk}/")
    token = page.cookies["csrftoken"].value
    response = client.post(f"/sekretariat/moeder/{meeting.pk}/trin/publish_agenda/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.state == models.Meeting.State.AGENDA_PUBLISHED and meeting.public


def test_members_read_but_do_not_write(client, member, meeting) -> None:
    login(client, member)
    page = client.get(f"/sekretariat/moeder/{meeting.pk}/").content.decode()
    assert "1.1. Godkendelse af referat" in page and "Opret punkt" not in page
    assert client.post(f"/sekretariat/moeder/{meeting.pk}/trin/publish_agenda/").status_code == 403
    item = meeting.items.get(number="2.1")
    assert client.get(f"/sekretariat/punkter/{item.pk}/").status_code == 200
    assert client.post(f"/sekretariat/punkter/{item.pk}/slet/").status_code == 403
    assert meeting.items.filter(pk=item.pk).exists()


def test_other_bodies_drafts_do_not_exist_for_outsiders(client, outsider, meeting) -> None:
    login(client, outsider)
    assert client.get(f"/sekretariat/moeder/{meeting.pk}/").status_code == 404
    item = meeting.items.first()
    assert client.get(f"/sekretariat/punkter/{item.pk}/").status_code == 404
    assert client.get(f"/sekretariat/moeder/{meeting.pk}/dagsorden.pdf").status_code == 404


def test_rich_text_is_stored_as_safe_text(client, secretary, meeting) -> None:
    login(client, secretary)
    item = meeting.items.get(number="2.1")
    response = client.post(f"/sekretariat/punkter/{item.pk}/", {
        "title": "Orientering", "case_number": "SAG-2025-1", "handlers": "chbo", "sections-count": "1",
        "section-0-kind": "background", "section-0-title": "Baggrund", "section-0-format": "html",
        "section-0-text": '<p onclick="x()">Første <b>afsnit</b></p><script>alert(1)</script>'
                          '<ul><li>Et punkt</li><li><img src=x onerror=alert(2)>To</li></ul>',
    })
    assert response.status_code == 302
    section = item.sections.get(kind="background")
    assert section.text == "Første afsnit\n\n- Et punkt\n- To"
    page = client.get(f"/sekretariat/punkter/{item.pk}/").content.decode()
    assert "<script>alert(1)" not in page and "onerror" not in page
    assert AuditEntry.objects.filter(action="item.sections", object_id=item.pk).exists()


def test_add_item_and_upload_an_attachment(client, secretary, meeting) -> None:
    login(client, secretary)
    heading = meeting.headings.get(number="3")
    response = client.post(f"/sekretariat/moeder/{meeting.pk}/punkter/nyt/", {
        "heading": heading.pk, "title": "Klima", "case_number": "SAG-2025-7", "handlers": "snm"})
    item = meeting.items.get(title="Klima")
    assert response["Location"] == f"/sekretariat/punkter/{item.pk}/" and item.number == "3.1"
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("Notat om klima.txt", "Klimatilpasning kræver samarbejde.".encode(), "text/plain")
    client.post(f"/sekretariat/punkter/{item.pk}/bilag/", {"file": upload})
    attachment = item.attachments.get()
    assert attachment.title == "Notat om klima" and "samarbejde" in attachment.text
    download = client.get(f"/sekretariat/bilag/{attachment.pk}/")
    assert b"".join(download.streaming_content) == "Klimatilpasning kræver samarbejde.".encode()


def test_documents_complete_and_public(client, secretary, meeting) -> None:
    login(client, secretary)
    heading = meeting.headings.get(number="3")
    items.add_item(secretary, meeting, heading, "Åben sag", "SAG-2025-1", "chbo")
    items.add_item(secretary, meeting, heading, "Personalesag", public=False)
    complete = client.get(f"/sekretariat/moeder/{meeting.pk}/dagsorden.html").content.decode()
    public = client.get(f"/sekretariat/moeder/{meeting.pk}/dagsorden.html?version=offentlig").content.decode()
    assert "Personalesag" in complete and "Personalesag" not in public and "Åben sag" in public
    docx = client.get(f"/sekretariat/moeder/{meeting.pk}/dagsorden.docx?version=offentlig")
    back = parse(Source.from_bytes(docx.content, "x.docx"))
    assert [i.title for i in back.items if i.number.startswith("3.")] == ["Åben sag"]


def test_decisions_page_quick_choice_and_free_text(client, secretary, meeting) -> None:
    login(client, secretary)
    for step in ("publish_agenda", "mark_held"):
        lifecycle.advance(secretary, meeting, step)
    item = meeting.items.get(number="2.1")
    other = meeting.items.get(number="7.1")
    page = client.get(f"/sekretariat/moeder/{meeting.pk}/beslutninger/").content.decode()
    assert "KKR Midtjylland tog orienteringen til efterretning." in page
    client.post(f"/sekretariat/moeder/{meeting.pk}/beslutninger/", {
        f"choice-{item.pk}": "noted", f"text-{item.pk}": "Formanden orienterede om mødet med regionen.",
        f"choice-{other.pk}": "nothing", f"text-{other.pk}": ""})
    assert decisions.decision_text(item) == ("KKR Midtjylland tog orienteringen til efterretning.\n\n"
                                             "Formanden orienterede om mødet med regionen.")
    assert decisions.decision_text(other) == "Intet."
    meeting.refresh_from_db()
    assert meeting.state == models.Meeting.State.MINUTES_DRAFT


def test_history_shows_before_and_after_in_danish(client, secretary, meeting) -> None:
    login(client, secretary)
    lifecycle.advance(secretary, meeting, "publish_agenda")
    page = client.get(f"/sekretariat/moeder/{meeting.pk}/historik/").content.decode()
    assert "Offentliggjorde dagsordenen" in page and "sekretaer" in page
    assert "Dagsorden under udarbejdelse" in page and "Dagsorden offentliggjort" in page


def test_administrator_assigns_roles(client, administrator, body, django_user_model) -> None:
    django_user_model.objects.create_user("ny", password="x-kode-1234")
    login(client, administrator)
    client.post("/sekretariat/roller/", {"username": "ny", "body": body.pk, "role": "secretariat"})
    user = django_user_model.objects.get(username="ny")
    assert user.has_perm("secretariat.prepare_meetings")
    from moedebog.secretariat import roles

    assert roles.can_prepare(user, body)
    assert AuditEntry.objects.filter(action="role.assign").exists()
