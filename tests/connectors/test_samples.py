"""The real Greve answers (tests/corpus/samples) served by the fake site and synced: what arrives in the
archive is what the site published — bodies, meetings, items, closed items, absences, attachments and
the case histories."""

from __future__ import annotations

import json

import pytest

from moedebog.archive import models as archive
from moedebog.connectors.firstagenda.sync import SyncOptions, sync_firstagenda
from moedebog.connectors.models import CaseHistoryEntry
from tests.conftest import CORPUS
from tests.connectors.conftest import FAST
from tests.connectors.fakesite import FakeServer, FakeSite

pytestmark = pytest.mark.django_db(transaction=True)

ANSWERS = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((CORPUS / "samples").glob("greve_*.json"))]


def test_the_greve_samples_arrive_as_published() -> None:
    site = FakeSite()
    for answer in ANSWERS:
        site.add_answer(answer)
    with FakeServer(site) as url:
        # the municipality comes from the meetings' own links (dagsordener.greve.dk), the option is a fallback
        report = sync_firstagenda(url, SyncOptions(organization="Ukendt Kommune", client=FAST, progress=False))
    assert not report.failed, report.lines()
    assert (report.listed, report.fetched, report.documents.meetings_created) == (3, 3, 3)
    greve = archive.Body.objects.get(name="Greve Kommune")
    for answer in ANSWERS:
        meeting = archive.Meeting.objects.get(ref=answer["Id"])
        assert meeting.body.parent == greve and meeting.body.name == answer["Udvalg"]["Navn"]
        assert meeting.body.ref == answer["Udvalg"]["Id"]
        assert meeting.location == answer["Moede"]["Sted"] and meeting.state == "published"
        items = answer["Dagsordenpunkter"]
        assert meeting.items.count() == len(items)
        for raw in items:
            item = meeting.items.get(ref=raw["Id"])
            assert item.title == " ".join(raw["Navn"].split())
            assert item.public == (not raw["Navn"].startswith("Lukket"))
            assert (item.case.number if item.case else None) == raw["SagsNummer"]
            assert list(item.attachments.values_list("ref", flat=True)) == [b["Id"] for b in raw["Bilag"]]
            assert set(item.absences.values_list("person__name", flat=True)) == \
                {a["Name"] for a in raw["ExternalAgendaItemAttendees"]}
        absent = {p["Name"] for p in answer["Moede"]["Moededeltagere"] if p["Absent"]}
        assert set(meeting.attendance.filter(group="absent").values_list("person__name", flat=True)) == absent
    # "Sagens forløb": every earlier handling is recorded, with its date, body and decision
    byraad = archive.Meeting.objects.get(ref="3204f037-8037-4240-b33d-ad999cc3f555")
    entries = CaseHistoryEntry.objects.filter(item__meeting=byraad)
    assert entries.filter(item__number="16").count() == 2
    first = entries.get(item__number="16", order=0)
    assert (str(first.date), first.body_name, first.text) == ("2024-03-18", "Beskæftigelses- og Erhvervsudvalget",
                                                             "1.-3. Anbefales.")
    assert not entries.filter(earlier__isnull=False).exists()  # those meetings are not among the samples
