"""The FirstAgenda listings read into records, addresses, the case-history lines: pure functions."""

from __future__ import annotations

import json
from datetime import date

import pytest

from moedebog.connectors.files import relative_path, safe_id
from moedebog.connectors.firstagenda import api
from moedebog.connectors.history import handlings
from moedebog.documents import Source, parse
from tests.conftest import CORPUS

GREVE = sorted((CORPUS / "samples").glob("greve_*.json"))
G1 = "3204f037-8037-4240-b33d-ad999cc3f555"
G2 = "c5ff53fb-a263-4449-b569-03c6c406f852"


def summary(guid: str, **extra: object) -> dict:
    return {"Id": guid, "Dato": "2024-04-17T19:00:00+02:00", "MeetingBeginUtc": "2024-04-17T19:00:00+02:00",
            "MeetingEndUtc": None, "Sted": "Byrådssalen", "Afsluttet": True, "Navn": "Dagsorden",
            "IsSupplementaryAgenda": False, **extra}


def test_udvalgsliste_groups_committees_and_their_meetings() -> None:
    data = {"Udvalg": {
        "Udvalg 2022-2025": [{"Id": "bb801e8b-777b-401c-8224-2be3a973fb1b", "Navn": "Byråd 2022-2025",
                              "Moeder": [summary(G1), summary("not-a-guid"), None]}],
        "Historiske udvalg": [{"Id": None, "Navn": "Plan- og Tryghedsudvalget", "Moeder": [summary(G2)]},
                              "junk"],
    }}
    committees = api.committees(data)
    assert [c.name for c in committees] == ["Byråd 2022-2025", "Plan- og Tryghedsudvalget"]
    assert [m.guid for m in committees[0].meetings] == [G1]
    assert not committees[0].historic and committees[1].historic  # named by its group
    meeting = committees[0].meetings[0]
    assert (meeting.start, meeting.name, meeting.year, meeting.origin) == ("2024-04-17T19:00", "Dagsorden", 2024,
                                                                          "udvalgsliste")


def test_udvalgsliste_without_grouping_and_broken_answers() -> None:
    assert [c.name for c in api.committees({"Udvalg": [{"Navn": "Byrådet", "Moeder": []}]})] == ["Byrådet"]
    for broken in (None, [], {"Dagsordner": []}, {"Udvalg": "x"}):
        with pytest.raises(ValueError):
            api.committees(broken)


def test_search_page_accepts_every_way_of_naming_the_committee() -> None:
    page = api.search_page({"Dagsordner": [
        summary(G1, Udvalg={"Id": "bb801e8b-777b-401c-8224-2be3a973fb1b", "Navn": "Byråd 2022-2025",
                            "Historisk": True}),
        summary(G2, UdvalgNavn="Kultur- og Fritidsudvalget"),
        {"DagsordenId": "2d6996dc-d1fe-4705-adb2-1671137a4945", "MoedeDato": "2023-01-09T08:00:00+01:00",
         "Udvalg": "Beskæftigelses- og Erhvervsudvalget"},
        {"Id": "00000000-0000-0000-0000-000000000000"},
    ], "AntalResultater": 412, "MoreToBeSearched": True})
    assert [(m.committee, m.historic, m.start) for m in page.meetings] == [
        ("Byråd 2022-2025", True, "2024-04-17T19:00"),
        ("Kultur- og Fritidsudvalget", False, "2024-04-17T19:00"),
        ("Beskæftigelses- og Erhvervsudvalget", False, "2023-01-09T08:00"),
    ]
    assert (page.entries, page.total, page.more) == (4, 412, True)
    with pytest.raises(ValueError):
        api.search_page({"Udvalg": {}})


def test_fingerprint_follows_the_summary_and_the_committee() -> None:
    first = api.listed(summary(G1), "Byrådet", None, False, "udvalgsliste")
    same = api.listed(dict(reversed(list(summary(G1).items()))), "Byrådet", None, False, "soeg")
    held = api.listed(summary(G1, Navn="Referat"), "Byrådet", None, False, "udvalgsliste")
    renamed = api.listed(summary(G1), "Byråd 2022-2025", None, False, "udvalgsliste")
    assert first and same and held and renamed
    assert first.fingerprint == same.fingerprint  # key order and origin do not matter
    assert len({first.fingerprint, held.fingerprint, renamed.fingerprint}) == 3


def test_ids_are_guids_before_they_become_addresses_or_file_names() -> None:
    assert api.guid(" 3204F037-8037-4240-B33D-AD999CC3F555 ") == G1
    assert api.guid("../../etc/passwd") is None and api.guid(42) is None
    assert api.meeting_path(G1) == f"/api/agenda/dagsorden/{G1}"
    assert api.attachment_path(G2) == f"/vis/pdf/bilag/{G2}?redirectDirectlyToPdf=true"
    assert "moedeDato=2019" in api.search_path(2019, 200, 200) and "startIndex=200" in api.search_path(2019, 200, 200)
    assert relative_path("firstagenda", "https://dagsordener.greve.dk", "bilag", G1, ".pdf") == \
        f"firstagenda/dagsordener.greve.dk/bilag/32/{G1}.pdf"
    assert "/" not in safe_id("../../x") and ".." not in safe_id("../../x")


def test_case_history_lines_in_both_templates() -> None:
    text = ("18-03-2024 Beskæftigelses- og Erhvervsudvalget\n\n1.-3. Anbefales.\n\n"
            "10/04/2024 Økonomiudvalget\nØkonomiudvalget anbefaler overfor Byrådet, at indstillingen godkendes.\n"
            "Beslutning i Økonomiudvalget den 16-03-2026\nGodkendt.\n"
            "01-02-2024 var en dato i en sætning.")
    found = handlings(text)
    assert [(h.day, h.body) for h in found] == [
        (date(2024, 3, 18), "Beskæftigelses- og Erhvervsudvalget"),
        (date(2024, 4, 10), "Økonomiudvalget"),
        (date(2026, 3, 16), "Økonomiudvalget"),
    ]
    assert found[0].text == "1.-3. Anbefales."
    assert found[2].text.startswith("Godkendt.") and "sætning" in found[2].text


@pytest.mark.parametrize("path", GREVE, ids=lambda p: p.name[:40])
def test_every_history_section_of_the_samples_yields_its_handlings(path) -> None:
    document = parse(Source.from_bytes(path.read_bytes(), path.name))
    sections = [s for item in document.items for s in item.sections if s.kind == "history"]
    for section in sections:
        found = handlings(section.text)
        assert found, section.text[:200]
        assert all(h.body and h.day.year >= 2022 for h in found)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert api.guid(raw["Id"]) == document.ref
