"""Import one parsed document into the archive: idempotent, merging, one transaction per document.

The file's SHA-256 identifies it: the same bytes with the same parser version are recognised and
skipped without a write. A meeting is found by its source id or by (body, start), so that the
agenda and then the minutes of one meeting become one meeting; the minutes are authoritative for
the items' text and add decisions and attendance. A corrected re-issue of a document updates the
rows in place. Killing the process at any moment leaves the database as it was before the
document's transaction; running the import again finishes the job.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Q

from moedebog import search
from moedebog.archive import models
from moedebog.archive.services import loading, threads
from moedebog.archive.services.items import ItemWriter, is_supplement
from moedebog.archive.services.keys import body_kind, meeting_start, municipality_name, slugify, term_for
from moedebog.archive.services.people import PeopleWriter
from moedebog.documents import PARSER_VERSION
from moedebog.documents.errors import unreadable
from moedebog.documents.parallel import ParsedFile, parse_bytes
from moedebog.documents.records import Document


@dataclass(slots=True)
class ImportResult:
    """What importing one file did; the batch summary adds these up."""

    name: str
    status: str  # created | updated | unchanged | failed
    kind: str = ""
    meeting_id: int | None = None
    items: int = 0
    items_created: int = 0
    people_created: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str = ""


def import_path(path: str | Path) -> ImportResult:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        return ImportResult(str(path), "failed", error=unreadable(exc))
    return import_bytes(data, str(path))


def import_bytes(data: bytes, name: str, organization: str | None = None) -> ImportResult:
    """Import a document's bytes; never raises for a bad document (the result says why it failed)."""
    digest = hashlib.sha256(data).hexdigest()
    known = known_source(digest)
    if is_current(known):  # known before parsing: an unchanged file is never read again
        return ImportResult(name, "unchanged", kind=known.kind)  # type: ignore[union-attr]
    return import_parsed(parse_bytes(name, data, digest), known, organization)


def known_source(digest: str) -> models.SourceDocument | None:
    """The archive's row for these bytes, if they were ever read (imported or failed)."""
    return models.SourceDocument.objects.filter(sha256=digest).only("status", "parser_version", "kind").first()


def is_current(known: models.SourceDocument | None) -> bool:
    """Whether these bytes were imported by this parser version: importing them again changes nothing."""
    return (known is not None and known.status == models.SourceDocument.Status.IMPORTED
            and known.parser_version == PARSER_VERSION)


def import_parsed(parsed: ParsedFile, known: models.SourceDocument | None, organization: str | None = None
                  ) -> ImportResult:
    """Import a file as ``documents.parallel`` read it (in a worker or here); ``known`` is
    ``known_source`` of its digest as the caller last saw it."""
    if not parsed.digest:  # the file could not even be read: nothing to record it by
        return ImportResult(parsed.path, "failed", error=parsed.error)
    if is_current(known):
        return ImportResult(parsed.path, "unchanged", kind=known.kind)  # type: ignore[union-attr]
    if parsed.document is None:
        _record_failure(parsed.digest, parsed.path, parsed.size, parsed.error)
        return ImportResult(parsed.path, "failed", error=parsed.error)
    return import_document(parsed.document, parsed.digest, parsed.path, parsed.size, known, organization)


def import_document(document: Document, digest: str, name: str, size: int,
                    known: models.SourceDocument | None, organization: str | None = None) -> ImportResult:
    """Place a parsed document in the archive, in one transaction; a refusal is recorded as a failure."""
    if organization and not document.organization:
        document.organization = organization
    try:
        with transaction.atomic():
            return _import_document(document, digest, name, size, recorded=known is not None)
    except ImportRefused as exc:
        _record_failure(digest, name, size, str(exc), document)
        return ImportResult(name, "failed", kind=document.kind, error=str(exc))


class ImportRefused(Exception):
    """The document was read but cannot be placed in the archive (for example: no meeting date)."""


def _record_failure(digest: str, name: str, size: int, error: str, document: Document | None = None) -> None:
    with transaction.atomic():
        models.SourceDocument.objects.update_or_create(
            sha256=digest,
            defaults={
                "name": name[:1000],
                "size": size,
                "status": models.SourceDocument.Status.FAILED,
                "error": error,
                "parser_version": PARSER_VERSION,
                "format": document.format if document else "",
                "kind": document.kind if document else "",
                "warnings": list(document.warnings) if document else [],
            },
        )


def _record_imported(digest: str, name: str, size: int, document: Document, warnings: list[str],
                     meeting: models.Meeting | None = None, letter: models.Letter | None = None,
                     recorded: bool = True) -> None:
    """The source document's row: what was read, and the meeting or letter it became.

    ``recorded``: whether a row for these bytes may exist (an earlier failure); when the caller
    saw none, the row is inserted without looking for it first.
    """
    values = {"name": name[:1000], "size": size, "format": document.format, "kind": document.kind,
              "supplement": is_supplement(document),
              "parser_version": PARSER_VERSION, "status": models.SourceDocument.Status.IMPORTED, "error": "",
              "warnings": warnings, "meeting": meeting, "letter": letter}
    if recorded:
        models.SourceDocument.objects.update_or_create(sha256=digest, defaults=values)
    else:
        models.SourceDocument.objects.create(sha256=digest, **values)


def _import_document(document: Document, digest: str, name: str, size: int, recorded: bool = True) -> ImportResult:
    if document.kind == "letter":
        return _import_letter(document, digest, name, size)
    if document.kind == "unknown" and not document.items:
        raise ImportRefused("dokumentet ligner hverken en dagsorden, et referat eller et brev")
    if not document.start:
        raise ImportRefused("dokumentet angiver ikke mødets dato, så det kan ikke placeres i arkivet")
    if not document.body:
        raise ImportRefused("dokumentet angiver ikke hvilket organ der holder mødet")
    body = ensure_body(document.body, document.organization)
    meeting, created = _find_or_create_meeting(document, body)
    warnings = list(document.warnings)
    # a meeting created just now has no rows yet: the writers skip looking for them
    earlier = [] if created else list(meeting.sources.exclude(sha256=digest).values_list("kind", "supplement"))
    previous_kinds = {kind for kind, _ in earlier}
    main_kinds = {kind for kind, supplement in earlier if not supplement}  # what a re-issue would replace
    people = PeopleWriter(body, meeting, new=created)
    people.preload(document.participants)  # item absences then find their people in the cache
    writer = ItemWriter(meeting, body, document, previous_kinds, people, warnings, new=created, main_kinds=main_kinds)
    items_created = writer.write()
    if document.participants:
        people.write_attendance(document.participants)
    if not created:
        _update_meeting(meeting, document, previous_kinds, main_kinds)
    _record_imported(digest, name, size, document, warnings, meeting=meeting, recorded=recorded)
    # one set of items for threads, search and the council's hooks: as just written, or loaded
    items = writer.items if created else loading.meeting_items(meeting)
    threads.link_meeting(meeting, items, new=created)
    search.index_meeting(meeting, items, new=created)  # the search index changes in this document's transaction
    _after_import(meeting=meeting, items=items)
    return ImportResult(
        name,
        "created" if created else "updated",
        kind=document.kind,
        meeting_id=meeting.pk,
        items=len(writer.items),
        items_created=items_created,
        people_created=people.created,
        warnings=warnings,
    )


def ensure_body(name: str, organization: str | None = None) -> models.Body:
    """The body by its permanent path; a committee of a municipality hangs under the municipality."""
    parent = None
    municipality = None
    if organization:
        parent, _ = models.Body.objects.get_or_create(
            path=slugify(organization), defaults={"name": organization, "kind": models.Body.Kind.ORGANIZATION}
        )
        if organization.casefold().endswith("kommune"):
            municipality = ensure_municipality(organization)
            if parent.municipality_id is None:
                parent.municipality = municipality
                parent.save(update_fields=["municipality"])
    path = f"{parent.path}/{slugify(name)}" if parent else slugify(name)
    body, _ = models.Body.objects.get_or_create(
        path=path, defaults={"name": name, "kind": body_kind(name), "parent": parent, "municipality": municipality}
    )
    return body


def ensure_municipality(name: str) -> models.Municipality:
    clean = municipality_name(name)
    municipality, _ = models.Municipality.objects.get_or_create(key=clean.casefold(), defaults={"name": clean})
    return municipality


def ensure_term(meeting: models.Meeting) -> models.Term:
    name, start, end = term_for(meeting.start.date())
    term, _ = models.Term.objects.get_or_create(name=name, defaults={"start": start, "end": end})
    return term


def _find_or_create_meeting(document: Document, body: models.Body) -> tuple[models.Meeting, bool]:
    assert document.start is not None
    start, time_known = meeting_start(document.start, settings.TIME_ZONE)
    # by its source id first, else by body and start: one query for both (both are indexed)
    same = Q(body=body, start=start)
    found = list(models.Meeting.objects.filter(Q(ref=document.ref) | same if document.ref else same))
    meeting = next((m for m in found if document.ref and m.ref == document.ref), None)
    if meeting is None:
        meeting = next((m for m in found if m.body_id == body.pk and m.start == start), None)
    if meeting is None and not time_known:
        same_day = list(models.Meeting.objects.filter(body=body, start__date=start.date())[:2])
        if len(same_day) == 1:
            meeting = same_day[0]
    if meeting is not None:
        return meeting, False
    meeting = models.Meeting(body=body, start=start, time_known=time_known, ref=document.ref or "")
    meeting.term = ensure_term(meeting)
    _meeting_fields(meeting, document, set())  # written with the insert, not by an update after it
    meeting.save()
    return meeting, True


def _update_meeting(meeting: models.Meeting, document: Document, previous_kinds: set[str],
                    main_kinds: set[str]) -> None:
    if previous_kinds and not main_kinds and not is_supplement(document) and document.ref:
        meeting.ref = ""  # the id came from a supplement imported first: the main publication's wins
    changed = _meeting_fields(meeting, document, previous_kinds)
    if changed:
        meeting.save(update_fields=changed)


def _meeting_fields(meeting: models.Meeting, document: Document, previous_kinds: set[str]) -> list[str]:
    """Set what the document says about the meeting; returns the names of the fields that changed."""
    changed: list[str] = []

    def put(attr: str, value: object) -> None:
        if value not in (None, "") and getattr(meeting, attr) != value:
            setattr(meeting, attr, value)
            changed.append(attr)

    put("location", (document.location or "")[:300])
    if not is_supplement(document) or not meeting.name:  # a tillægsdagsorden does not rename its meeting
        put("name", (document.name or "")[:200])
    if not meeting.ref:  # a supplement has an id of its own; the meeting keeps its main publication's
        put("ref", document.ref or "")
    if document.end:
        put("end", meeting_start(document.end, settings.TIME_ZONE)[0])
    kinds = previous_kinds | {document.kind}
    state = models.Meeting.State.PUBLISHED if "minutes" in kinds else models.Meeting.State.AGENDA_PUBLISHED
    put("state", state)
    return changed


def _after_import(meeting: models.Meeting | None = None, letter: models.Letter | None = None,
                  items: list[models.AgendaItem] | None = None) -> None:
    """Let the council app (appointments, consultations) follow up in this document's transaction."""
    if not apps.is_installed("moedebog.council"):
        return
    from moedebog.council import hooks

    if meeting is not None:
        hooks.meeting_imported(meeting, items)
    if letter is not None:
        hooks.letter_imported(letter)


def _import_letter(document: Document, digest: str, name: str, size: int) -> ImportResult:
    source = models.SourceDocument.objects.filter(sha256=digest).first()
    letter = source.letter if source and source.letter else None
    match = models.Letter.objects.filter(
        date=document.date, subject=(document.subject or "")[:500], sender=(document.sender or "")[:300]
    )
    if letter is None and document.date:
        letter = match.first()
    created = letter is None
    letter = letter or models.Letter()
    letter.body = ensure_body(document.body, document.organization) if document.body else None
    letter.date = document.date
    letter.name = (document.name or "")[:500]
    letter.subject = (document.subject or "")[:500]
    letter.deadline = document.deadline
    letter.sender = (document.sender or "")[:300]
    letter.signatories = list(document.signatories)
    letter.sections = [{"kind": s.kind, "title": s.title, "text": s.text} for s in document.sections]
    letter.save()
    _record_imported(digest, name, size, document, list(document.warnings), letter=letter)
    threads.link_letter(letter)
    search.index_letter(letter)
    _after_import(letter=letter)
    return ImportResult(name, "created" if created else "updated", kind=document.kind, warnings=list(document.warnings))
