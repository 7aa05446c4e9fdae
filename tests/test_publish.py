"""The renderers: the KKR layout, escaping of hostile record text, and round trips through the
text and HTML readers (PDF and DOCX round trips are in the reader tests)."""

from __future__ import annotations

import io
import re

import pytest
from lxml import html as lxml_html

from moedebog.documents import Source, parse, parse_path
from moedebog.documents.records import Attachment, Document, Item, Section
from moedebog.publish import render_docx, render_html, render_pdf, render_text
from moedebog.publish.model import blocks, danish_date, participant_line
from tests.conftest import SEEDS, seed
from tests.sample_records import minutes, record_differences


def _hostile() -> Document:
    doc = minutes()
    doc.body = 'KKR "Midt" <b>jylland</b> \\ \x00\x07'
    doc.location = "<script>alert(1)</script> & Co"
    doc.items[0].title = "Titel med <img src=x onerror=alert(1)> og \ufffe\ud800"
    doc.items[0].sections[0].text = "</p><script>alert('x')</script>\n- <i>punkt</i>\nA\t<b>B</b>"
    return doc


# ---------------------------------------------------------------- HTML


def test_html_front_page_and_toc() -> None:
    out = render_html(minutes())
    assert '<html lang="da">' in out
    for text in ("REFERAT 2020", "KKR MIDTJYLLAND", "Dato: 05-02-2020 10:00",
                 "Sted: Scandic, Udgårdsvej 2, 8600 Silkeborg", "Mission", "Vision", "KL bidrager til"):
        assert text in out
    toc = out[out.index('<nav class="toc">'): out.index("</nav>")]
    assert toc.count("<a href=") == 1 + 7 + 7  # participants, headings, items
    assert "3.1. Tværkommunale samarbejder om klima</a>" in toc
    assert "target-counter(attr(href), page)" in out and "leader('.')" in out


def test_html_items_and_participants() -> None:
    out = render_html(minutes())
    assert "<h3>3.1. Tværkommunale samarbejder om klima</h3>" in out
    assert '<p class="case">SAG-2019-07153 snm/chbo</p>' in out
    assert "<h4>Baggrund</h4>" in out and "<p>./. Udspil om klimatilpasning</p>" in out
    assert "<li>Dimensioneringen til pædagogoptaget 2020/2021 øges med 20</li>" in out
    assert "<td>Holstebro</td><td>172 (6)</td><td>172</td>" in out
    assert "<h3>5.1. Lukket punkt: Personalesag</h3>" in out
    groups = re.findall(r"<h3>(Deltagere|Afbud|Fra KD-net|Fra KL-sekretariatet)</h3>", out)
    assert groups == ["Deltagere", "Afbud", "Fra KD-net", "Fra KL-sekretariatet"]
    assert "<p>Chefkonsulent Christian Budde (referent)</p>" in out


def test_html_escapes_everything() -> None:
    out = render_html(_hostile())
    assert "<script>" not in out and "<img" not in out and "<i>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in out
    assert "\x00" not in out and "\x07" not in out and "\ufffe" not in out
    tree = lxml_html.fromstring(out)
    assert not tree.xpath("//script") and not tree.xpath("//img")
    # the running header is a CSS string: quotes and backslashes escaped
    assert 'content: "KKR \\"Midt\\" <b>jylland</b> \\\\  | 05-02-2020"' in out


def test_html_round_trip_of_hand_built_record() -> None:
    back = parse(Source.from_bytes(render_html(minutes()).encode("utf-8"), "x.html"))
    assert record_differences(minutes(), back) == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_html_round_trip_of_seeds(prefix: str) -> None:
    # Seed 004 is left out: its indented attachment titles (after "./..") carry their meaning
    # by indentation, which the HTML reader deliberately flattens.
    original = parse_path(seed(prefix))
    back = parse(Source.from_bytes(render_html(original).encode("utf-8"), "x.html"))
    assert record_differences(original, back) == []


# ---------------------------------------------------------------- text


def test_text_is_shaped_like_seed_000() -> None:
    original = seed("000").read_text(encoding="utf-8")
    rendered = render_text(parse_path(seed("000")))
    want = [line.strip() for line in original.splitlines() if line.strip()]
    got = [line.strip() for line in rendered.splitlines() if line.strip()]
    start_w, start_g = want.index("Deltagerfortegnelse"), got.index("Deltagerfortegnelse")
    # the body after the TOC is the same text, except for link syntax and the duplicate name
    body_w = [re.sub(r"\[([^\]]*)\]\(#\)", r"\1", line) for line in want[start_w:]]
    del body_w[len(body_w) - 1 - body_w[::-1].index("Frands Fischer, Skanderborg")]  # the repeated name
    assert got[start_g:] == [line.strip() for line in body_w]
    assert got[:8] == want[:8]  # head: kind, body, date, place, Mission/Vision
    assert got[8].startswith("Deltagerfortegnelse.....\t")


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_text_round_trip(path) -> None:
    original = parse_path(path)
    back = parse(Source.from_bytes(render_text(original).encode("utf-8"), "x.txt"))
    assert record_differences(original, back) == []


def test_text_round_trip_of_hand_built_record() -> None:
    back = parse(Source.from_bytes(render_text(minutes()).encode("utf-8"), "x.txt"))
    assert record_differences(minutes(), back) == []


# ---------------------------------------------------------------- PDF and DOCX output


def test_pdf_layout() -> None:
    import pypdfium2 as pdfium

    data = render_pdf(minutes())
    assert data.startswith(b"%PDF-")
    pdf = pdfium.PdfDocument(data)
    assert [round(v) for v in pdf[0].get_size()] == [595, 842]  # A4
    texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    assert "KKR Midtjylland | 05-02-2020" not in texts[0], "no running header on the front page"
    assert all("KKR Midtjylland | 05-02-2020" in t for t in texts[1:])
    assert all(f"Side {n} af {len(pdf)}" in t for n, t in enumerate(texts, start=1))


def test_pdf_of_hostile_record() -> None:
    data = render_pdf(_hostile())
    back = parse(Source.from_bytes(data, "x.pdf"))
    assert back.location == "<script>alert(1)</script> & Co"


def test_docx_structure() -> None:
    import docx

    word = docx.Document(io.BytesIO(render_docx(minutes())))
    styles = {p.style.name for p in word.paragraphs}
    assert {"Heading 1", "Heading 2", "Heading 3", "Dagsordenoverskrift", "Punktoverskrift",
            "List Bullet"} <= styles
    assert word.sections[0].header.paragraphs[0].text == "KKR Midtjylland | 05-02-2020"
    assert len(word.tables) == 1 and word.tables[0].rows[1].cells[0].text == "Uddannelsessted"


def test_docx_of_hostile_record() -> None:
    back = parse(Source.from_bytes(render_docx(_hostile()), "x.docx"))
    assert back.location == "<script>alert(1)</script> & Co"
    assert back.items[0].title.startswith("Titel med <img src=x onerror=alert(1)> og")


# ---------------------------------------------------------------- letters and details


def test_letter_round_trips_through_every_format() -> None:
    original = parse_path(seed("003"))
    assert original.kind == "letter"
    for name, data in (("x.txt", render_text(original).encode()), ("x.docx", render_docx(original)),
                       ("x.html", render_html(original).encode()), ("x.pdf", render_pdf(original))):
        back = parse(Source.from_bytes(data, name))
        assert record_differences(original, back) == [], name


def test_attachments_not_named_in_the_text_get_a_bilag_list() -> None:
    doc = Document(kind="agenda", body="Kulturudvalget", start="2024-09-11T17:00", items=[
        Item("1", "Orientering", sections=[Section("presentation", "Sagsfremstilling", "Til orientering.")],
             attachments=[Attachment("Budgetnotat 2025")]),
    ])
    back = parse(Source.from_bytes(render_text(doc).encode(), "x.txt"))
    assert [a.title for a in back.items[0].attachments] == ["Budgetnotat 2025"]
    assert [s.title for s in back.items[0].sections] == ["Sagsfremstilling", "Bilag"]


@pytest.mark.parametrize(("value", "shown"), [
    ("2020-02-05T10:00", "05-02-2020 10:00"), ("2020-02-05", "05-02-2020"), ("i morgen", "i morgen"),
    (None, ""),
])
def test_danish_date(value, shown) -> None:
    assert danish_date(value) == shown


def test_participant_line_inverts_the_segmenter() -> None:
    doc = parse_path(seed("000"))
    lines = seed("000").read_text(encoding="utf-8").splitlines()
    for person in doc.participants:
        assert participant_line(person) in lines


def test_blocks() -> None:
    got = [(b.kind, b.lines) for b in blocks("Tekst\n- a\n- b\n\tx\ty\n1\t2\nSlut")]
    assert got == [("p", ["Tekst"]), ("ul", ["a", "b"]), ("table", ["\tx\ty", "1\t2"]), ("p", ["Slut"])]


def test_untitled_sections_and_attachments_mentioned_in_a_sentence() -> None:
    """FirstAgenda records have an untitled decision field and attachments named only in prose."""
    doc = Document(kind="minutes", body="Byråd", start="2024-04-17T18:00", items=[
        Item("1", "Beskæftigelsespolitik", case_number="23-000123", sections=[
            Section("decision", "", "Godkendt."),
            Section("presentation", "Sagsbeskrivelse", "Se Beskæftigelsespolitikken 2023-2026 i bilaget."),
        ], attachments=[Attachment("Beskæftigelsespolitikken 2023-2026")]),
    ])
    text = render_text(doc)
    assert "Beslutning\n\nGodkendt." in text
    assert "Bilag\n\n./. Beskæftigelsespolitikken 2023-2026" in text
    back = parse(Source.from_bytes(text.encode(), "x.txt"))
    assert back.items[0].decision() == "Godkendt."
    assert [a.title for a in back.items[0].attachments] == ["Beskæftigelsespolitikken 2023-2026"]
