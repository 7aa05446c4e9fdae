"""Writing consultations: draft, send, answers (by link or recorded from mail), close, reopen,
reminders, links to items. Each function checks the role, runs in a transaction and audits.

Answers through a link act for no user: the token is the authority, and the audit entry names
the recipient. Emails are sent after the transaction, so a committed token is all a link needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from moedebog.archive import models as archive
from moedebog.council import files, mail, tokens
from moedebog.council.models import Consultation, ConsultationFile, Recipient, Response
from moedebog.council.services.common import ServiceError, atomic, audit, require

State = Consultation.State
MAX_FILE = 25 * 1024 * 1024


@dataclass(slots=True)
class Draft:
    """What a secretary writes."""

    subject: str
    text: str
    deadline: date
    contact: str = ""
    recipients: list[tuple[str, str]] | None = None


def values(c: Consultation) -> dict[str, str]:
    return {_("Emne"): c.subject, _("Tekst"): c.text, _("Høringsfrist"): f"{c.deadline:%d-%m-%Y}",
            _("Kontakt"): c.contact, _("Status"): str(State(c.state).label),
            _("Genåbnet til"): f"{c.reopened_until:%d-%m-%Y}" if c.reopened_until else "",
            _("Startet af punkt"): str(c.started_by or ""), _("Afsluttet af punkt"): str(c.concluded_by or "")}


def _recipient_values(c: Consultation) -> dict[str, str]:
    return {_("Høringsparter"): "\n".join(f"{r.name} {r.email}".strip() for r in c.recipients.order_by("order"))}


def _lock(c: Consultation) -> Consultation:
    return Consultation.objects.select_for_update().select_related("body").get(pk=c.pk)


def _set_recipients(c: Consultation, pairs: list[tuple[str, str]]) -> None:
    c.recipients.all().delete()
    Recipient.objects.bulk_create([Recipient(consultation=c, name=n, email=e, order=i)
                                   for i, (n, e) in enumerate(pairs)])


def _check(draft: Draft) -> None:
    if not draft.subject.strip():
        raise ServiceError(_("Emnet mangler."))


def create(user: Any, body: archive.Body, draft: Draft) -> Consultation:
    require(user, body)
    _check(draft)
    with atomic():
        c = Consultation.objects.create(body=body, subject=draft.subject.strip()[:500], text=draft.text.strip(),
                                        deadline=draft.deadline, contact=draft.contact.strip()[:500])
        _set_recipients(c, draft.recipients or [])
        audit.record(user, "consultation.create", _("Oprettede høringen «%(subject)s»") % {"subject": c.subject},
                     body=body, obj=c, after={**values(c), **_recipient_values(c)})
    return c


def update(user: Any, c: Consultation, draft: Draft) -> Consultation:
    """Change a draft; once sent, the letter is what the recipients got and stays as it is."""
    require(user, c.body_id)
    _check(draft)
    with atomic():
        c = _lock(c)
        if c.state != State.DRAFT:
            raise ServiceError(_("Kun en kladde kan ændres; høringen er sendt."))
        before = {**values(c), **_recipient_values(c)}
        c.subject, c.text, c.deadline = draft.subject.strip()[:500], draft.text.strip(), draft.deadline
        c.contact = draft.contact.strip()[:500]
        c.save()
        if draft.recipients is not None:
            _set_recipients(c, draft.recipients)
        old, new = audit.changed(before, {**values(c), **_recipient_values(c)})
        if old or new:
            audit.record(user, "consultation.update", _("Ændrede høringen «%(subject)s»") % {"subject": c.subject},
                         body=c.body, obj=c, before=old, after=new)
    return c


def add_file(user: Any, c: Consultation, name: str, data: bytes, content_type: str = "") -> ConsultationFile:
    require(user, c.body_id)
    if not data:
        raise ServiceError(_("Filen er tom."))
    if len(data) > MAX_FILE:
        raise ServiceError(_("Filen er for stor."))
    with atomic():
        c = _lock(c)
        if c.state != State.DRAFT:
            raise ServiceError(_("Bilag kan kun vedhæftes en kladde."))
        digest, path = files.store(data)
        stored = ConsultationFile.objects.create(consultation=c, name=name[:255] or "bilag", size=len(data),
                                                 content_type=content_type[:100], sha256=digest, path=path)
        audit.record(user, "consultation.file", _("Vedhæftede %(name)s til høringen") % {"name": stored.name},
                     body=c.body, obj=c, after={_("Bilag"): stored.name})
    return stored


def _deliver(outgoing: list[mail.Outgoing], field: str) -> dict[int, str]:
    """Send after commit and note per recipient when it went out, or why it did not."""
    errors = mail.deliver(outgoing)
    now = timezone.now()
    for o in outgoing:
        error = errors.get(o.recipient_id, "")
        update = {"send_error": error} if error else {"send_error": "", field: now}
        Recipient.objects.filter(pk=o.recipient_id).update(**update)
    return errors


def send(user: Any, c: Consultation, today: date | None = None) -> dict[int, str]:
    """Send the consultation to every recipient with an address; returns recipient id → error."""
    require(user, c.body_id)
    today = today or timezone.localdate()
    with atomic():
        c = _lock(c)
        if c.state != State.DRAFT:
            raise ServiceError(_("Høringen er allerede sendt."))
        if c.deadline < today:
            raise ServiceError(_("Høringsfristen er overskredet; ret fristen før udsendelsen."))
        recipients = list(c.recipients.order_by("order"))
        if not recipients:
            raise ServiceError(_("Høringen har ingen høringsparter."))
        before = values(c)
        c.state, c.sent_at = State.SENT, timezone.now()
        c.save(update_fields=["state", "sent_at"])
        outgoing = [mail.invitation(c, r, tokens.issue(r, c.last_day())) for r in recipients if r.email]
        old, new = audit.changed(before, values(c))
        audit.record(user, "consultation.send", _("Sendte høringen «%(subject)s» til %(n)d høringsparter")
                     % {"subject": c.subject, "n": len(recipients)}, body=c.body, obj=c, before=old, after=new)
    return _deliver(outgoing, "sent_at")


def answer_by_link(token: str, text: str, author: str = "", today: date | None = None) -> Response:
    """The recipient's own answer; the token decides who answers, nothing in the request can."""
    today = today or timezone.localdate()
    text = text.strip()
    if not text:
        raise ServiceError(_("Skriv jeres svar, før I sender det."))
    with atomic():
        row = tokens.find(token)
        if row is None:
            raise ServiceError(_("Linket er ugyldigt eller udløbet."))
        recipient = Recipient.objects.select_for_update().get(pk=row.recipient_id)
        c = _lock(recipient.consultation)
        if not c.open_on(today):
            raise ServiceError(_("Høringen er lukket for svar."))
        response = Response.objects.filter(recipient=recipient).first()
        if response is not None and response.via != Response.Via.LINK:
            raise ServiceError(_("Sekretariatet har allerede registreret jeres svar; kontakt sekretariatet."))
        before = {_("Svar"): response.text, _("Afgivet af"): response.author} if response else {}
        if response is None:
            response = Response(recipient=recipient, via=Response.Via.LINK)
        response.text, response.author, response.changed_at = text, author.strip()[:300], timezone.now()
        response.save()
        old, new = audit.changed(before, {_("Svar"): response.text, _("Afgivet af"): response.author})
        audit.record(None, "consultation.answer", _("%(name)s svarede på høringen «%(subject)s» via sit link")
                     % {"name": recipient.name, "subject": c.subject}, body=c.body, obj=c, before=old, after=new)
    return response


def record_answer(user: Any, recipient: Recipient, text: str, author: str = "",
                  received: date | None = None) -> Response:
    """An answer that came by mail or post, typed in by the secretariat (never over a link answer)."""
    c = recipient.consultation
    require(user, c.body_id)
    text = text.strip()
    if not text:
        raise ServiceError(_("Svaret er tomt."))
    with atomic():
        c = _lock(c)
        if c.state == State.DRAFT:
            raise ServiceError(_("Høringen er ikke sendt endnu."))
        response = Response.objects.select_for_update().filter(recipient=recipient).first()
        if response is not None and response.via == Response.Via.LINK:
            raise ServiceError(_("%(name)s har selv svaret via sit link; svaret kan kun ændres af dem.")
                               % {"name": recipient.name})
        before = {_("Svar"): response.text, _("Afgivet af"): response.author} if response else {}
        if response is None:
            response = Response(recipient=recipient, via=Response.Via.MAIL)
        response.text, response.author, response.recorded_by = text, author.strip()[:300], user
        response.changed_at = timezone.now()
        if received is not None:
            response.received_at = timezone.make_aware(datetime.combine(received, time(12, 0)))
        response.save()
        old, new = audit.changed(before, {_("Svar"): response.text, _("Afgivet af"): response.author})
        audit.record(user, "consultation.record", _("Registrerede %(name)s' høringssvar")
                     % {"name": recipient.name}, body=c.body, obj=c, before=old, after=new)
    return response


def close(user: Any, c: Consultation) -> Consultation:
    require(user, c.body_id)
    with atomic():
        c = _lock(c)
        if c.state != State.SENT:
            raise ServiceError(_("Kun en udsendt høring kan lukkes."))
        _close(user, c)
    return c


def _close(user: Any, c: Consultation) -> None:
    before = values(c)
    c.state = State.CLOSED
    c.save(update_fields=["state"])
    old, new = audit.changed(before, values(c))
    audit.record(user, "consultation.close", _("Lukkede høringen «%(subject)s»") % {"subject": c.subject},
                 body=c.body, obj=c, before=old, after=new)


def reopen(user: Any, c: Consultation, until: date, today: date | None = None) -> Consultation:
    """Take answers again until ``until``; the recipients' links live until then too."""
    require(user, c.body_id)
    today = today or timezone.localdate()
    if until < today:
        raise ServiceError(_("Den nye frist skal ligge i fremtiden."))
    with atomic():
        c = _lock(c)
        if c.state == State.DRAFT:
            raise ServiceError(_("Høringen er ikke sendt endnu."))
        before = values(c)
        c.state, c.reopened_until = State.SENT, until
        c.save(update_fields=["state", "reopened_until"])
        tokens.extend(c.recipients.all(), c.last_day())
        old, new = audit.changed(before, values(c))
        audit.record(user, "consultation.reopen", _("Genåbnede høringen «%(subject)s» til %(day)s")
                     % {"subject": c.subject, "day": f"{until:%d-%m-%Y}"}, body=c.body, obj=c, before=old, after=new)
    return c


def link_items(user: Any, c: Consultation, started_by: archive.AgendaItem | None,
               concluded_by: archive.AgendaItem | None) -> Consultation:
    """The items that started and concluded the consultation (None clears a link)."""
    require(user, c.body_id)
    with atomic():
        c = _lock(c)
        before = values(c)
        c.started_by, c.concluded_by = started_by, concluded_by
        c.save(update_fields=["started_by", "concluded_by"])
        old, new = audit.changed(before, values(c))
        if old or new:
            audit.record(user, "consultation.links", _("Ændrede punkterne for høringen «%(subject)s»")
                         % {"subject": c.subject}, body=c.body, obj=c, before=old, after=new)
    return c


@dataclass(slots=True)
class Run:
    """What `moedebog remind` did."""

    reminded: int = 0
    failed: int = 0
    closed: int = 0


def run_due(today: date | None = None, days: int = 3) -> Run:
    """For cron: close consultations whose last day has passed, remind those who have not answered
    when the last day is at most ``days`` away. Acts as "system"; each reminder goes out once."""
    today = today or timezone.localdate()
    result = Run()
    with atomic():
        for c in Consultation.objects.select_for_update().filter(state=State.SENT).select_related("body"):
            if c.last_day() < today:
                _close(None, c)
                result.closed += 1
    outgoing: list[mail.Outgoing] = []
    with atomic():
        due = Consultation.objects.filter(state=State.SENT).select_related("body")
        for c in due:
            if not today <= c.last_day() <= today + timedelta(days=days):
                continue
            waiting = (c.recipients.select_for_update(of=("self",))  # the join to answers cannot be locked
                       .filter(response__isnull=True, reminded_at__isnull=True).exclude(email=""))
            batch = [mail.reminder(c, r, tokens.issue(r, c.last_day())) for r in waiting]
            if batch:
                audit.record(None, "consultation.remind", _("Påmindelse om høringen «%(subject)s» til %(n)d")
                             % {"subject": c.subject, "n": len(batch)}, body=c.body, obj=c)
            outgoing += batch
    errors = _deliver(outgoing, "reminded_at")
    result.reminded, result.failed = len(outgoing) - len(errors), len(errors)
    return result
