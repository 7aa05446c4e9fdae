"""What the five real KKR documents must give, stated explicitly (the golden files hold the rest)."""

from __future__ import annotations

from collections import Counter

import pytest

from moedebog.documents import parse_path
from tests.conftest import seed


@pytest.fixture(scope="module")
def minutes_2020():
    return parse_path(seed("000"))


def test_minutes_head(minutes_2020) -> None:
    doc = minutes_2020
    assert (doc.kind, doc.body, doc.start) == ("minutes", "KKR Midtjylland", "2020-02-05T10:00")
    assert doc.location == "Scandic, Udgårdsvej 2, 8600 Silkeborg"
    assert [h.number for h in doc.headings] == ["1", "2", "3", "4", "5", "6", "7"]
    assert doc.headings[3].title == "Udpegninger"


def test_minutes_participants(minutes_2020) -> None:
    groups = Counter(p.group for p in minutes_2020.participants)
    assert groups == {"present": 28, "absent": 9, "officials": 1, "secretariat": 4}
    names = [p.name for p in minutes_2020.participants]
    assert names.count("Frands Fischer") == 1
    budde = next(p for p in minutes_2020.participants if p.name == "Christian Budde")
    assert budde.role == "Chefkonsulent, referent"
    assert budde.group == "secretariat"
    chief = next(p for p in minutes_2020.participants if p.name == "Solvejg Schultz Jakobsen")
    assert chief.role == "Sekretariatschef"
    kd = next(p for p in minutes_2020.participants if p.group == "officials")
    assert (kd.name, kd.affiliation, kd.group_title) == ("Jesper Kaas Schmidt", "Randers", "Fra KD-net")
    assert any("Frands Fischer" in w for w in minutes_2020.warnings)


def test_minutes_items(minutes_2020) -> None:
    items = minutes_2020.items
    assert [i.number for i in items] == ["1.1", "2.1", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "6.1", "7.1"]
    klima = items[2]
    assert klima.title == "Tværkommunale samarbejder om klima"
    assert (klima.case_number, klima.handlers) == ("SAG-2019-07153", ["snm", "chbo"])
    assert klima.heading is not None and klima.heading.title == "Regionalpolitiske sager"
    assert [s.kind for s in klima.sections] == ["background", "recommendation", "presentation", "decision"]
    assert klima.decision() is not None and klima.decision().startswith("KKR Midtjylland tiltrådte")
    assert all(i.decision() for i in items), "every item of the minutes has a decision"
    # no text of one item bleeds into the next
    assert "Resultatkontrakt" not in klima.sections[-1].text
    assert items[-1].title == "Eventuelt" and len(items[-1].sections) == 1


def test_agenda_2016_markdown_toc() -> None:
    doc = parse_path(seed("001"))
    assert doc.kind == "agenda" and doc.start == "2016-11-22T10:00"
    assert [i.number for i in doc.items] == ["1.1", "2.1", *(f"3.{n}" for n in range(1, 9)), "4.1", "5.1"]
    assert all(i.decision() is None for i in doc.items), "an agenda carries no decisions"
    first = doc.items[2]
    assert first.title == "Børnehus Midtjylland – aktiviteter og drift 2016-17"
    assert [a.title for a in first.attachments][:2] == [
        "Redegørelse Børnehus Midt af. 16. august 2016", "Redegørelse Børnehus Midt af 13. oktober 2016"]
    assert doc.headings[3].title == "Punkter til næste møde"


def test_agenda_2021_headings_without_items() -> None:
    doc = parse_path(seed("002"))
    assert [h.number for h in doc.headings] == ["1", "2", "3", "4", "5", "6", "7"]
    assert not [i for i in doc.items if i.heading and i.heading.number == "4"]
    assert [i.number for i in doc.items] == ["1.1", "2.1", "3.1", "5.1", "5.2", "6.1", "7.1"]
    assert doc.items[3].case_number == "SAG-2021-03487"


def test_agenda_2025_lost_titles_aligned_with_toc() -> None:
    doc = parse_path(seed("004"))
    assert doc.kind == "agenda" and doc.start == "2025-04-08T10:00" and doc.body == "KKR Midtjylland"
    numbers = [i.number for i in doc.items]
    assert numbers == ["1.1", "2.1", *(f"3.{n}" for n in range(1, 9)), "6.1", "7.1"]
    sikrede = doc.items[7]
    assert sikrede.title == "Udvidelse af kapacitet på de sikrede institutioner for børn og unge"
    assert sikrede.sections[0].text.startswith("Det Kommunale Koordinationsforum")
    # a line that merely starts with a section word stays text
    orientering = doc.items[1]
    assert [s.kind for s in orientering.sections] == ["background", "recommendation", "presentation"]
    assert "Beslutning på KL’s topmøde" in orientering.sections[0].text
    # the KL boilerplate at the end is not part of the last item
    assert "Mission" not in doc.items[-1].sections[-1].text
    assert any("indholdsfortegnelsen" in w for w in doc.warnings)


def test_letter() -> None:
    doc = parse_path(seed("003"))
    assert doc.kind == "letter"
    assert (doc.date, doc.deadline) == ("2020-02-07", "2020-04-30")
    assert doc.subject == "Invitation til lokalpolitiske drøftelser"
    assert doc.sender == "Sekretariat for Rammeaftaler"
    assert doc.signatories == ["Torben Hansen", "Steen Vindum"]
    assert doc.items == [] and doc.start is None
    assert any("udviklingsområde" in s.text for s in doc.sections)
