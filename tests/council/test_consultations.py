"""Consultations through the services: send over real SMTP, answer by personal link, record mailed
answers, reminders, closing and reopening, the security rules, and importing seed 003."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from moedebog.council import tokens
from moedebog.council.models import AnswerToken, Consultation, Response
from moedebog.council.recipients import MIDTJYLLAND, parse_lines
from moedebog.council.services import consultations as svc
from moedebog.council.services.common import ServiceError
from moedebog.secretariat.models import AuditEntry
from tests.council.conftest import body_text

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://moedebog\.test/hoeringssvar/([A-Za-z0-9_-]+)/")


def _draft(**extra) -> svc.Draft:
    data = {"subject": "Rammeaftale 2027-28", "text": "Kommunerne inviteres til at kommentere forslagene.",
            "deadline": timezone.localdate() + timedelta(days=20), "contact": "Maria Eeg Smidt, mesm@viborg.dk",
            "recipients": [("Viborg Kommune", "post@viborg.test"), ("Favrskov Kommune", "post@favrskov.test"),
                           ("Region Midtjylland", "")]}
    return svc.Draft(**{**data, **extra})


def _links(inbox) -> dict[str, str]:
    return {m["X-Envelope-To"]: LINK.search(body_text(m)).group(1) for m in inbox.messages}


def test_send_answer_record_and_summary(secretary, body, smtp) -> None:
    c = svc.create(secretary, body, _draft())
    svc.add_file(secretary, c, "forslag.pdf", b"%PDF-1.4 test", "application/pdf")
    assert svc.send(secretary, c) == {}
    assert len(smtp.messages) == 2  # the region has no address: it answers by post
    message = smtp.to("post@viborg.test")[0]
    assert message["Subject"] == "Høring: Rammeaftale 2027-28"
    assert [p.get_filename() for p in message.iter_attachments()] == ["forslag.pdf"]
    links = _links(smtp)
    viborg, favrskov = links["post@viborg.test"], links["post@favrskov.test"]
    assert viborg != favrskov and len(viborg) >= 40
    assert not AnswerToken.objects.filter(digest=viborg).exists()  # only the hash is stored

    svc.answer_by_link(viborg, "Viborg støtter forslaget.", "Borgmesteren")
    svc.answer_by_link(viborg, "Viborg støtter forslaget med en bemærkning.")  # its own answer may change
    region = c.recipients.get(name="Region Midtjylland")
    svc.record_answer(secretary, region, "Regionsrådet bakker op.", "Regionsrådet")
    viborg_r = c.recipients.get(name="Viborg Kommune")
    with pytest.raises(ServiceError):  # an answer given by link cannot be changed by the secretariat
        svc.record_answer(secretary, viborg_r, "Noget andet.")
    with pytest.raises(ServiceError):  # nor can the region's link... it has none; Favrskov cannot write over it
        svc.answer_by_link(favrskov + "x", "Falsk svar")
    assert Response.objects.get(recipient=viborg_r).text == "Viborg støtter forslaget med en bemærkning."

    from moedebog.council.documents import summary
    doc = summary(c)
    assert [s.title for s in doc.sections] == ["Viborg Kommune", "Favrskov Kommune", "Region Midtjylland"]
    assert "Intet svar" in doc.sections[1].text
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"consultation.create", "consultation.file", "consultation.send", "consultation.answer",
            "consultation.record"} <= actions


def test_roles_and_drafts(secretary, member, outsider, body) -> None:
    with pytest.raises(PermissionDenied):
        svc.create(member, body, _draft())
    with pytest.raises(PermissionDenied):
        svc.create(outsider, body, _draft())
    c = svc.create(secretary, body, _draft())
    with pytest.raises(PermissionDenied):
        svc.close(outsider, c)
    with pytest.raises(ServiceError):
        svc.record_answer(secretary, c.recipients.first(), "svar")  # a draft takes no answers


def test_tokens_expire_and_closing_reopening(secretary, body, smtp) -> None:
    today = timezone.localdate()
    c = svc.create(secretary, body, _draft(deadline=today + timedelta(days=2)))
    svc.send(secretary, c)
    token = _links(smtp)["post@favrskov.test"]
    assert tokens.find(token) is not None
    # after the deadline: the reminder run closes it, the link no longer answers
    result = svc.run_due(today=today + timedelta(days=3))
    assert result.closed == 1
    c.refresh_from_db()
    assert c.state == Consultation.State.CLOSED
    with pytest.raises(ServiceError):
        svc.answer_by_link(token, "For sent", today=today + timedelta(days=3))
    svc.reopen(secretary, c, today + timedelta(days=10), today=today)
    svc.answer_by_link(token, "Favrskov svarer alligevel.", today=today + timedelta(days=3))
    AnswerToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert tokens.find(token) is None


def test_reminders_once_to_those_who_have_not_answered(secretary, body, smtp) -> None:
    today = timezone.localdate()
    c = svc.create(secretary, body, _draft(deadline=today + timedelta(days=2)))
    svc.send(secretary, c)
    svc.answer_by_link(_links(smtp)["post@viborg.test"], "Svar fra Viborg")
    smtp.messages.clear()
    result = svc.run_due(today=today, days=3)
    assert (result.reminded, result.failed, result.closed) == (1, 0, 0)
    [reminder] = smtp.messages
    assert reminder["X-Envelope-To"] == "post@favrskov.test" and reminder["Subject"].startswith("Påmindelse")
    new_link = LINK.search(body_text(reminder)).group(1)
    svc.answer_by_link(new_link, "Svar fra Favrskov")
    assert svc.run_due(today=today, days=3).reminded == 0


def test_smtp_down_is_reported_not_raised(secretary, body, settings, smtp) -> None:
    settings.EMAIL_PORT = 1  # nothing listens there
    c = svc.create(secretary, body, _draft())
    errors = svc.send(secretary, c)
    assert len(errors) == 2
    assert all(r.send_error for r in c.recipients.exclude(email=""))


def test_recipient_lines() -> None:
    assert parse_lines("Viborg Kommune; post@viborg.dk\nOdder Kommune <odder@odder.dk>\nRegion Midtjylland") == [
        ("Viborg Kommune", "post@viborg.dk"), ("Odder Kommune", "odder@odder.dk"), ("Region Midtjylland", "")]
    with pytest.raises(ValueError):
        parse_lines("Viborg; ikke-en-adresse")
    assert len(MIDTJYLLAND) == 20


def test_importing_seed_003_creates_the_consultation() -> None:
    from moedebog.archive.services.importer import import_path
    from tests.conftest import seed

    import_path(seed("003"))
    c = Consultation.objects.get()
    assert c.deadline == date(2020, 4, 30)
    assert c.subject == "Rammeaftale 2021-22"
    assert c.letter is not None and c.state == Consultation.State.CLOSED
    assert c.recipients.count() == 20
    assert "mesm@viborg.dk" in c.contact
    import_path(seed("003"))  # idempotent
    assert Consultation.objects.count() == 1


def test_remind_command_and_stats(secretary, body, smtp, capsys) -> None:
    import json

    from moedebog.cli import main
    from moedebog.commands.stats import counts

    c = svc.create(secretary, body, _draft(deadline=timezone.localdate() + timedelta(days=1)))
    svc.send(secretary, c)
    smtp.messages.clear()
    assert main(["remind", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"reminded": 2, "failed": 0, "closed": 0}
    assert len(smtp.messages) == 2
    assert counts()["consultations"] == 1


def test_links_to_the_items_that_started_it(secretary, body) -> None:
    from moedebog.archive.services.importer import import_path
    from moedebog.council.forms import find_item
    from tests.conftest import seed

    import_path(seed("000"))
    import_path(seed("003"))
    c = Consultation.objects.get()
    started = find_item(c.body, "2020-02-05 3.5")
    assert "Rammeaftale" in started.title
    svc.link_items(secretary, c, started, None)
    c.refresh_from_db()
    assert c.started_by == started and c.concluded_by is None
    assert AuditEntry.objects.filter(action="consultation.links").count() == 1
