"""Documents of a meeting: the archive rows mapped back to a documents-layer record for the
publisher, and the imported source files a reader may download.

Generated versions are rendered from what the reader may see (closed items and unpublished
decisions are left out before rendering), so a PDF can never hold more than the page does.
Source files are served only when the file the archive imported is still on disk with the same
SHA-256: the archive keeps the hash and the name it was imported under, not the bytes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from moedebog.archive import models
from moedebog.archive.services.exporting import item_record
from moedebog.documents import records
from moedebog.site import visibility
from moedebog.site.visibility import ANONYMOUS, Viewer


def _iso(value) -> str | None:
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M") if value else None


def meeting_document(meeting: models.Meeting, kind: str, viewer: Viewer = ANONYMOUS) -> records.Document:
    """The meeting as a record of ``kind`` ("agenda" or "minutes"): an agenda never carries
    decisions or attendance, whoever asks."""
    body = meeting.body
    organization = body.parent.name if body.parent_id and body.parent else None
    minutes = kind == "minutes" and visibility.shows_minutes(meeting, viewer)
    headings = {h.pk: records.Heading(h.number, h.title) for h in meeting.headings.all()}
    items = []
    qs = (visibility.items(viewer).filter(meeting=meeting).select_related("case")
          .prefetch_related("sections", "attachments").order_by("order"))
    for row in qs:
        items.append(item_record(row, headings, minutes))
    participants = []
    if minutes:
        for row in meeting.attendance.select_related("person", "person__municipality").order_by("pk"):
            municipality = row.person.municipality
            participants.append(records.Participant(
                name=row.person.name, affiliation=municipality.name if municipality else None, group=row.group,
                role=row.role or None, group_title=row.group_title or None))
    return records.Document(
        kind=kind if minutes or kind == "agenda" else "agenda", format="archive", body=body.name,
        organization=organization, name=meeting.name or None, start=_iso(meeting.start), end=_iso(meeting.end),
        location=meeting.location or None, items=items, headings=list(headings.values()),
        participants=participants,
    )


@dataclass(slots=True)
class SourceFile:
    source: models.SourceDocument
    path: Path

    @property
    def filename(self) -> str:
        return Path(self.source.name).name


def source_file(meeting: models.Meeting, prefix: str, viewer: Viewer = ANONYMOUS) -> SourceFile | None:
    """The visible source document whose hash starts with ``prefix``, if its file is still intact."""
    if len(prefix) < 16:
        return None
    source = visibility.sources(meeting, viewer).filter(sha256__startswith=prefix.lower()).first()
    if source is None:
        return None
    path = stored_path(source)
    return SourceFile(source, path) if path is not None else None


def stored_path(source: models.SourceDocument) -> Path | None:
    """The file the document was imported from, when it still has the imported bytes."""
    name = Path(source.name)
    path = name if name.is_absolute() else Path(settings.MOEDEBOG_SOURCE_ROOT) / name
    try:
        if not path.is_file() or path.stat().st_size != source.size:
            return None
        digest = hashlib.sha256()
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return path if digest.hexdigest() == source.sha256 else None


def present(sources: list[models.SourceDocument]) -> list[models.SourceDocument]:
    """The sources whose file is still there (checked by size only: hashing waits for the download)."""
    out = []
    for source in sources:
        name = Path(source.name)
        path = name if name.is_absolute() else Path(settings.MOEDEBOG_SOURCE_ROOT) / name
        try:
            if path.is_file() and path.stat().st_size == source.size:
                out.append(source)
        except OSError:
            continue
    return out
