"""FirstAgenda meeting JSON: the three Greve samples, hand-written variants, broken input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from moedebog.documents import DocumentError, Source, parse, parse_path
from moedebog.documents.readers.firstagenda import local_time, read
from moedebog.documents.records import Document, Item
from moedebog.documents.serialize import to_dict
from tests.conftest import CORPUS

SAMPLES = CORPUS / "samples"
BYRAAD = SAMPLES / "greve_Byraad-2022-2025_2024-04-17_3204f037.json"
KULTUR = SAMPLES / "greve_Kultur-og-Fritidsudvalget_2024-09-11_c5ff53fb.json"
OLD = SAMPLES / "greve_Beskaeftigelses-og-Erhvervsudvalget_2023-01-09_2d6996dc.json"


@pytest.fixture(scope="module")
def byraad() -> Document:
    return parse_path(BYRAAD)


def item(document: Document, number: str) -> Item:
    return next(i for i in document.items if i.number == number)


def section(it: Item, kind: str, title: str | None = None):
    return next(s for s in it.sections if s.kind == kind and (title is None or s.title == title))


def from_json(data: Any) -> Document:
    return parse(Source.from_bytes(json.dumps(data, ensure_ascii=False).encode("utf-8"), "m.json"))


# -- the city council meeting ---------------------------------------------------------------------

def test_byraad_head(byraad: Document) -> None:
    assert byraad.format == "firstagenda-json"
    assert byraad.kind == "minutes"  # the site calls it "Dagsorden"; its decisions make it minutes
    assert byraad.name == "Dagsorden"
    assert byraad.body == "Byråd 2022-2025"
    assert byraad.start == "2024-04-17T19:00"
    assert byraad.end is None
    assert byraad.location == "Byrådssalen"
    assert byraad.ref == "3204f037-8037-4240-b33d-ad999cc3f555"
    assert byraad.headings == []
    assert byraad.warnings == []


def test_byraad_participants(byraad: Document) -> None:
    assert len(byraad.participants) == 21
    assert byraad.participants[0].name == "Charlotte Levin"
    assert {p.group for p in byraad.participants} == {"present"}
    assert all(p.role is None for p in byraad.participants)


def test_byraad_items_in_order(byraad: Document) -> None:
    assert [i.number for i in byraad.items] == [str(n) for n in range(1, 32)]
    assert item(byraad, "3").title == "Godkendelse af dagsorden"
    assert item(byraad, "31").title == "Underskriftsark"
    assert item(byraad, "3").case_number == "21-014420"
    assert item(byraad, "3").ref == "91c67cc6-e22b-486e-ba1c-c543c9d9deb2"
    assert all(i.handlers == [] for i in byraad.items)


def test_byraad_closed_items(byraad: Document) -> None:
    closed = [i.number for i in byraad.items if not i.public]
    assert closed == ["1", "2", "4", "5", "6", "7", "8", "9"]
    first = item(byraad, "1")
    assert first.title.startswith("Lukket: Temamøde")
    # only what the site published: the outcome, as the item's decision
    assert [(s.kind, s.title) for s in first.sections] == [("decision", "")]
    assert first.decision() == "Temamøde blev afholdt.\n\nFraværende: Charlotte Levin"
    assert item(byraad, "6").decision().startswith("Byrådet godkendte Økonomiudvalgets indstilling.")


def test_byraad_absences(byraad: Document) -> None:
    absences = item(byraad, "3").absences
    assert [(a.name, a.reason) for a in absences] == [("Charlotte Levin", "Fraværende"),
                                                      ("Marc Genning", "Fraværende")]
    assert item(byraad, "31").absences == []


def test_byraad_item_sections(byraad: Document) -> None:
    argo = item(byraad, "12")
    assert argo.case_number == "23-012555"
    assert [s.kind for s in argo.sections] == ["decision", "other", "summary", "recommendation", "presentation",
                                               "other", "other", "other", "other", "other", "history"]
    assert "Mehmet Zeki Dogru (Ø) undlod." in argo.decision()
    assert section(argo, "recommendation").text.startswith("Administrationen indstiller, at\n\n1. Oplæg til")
    assert section(argo, "history", "Sagens forløb").text.startswith("10-04-2024 Økonomiudvalget")
    assert section(argo, "other", "Sagsprocedure").text == "Økonomiudvalget, Byrådet."
    # the inline base64 image in this item is dropped
    assert all("base64" not in s.text and "<" not in s.text for i in byraad.items for s in i.sections)

    agenda = item(byraad, "3")
    assert section(agenda, "other", "Program for byrådsmødet:").text == (
        "Kl. 17:30 - Lukket byrådsmøde.\n\nKl. 19:00 - Åbent byrådsmøde.")


def test_byraad_headings_with_line_breaks_and_tables(byraad: Document) -> None:
    budget = item(byraad, "15")
    titles = [s.title for s in budget.sections]
    assert "Økonomiske konsekvenser" in titles  # "<h4>Økonomiske\nkonsekvenser</h4>"
    assert not any(t.startswith("Når det reviderede") for t in titles)  # a paragraph styled as h4
    timeline = section(item(byraad, "16"), "other", "Tidsplan").text
    assert "Offentliggørelse af udbud\t19/4 2024" in timeline


def test_byraad_history_is_not_decision(byraad: Document) -> None:
    rental = item(byraad, "26")
    assert "Plan- og Tryghedsudvalget" in section(rental, "history").text
    assert "Plan- og Tryghedsudvalget" not in rental.decision()


def test_byraad_attachments(byraad: Document) -> None:
    argo = item(byraad, "12")
    assert len(argo.attachments) == 5
    assert argo.attachments[0].title == "Bilag 1 Samlet beslutningsgrundlag for aktieselskabsgørelse af ARGO 140324"
    assert argo.attachments[0].ref == "dffbb9af-e29b-4c96-8a6f-5722f0e61d74"
    tender = item(byraad, "16")
    assert len(tender.attachments) == 14
    assert tender.attachments[0].title == "Bilag 14. Udbudsbetingelser"  # the site's order (all Order 0)


# -- the ordinary committee meeting and the older template --------------------------------------

def test_kultur_committee() -> None:
    doc = parse_path(KULTUR)
    assert (doc.kind, doc.body, doc.start, doc.location) == (
        "minutes", "Kultur- og Fritidsudvalget", "2024-09-11T16:30", "Mødelokale 1")
    assert len(doc.items) == 7
    library = item(doc, "3")
    assert library.title == "Greve Bibliotek, initiativer, åbningstid og adgangskontrol"
    assert library.case_number == "24-008531"
    assert [a.title for a in library.attachments] == ["Bilag 1. Eksempler på hærværk og bibliotekets håndtering",
                                                       "Bilag 2. Hændelser på biblioteket"]
    assert library.decision().startswith("1. Orienteringen blev taget til efterretning")
    assert section(library, "presentation", "Sagsbeskrivelse").text.startswith("Baggrund\n\nI forlængelse af")
    assert "  a. der ikke ændres i de generelle åbningstider" in section(library, "recommendation").text
    assert section(library, "history").text.startswith("10/09/2024 Plan- og Tryghedsudvalget")
    visit = item(doc, "2")
    assert section(visit, "other", "Økonomiske konsekvenser").text == (
        "Sagen har ingen økonomiske konsekvenser for Greve Kommune.")
    signatures = item(doc, "7")
    assert [(s.kind, s.title) for s in signatures.sections] == [("other", "Sagsprocedure"), ("summary", "Resume")]


def test_older_template() -> None:
    doc = parse_path(OLD)
    assert doc.kind == "minutes"
    assert doc.start == "2023-01-09T08:00"
    assert len(doc.items) == 9
    first = item(doc, "1")
    assert [(s.kind, s.title) for s in first.sections] == [
        ("decision", ""), ("other", "Sagsprocedure"), ("summary", "Resume"), ("recommendation", "Indstilling")]
    assert first.decision() == "Godkendt."
    assert not any(s.text.startswith("Godkendelse af dagsorden\n") for s in first.sections)
    benchmark = item(doc, "5")
    assert "Antal helårspersoner, alle ydelser\t18\t2.191\t2.107\t-84*" in section(
        benchmark, "presentation").text
    assert [(a.name, a.reason) for a in item(doc, "2").absences] == [
        ("Kenneth Jerkel", "Fraværende"), ("Brigitte Klintskov Jerkel", "Fraværende")]
    assert item(doc, "9").decision() is None


@pytest.mark.parametrize("path", [BYRAAD, KULTUR, OLD], ids=lambda p: p.name)
def test_samples_match_the_schema(path: Path, schema_validator) -> None:
    schema_validator.validate(to_dict(parse_path(path)))


# -- hand-written meetings -------------------------------------------------------------------------

def meeting(items: list[Any], **moede: Any) -> dict[str, Any]:
    return {"Id": "11111111-2222-3333-4444-555555555555", "Udvalg": {"Navn": "Teknisk Udvalg"},
            "Moede": {"Dato": "2026-03-16T16:00:00+01:00", "Navn": "Dagsorden", "Sted": "Rådhuset", **moede},
            "Dagsordenpunkter": items}


def test_agenda_drops_empty_decisions() -> None:
    html = "<h3>Beslutning</h3><h3>Fremstilling</h3><h4>Resume</h4><p>Kort.</p>"
    doc = from_json(meeting([{"Punktnummer": "1", "Navn": "Punkt", "Felter": [{"Html": html}]}]))
    assert doc.kind == "agenda"
    assert [(s.kind, s.title) for s in doc.items[0].sections] == [("summary", "Resume")]


def test_minutes_judged_from_content_even_if_named_agenda() -> None:
    html = "<h3>Beslutning</h3><p>Godkendt.</p>"
    doc = from_json(meeting([{"Number": 2, "Caption": "Andet", "CaseNumber": "25/26257",
                              "Felter": [{"Html": html}]}], Navn="Dagsorden"))
    assert doc.kind == "minutes"
    assert (doc.items[0].number, doc.items[0].title, doc.items[0].case_number) == ("2", "Andet", "25/26257")


def test_minutes_name_without_decisions_warns() -> None:
    doc = from_json(meeting([{"Punktnummer": "1", "Navn": "x", "Felter": [{"Html": "<h2>Resume</h2><p>r</p>"}]}],
                            Navn="Referat"))
    assert doc.kind == "agenda"
    assert doc.warnings and "Referat" in doc.warnings[0]


def test_items_sorted_by_sorting_and_attachments_by_order() -> None:
    items = [
        {"Punktnummer": "2", "Sorting": 2, "Navn": "B", "Bilag": [{"Navn": "Z", "Order": 2, "Id": "z"},
                                                                  {"Navn": "A", "Order": 1, "Id": "a"}]},
        {"Punktnummer": "1", "Sorting": 1, "Navn": "A"},
        {"Punktnummer": "3", "Sorting": None, "Navn": "C"},
    ]
    doc = from_json(meeting(items))
    assert [i.number for i in doc.items] == ["1", "2", "3"]
    assert [(a.title, a.ref) for a in doc.items[1].attachments] == [("A", "a"), ("Z", "z")]


def test_participants_absent_and_cancelled() -> None:
    people = [{"Name": "Anne", "Absent": False}, {"Name": "Bo", "Absent": True},
              {"Name": "Carl", "ParticipationCancelled": True}, {"Name": None}, "garbage"]
    doc = from_json(meeting([], Moededeltagere=people))
    assert [(p.name, p.group) for p in doc.participants] == [("Anne", "present"), ("Bo", "absent"),
                                                             ("Carl", "absent")]


def test_times() -> None:
    doc = from_json(meeting([], Dato=None, MeetingBeginUtc="2026-03-16T16:00:00+01:00",
                            MeetingEndUtc="2026-03-16T18:30:00+01:00"))
    assert (doc.start, doc.end) == ("2026-03-16T16:00", "2026-03-16T18:30")
    assert local_time("2026-06-01T14:00:00Z") in ("2026-06-01T16:00", "2026-06-01T14:00")
    assert local_time("2026-06-01") == "2026-06-01"
    assert local_time("not a date") is None
    assert local_time("2026-13-45T10:00") is None
    assert local_time(12345) is None


def test_missing_and_wrong_typed_fields_are_tolerated() -> None:
    data = {"Dagsordenpunkter": [
        {},
        {"Punktnummer": None, "Navn": 42, "Felter": "nope", "Bilag": {"x": 1}, "ExternalAgendaItemAttendees": [1]},
        {"Punktnummer": "3 a.", "Felter": [None, {"Html": None, "Tekst": "Første afsnit.\n\nAndet  afsnit."}],
         "Bilag": [{"Navn": None}, {"Navn": "Bilag", "Order": "x"}],
         "ExternalAgendaItemAttendees": [{"Name": "Dora", "Reason": None}]},
        "not an item",
    ], "Moede": None, "Udvalg": []}
    doc = from_json(data)
    assert doc.body is None and doc.start is None and doc.participants == []
    assert [i.number for i in doc.items] == ["1", "2", "3a"]
    assert doc.items[1].title == "42"
    third = doc.items[2]
    assert [(s.kind, s.text) for s in third.sections] == [("other", "Første afsnit.\n\nAndet afsnit.")]
    assert [a.title for a in third.attachments] == ["Bilag"]
    assert [(a.name, a.reason) for a in third.absences] == [("Dora", None)]


def test_field_name_titles_text_without_heading() -> None:
    data = meeting([{"Punktnummer": "1", "Navn": "P", "Felter": [
        {"Navn": "Beslutning", "Html": "<p>Vedtaget.</p>"}, {"Navn": "Sagsfremstilling", "Html": "<p>Sagen.</p>"}]}])
    doc = from_json(data)
    assert [(s.kind, s.title, s.text) for s in doc.items[0].sections] == [
        ("decision", "Beslutning", "Vedtaget."), ("presentation", "Sagsfremstilling", "Sagen.")]
    assert doc.kind == "minutes"


def test_closed_item_in_unheld_meeting_is_not_decided() -> None:
    closed = {"Punktnummer": "1", "Navn": "Lukket: Salg af grund", "Felter": [{"Html": "<div>Lukket punkt</div>"}]}
    data = meeting([closed], Afsluttet=False)
    doc = from_json(data)
    assert doc.kind == "agenda"
    assert doc.items[0].public is False
    assert [(s.kind, s.text) for s in doc.items[0].sections] == [("other", "Lukket punkt")]


def test_huge_inline_image_is_skipped() -> None:
    image = "data:image/png;base64," + "QUJD" * 3_000_000
    html = f'<h3>Beslutning</h3><p>Godkendt.</p><p><img src="{image}"></p><p>Slut.</p>'
    doc = from_json(meeting([{"Punktnummer": "1", "Navn": "Stor", "Felter": [{"Html": html}]}]))
    assert doc.items[0].decision() == "Godkendt.\n\nSlut."


# -- broken and foreign JSON -----------------------------------------------------------------------

def test_truncated_json() -> None:
    raw = BYRAAD.read_bytes()[:5000]
    with pytest.raises(DocumentError, match=r"^ugyldig JSON"):
        parse(Source.from_bytes(raw, "cut.json"))


@pytest.mark.parametrize(("data", "reason"), [
    ({"Udvalg": {"Byråd": [{"Id": "x", "Navn": "Byråd", "Moeder": []}]}}, "udvalgsliste"),
    ({"Dagsordner": [], "AntalResultater": 0, "MoreToBeSearched": False}, "søgeresultat"),
    ({"Udvalg": {"Navn": "x"}}, "ikke et FirstAgenda-møde"),
    ({"Dagsordenpunkter": "x", "Moede": {}}, "ikke et FirstAgenda-møde"),
    ([1, 2, 3], "ikke et FirstAgenda-møde"),
    ("Dagsordenpunkter", "ikke et FirstAgenda-møde"),
])
def test_json_that_is_not_a_meeting(data: Any, reason: str) -> None:
    with pytest.raises(DocumentError, match=reason):
        read(Source.from_bytes(json.dumps(data).encode()), None)


def test_deeply_nested_json() -> None:
    raw = b'{"Dagsordenpunkter": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    with pytest.raises(DocumentError):
        read(Source.from_bytes(raw), None)


def test_invalid_bytes_in_json() -> None:
    raw = b'{"Moede": {"Navn": "Dagsorden \xff\xfe"}, "Dagsordenpunkter": []}'
    doc = read(Source.from_bytes(raw), None)
    assert doc.kind == "agenda" and doc.items == []


def test_streaming_callback_receives_items() -> None:
    received: list[Item] = []
    doc = parse(Source.from_bytes(KULTUR.read_bytes()), received.append)
    assert [i.number for i in received] == [str(n) for n in range(1, 8)]
    assert doc.items == []


def test_municipality_is_read_from_the_site_address() -> None:
    from moedebog.documents.municipalities import organization_from_url

    assert organization_from_url("https://dagsordener.greve.dk/vis/pdf/bilag/x") == "Greve Kommune"
    assert organization_from_url("https://dagsorden.ringkoebing-skjern.dk/") == "Ringkøbing-Skjern Kommune"
    assert organization_from_url("https://example.org/dagsordener") is None
    assert organization_from_url("https://dagsordener.atlantis.dk/") is None


@pytest.mark.parametrize(("flags", "name", "expected"), [
    ({"TillaegsDagsorden": True}, "Dagsorden", "Tillægsdagsorden – Dagsorden"),
    ({"Moede": {"IsSupplementaryAgenda": True}}, "", "Tillægsdagsorden"),
    ({"TillaegsDagsorden": True}, "Lukket referat", "Lukket referat"),  # already says so
    ({"TillaegsDagsorden": False}, "Dagsorden", "Dagsorden"),
])
def test_a_flagged_supplement_says_so_in_its_name(flags: dict[str, Any], name: str, expected: str) -> None:
    data = json.loads(BYRAAD.read_text(encoding="utf-8"))
    data["Moede"]["Navn"] = name
    data["TillaegsDagsorden"] = flags.get("TillaegsDagsorden", False)
    data["Moede"]["IsSupplementaryAgenda"] = flags.get("Moede", {}).get("IsSupplementaryAgenda", False)
    assert (from_json(data).name or "") == expected
