"""What the archive importer calls after a document is written (in the same transaction):
a consultation letter becomes a consultation, an item with the appointments table starts the
period's register. Both act as "system" and are idempotent, like the import itself."""

from __future__ import annotations

import re

from django.utils import timezone

from moedebog.archive import models as archive
from moedebog.archive.services import loading
from moedebog.council import recipients, seats
from moedebog.council.models import Consultation, OutsideBody, Recipient
from moedebog.council.services import appointments
from moedebog.secretariat import audit


def _contact(text: str) -> str:
    match = re.search(r"Kontakt:\s*((?:\n+[^\n]+){1,4})", text)
    if not match:
        return ""
    lines = [line.strip() for line in match.group(1).splitlines() if line.strip()]
    return ", ".join(lines)[:500]


def letter_imported(letter: archive.Letter) -> Consultation | None:
    """A letter with a deadline from a body is a consultation: create it once, linked to the letter."""
    letter = archive.Letter.objects.get(pk=letter.pk)  # the importer's instance holds ISO strings
    if letter.deadline is None or letter.body_id is None:
        return None
    text = "\n\n".join(f"{s.get('title', '')}\n\n{s.get('text', '')}".strip() for s in letter.sections)
    c = Consultation.objects.filter(letter=letter).first()
    if c is not None:
        if c.deadline != letter.deadline:
            c.deadline = letter.deadline
            c.save(update_fields=["deadline"])
        return c
    past = letter.deadline < timezone.localdate()
    c = Consultation.objects.create(
        body=letter.body, letter=letter, subject=(letter.name or letter.subject or "Høring")[:500], text=text,
        deadline=letter.deadline, contact=_contact(text),
        state=Consultation.State.CLOSED if past else Consultation.State.SENT,
        sent_at=timezone.make_aware(timezone.datetime.combine(letter.date, timezone.datetime.min.time()))
        if letter.date else None)
    if recipients.addressed_to_midtjylland(text):
        Recipient.objects.bulk_create([Recipient(consultation=c, name=n, order=i)
                                       for i, n in enumerate(recipients.MIDTJYLLAND)])
    audit.record(None, "consultation.import", f"Høringen «{c.subject}» oprettet fra et indlæst brev",
                 body=c.body, obj=c)
    return c


def meeting_imported(meeting: archive.Meeting, items: list[archive.AgendaItem] | None = None) -> list[OutsideBody]:
    """Items whose text has the table of appointments start (or update) that period's register.

    ``items``: the meeting's items with their sections prefetched, when the importer has them.
    """
    saved: list[OutsideBody] = []
    for item in items if items is not None else meeting.items.prefetch_related("sections"):
        text = "\n\n".join(s.text for s in loading.sections(item))
        if seats.TITLE.search(text) and seats.find_table(text):
            saved += appointments.import_table(None, item, system=True)
    return saved
