"""HTML: the Aarhus FirstAgenda page read from its DOM, other HTML through the segmenter."""

from __future__ import annotations

import pytest

from moedebog.documents import DocumentError, Source, parse, parse_path
from moedebog.documents.readers.firstagenda_page import danish_datetime
from moedebog.documents.readers.html import decode_html, html_to_lines
from moedebog.documents.records import Document, Item
from moedebog.documents.serialize import to_dict
from tests.conftest import CORPUS

AARHUS = CORPUS / "samples" / "aarhus_teknisk-udvalg_2025-10-01_referat.html"


@pytest.fixture(scope="module")
def aarhus() -> Document:
    return parse_path(AARHUS)


def item(document: Document, number: str) -> Item:
    return next(i for i in document.items if i.number == number)


def parse_html_bytes(data: bytes) -> Document:
    return parse(Source.from_bytes(data, "test.html"))


# -- the FirstAgenda Publication page ----------------------------------------------------------

def test_aarhus_head(aarhus: Document) -> None:
    assert aarhus.format == "firstagenda-html"
    assert aarhus.kind == "minutes"
    assert aarhus.name == "Referat"
    assert aarhus.body == "Teknisk Udvalg"
    assert aarhus.start == "2025-10-01T15:45"
    assert aarhus.location == "Udvalgsværelse 398"
    assert aarhus.headings == []


def test_aarhus_items(aarhus: Document) -> None:
    assert [(i.number, i.case_number) for i in aarhus.items] == [
        ("1", "EMN-2025-010561"), ("2", "EMN-2025-009242"), ("3", "EMN-2025-008468"),
        ("4", "EMN-2025-010561"), ("5", None), ("6", "EMN-2024-035156")]
    assert item(aarhus, "2").title == "Udviklingsplan Aarhus Ø - endelig vedtagelse"
    assert item(aarhus, "5").title == "Eventuelt"
    assert item(aarhus, "2").ref == "8a0992ec-3c28-49a3-94d5-719c83734374"
    assert all(i.public for i in aarhus.items)


def test_aarhus_sections(aarhus: Document) -> None:
    plan = item(aarhus, "2")
    assert [(s.kind, s.title) for s in plan.sections] == [
        ("decision", "Beslutninger"), ("other", ""), ("summary", "Resume"),
        ("recommendation", "Beslutningspunkter"), ("history", "Sagsforløb")]
    decision = plan.decision()
    assert decision.startswith("Et flertal i udvalget kunne tiltræde indstillingen")
    assert "Solveig Munk kunne ikke tiltræde indstillingen." in decision
    assert "Jakob Søgaard Clausen tog forbehold." in decision
    assert plan.sections[3].text.startswith("Det indstilles:\n\nAt 1) Byrådet godkender")
    assert "Udvalg: Magistraten\n\nDato: 02-09-2025" in plan.sections[4].text
    local_plan = item(aarhus, "3")
    assert ("other", "Borgmesterens Afdelings påtegning") in [(s.kind, s.title) for s in local_plan.sections]
    assert item(aarhus, "4").decision() == "Udvalget blev orienteret om arkitekturugen i uge 41."
    # item 6 has an untitled section holding only "." — it is dropped
    assert [s.title for s in item(aarhus, "6").sections] == [
        "Beslutninger", "Resume", "Beslutningspunkter", "Borgmesterens Afdelings påtegning", "Sagsforløb"]


def test_aarhus_attachments(aarhus: Document) -> None:
    first = item(aarhus, "1")
    assert [(a.title, a.ref) for a in first.attachments] == [
        ("Referat fra møde den 22. september 2025", "961ad716-c7b0-4eb2-b39c-abb4c30cb7e9")]
    assert len(item(aarhus, "2").attachments) == 30
    assert item(aarhus, "2").attachments[1].title == (
        "Bilag 1: Udviklingsplan for Pier 3 med omgivelser med bilag og strategier")
    assert item(aarhus, "4").attachments == []


def test_aarhus_page_chrome_never_reaches_text(aarhus: Document) -> None:
    texts = [s.text for i in aarhus.items for s in i.sections] + [i.title for i in aarhus.items]
    for fragment in ("localizationKeys", "Tip en ven", "Hent som PDF", "Kopier link", "PDF\n"):
        assert not any(fragment in t for t in texts)


def test_aarhus_matches_the_schema(aarhus: Document, schema_validator) -> None:
    schema_validator.validate(to_dict(aarhus))


PAGE = """<html><body><div class="title"><h1 class="green dato">Dagsorden 3. februar 2026 kl. 9.00</h1>
<h2><span class="udvalg">Økonomiudvalget</span> - <span class="sted">Mødelokale 2</span></h2></div>
<table class="dagsordeninfo"><tr><td>Mødedeltagere:</td>
<td class="deltagere"><div>Anna Andersen</div><div>Bent Berg (Afbud)</div></td></tr></table>
<table id="dagsordenDetaljer"><tbody>
<tr class="punktrow" id="punktrow_aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee">
<td><span class="label label-default">1</span></td>
<td><button><h2 class="overskrift">Budget 2027</h2></button>
<div class="details"><span class="sagsnummer">25/26257</span>
<div class="punkt"><h3></h3><div><div id="sagsfremstillingContainer"><div><h3>Beslutning</h3></div>
<h3>Resume</h3><span class="resume"><div>Budgettet fremlægges.</div></span></div></div></div>
<h3>Bilag</h3><ul><li><span class="label label-default pdf-label">PDF</span>
<a class="bilag-link"
 href="/vis/pdf/bilag/11111111-2222-3333-4444-555555555555/?redirectDirectlyToPdf=false">Budgetnotat</a></li></ul>
</div></td></tr>
<tr class="punktrow"><td><span class="label label-default">2</span></td>
<td><h2 class="overskrift">Lukket: Køb af ejendom</h2><div class="details"><div class="punkt"></div></div></td></tr>
</tbody></table><script>alert("x")</script></body></html>"""


def test_agenda_page_and_closed_item() -> None:
    doc = parse_html_bytes(PAGE.encode("utf-8"))
    assert doc.format == "firstagenda-html"
    assert doc.kind == "agenda"
    assert (doc.name, doc.body, doc.location, doc.start) == (
        "Dagsorden", "Økonomiudvalget", "Mødelokale 2", "2026-02-03T09:00")
    assert [(p.name, p.group) for p in doc.participants] == [("Anna Andersen", "present"), ("Bent Berg", "absent")]
    budget, closed = doc.items
    assert (budget.number, budget.title, budget.case_number) == ("1", "Budget 2027", "25/26257")
    assert [(s.kind, s.title, s.text) for s in budget.sections] == [("summary", "Resume", "Budgettet fremlægges.")]
    assert [(a.title, a.ref) for a in budget.attachments] == [
        ("Budgetnotat", "11111111-2222-3333-4444-555555555555")]
    assert (closed.number, closed.public, closed.sections) == ("2", False, [])


@pytest.mark.parametrize(("text", "expected"), [
    ("onsdag den 1. oktober 2025 kl. 15.45", "2025-10-01T15:45"),
    ("Referat 1. oktober 2025 kl. 15.45", "2025-10-01T15:45"),
    ("3. Februar 2026", "2026-02-03"),
    ("01-10-2025 08:30", "2025-10-01T08:30"),
    ("31.12.2024", "2024-12-31"),
    ("45. marts 2025", None),
    ("ingen dato", None),
])
def test_danish_datetime(text: str, expected: str | None) -> None:
    assert danish_datetime(text) == expected


# -- other HTML → lines → segmenter ---------------------------------------------------------------

def test_html_to_lines() -> None:
    html = """<html><head><title>T</title><style>p{}</style></head><body>
    <h1>DAGSORDEN</h1><p>Dato: 30-08-2021 10:00<br>Sted: Regionshuset</p>
    <h2>1. Godkendelse af referat</h2>
    <ol><li>første<ol><li>indre</li></ol></li><li><p>anden</p></li></ol>
    <table><tr><th>Kommune</th><th>Beløb</th></tr><tr><td>Aarhus</td><td><p>1</p><p>00</p></td></tr></table>
    <div>løs <b>tekst</b><script>ondt()</script></div><p hidden>skjult</p><p>&nbsp;</p></body></html>"""
    assert html_to_lines(html) == [
        "# DAGSORDEN", "Dato: 30-08-2021 10:00", "Sted: Regionshuset", "## 1. Godkendelse af referat",
        "- første", "- indre", "- anden", "Kommune\tBeløb", "Aarhus\t1 00", "løs tekst"]


def test_layout_table_is_read_as_blocks() -> None:
    html = "<table><tr><td><h2>Overskrift</h2><p>Tekst</p></td><td><p>Mere</p></td></tr></table>"
    assert html_to_lines(html) == ["## Overskrift", "Tekst", "Mere"]


AGENDA = """<!DOCTYPE html><html><head><meta charset="windows-1252"><title>Dagsorden</title></head>
<body onload="steal()"><h1>DAGSORDEN 2021</h1><p>KKR Midtjylland</p>
<p>Dato: 30-08-2021 10:00<br>Sted: Regionshuset, Viborg</p>
<h2>1. Godkendelse af referat</h2><h3>1.1. Godkendelse af referat fra mødet den 21. juni 2021</h3>
<p>SAG-2021-01234 abc/def</p><p><strong>Baggrund</strong></p><p>Referatet er udsendt.</p>
<p><strong>Indstilling</strong></p><p>Det indstilles, at referatet godkendes.</p>
<h2>2. Regionalpolitiske sager</h2><h3>2.1. Klimasamarbejde</h3><p>SAG-2021-05678</p>
<h4>Indstilling</h4><p>Det indstilles, at KKR drøfter sagen.</p><script>alert('ondt')</script></body></html>"""


def test_other_html_goes_through_the_segmenter() -> None:
    doc = parse_html_bytes(AGENDA.encode("cp1252"))
    assert doc.format == "html"
    assert doc.kind == "agenda"
    assert doc.body == "KKR Midtjylland"
    assert doc.start == "2021-08-30T10:00"
    assert doc.location == "Regionshuset, Viborg"
    assert [(i.number, i.title, i.case_number) for i in doc.items] == [
        ("1.1", "Godkendelse af referat fra mødet den 21. juni 2021", "SAG-2021-01234"),
        ("2.1", "Klimasamarbejde", "SAG-2021-05678")]
    assert [(s.kind, s.text) for s in doc.items[0].sections] == [
        ("background", "Referatet er udsendt."), ("recommendation", "Det indstilles, at referatet godkendes.")]
    assert "ondt" not in str(to_dict(doc))


def test_charset_declaration_and_fallbacks() -> None:
    text = "<html><head><meta charset='iso-8859-1'></head><body><p>Æblegrød på Ørestad</p></body></html>"
    assert "Æblegrød på Ørestad" in decode_html(text.encode("cp1252"))
    wrong = "<meta charset='utf-8'><p>Æble</p>".encode("cp1252")  # declared UTF-8, really cp1252
    assert "Æble" in decode_html(wrong)
    assert "Æble" in decode_html("<p>Æble</p>".encode("utf-16"))
    assert "Æble" in decode_html("<meta charset='nonsense-42'><p>Æble</p>".encode())
    assert "Æble" in decode_html('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
                                 "<p>Æble</p>".encode("cp1252"))


# -- hostile HTML ----------------------------------------------------------------------------------

@pytest.mark.parametrize("html", [
    "<html>" + "<div>" * 200_000 + "dybt" + "</div>" * 200_000 + "</html>",
    "<html><body>" + "<table><tr><td>" * 3000 + "celle" + "</td></tr></table>" * 3000 + "</body></html>",
    '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;">]>'
    "<html><body><p>&c;</p></body></html>",
    '<html><body><p title="' + "x" * 20_000_000 + '">stor</p><p>efter</p></body></html>',
    "<html><body><p>uafsluttet <b>fed <table><tr><td>celle</p></div></span></body>",
    "<html><head><script>" + "x" * 100_000 + "</script></head><body></body></html>",
    '<html><body><img src="javascript:alert(1)" onerror="alert(2)"><a href="javascript:x">link</a></body></html>',
])
def test_hostile_html_never_crashes(html: str) -> None:
    doc = parse_html_bytes(html.encode("utf-8"))
    assert doc.format in ("html", "firstagenda-html")
    record = str(to_dict(doc))
    assert "alert" not in record and "aaaaaaaaaa" not in record and "xxxxxxxx" not in record


def test_big_attribute_keeps_following_text() -> None:
    lines = html_to_lines('<p title="' + "x" * 20_000_000 + '">stor</p><p>efter</p>')
    assert lines == ["stor", "efter"]


def test_empty_html() -> None:
    with pytest.raises(DocumentError):
        parse_html_bytes(b"   ")
    doc = parse_html_bytes(b"<html><body></body></html>")
    assert doc.items == []
