"""The consultation's emails, sent through Django's email framework (SMTP in production).

Each recipient gets a message of their own, because each carries a personal answer link. The
messages are built here and sent by the caller after its transaction has committed, so that a
link never goes out for a token the database does not have.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils.translation import gettext as _

from moedebog.council.files import open_stored
from moedebog.council.models import Consultation, Recipient


@dataclass(slots=True)
class Outgoing:
    recipient_id: int
    message: EmailMessage


def answer_url(token: str) -> str:
    return f"{settings.MOEDEBOG_SITE_URL}/hoeringssvar/{token}/"


def _date(day: object) -> str:
    return f"{day:%d-%m-%Y}"


def invitation(consultation: Consultation, recipient: Recipient, token: str) -> Outgoing:
    body = "\n\n".join(part for part in [
        _("Til %(name)s") % {"name": recipient.name},
        consultation.text.strip(),
        _("Høringsfrist: %(day)s") % {"day": _date(consultation.last_day())},
        _("Afgiv jeres høringssvar her (linket er personligt og gælder til fristen):\n%(url)s")
        % {"url": answer_url(token)},
        _("Kontakt: %(contact)s") % {"contact": consultation.contact} if consultation.contact else "",
        _("Med venlig hilsen\n%(body)s") % {"body": consultation.body.name},
    ] if part)
    message = EmailMessage(_("Høring: %(subject)s") % {"subject": consultation.subject}, body,
                           settings.DEFAULT_FROM_EMAIL, [recipient.email])
    for stored in consultation.files.all():
        path = open_stored(stored.path)
        if path is not None:
            message.attach(stored.name, path.read_bytes(), stored.content_type or "application/octet-stream")
    return Outgoing(recipient.pk, message)


def reminder(consultation: Consultation, recipient: Recipient, token: str) -> Outgoing:
    body = "\n\n".join([
        _("Til %(name)s") % {"name": recipient.name},
        _("Vi har endnu ikke modtaget jeres svar på høringen «%(subject)s». Fristen er %(day)s.")
        % {"subject": consultation.subject, "day": _date(consultation.last_day())},
        _("Afgiv svaret her:\n%(url)s") % {"url": answer_url(token)},
        _("Med venlig hilsen\n%(body)s") % {"body": consultation.body.name},
    ])
    message = EmailMessage(_("Påmindelse: høring om %(subject)s") % {"subject": consultation.subject}, body,
                           settings.DEFAULT_FROM_EMAIL, [recipient.email])
    return Outgoing(recipient.pk, message)


def deliver(outgoing: list[Outgoing]) -> dict[int, str]:
    """Send over one connection; recipient id → error text for each message that failed."""
    errors: dict[int, str] = {}
    if not outgoing:
        return errors
    try:
        connection = get_connection()
        connection.open()
    except Exception as exc:  # the server is down: every message failed, with the reason
        return {o.recipient_id: str(exc)[:500] or type(exc).__name__ for o in outgoing}
    try:
        for o in outgoing:
            o.message.connection = connection
            try:
                o.message.send()
            except Exception as exc:  # one refused address must not stop the others
                errors[o.recipient_id] = str(exc)[:500] or type(exc).__name__
    finally:
        connection.close()
    return errors
