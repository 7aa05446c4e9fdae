"""The segmenter on templates other than the KKR seeds: the family of formats, not these files."""

from __future__ import annotations

import codecs

from moedebog.documents import Source, parse
from moedebog.documents.serialize import to_dict
from tests.conftest import parse_text, seed

MUNICIPAL = """Dagsorden
Teknisk Udvalg
Mødedato: 1. oktober 2025
Mødetidspunkt: 15:00
Mødested: Rådhuset, mødelokale 1

Indholdsfortegnelse
1. Godkendelse af dagsorden ........ 2
2. Lukket: Køb af ejendom ....... 3
3. Budgetopfølgning 2026 for Teknik og Miljø ....... 4

1. Godkendelse af dagsorden
Sagsnr.: 25/26257
Resume
Dagsordenen forelægges til godkendelse.
Indstilling
Direktionen indstiller, at dagsordenen godkendes.
2. Lukket: Køb af ejendom
Sagsnr.: 25/11111
3. Budgetopfølgning 2026 for Teknik og Miljø
EMN-2025-008308
Beslutningstema
Udvalget skal tage stilling til budgetopfølgningen.
Økonomiske konsekvenser
Ingen.
"""


def test_municipal_agenda_with_single_numbered_items() -> None:
    doc = parse_text(MUNICIPAL)
    assert (doc.kind, doc.body, doc.start, doc.location) == (
        "agenda", "Teknisk Udvalg", "2025-10-01T15:00", "Rådhuset, mødelokale 1")
    assert [(i.number, i.case_number) for i in doc.items] == [
        ("1", "25/26257"), ("2", "25/11111"), ("3", "EMN-2025-008308")]
    assert doc.items[1].public is False and doc.items[0].public is True
    assert [s.kind for s in doc.items[0].sections] == ["summary", "recommendation"]
    assert [(s.kind, s.title) for s in doc.items[2].sections] == [
        ("summary", "Beslutningstema"), ("other", "Økonomiske konsekvenser")]
    assert doc.headings == []


def test_items_without_table_of_contents() -> None:
    doc = parse_text(MUNICIPAL.split("Indholdsfortegnelse")[0] + MUNICIPAL.split("4\n\n", 1)[1])
    assert [i.number for i in doc.items] == ["1", "2", "3"]
    assert doc.items[2].title == "Budgetopfølgning 2026 for Teknik og Miljø"


def test_dotted_items_without_table_of_contents() -> None:
    text = """REFERAT 2024
KKR SYDDANMARK
Dato: 02-03-2024 09:30

1. Godkendelse af referat
1.1. Godkendelse af referat fra sidste møde
SAG-2024-00001 abc
Beslutning
Godkendt.
2. Regionalpolitiske sager
2.1. Klima
SAG-2024-00002 abc/def
Baggrund
Tekst om klima.
Beslutning
Drøftet.
2.2. Trafik
SAG-2024-00003 def
Beslutning
Taget til efterretning.
"""
    doc = parse_text(text)
    assert doc.kind == "minutes" and doc.body == "KKR Syddanmark" and doc.start == "2024-03-02T09:30"
    assert [(i.number, i.heading.number if i.heading else None) for i in doc.items] == [
        ("1.1", "1"), ("2.1", "2"), ("2.2", "2")]
    assert [h.title for h in doc.headings] == ["Godkendelse af referat", "Regionalpolitiske sager"]


def test_wrapped_title_is_joined_using_the_toc() -> None:
    text = """DAGSORDEN 2025
KKR MIDTJYLLAND
3.\tRegionalpolitiske sager\t5
3.7.\tAfrapportering på Socialstyrelsens centrale udmelding om udsatte gravide med et skadeligt rusmiddelbrug\t19

3. Regionalpolitiske sager
3.7. Afrapportering på Socialstyrelsens centrale udmelding om udsatte
gravide med et skadeligt rusmiddelbrug
SAG-2025-00001 abc
Baggrund
Tekst.
"""
    doc = parse_text(text)
    assert doc.items[0].title.endswith("udsatte gravide med et skadeligt rusmiddelbrug")
    assert doc.items[0].case_number == "SAG-2025-00001"
    assert doc.items[0].sections[0].text == "Tekst."


def test_missing_and_duplicate_items_are_warned() -> None:
    text = """DAGSORDEN 2020
KKR MIDTJYLLAND
1. Godkendelse af referat ..... 2
1.1. Godkendelse af referat ..... 2
1.2. Noget andet ..... 3

1. Godkendelse af referat
1.1. Godkendelse af referat
Baggrund
Tekst.
1.1. Godkendelse af referat
Baggrund
Mere.
"""
    doc = parse_text(text)
    assert any("1.2" in w for w in doc.warnings)
    assert any("nummeret 1.1" in w for w in doc.warnings)


def test_section_word_at_line_start_is_not_a_section() -> None:
    text = """DAGSORDEN 2020
KKR MIDTJYLLAND
1.1. Punkt ..... 2

1.1. Punkt
Baggrund
Beslutning på KL's topmøde om strukturen.
Beslutningen blev truffet i marts.
"""
    doc = parse_text(text)
    assert [s.kind for s in doc.items[0].sections] == ["background"]
    assert doc.kind == "agenda"


def test_agenda_that_contains_decisions_is_minutes() -> None:
    text = "DAGSORDEN 2020\nKKR MIDTJYLLAND\n1.1. Punkt ..... 2\n\n1.1. Punkt\nBeslutning\nGodkendt.\n"
    doc = parse_text(text)
    assert doc.kind == "minutes" and doc.warnings


def test_encodings_give_the_same_record() -> None:
    path = seed("000")
    text = path.read_text(encoding="utf-8")
    expected = to_dict(parse(Source.from_bytes(text.encode("utf-8"), "a")))
    for data in (text.encode("cp1252", errors="replace"), text.encode("utf-16"),
                 codecs.BOM_UTF8 + text.encode("utf-8"), text.replace("\n", "\r\n").encode("utf-8")):
        got = to_dict(parse(Source.from_bytes(data, "b")))
        if data.startswith(b"\xff\xfe") or data.startswith(codecs.BOM_UTF8) or b"\r\n" in data:
            assert got == expected
        else:  # cp1252 cannot hold every character (e.g. "≥"); structure must still be the same
            assert [i["number"] for i in got["items"]] == [i["number"] for i in expected["items"]]
            assert got["participants"] == expected["participants"]


def test_markdown_headings_and_emphasis() -> None:
    text = """# REFERAT 2019
## KKR Nordjylland
**Dato:** 08-11-2019 10:00
## 1. Godkendelse af referat
### 1.1. Godkendelse af referat fra mødet
SAG-2019-00001 jhp
#### Beslutning
**Godkendt** uden bemærkninger.
"""
    doc = parse_text(text, "x.md")
    assert doc.format == "markdown" and doc.kind == "minutes" and doc.body == "KKR Nordjylland"
    assert doc.start == "2019-11-08T10:00"
    assert doc.items[0].number == "1.1" and doc.items[0].decision() == "Godkendt uden bemærkninger."


PDF_LIKE = """Byrådet
Referat
Dato: 17. april 2024
Mødetidspunkt: 18:00
Sted: Byrådssalen
Fraværende: Anna Holm, Bo Lund

Indholdsfortegnelse
1. Godkendelse af dagsorden 3
2. Godkendelse af lokalplan for et nyt boligområde ved
Hundige Strand ..... 4

1. Godkendelse af dagsorden
Sagsnr.: 24-008531
Beslutning
Godkendt.
2. Godkendelse af lokalplan for et nyt boligområde ved Hundige Strand
Sagsnr.: 24-001234
Fraværende: Bo Lund
Beslutning
Godkendt.
"""


def test_announced_plain_toc_wrapped_entry_and_inline_attendance() -> None:
    doc = parse_text(PDF_LIKE)
    assert (doc.kind, doc.body, doc.start, doc.location) == ("minutes", "Byrådet", "2024-04-17T18:00", "Byrådssalen")
    assert [(i.number, i.title) for i in doc.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Godkendelse af lokalplan for et nyt boligområde ved Hundige Strand")]
    assert [(p.name, p.group) for p in doc.participants] == [("Anna Holm", "absent"), ("Bo Lund", "absent")]
    assert [a.name for a in doc.items[1].absences] == ["Bo Lund"]
    assert doc.warnings == []
