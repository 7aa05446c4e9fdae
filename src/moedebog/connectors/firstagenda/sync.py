"""`moedebog sync firstagenda BASE_URL`: bring a FirstAgenda Publication site's archive into the archive.

Steps: load ``/`` for the session cookie; list every meeting (discovery.py); compare each listing
summary's fingerprint with the sync state and keep the meetings that are new, changed or failed last
time; fetch those a few at a time ahead of the import, oldest first; import each through the archive's
import service in its own transaction together with its sync-state row and its case-history links; then,
with ``--attachments``, fetch and store the attachments' PDFs. An unchanged site costs only the
listing requests and writes nothing. A sync stopped at any moment continues where it stopped.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.db import transaction
from django.utils import timezone

from moedebog import search
from moedebog.archive import models as archive
from moedebog.archive.services.batch import Progress
from moedebog.archive.services.bulk import bulk_writes
from moedebog.archive.services.importer import ImportResult, import_bytes
from moedebog.connectors import history
from moedebog.connectors.firstagenda import api
from moedebog.connectors.firstagenda.attachments import sync_attachments
from moedebog.connectors.firstagenda.discovery import Discovery, discover
from moedebog.connectors.http import Client, ClientOptions, FetchError, Response
from moedebog.connectors.models import RemoteMeeting, SyncSource
from moedebog.connectors.pipeline import in_order
from moedebog.connectors.report import SyncReport
from moedebog.documents.municipalities import organization_from_url

Status = RemoteMeeting.Status


class SyncRefused(Exception):
    """The sync cannot start (a bad address, an unknown municipality); the message says what to do."""


@dataclass(frozen=True, slots=True)
class SyncOptions:
    organization: str | None = None
    attachments: bool = False
    refetch: bool = False
    search: bool = True
    from_year: int | None = None
    recheck_days: int = 14
    client: ClientOptions = field(default_factory=ClientOptions)
    progress: bool = True


#: Called after each meeting's transaction: (listed meeting, import result or None when the fetch failed).
MeetingHook = Callable[[api.Listed, ImportResult | None], None]


def normalize_base_url(url: str) -> str:
    text = url.strip()
    if "://" not in text:
        text = f"https://{text}"
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncRefused(f"ugyldig adresse: {url!r} (brug fx https://dagsordener.greve.dk)")
    netloc = parts.hostname.lower() + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))


def resolve_organization(base_url: str, organization: str | None) -> str:
    """--organization, else the municipality the host names, else the one a previous sync was given."""
    if organization and organization.strip():
        return " ".join(organization.split())
    named = organization_from_url(base_url)
    if named:
        return named
    known = SyncSource.objects.filter(base_url=base_url).values_list("organization", flat=True).first()
    if known:
        return known
    raise SyncRefused(f"kan ikke se af adressen {base_url} hvilken kommune sitet tilhører; "
                      "angiv den med --organization \"Navn Kommune\"")


def sync_firstagenda(base_url: str, options: SyncOptions | None = None,
                     on_meeting: MeetingHook | None = None) -> SyncReport:
    """Sync one site; never raises for what a site does wrong (the report says), only SyncRefused."""
    options = options or SyncOptions()
    base = normalize_base_url(base_url)
    organization = resolve_organization(base, options.organization)
    report = SyncReport(base, organization, attachments=options.attachments)
    started = time.monotonic()
    client = Client(base, options.client)
    source = _source(base, organization)
    pool = ThreadPoolExecutor(max_workers=max(1, options.client.concurrency), thread_name_prefix="moedebog-sync")
    try:
        client.start_session()
        found = discover(client, pool, search=options.search, from_year=options.from_year)
        _note_discovery(found, report)
        # the search rows of cases and people (and of items whose attachments arrive) are written
        # once, when meetings and attachments are in, not once per meeting
        with bulk_writes(), search.deferred_summaries():
            _sync_meetings(source, client, pool, found, options, report, on_meeting)
            if options.attachments:
                _attachments(source, client, pool, options, report)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        client.close()
        pool.shutdown(wait=False, cancel_futures=True)
        report.requests, report.retries, report.sessions = (client.stats.requests, client.stats.retries,
                                                            client.stats.sessions)
        report.seconds = time.monotonic() - started
    if report.wrote:
        source.last_synced_at = timezone.now()
        source.last_report = report.as_dict()
        source.save(update_fields=["last_synced_at", "last_report"])
    return report


def _attachments(source: SyncSource, client: Client, pool: ThreadPoolExecutor, options: SyncOptions,
                 report: SyncReport) -> None:
    bar = Progress(0) if options.progress else None

    def step(done: int, total: int, ref: str) -> None:
        if bar:
            bar.total = total
            bar.update(done, f"bilag {ref}")

    def fetch(ref: str) -> Response:
        return client.get(api.attachment_path(ref), expect="pdf")

    try:
        sync_attachments(source, fetch, pool, report, refetch=options.refetch, window=_window(options), on_step=step)
    finally:
        if bar and bar.total:
            bar.close()


def _window(options: SyncOptions) -> int:
    return max(2, options.client.concurrency * 3)


def _source(base: str, organization: str) -> SyncSource:
    source, created = SyncSource.objects.get_or_create(base_url=base, defaults={"organization": organization})
    if not created and source.organization != organization:
        source.organization = organization
        source.save(update_fields=["organization"])
    return source


def _note_discovery(found: Discovery, report: SyncReport) -> None:
    report.committees = found.committees
    report.listed = len(found.meetings)
    report.listed_by_search_only = found.from_search_only
    report.years = sorted(found.years)
    report.search_supported = found.search_supported
    report.listing_complete = found.complete
    for what, reason in found.failures:
        report.fail(what, reason)


def _due(found: Discovery, state: dict[str, RemoteMeeting], options: SyncOptions,
         report: SyncReport) -> list[api.Listed]:
    """The meetings to fetch: new, changed since their import, not fetched last time — and the recent ones.

    A correction to a meeting's text does not always show in its listing summary; it is most likely
    around the meeting date, when the minutes are written. So meetings from ``recheck_days`` ago on
    (and future ones) are fetched every time; unchanged bytes are recognised and write nothing.
    """
    recent = (date.today() - timedelta(days=options.recheck_days)).isoformat() if options.recheck_days > 0 else None
    todo = []
    for listed in found.ordered():
        known = state.get(listed.guid)
        if known is None:
            report.new += 1
        elif known.status == Status.FAILED:
            report.retried += 1
        elif known.fingerprint != listed.fingerprint:
            report.changed += 1
        elif recent and listed.start and listed.start >= recent:
            report.rechecked += 1
        elif not options.refetch:
            report.skipped += 1
            continue
        todo.append(listed)
    return todo


def _sync_meetings(source: SyncSource, client: Client, pool: ThreadPoolExecutor, found: Discovery,
                   options: SyncOptions, report: SyncReport, on_meeting: MeetingHook | None) -> None:
    state = {row.guid: row for row in RemoteMeeting.objects.filter(source=source)}
    todo = _due(found, state, options, report)
    bar = Progress(len(todo)) if options.progress and todo else None
    started = time.monotonic()

    def fetch(listed: api.Listed) -> Response:
        return client.get(api.meeting_path(listed.guid), expect="json")

    try:
        for n, (listed, outcome) in enumerate(in_order(pool, todo, fetch, _window(options)), 1):
            result = None
            if isinstance(outcome, FetchError):
                report.fetch_failed += 1
                report.fail(outcome.url, outcome.reason)
                with transaction.atomic():
                    _remember(source, state, listed, status=Status.FAILED, error=outcome.reason)
            else:
                report.fetched += 1
                result = _import(source, state, listed, outcome, report)
            if on_meeting:
                on_meeting(listed, result)
            if bar:
                bar.update(n, f"{listed.committee} {(listed.start or '')[:10]}")
    finally:
        report.documents.seconds = time.monotonic() - started
        if bar:
            bar.close()


def _import(source: SyncSource, state: dict[str, RemoteMeeting], listed: api.Listed, response: Response,
            report: SyncReport) -> ImportResult:
    """Import one meeting and record it, in one transaction: either both happen or neither."""
    digest = hashlib.sha256(response.body).hexdigest()
    with transaction.atomic():
        result = import_bytes(response.body, response.url, organization=source.organization)
        report.documents.add(result)
        if result.status == "failed":
            _remember(source, state, listed, status=Status.REJECTED, error=result.error, sha256=digest,
                      fingerprint=listed.fingerprint)
            return result
        meeting_id = result.meeting_id or archive.SourceDocument.objects.filter(sha256=digest) \
            .values_list("meeting_id", flat=True).first()
        _remember(source, state, listed, status=Status.IMPORTED, error="", sha256=digest,
                  fingerprint=listed.fingerprint, meeting_id=meeting_id)
        if result.status in ("created", "updated") and meeting_id:
            meeting = archive.Meeting.objects.select_related("body").get(pk=meeting_id)
            _mark_body(meeting.body, response.data, listed)
            written, linked = history.link_meeting(meeting)
            report.history_entries += written
            report.history_links += linked
    return result


def _mark_body(body: archive.Body, data: Any, listed: api.Listed) -> None:
    """The committee's id at the source and whether the site calls it historical."""
    committee = data.get("Udvalg") if isinstance(data, dict) else None
    committee = committee if isinstance(committee, dict) else {}
    changed = []
    if (committee.get("Historisk") is True or listed.historic) and not body.historic:
        body.historic = True
        changed.append("historic")
    ref = api.guid(committee.get("Id")) or listed.committee_id
    if ref and not body.ref:
        body.ref = ref[:100]
        changed.append("ref")
    if changed:
        body.save(update_fields=changed)


def _remember(source: SyncSource, state: dict[str, RemoteMeeting], listed: api.Listed, **values: Any) -> None:
    """Write the meeting's sync-state row only where it differs from what is recorded."""
    values.update(committee=listed.committee[:300], start=listed.start or "", name=listed.name[:200],
                  origin=listed.origin)
    row = state.get(listed.guid)
    if row is None:
        state[listed.guid] = RemoteMeeting.objects.create(source=source, guid=listed.guid,
                                                          fetched_at=timezone.now(), **values)
        return
    changed = [key for key, value in values.items() if getattr(row, key) != value]
    if changed:
        for key in changed:
            setattr(row, key, values[key])
        row.fetched_at = timezone.now()
        row.save(update_fields=[*changed, "fetched_at"])
