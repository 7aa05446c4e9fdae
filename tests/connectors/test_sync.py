"""`moedebog sync firstagenda` against the fake site: full sync, incremental and resumable syncs, failures,
attachments, case histories and the command line. Runs on SQLite and again on PostgreSQL."""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from moedebog.archive import models as archive
from moedebog.cli import main
from moedebog.connectors.firstagenda.sync import (
    SyncOptions,
    SyncRefused,
    normalize_base_url,
    resolve_organization,
    sync_firstagenda,
)
from moedebog.connectors.models import CaseHistoryEntry, RemoteAttachment, RemoteMeeting
from moedebog.documents.records import Item, Section
from moedebog.search import search
from tests.connectors.conftest import FAST, documents
from tests.connectors.fakesite import ORGANIZATION, FakeServer, FakeSite

pytestmark = pytest.mark.django_db(transaction=True)

MEETINGS = "/api/agenda/dagsorden/"


def run(url: str, on_meeting=None, **options):
    return sync_firstagenda(url, SyncOptions(organization=ORGANIZATION, client=FAST, progress=False, **options),
                            on_meeting)


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def assert_consistent() -> None:
    """Every recorded remote meeting is fully in the archive, and nothing is in the archive unrecorded."""
    for row in RemoteMeeting.objects.filter(status="imported"):
        assert row.meeting is not None and row.meeting.items.exists(), row
    assert archive.Meeting.objects.count() == RemoteMeeting.objects.filter(status="imported").count()


def test_a_full_sync_brings_every_meeting_of_every_committee(site, server) -> None:
    report = run(server)
    assert not report.failures and not report.failed, report.lines()
    total = len(site.meetings)
    listed_periods = sorted({c.period for c in site.committee_of.values()}, reverse=True)[:2]
    search_only = sum(1 for c in site.committee_of.values() if c.period not in listed_periods)
    assert search_only > 0  # the oldest period is not in the committee list
    assert (report.listed, report.listed_by_search_only, report.fetched, report.new) == (total, search_only, total,
                                                                                         total)
    assert archive.Meeting.objects.count() == total
    assert set(archive.Meeting.objects.values_list("ref", flat=True)) == set(site.meetings)
    assert archive.AgendaItem.objects.count() == sum(len(m["Dagsordenpunkter"]) for m in site.meetings.values())
    # committees are bodies under the municipality; older periods' committees are historical
    bodies = archive.Body.objects.exclude(kind="organization")
    assert {b.name for b in bodies} == {c.name for c in site.committee_of.values()}
    assert all(b.parent and b.parent.name == ORGANIZATION for b in bodies)
    for body in bodies:
        committee = next(c for c in site.committee_of.values() if c.name == body.name)
        assert (body.historic, body.ref) == (committee.historic, committee.guid)
    # closed items stay closed; minutes bring attendance; documents name where they came from
    closed = [i for m in site.meetings.values() for i in m["Dagsordenpunkter"] if i["Navn"].startswith("Lukket")]
    assert archive.AgendaItem.objects.filter(public=False).count() == len(closed)
    assert archive.Attendance.objects.exists() and archive.ItemAbsence.objects.exists()
    assert all(name.startswith(f"{server}{MEETINGS}")
               for name in archive.SourceDocument.objects.values_list("name", flat=True))
    assert CaseHistoryEntry.objects.exists()
    assert_consistent()
    assert site.hits[("redirected",)] == 0  # the session cookie came from the front page


def test_an_unchanged_site_is_not_fetched_again_and_nothing_is_written(site, server) -> None:
    run(server)
    fetched = site.count("dagsorden")
    with CaptureQueriesContext(connection) as queries:
        report = run(server)
    assert site.count("dagsorden") == fetched
    assert (report.fetched, report.skipped) == (0, len(site.meetings))
    assert writes(queries.captured_queries) == []
    assert report.lines()[-1].startswith("Intet ændret")
    # asked to fetch everything again, it still writes nothing: the same bytes are the same document
    with CaptureQueriesContext(connection) as queries:
        report = run(server, refetch=True)
    assert report.fetched == len(site.meetings) and report.documents.unchanged == len(site.meetings)
    assert writes(queries.captured_queries) == []


def test_only_new_and_changed_meetings_are_fetched(site, server) -> None:
    run(server)
    moved = list(site.meetings)[3]
    decided = next(g for g, m in site.meetings.items() if not m["Moede"]["Afsluttet"])  # an agenda, to become minutes

    def move(meeting: dict) -> None:
        meeting["Moede"]["Sted"] = "Rådhusets festsal"

    def decide(meeting: dict) -> None:
        meeting["Moede"].update(Navn="Referat", Afsluttet=True)
        meeting["Dagsordenpunkter"][1]["Felter"][0]["Html"] = (
            "<div><h3>Beslutning</h3><p>Godkendt med den tilføjelse, at sagen genoptages i juni.</p></div>")

    site.update(moved, move)
    site.update(decided, decide)
    extra = copy.deepcopy(documents()[-1])
    extra.ref = "9a3e1f0c-0000-4000-8000-000000000001"
    extra.start = "2023-03-01T16:00"
    new = site.add(extra)
    before = dict(site.hits)
    report = run(server)
    assert (report.new, report.changed, report.fetched) == (1, 2, 3), report.lines()
    refetched = {k[1] for k, n in site.hits.items() if k[0] == "dagsorden" and n != before.get(k, 0)}
    assert refetched == {moved, decided, new}
    assert archive.Meeting.objects.get(ref=moved).location == "Rådhusets festsal"
    item = archive.AgendaItem.objects.get(meeting__ref=decided, number=site.meetings[decided]["Dagsordenpunkter"][1]
                                          ["Punktnummer"])
    assert "genoptages i juni" in item.sections.get(kind="decision").text
    assert archive.Meeting.objects.count() == len(site.meetings)
    assert_consistent()


def test_recent_meetings_are_checked_again_for_corrections_the_listing_does_not_show() -> None:
    docs = copy.deepcopy(documents())
    recent = docs[-1]
    recent.start = (date.today() - timedelta(days=3)).isoformat() + "T16:00"
    site = FakeSite.from_documents(docs)
    with FakeServer(site) as url:
        run(url)
        with CaptureQueriesContext(connection) as queries:
            report = run(url)
        assert (report.rechecked, report.fetched, report.documents.unchanged) == (1, 1, 1)
        assert writes(queries.captured_queries) == []
        site.update(recent.ref, lambda m: m["Dagsordenpunkter"][0].update(Navn="Godkendelse af dagsorden (rettet)"))
        report = run(url)
        assert report.documents.updated == 1
        assert archive.AgendaItem.objects.get(meeting__ref=recent.ref, number="1").title.endswith("(rettet)")
        assert run(url, recheck_days=0).fetched == 0


def test_a_supplementary_agenda_is_merged_into_its_meeting(site, server) -> None:
    main_guid = next(iter(site.meetings))
    main = site.meetings[main_guid]
    supplement = copy.deepcopy(main)
    # a guid that sorts before the main one: the main publication must still be imported first
    supplement["Id"] = "00000000-0000-4000-8000-00000000000a"
    supplement["TillaegsDagsorden"] = True
    supplement["Moede"].update(Navn="Dagsorden", IsSupplementaryAgenda=True)  # flagged, plainly named
    extra = copy.deepcopy(main["Dagsordenpunkter"][0])
    extra.update(Id="00000000-0000-4000-8000-0000000000aa", Navn="Ekstra punkt om vinterberedskab",
                 Punktnummer="99")
    supplement["Dagsordenpunkter"] = [extra]
    site.meetings[supplement["Id"]] = supplement
    site.committee_of[supplement["Id"]] = site.committee_of[main_guid]
    report = run(server)
    assert not report.failed
    meeting = archive.Meeting.objects.get(ref=main_guid)
    numbers = set(meeting.items.values_list("number", flat=True))
    assert len(numbers) == len(main["Dagsordenpunkter"]) + 1 and "99" in numbers
    assert meeting.name == main["Moede"]["Navn"]
    assert meeting.sources.count() == 2
    with CaptureQueriesContext(connection) as queries:
        run(server)
    assert writes(queries.captured_queries) == []


def test_an_interrupted_sync_continues_where_it_stopped(site, server) -> None:
    done: list[str] = []

    def stop_after_seven(listed, result) -> None:
        done.append(listed.guid)
        if len(done) == 7:
            raise KeyboardInterrupt

    report = run(server, on_meeting=stop_after_seven)
    assert report.interrupted and "Afbrudt" in report.lines()[-1]
    assert archive.Meeting.objects.count() == RemoteMeeting.objects.count() == 7
    assert_consistent()
    report = run(server)
    assert not report.interrupted and not report.failed
    assert (report.skipped, report.new) == (7, len(site.meetings) - 7)
    assert archive.Meeting.objects.count() == len(site.meetings)
    assert_consistent()


def test_failures_are_reported_and_the_rest_goes_on(site, server) -> None:
    broken, flaky, garbage, slow = list(site.meetings)[2:6]
    site.fail(MEETINGS + broken, *["500"] * 20)
    site.fail(MEETINGS + flaky, "truncate", "cut")
    site.fail(MEETINGS + slow, "timeout")
    site.fail("/api/agenda/udvalgsliste", "500", "cookie")
    site.update(garbage, lambda m: m.update(Dagsordenpunkter="ikke en liste"))
    report = run(server)
    assert report.failed and report.fetch_failed == 1
    failures = dict(report.failures)
    assert "500" in failures[f"{server}{MEETINGS}{broken}"] and "forsøg" in failures[f"{server}{MEETINGS}{broken}"]
    assert [name for name, _ in report.documents.failures] == [f"{server}{MEETINGS}{garbage}"]
    assert report.retries >= 5
    text = "\n".join(report.lines())
    assert f"Fejl: 2\n  {server}{MEETINGS}{broken}: serveren svarede 500" in text
    assert archive.Meeting.objects.count() == len(site.meetings) - 2
    assert RemoteMeeting.objects.get(guid=broken).status == "failed"
    assert RemoteMeeting.objects.get(guid=garbage).status == "rejected"
    assert_consistent()
    # the next sync asks again for what could not be fetched (not for what the importer refused)
    site.faults.clear()
    report = run(server)
    assert (report.retried, report.fetched, report.skipped) == (1, 1, len(site.meetings) - 1)
    assert archive.Meeting.objects.filter(ref=broken).exists()


def test_attachments_are_stored_and_their_text_made_searchable(site, server, files_dir) -> None:
    refs = site.attachment_ids()
    word, failing = refs[0], refs[1]
    site.not_pdf.add(word)
    site.fail(f"/vis/pdf/bilag/{failing}", *["500"] * 20)
    report = run(server, attachments=True)
    pdfs = len(set(refs)) - 2
    assert (report.attachments_stored, report.attachments_not_pdf, report.attachments_failed) == (pdfs, 1, 1)
    warnings = dict(report.warnings)
    assert "ikke en PDF (application/msword" in warnings[f"{server}/vis/pdf/bilag/{word}?redirectDirectlyToPdf=true"]
    stored = RemoteAttachment.objects.filter(status="stored")
    assert stored.count() == pdfs and all((files_dir / row.path).read_bytes().startswith(b"%PDF-") for row in stored)
    row = archive.Attachment.objects.filter(ref=refs[2]).first()
    assert row.title in row.text and f"Dokument {refs[2]}" in row.text
    assert not archive.Attachment.objects.get(ref=word).text
    found = search("belysningsplan", private=True, page_size=50)  # a word only the PDFs hold
    assert found.total > 0
    with_pdfs = set(archive.Attachment.objects.exclude(text="").values_list("item_id", flat=True))
    assert {hit.object_id for hit in found.hits if hit.kind == "item"} <= with_pdfs
    # nothing to do the second time, except the attachment that failed
    site.faults.clear()
    fetched = site.count("bilag")
    with CaptureQueriesContext(connection) as queries:
        report = run(server, attachments=True)
    assert site.count("bilag") == fetched + 1 and report.attachments_stored == 1
    with CaptureQueriesContext(connection) as queries:
        report = run(server, attachments=True)
    assert writes(queries.captured_queries) == [] and site.count("bilag") == fetched + 1
    # a re-import that recreates attachment rows gets their text back from the stored files, without fetching
    archive.Attachment.objects.filter(ref=refs[2]).update(text="")
    report = run(server, attachments=True)
    assert report.attachments_refilled == 1 and site.count("bilag") == fetched + 1
    assert f"Dokument {refs[2]}" in archive.Attachment.objects.filter(ref=refs[2]).first().text


def _case_pair(docs: list, earlier: int, later: int, number: str) -> None:
    """Give meeting ``later`` an item whose case history names meeting ``earlier``, which gets an item of the
    same case."""
    first, second = docs[earlier], docs[later]
    assert first.body != second.body
    day = first.start[:10]
    first.items.append(Item(number=str(len(first.items) + 1), title="Ny skatepark ved stranden", case_number=number,
                            sections=[Section("decision", "Beslutning", "Anbefales.")]))
    second.items.append(Item(number=str(len(second.items) + 1), title="Ny skatepark ved stranden",
                             case_number=number, sections=[
                                 Section("decision", "Beslutning", "Godkendt."),
                                 Section("history", "Sagens forløb",
                                         f"{day[8:10]}-{day[5:7]}-{day[:4]} {first.body}\n\nAnbefales."),
                             ]))


def test_case_history_links_to_the_earlier_items_of_the_case_in_either_order() -> None:
    docs = copy.deepcopy(documents())
    _case_pair(docs, 9, 10, "23-900001")  # both on the site from the start
    _case_pair(docs, 11, 14, "23-900002")  # the earlier meeting appears on the site only later
    late = docs.pop(11)
    site = FakeSite.from_documents(docs)
    with FakeServer(site) as url:
        report = run(url)
        first = CaseHistoryEntry.objects.get(item__case__number="23-900001")
        assert first.earlier is not None and first.earlier.meeting.ref == docs[9].ref
        second = CaseHistoryEntry.objects.get(item__case__number="23-900002")
        assert second.earlier is None
        site.add(late)
        report = run(url)
        assert report.new == 1 and report.history_links == 1
        second.refresh_from_db()
        assert second.earlier is not None and second.earlier.meeting.ref == late.ref
        assert second.body_name == late.body and second.text == "Anbefales."


def test_a_site_without_search_is_synced_from_its_committee_list() -> None:
    site = FakeSite.from_documents(documents(), search_supported=False)
    with FakeServer(site) as url:
        report = run(url)
    assert not report.search_supported and not report.failures
    listed = [m for group in site.udvalgsliste()["Udvalg"].values() for c in group for m in c["Moeder"]]
    assert archive.Meeting.objects.count() == report.listed == len(listed) < len(site.meetings)
    assert "ingen søgning" in "\n".join(report.lines())


def test_the_municipality_comes_from_the_address_or_from_the_user() -> None:
    assert resolve_organization("https://dagsordener.greve.dk", None) == "Greve Kommune"
    assert resolve_organization("https://dagsordener.greve.dk", "Greve  Kommune ") == "Greve Kommune"
    with pytest.raises(SyncRefused, match="--organization"):
        resolve_organization("http://127.0.0.1:8000", None)
    assert normalize_base_url("Dagsordener.Greve.dk/") == "https://dagsordener.greve.dk"
    assert normalize_base_url("http://127.0.0.1:8000/sub/?x=1") == "http://127.0.0.1:8000/sub"
    with pytest.raises(SyncRefused):
        normalize_base_url("ftp://example.org")


def test_the_command_line(site, server, capsys) -> None:
    assert main(["sync", "firstagenda", server, "--organization", ORGANIZATION, "--quiet", "--timeout", "2"]) == 0
    out = capsys.readouterr().out
    assert f"Site: {server} ({ORGANIZATION})" in out and f"Møder hentet: {len(site.meetings)}" in out
    assert main(["sync", "firstagenda", server, "--organization", ORGANIZATION, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["listed"], data["fetched"], data["skipped"]) == (len(site.meetings), 0, len(site.meetings))
    site.fail(MEETINGS, *["500"] * 200)
    site.update(next(iter(site.meetings)), lambda m: m["Moede"].update(Sted="Et andet sted"))
    assert main(["sync", "firstagenda", server, "--organization", ORGANIZATION, "--quiet", "--retries", "0"]) == 2
    assert "serveren svarede 500" in capsys.readouterr().out
    assert main(["sync", "firstagenda", "http://127.0.0.1:9"]) == 2
    assert "--organization" in capsys.readouterr().err
