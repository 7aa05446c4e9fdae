"""Attachments (bilag): upload a file to an item, its text extracted by the documents layer and
stored in Attachment.text, where search finds it; delete and rename."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django.utils.translation import gettext as _

from moedebog.archive import models
from moedebog.documents import DocumentError, Source
from moedebog.documents.plaintext import extract_text
from moedebog.secretariat import audit, files, roles
from moedebog.secretariat.models import AttachmentFile
from moedebog.secretariat.services.common import ServiceError, atomic, lock_meeting

MAX_BYTES = 50 * 1024 * 1024


def default_title(filename: str) -> str:
    """ "Udspil om klima.pdf" → "Udspil om klima"."""
    stem = PurePath(filename.replace("\\", "/")).stem
    return " ".join(stem.replace("_", " ").split()) or _("Bilag")


def add_attachment(user: Any, item: models.AgendaItem, filename: str, data: bytes, title: str = "",
                   content_type: str = "") -> tuple[models.Attachment, str]:
    """Store the file and its text; returns the attachment and a warning ("" when the text was read)."""
    roles.require_prepare(user, item.meeting.body_id)
    if not data:
        raise ServiceError(_("Filen er tom."))
    if len(data) > MAX_BYTES:
        raise ServiceError(_("Filen er for stor (højst %(mb)d MB).") % {"mb": MAX_BYTES // (1024 * 1024)})
    warning = ""
    try:
        text = extract_text(Source.from_bytes(data, filename))
        if not text:
            warning = _("Der er ingen tekst i filen (måske er den scannet); den kan ikke findes ved søgning.")
    except DocumentError as exc:
        text, warning = "", _("Teksten kunne ikke læses: %(reason)s") % {"reason": exc}
    digest, relative = files.store(data)
    title = " ".join((title or default_title(filename)).split())[:1000]
    with atomic():
        lock_meeting(item.meeting_id)
        order = (item.attachments.order_by("-order").values_list("order", flat=True).first() or 0) + 1
        attachment = models.Attachment.objects.create(item=item, order=order, title=title, text=text)
        AttachmentFile.objects.create(attachment=attachment, name=PurePath(filename).name[:255],
                                      content_type=content_type[:100], size=len(data), sha256=digest, path=relative)
        audit.record(user, "attachment.add", _("Vedhæftede bilaget «%(title)s» til punkt %(number)s")
                     % {"title": title, "number": item.number}, meeting=item.meeting, obj=attachment,
                     after={_("Bilag"): title, _("Fil"): filename, _("Størrelse"): f"{len(data)} bytes",
                            _("Tekst"): f"{len(text)} tegn"})
    return attachment, warning


def delete_attachment(user: Any, attachment: models.Attachment) -> None:
    item = attachment.item
    roles.require_prepare(user, item.meeting.body_id)
    with atomic():
        lock_meeting(item.meeting_id)
        title = attachment.title
        attachment.delete()
        audit.record(user, "attachment.delete", _("Fjernede bilaget «%(title)s» fra punkt %(number)s")
                     % {"title": title, "number": item.number}, meeting=item.meeting, before={_("Bilag"): title})
