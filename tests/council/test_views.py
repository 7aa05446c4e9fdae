"""The screens through Django's test client: roles (404 for outsiders), the public Blå bog as page,
CSV and PDF, drafts and closed consultations not public, the answer link and its refusals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from moedebog.council.models import Consultation, Response
from moedebog.council.services import consultations as svc

pytestmark = pytest.mark.django_db


def _login(client, user) -> None:
    client.force_login(user)
    session = client.session
    session["moedebog_login_at"] = timezone.now().timestamp()
    session.save()


def test_blue_book_page_csv_pdf(client, imported) -> None:
    page = client.get("/udpegninger/kkr-midtjylland/2018-2021/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Blå bog KKR Midtjylland 2018-2021" in html and "Rar Øst" in html and "ligestillingskrav" in html
    csv_text = client.get("/udpegninger/kkr-midtjylland/2018-2021.csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("Område;Organ;Medlemmer")
    assert "Beskæftigelsesområdet;Rar Øst;5;1;5;ja" in csv_text
    pdf = client.get("/udpegninger/kkr-midtjylland/2018-2021.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.get("/udpegninger/kkr-midtjylland/2030-2033/").status_code == 404


def test_staff_screens_need_the_role(client, secretary, outsider, body) -> None:
    assert client.get("/sekretariat/hoeringer/").status_code == 302  # login
    _login(client, outsider)
    assert client.get("/sekretariat/hoeringer/ny/").status_code == 200  # own body only
    c = svc.create(secretary, body, svc.Draft("Emne", "Tekst", timezone.localdate() + timedelta(days=5),
                                              recipients=[("Odder Kommune", "")]))
    assert client.get(f"/sekretariat/hoeringer/{c.pk}/").status_code == 404
    assert client.post(f"/sekretariat/hoeringer/{c.pk}/send/").status_code == 404
    _login(client, secretary)
    board = client.get(f"/sekretariat/hoeringer/{c.pk}/")
    assert board.status_code == 200 and "Kladde" in board.content.decode()


def test_draft_and_closed_are_not_public(client, secretary, body, smtp) -> None:
    c = svc.create(secretary, body, svc.Draft("Hemmelig kladde", "Tekst", timezone.localdate() + timedelta(days=5),
                                              recipients=[("Odder Kommune", "odder@odder.test")]))
    assert client.get(f"/hoeringer/{c.pk}/").status_code == 404
    assert "Hemmelig kladde" not in client.get("/hoeringer/").content.decode()
    svc.send(secretary, c)
    assert client.get(f"/hoeringer/{c.pk}/").status_code == 200
    svc.close(secretary, c)
    assert client.get(f"/hoeringer/{c.pk}/").status_code == 404


def test_answer_link(client, secretary, body, smtp) -> None:
    c = svc.create(secretary, body, svc.Draft("Rammeaftale", "Tekst", timezone.localdate() + timedelta(days=5),
                                              recipients=[("Odder Kommune", "odder@odder.test"),
                                                          ("Samsø Kommune", "samsoe@samsoe.test")]))
    svc.send(secretary, c)
    from tests.council.test_consultations import _links

    links = _links(smtp)
    odder = links["odder@odder.test"]
    page = client.get(f"/hoeringssvar/{odder}/")
    assert page.status_code == 200 and "Odder Kommune" in page.content.decode()
    assert page["Referrer-Policy"] == "same-origin"
    other = c.recipients.get(name="Samsø Kommune")
    # the form cannot name another recipient: a smuggled field is ignored
    client.post(f"/hoeringssvar/{odder}/", {"text": "Odder svarer.", "author": "Byrådet", "recipient": other.pk})
    assert Response.objects.get().recipient.name == "Odder Kommune"
    assert client.get("/hoeringssvar/" + "A" * 43 + "/").status_code == 404
    svc.close(secretary, c)
    closed = client.post(f"/hoeringssvar/{odder}/", {"text": "Ændret efter lukning"})
    assert "Høringen er lukket for svar." in closed.content.decode()
    assert Response.objects.get().text == "Odder svarer."
    assert Consultation.objects.get().state == Consultation.State.CLOSED
