"""Attachments (bilag): fetch each PDF once, keep it, and put its text where search finds it.

Which attachments are due is read from the archive, not from this run's meetings: every attachment of
the site's meetings whose PDF has not been stored yet (or whose last fetch failed), so that a sync
interrupted during this phase picks up where it stopped even when no meeting changed. The text is
kept beside the PDF as well as in Attachment.text, because re-importing a corrected meeting may
recreate its attachment rows: their text is then filled in again from the file, without a fetch.

An answer that is not a PDF (a Word file, an HTML error page) is reported and skipped for good; a PDF
without a text layer (a scan) is stored and reported. Text is extracted in the calling thread only:
pdfium is not thread-safe.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from moedebog.archive import models as archive
from moedebog.connectors import files
from moedebog.connectors.firstagenda import api
from moedebog.connectors.http import FetchError, Response
from moedebog.connectors.models import RemoteAttachment, RemoteMeeting, SyncSource
from moedebog.connectors.pipeline import in_order
from moedebog.connectors.report import SyncReport
from moedebog.documents import DocumentError, Source
from moedebog.documents.readers.pdf import extract_lines

_DONE = (RemoteAttachment.Status.STORED, RemoteAttachment.Status.NO_TEXT, RemoteAttachment.Status.NOT_PDF)


@dataclass(frozen=True, slots=True)
class Due:
    fetch: list[str]  # attachment ids to fetch
    refill: dict[str, str]  # attachment id → stored text file, for rows that lost their text


def due(source: SyncSource, refetch: bool = False) -> Due:
    rows = archive.Attachment.objects.filter(
        item__meeting__in=RemoteMeeting.objects.filter(source=source).values("meeting_id")).exclude(ref="")
    refs = {r for r in rows.values_list("ref", flat=True).distinct() if api.guid(r)}
    known = {a.guid: a for a in RemoteAttachment.objects.filter(source=source, guid__in=refs)}
    fetch = sorted(r for r in refs if refetch or r not in known or known[r].status not in _DONE)
    empty = set(rows.filter(text="").values_list("ref", flat=True).distinct())
    refill = {r: known[r].path for r in empty if r in known and known[r].status == RemoteAttachment.Status.STORED
              and known[r].chars and r not in fetch}
    return Due(fetch, refill)


def sync_attachments(source: SyncSource, fetch_pdf: Callable[[str], object], pool: Executor, report: SyncReport,
                     refetch: bool = False, window: int = 8,
                     on_step: Callable[[int, int, str], None] | None = None) -> None:
    root = files.files_root()
    work = due(source, refetch)
    for ref, relative in work.refill.items():
        text = files.read_text(root, f"{relative}.txt")
        if text:
            with transaction.atomic():
                _put_text(source, ref, text)
            report.attachments_refilled += 1
    total = len(work.fetch)
    for n, (ref, outcome) in enumerate(in_order(pool, work.fetch, fetch_pdf, window), 1):
        _store(source, root, ref, outcome, report)
        if on_step:
            on_step(n, total, ref)


def _store(source: SyncSource, root: Path, ref: str, outcome: object, report: SyncReport) -> None:
    url = f"{source.base_url}{api.attachment_path(ref)}"
    values: dict[str, object] = {"fetched_at": timezone.now(), "error": "", "path": "", "sha256": "", "size": 0,
                                 "content_type": "", "chars": 0}
    text = ""
    if isinstance(outcome, FetchError):
        values.update(status=RemoteAttachment.Status.FAILED, error=outcome.reason)
        report.fail(url, outcome.reason)
        report.attachments_failed += 1
    else:
        assert isinstance(outcome, Response)
        body = outcome.body
        values.update(sha256=hashlib.sha256(body).hexdigest(), size=len(body), content_type=outcome.content_type[:200])
        if not is_pdf(body):
            reason = f"ikke en PDF ({outcome.content_type or 'ukendt indholdstype'}, {len(body)} bytes); sprunget over"
            values.update(status=RemoteAttachment.Status.NOT_PDF, error=reason)
            report.warn(url, reason)
            report.attachments_not_pdf += 1
        else:
            relative = files.relative_path("firstagenda", source.base_url, "bilag", ref, ".pdf")
            files.write(root, relative, body)
            values["path"] = relative
            text, problem = pdf_text(body, ref)
            if problem:
                values.update(status=RemoteAttachment.Status.NO_TEXT, error=problem)
                report.warn(url, problem)
                report.attachments_without_text += 1
            else:
                files.write(root, f"{relative}.txt", text.encode("utf-8"))
                values.update(status=RemoteAttachment.Status.STORED, chars=len(text))
                report.attachments_stored += 1
    with transaction.atomic():
        RemoteAttachment.objects.update_or_create(source=source, guid=ref, defaults=values)
        if text:
            _put_text(source, ref, text)


def is_pdf(body: bytes) -> bool:
    """PDF readers accept the header anywhere in the first kilobyte; so do we."""
    return b"%PDF-" in body[:1024]


def pdf_text(body: bytes, ref: str) -> tuple[str, str]:
    """(text, problem): the PDF's paragraphs through the documents layer's reader, or why there are none."""
    try:
        text = "\n".join(extract_lines(Source.from_bytes(body, f"{ref}.pdf"))).strip()
    except DocumentError as exc:
        return "", str(exc)
    except Exception as exc:  # a reader bug must not stop the sync; say what happened
        return "", f"uventet fejl under læsning af PDF: {type(exc).__name__}: {exc}"
    return (text, "") if text else ("", "PDF-filen har ingen tekst (formentlig scannet)")


def _put_text(source: SyncSource, ref: str, text: str) -> None:
    """Save (not update) each row, so that anything listening for changes to attachments hears of it."""
    rows = archive.Attachment.objects.filter(
        ref=ref, item__meeting__in=RemoteMeeting.objects.filter(source=source).values("meeting_id"))
    for row in rows:
        if row.text != text:
            row.text = text
            row.save(update_fields=["text"])

