"""The DOCX reader: hand-made Word files (automatic numbering, heading styles, tables, fields,
hidden and deleted text), round trips through rendered DOCX files, and hostile archives."""

from __future__ import annotations

import io
import types
import zipfile

import pytest

from moedebog.documents import DocumentError, Source, parse, parse_path
from moedebog.documents.readers.docx import extract_lines
from moedebog.documents.readers.docxml.archive import Package, _Counted
from moedebog.documents.readers.docxml.numbering import format_number
from moedebog.publish import render_docx
from tests.conftest import SEEDS
from tests.hostile_files import plain_zip, zip_bomb
from tests.sample_records import minutes, record_differences

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _read(data: bytes, on_item=None):
    return parse(Source.from_bytes(data, "test.docx"), on_item)


def _lines(data: bytes) -> list[str]:
    return list(extract_lines(Source.from_bytes(data)))


# ---------------------------------------------------------------- hand-made Word files


def _w(tag: str, **attrs: str):
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def _add_lists(document) -> tuple[str, str]:
    """A KL-style multilevel list ("1." / "1.1.") and a bullet list, as numbering.xml entries."""
    numbering = document.part.numbering_part.element
    outline = _w("w:abstractNum", abstractNumId="77")
    for ilvl, text in ((0, "%1."), (1, "%1.%2."), (2, "%3)")):
        lvl = _w("w:lvl", ilvl=str(ilvl))
        lvl.append(_w("w:start", val="1"))
        lvl.append(_w("w:numFmt", val="lowerLetter" if ilvl == 2 else "decimal"))
        lvl.append(_w("w:lvlText", val=text))
        outline.append(lvl)
    bullets = _w("w:abstractNum", abstractNumId="78")
    lvl = _w("w:lvl", ilvl="0")
    lvl.append(_w("w:numFmt", val="bullet"))
    lvl.append(_w("w:lvlText", val="\uf0b7"))
    bullets.append(lvl)
    first_num = numbering.find(f"{{{W_NS}}}num")
    first_num.addprevious(outline)
    first_num.addprevious(bullets)
    for num_id, abstract in (("77", "77"), ("78", "78")):
        num = _w("w:num", numId=num_id)
        num.append(_w("w:abstractNumId", val=abstract))
        numbering.append(num)
    return "77", "78"


def _numbered(paragraph, num_id: str, ilvl: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = int(num_id)


def _run_with(paragraph, child) -> None:
    run = paragraph.add_run()
    run._r.append(child)


@pytest.fixture(scope="module")
def agenda_docx() -> bytes:
    """An agenda as a municipality's Word template writes it: numbers only in numbering.xml."""
    import docx

    d = docx.Document()
    outline, bullets = _add_lists(d)
    d.add_paragraph("Dagsorden 2024", style="Title")
    d.add_paragraph("Økonomiudvalget")
    d.add_paragraph("Dato: 12-03-2024 16:00")
    d.add_paragraph("Sted: Rådhuset, mødelokale 1")
    d.sections[0].header.paragraphs[0].text = "Økonomiudvalget | 12-03-2024"

    def heading(text: str) -> None:
        _numbered(d.add_paragraph(text, style="Heading 1"), outline, 0)

    def item(text: str, case: str) -> None:
        _numbered(d.add_paragraph(text, style="Heading 2"), outline, 1)
        d.add_paragraph(case)

    heading("Godkendelse")
    item("Godkendelse af dagsorden", "SAG-2024-00012 abc")
    d.add_paragraph("Baggrund", style="Heading 3")
    p = d.add_paragraph("Dagsordenen udsendes en uge før mødet.")
    hidden = p.add_run(" SKJULT TEKST")
    hidden.font.hidden = True
    deleted = _w("w:del", id="1", author="x", date="2024-01-01T00:00:00Z")
    drun = _w("w:r")
    dtext = _w("w:delText")
    dtext.text = " SLETTET TEKST"
    drun.append(dtext)
    deleted.append(drun)
    p._p.append(deleted)
    d.add_paragraph("Indstilling", style="Heading 3")
    d.add_paragraph("Det indstilles, at:")
    for text in ("dagsordenen godkendes", "mødet holdes som planlagt"):
        _numbered(d.add_paragraph(text), bullets, 0)
    heading("Sager til beslutning")
    item("Budget 2025", "SAG-2024-00020 abc/def")
    d.add_paragraph("Sagsfremstilling", style="Heading 3")
    p = d.add_paragraph("Første linje")
    p.add_run().add_break()
    p.add_run("anden linje efter et linjeskift")
    d.add_paragraph("Tabellen viser budgettet:")
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("Område", "2024", "2025"), ("Skole", "100", "110"), ("Ældre", "90", "")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for text in ("skolerne", "ældreplejen"):
        _numbered(d.add_paragraph(text), outline, 2)
    item("Anlægsplan", "SAG-2024-00021 def")
    d.add_paragraph("Beslutning", style="Heading 3")
    field = d.add_paragraph()
    _run_with(field, _w("w:fldChar", fldCharType="begin"))
    instr = _w("w:instrText")
    instr.text = " MERGEFIELD Beslutning "
    _run_with(field, instr)
    _run_with(field, _w("w:fldChar", fldCharType="separate"))
    field.add_run("Godkendt.")
    _run_with(field, _w("w:fldChar", fldCharType="end"))
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_hand_made_agenda_lines(agenda_docx: bytes) -> None:
    assert _lines(agenda_docx) == [
        "# Dagsorden 2024",
        "Økonomiudvalget",
        "Dato: 12-03-2024 16:00",
        "Sted: Rådhuset, mødelokale 1",
        "# 1. Godkendelse",
        "## 1.1. Godkendelse af dagsorden",
        "SAG-2024-00012 abc",
        "### Baggrund",
        "Dagsordenen udsendes en uge før mødet.",
        "### Indstilling",
        "Det indstilles, at:",
        "- dagsordenen godkendes",
        "- mødet holdes som planlagt",
        "# 2. Sager til beslutning",
        "## 2.1. Budget 2025",
        "SAG-2024-00020 abc/def",
        "### Sagsfremstilling",
        "Første linje",
        "anden linje efter et linjeskift",
        "Tabellen viser budgettet:",
        "Område\t2024\t2025",
        "Skole\t100\t110",
        "Ældre\t90",
        "a) skolerne",
        "b) ældreplejen",
        "## 2.2. Anlægsplan",
        "SAG-2024-00021 def",
        "### Beslutning",
        "Godkendt.",
    ]


def test_hand_made_agenda_record(agenda_docx: bytes) -> None:
    doc = _read(agenda_docx)
    assert (doc.format, doc.kind, doc.body, doc.start) == ("docx", "minutes", "Økonomiudvalget", "2024-03-12T16:00")
    assert doc.location == "Rådhuset, mødelokale 1"
    assert [(i.number, i.title, i.case_number, i.handlers) for i in doc.items] == [
        ("1.1", "Godkendelse af dagsorden", "SAG-2024-00012", ["abc"]),
        ("2.1", "Budget 2025", "SAG-2024-00020", ["abc", "def"]),
        ("2.2", "Anlægsplan", "SAG-2024-00021", ["def"]),
    ]
    assert [i.heading.title for i in doc.items if i.heading] == [
        "Godkendelse", "Sager til beslutning", "Sager til beslutning"]
    budget = doc.items[1]
    assert budget.sections[0].kind == "presentation"
    assert "Skole\t100\t110" in budget.sections[0].text
    assert doc.items[2].decision() == "Godkendt."
    text = " ".join(s.text for i in doc.items for s in i.sections)
    assert "SKJULT" not in text and "SLETTET" not in text and "MERGEFIELD" not in text


def test_numbering_restarts_and_formats() -> None:
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert [format_number(n, "upperRoman") for n in (4, 9, 14)] == ["IV", "IX", "XIV"]
    assert format_number(7, "decimalZero") == "07"


def test_style_linked_numbering_and_toc_field() -> None:
    """The renderer's DOCX numbers headings through styles (KL's way) and has a TOC field."""
    data = render_docx(minutes())
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = zf.read("word/document.xml").decode()
    assert ">1.1.<" not in body and "Godkendelse af referat fra møde" in body, "numbers are not in the text"
    assert "TOC \\o" in body
    lines = _lines(data)
    assert "# 3. Regionalpolitiske sager" in lines
    assert "## 3.2. Dimensionering af pædagoguddannelsen" in lines
    assert any(line.startswith("3.1. Tværkommunale samarbejder om klima\t") for line in lines), "TOC entry"
    assert not any("KKR Midtjylland |" in line for line in lines), "the header part is not read"


def test_literal_numbers_when_numbering_has_gaps() -> None:
    doc = minutes()
    doc.items = [doc.items[0], doc.items[3]]
    doc.items[1].number = "3.4"
    back = _read(render_docx(doc))
    assert [(i.number, i.title) for i in back.items] == [(i.number, i.title) for i in doc.items]


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_round_trip(path) -> None:
    original = parse_path(path)
    back = _read(render_docx(original))
    assert back.format == "docx"
    assert record_differences(original, back) == []


def test_hand_built_record_round_trip() -> None:
    want = minutes()
    seen = []
    got = _read(render_docx(want), seen.append)
    got.items = seen
    assert record_differences(want, got) == []


def test_extract_lines_is_lazy() -> None:
    lines = extract_lines(Source.from_bytes(render_docx(minutes())))
    assert isinstance(lines, types.GeneratorType)
    assert next(lines) == "REFERAT 2020"
    lines.close()


# ---------------------------------------------------------------- hostile archives


def test_not_a_zip() -> None:
    with pytest.raises(DocumentError, match="ikke et gyldigt zip-arkiv"):
        _read(b"PK\x03\x04" + bytes(range(256)) * 20)


def test_zip_that_is_not_word() -> None:
    with pytest.raises(DocumentError, match="ZIP-fil, men ikke et Word-dokument"):
        _read(plain_zip())


def test_truncated_docx() -> None:
    data = render_docx(minutes())
    with pytest.raises(DocumentError, match=r"zip-arkiv|beskadiget"):
        _read(data[: len(data) // 2])


def test_zip_bomb_declared_size() -> None:
    bomb = zip_bomb()
    assert len(bomb) < 1_000_000
    with pytest.raises(DocumentError, match="pakker ud til for meget"):
        _read(bomb)


def test_zip_bomb_that_lies_about_its_size() -> None:
    with pytest.raises(DocumentError):
        _read(zip_bomb(declared_ok=False))


def test_counted_stream_stops_at_the_limit() -> None:
    """The check while reading, for archives whose declared sizes cannot be trusted."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document>" + b" " * 200_000 + b"</w:document>")
    with Package(io.BytesIO(out.getvalue())) as pkg:
        info = pkg.zip.getinfo("word/document.xml")
        stream = io.BufferedReader(_Counted(pkg.zip.open(info), info, limit=50_000))
        with pytest.raises(DocumentError, match="pakker ud til for meget"):
            stream.read()


def _docx_with_body(body_xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", body_xml)
    return out.getvalue()


def test_broken_xml() -> None:
    data = _docx_with_body(b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>Hej')
    with pytest.raises(DocumentError, match="beskadiget"):
        _read(data)


def test_external_entities_are_not_resolved(tmp_path) -> None:
    secret = tmp_path / "hemmelig.txt"
    secret.write_text("HEMMELIGT INDHOLD")
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
           f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>Før &x; efter</w:t></w:r></w:p>'
           f"</w:body></w:document>").encode()
    try:
        lines = _lines(_docx_with_body(xml))
    except DocumentError:
        return  # refusing the file is fine too
    assert not any("HEMMELIGT" in line for line in lines)


def test_entity_expansion_bomb_is_not_expanded() -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [{entities}]><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r>'
           f"<w:t>&i;</w:t></w:r></w:p></w:body></w:document>").encode()
    try:
        lines = _lines(_docx_with_body(xml))
    except DocumentError:
        return
    assert sum(len(line) for line in lines) < 10_000
