"""Council tests: the secretariat's users and bodies, and a real SMTP server on 127.0.0.1.

The SMTP server is aiosmtpd in a thread; Django's SMTP backend is pointed at it, so the tests read
exactly what went over the wire.
"""

from __future__ import annotations

import email
import email.policy
import socket
from email.message import EmailMessage

import pytest

from tests.secretariat.conftest import (  # noqa: F401 (fixtures)
    _files,
    administrator,
    at,
    body,
    make_user,
    member,
    other_body,
    outsider,
    secretary,
)


class Inbox:
    """The messages the local SMTP server received, parsed."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address in m["X-Envelope-To"]]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """A running SMTP server; Django sends to it."""
    controller_module = pytest.importorskip("aiosmtpd.controller")
    inbox = Inbox()
    port = _free_port()
    controller = controller_module.Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.MOEDEBOG_SITE_URL = "http://moedebog.test"
    try:
        yield inbox
    finally:
        controller.stop()


def body_text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    return part.get_content() if part is not None else ""


@pytest.fixture
def imported(db):
    """Seed 002 imported: KKR Midtjylland with item 5.2's register of 2018-2021."""
    from moedebog.archive import models as archive
    from moedebog.archive.services.importer import import_path
    from tests.conftest import seed

    import_path(seed("002"))
    return archive.Body.objects.get(path="kkr-midtjylland")
