"""FirstAgenda item HTML → sections: every template variant, the kind table, hostile HTML."""

from __future__ import annotations

import pytest

from moedebog.documents.htmltext import html_blocks
from moedebog.documents.itemhtml import parse_item_html, same_body
from moedebog.documents.sectionkinds import KNOWN_TITLES, decision_heading, section_kind


def kinds(sections) -> list[tuple[str, str]]:
    return [(s.kind, s.title) for s in sections]


# -- the title → kind table -------------------------------------------------------------------

@pytest.mark.parametrize(("title", "kind"), [
    ("Baggrund", "background"),
    ("Indstilling", "recommendation"),
    ("Det indstilles, at", "recommendation"),
    ("Sagsfremstilling", "presentation"),
    ("Sagsbeskrivelse", "presentation"),
    ("Fremstilling", "presentation"),
    ("Resume", "summary"),
    ("Resumé", "summary"),
    ("Beslutningstema", "summary"),
    ("Beslutning", "decision"),
    ("Beslutninger", "decision"),
    ("Sagens forløb", "history"),
    ("Sagsforløb", "history"),
    ("Økonomiske konsekvenser", "other"),
    ("Lovgrundlag", "other"),
    ("**Indstilling:**", "recommendation"),
    ("## Beslutning.", "decision"),
    ("  RESUME  ", "summary"),
    ("Økonomiske\u00a0\nkonsekvenser", "other"),
    ("Beslutning i Økonomiudvalget den 16-03-2026", "decision"),
    ("Beslutning i Byrådet den 25. marts 2026", "decision"),
    ("Økonomiudvalgets beslutning", "decision"),
    ("Beslutning i KKR Midtjylland", "decision"),
])
def test_section_kind_of_known_titles(title: str, kind: str) -> None:
    assert section_kind(title) == kind


@pytest.mark.parametrize("title", [
    "Beslutning på KL's topmøde vedr. den kommunale økonomi",
    "Beslutning i sagen om nyt plejecenter",
    "Baggrunden for sagen er, at byrådet har besluttet",
    "Program for byrådsmødet:",
    "Resume af høringssvarene fra borgermødet i marts",
    "",
    "x" * 500,
])
def test_sentences_are_not_section_titles(title: str) -> None:
    assert section_kind(title) is None


def test_every_listed_title_is_known() -> None:
    assert "Beslutning" in KNOWN_TITLES and "Sagens forløb" in KNOWN_TITLES
    assert all(section_kind(title) is not None for title in KNOWN_TITLES)


def test_decision_heading_names_committee_and_date() -> None:
    assert decision_heading("Beslutning i Økonomiudvalget den 16-03-2026") == ("økonomiudvalget", "2026-03-16")
    assert decision_heading("Beslutning") == (None, None)
    assert decision_heading("Beslutning den 1. oktober 2025") == (None, "2025-10-01")
    assert decision_heading("Indstilling") is None


def test_same_body_ignores_definite_form_and_term() -> None:
    assert same_body("byrådet", "Byråd 2022-2025")
    assert same_body("Økonomiudvalget", "økonomiudvalget")
    assert not same_body("økonomiudvalget", "Byråd 2022-2025")


# -- Greve's usual template ---------------------------------------------------------------------

GREVE = """<div><div id='sagsfremstillingContainer'>
<div><h3>Beslutning</h3>
<span><p class="xsltFirstParagraph">Byrådet godkendte Økonomiudvalgets indstilling. </p>
<p>Mehmet Zeki Dogru (Ø) undlod.</p><br><br>Fraværende: Charlotte Levin</span>
</div>
<h3>Fremstilling</h3>
<span class='ukendt'><h4>Sagsprocedure</h4>
<p>Økonomiudvalget, Byrådet.</p>
<h4>Resume</h4>
<p>Et bredt flertal i Folketinget indgik
en politisk aftale.</p>
<h4>Indstilling</h4>
<p><em>Administrationen indstiller, at </em></p>
<ol><li><em>oplægget godkendes</em></li><li>garantien stilles</li></ol>
<h4>Sagsbeskrivelse</h4>
<p><strong><em>Baggrund</em></strong></p>
<p>Politiske aftaler medfører ændringer.</p>
<ul><li>Første hensyn</li><li>Andet hensyn</li></ul>
<p><strong>Økonomiske konsekvenser</strong></p>
<p>Ingen.</p>
<h4>Økonomiske
konsekvenser</h4>
<table><tr><td><p>År</p></td><td>Beløb</td></tr><tr><td>2024</td><td><p>1.000</p></td></tr></table>
<h4></h4></span>
<h3>Sagens forløb</h3>
<span class='sagsforloeb'><u>10-04-2024 Økonomiudvalget</u><br>
<p class="xsltFirstParagraph">Økonomiudvalget anbefaler overfor Byrådet, at indstillingen godkendes. </p><br>
</span>
</div></div>"""


def test_greve_template_sections() -> None:
    sections = parse_item_html(GREVE)
    assert kinds(sections) == [
        ("decision", "Beslutning"),
        ("other", "Sagsprocedure"),
        ("summary", "Resume"),
        ("recommendation", "Indstilling"),
        ("presentation", "Sagsbeskrivelse"),
        ("other", "Økonomiske konsekvenser"),
        ("other", "Økonomiske konsekvenser"),
        ("history", "Sagens forløb"),
    ]
    decision, _, summary, recommendation, presentation, bold_other, table_other, history = sections
    assert decision.text == ("Byrådet godkendte Økonomiudvalgets indstilling.\n\nMehmet Zeki Dogru (Ø) undlod."
                             "\n\nFraværende: Charlotte Levin")
    assert summary.text == "Et bredt flertal i Folketinget indgik en politisk aftale."
    assert recommendation.text == "Administrationen indstiller, at\n\n1. oplægget godkendes\n2. garantien stilles"
    # a bold known title right after a heading is a sub-heading of that section
    assert presentation.text.startswith("Baggrund\n\nPolitiske aftaler medfører ændringer.")
    assert "- Første hensyn\n- Andet hensyn" in presentation.text
    assert bold_other.text == "Ingen."
    assert table_other.text == "År\tBeløb\n2024\t1.000"
    assert history.text.startswith("10-04-2024 Økonomiudvalget\n\nØkonomiudvalget anbefaler")


def test_container_heading_without_text_gives_no_section() -> None:
    sections = parse_item_html("<h3>Fremstilling</h3><h4>Resume</h4><p>Kort.</p>")
    assert kinds(sections) == [("summary", "Resume")]


def test_container_heading_with_own_text_is_kept() -> None:
    sections = parse_item_html("<h3>Fremstilling</h3><p>Indledning.</p><h4>Resume</h4><p>Kort.</p>")
    assert kinds(sections) == [("presentation", "Fremstilling"), ("summary", "Resume")]


def test_empty_decision_heading_is_kept_for_the_reader_to_judge() -> None:
    sections = parse_item_html("<h3>Beslutning</h3><h3>Fremstilling</h3><h4>Resume</h4><p>R.</p>")
    assert kinds(sections) == [("decision", "Beslutning"), ("summary", "Resume")]
    assert sections[0].text == ""


# -- the older template (Greve 2023-01-09) ----------------------------------------------------

OLD = """<div><div id='sagsfremstillingContainer'>
Budgetopfølgning 3 2022
<p class="xsltFirstParagraph">Orienteringen blev taget til efterretning.</p>
<p class="xsltFirstParagraph">
<div><h2>Sagsprocedure</h2></div>
<p>Beskæftigelses- og Erhvervsudvalget.</p>
<h2><strong>Resume </strong></h2>
<p>I denne sag orienteres fagudvalget.</p>
<h2><span>Indstilling</span></h2>
<p><em>Administrationen indstiller at sagen tages til efterretning.</em></p>
</div></div>"""


def test_older_template_decision_without_heading() -> None:
    sections = parse_item_html(OLD, title="Budgetopfølgning 3 2022")
    assert kinds(sections) == [("decision", ""), ("other", "Sagsprocedure"), ("summary", "Resume"),
                               ("recommendation", "Indstilling")]
    assert sections[0].text == "Orienteringen blev taget til efterretning."


def test_older_template_agenda_has_no_decision() -> None:
    html = "<div>Underskriftsark<div><b></b><h2>Sagsprocedure</h2><p>Udvalget</p><h2>Resume</h2><p>Ark.</p></div></div>"
    sections = parse_item_html(html, title="Underskriftsark")
    assert kinds(sections) == [("other", "Sagsprocedure"), ("summary", "Resume")]


# -- headings in other shapes ------------------------------------------------------------------

def test_heading_with_line_break_keeps_one_line_title() -> None:
    html = "<h4>Økonomiske<br>konsekvenser</h4><p>Ingen.</p><h4>Program for\nbyrådsmødet:</h4><p>Kl. 17</p>"
    sections = parse_item_html(html)
    assert kinds(sections) == [("other", "Økonomiske konsekvenser"), ("other", "Program for byrådsmødet:")]


def test_bold_paragraph_headings_split_sections() -> None:
    html = ("<p><strong>Resume</strong></p><p>Kort om sagen.</p>"
            "<p><b>Indstilling</b></p><p>Det indstilles, at sagen godkendes.</p>"
            "<p><strong>Kategorier for ordninger</strong></p><p>Tekst.</p>")
    sections = parse_item_html(html)
    assert kinds(sections) == [("summary", "Resume"), ("recommendation", "Indstilling")]
    assert sections[1].text == "Det indstilles, at sagen godkendes.\n\nKategorier for ordninger\n\nTekst."


def test_lead_in_title_before_line_break() -> None:
    html = "<h4>Sagsbeskrivelse</h4><p>Tekst.</p><p><em>Den videre proces<br></em>Sagen går videre.</p>"
    sections = parse_item_html(html)
    assert kinds(sections) == [("presentation", "Sagsbeskrivelse"), ("other", "Den videre proces")]
    assert sections[1].text == "Sagen går videre."


def test_prose_styled_as_heading_is_text() -> None:
    html = ("<h4>Kommunikation</h4><p>Intet.</p><h4><span>Når det reviderede årsregnskab er godkendt, "
            "offentliggøres det samlede årsregnskab på kommunens hjemmeside. </span></h4>")
    sections = parse_item_html(html)
    assert kinds(sections) == [("other", "Kommunikation")]
    assert sections[0].text.endswith("på kommunens hjemmeside.")


def test_beslutningstema_is_summary() -> None:
    sections = parse_item_html("<h2>Beslutningstema</h2><p>Byrådet skal tage stilling til X.</p>")
    assert kinds(sections) == [("summary", "Beslutningstema")]


def test_sentence_starting_with_section_word_is_text() -> None:
    html = "<h3>Sagsfremstilling</h3><p>Tekst.</p><p><strong>Beslutning på KL's topmøde vedr. økonomi</strong></p>"
    sections = parse_item_html(html)
    assert kinds(sections) == [("presentation", "Sagsfremstilling")]
    assert "Beslutning på KL's topmøde" in sections[0].text


# -- decisions of named committees --------------------------------------------------------------

COMMITTEES = """<h2>Beslutning i Økonomiudvalget den 16-03-2026</h2><p>Anbefales.</p>
<h2>Beslutning i Byrådet den 25-03-2026</h2><p>Godkendt.</p>
<h2>Resume</h2><p>Kort.</p>"""


def test_committee_decision_by_meeting_date() -> None:
    sections = parse_item_html(COMMITTEES, body="Byråd 2022-2025", date="2026-03-25")
    assert kinds(sections) == [("history", "Beslutning i Økonomiudvalget den 16-03-2026"),
                               ("decision", "Beslutning i Byrådet den 25-03-2026"), ("summary", "Resume")]


def test_committee_decision_read_at_the_committees_own_meeting() -> None:
    sections = parse_item_html(COMMITTEES, body="Økonomiudvalget", date="2026-03-16")
    assert [s.kind for s in sections][:2] == ["decision", "history"]


def test_committee_decision_without_context_is_decision() -> None:
    sections = parse_item_html(COMMITTEES)
    assert [s.kind for s in sections][:2] == ["decision", "decision"]


def test_committee_decision_by_body_when_undated() -> None:
    html = "<h2>Beslutning i Økonomiudvalget</h2><p>Anbefales.</p><h2>Beslutning i Byrådet</h2><p>Godkendt.</p>"
    sections = parse_item_html(html, body="Byrådet")
    assert [s.kind for s in sections] == ["history", "decision"]


def test_everything_under_case_history_is_history() -> None:
    html = ("<h3>Beslutning</h3><p>Godkendt.</p><h3>Sagens forløb</h3>"
            "<h4>Beslutning i Økonomiudvalget den 10-04-2024</h4><p>Anbefales.</p><h4>Bemærkning</h4><p>X.</p>")
    sections = parse_item_html(html, date="2024-04-17")
    assert kinds(sections) == [("decision", "Beslutning"),
                               ("history", "Beslutning i Økonomiudvalget den 10-04-2024"),
                               ("history", "Bemærkning")]


# -- no headings ---------------------------------------------------------------------------------

def test_item_without_headings() -> None:
    html = "<div>Temam&oslash;de blev afholdt.&nbsp;<p>Fraværende: Charlotte Levin<br></p></div>"
    assert kinds(parse_item_html(html)) == [("other", "")]
    sections = parse_item_html(html, untitled="decision")
    assert kinds(sections) == [("decision", "")]
    assert sections[0].text == "Temamøde blev afholdt.\n\nFraværende: Charlotte Levin"


def test_item_without_headings_marked_as_decision() -> None:
    html = '<div><p class="xsltFirstParagraph">Godkendt.</p></div>'
    assert kinds(parse_item_html(html)) == [("decision", "")]


def test_empty_and_missing_html() -> None:
    assert parse_item_html(None) == []
    assert parse_item_html("") == []
    assert parse_item_html("   \n ") == []
    assert parse_item_html("<div><p> </p><p>.</p></div>") == []


# -- text normalisation ---------------------------------------------------------------------------

def test_inline_base64_images_are_dropped() -> None:
    payload = "iVBORw0KGgo" + "A" * 200_000
    image = f'<img alt="graf" src="data:image/png;base64,{payload}">'
    html = f"<h4>Sagsbeskrivelse</h4><p>Graf 1</p><p>{image}</p><p>Efter.</p>"
    sections = parse_item_html(html)
    assert sections[0].text == "Graf 1\n\nEfter."


def test_nested_lists_and_alpha_markers() -> None:
    html = ('<h4>Indstilling</h4><ol><li>første</li><li>anden<ol style="list-style-type: lower-alpha;">'
            "<li>a-punkt</li><li>b-punkt</li></ol></li></ol><ul><li>kugle</li></ul>")
    assert parse_item_html(html)[0].text == "1. første\n2. anden\n  a. a-punkt\n  b. b-punkt\n\n- kugle"


def test_no_html_left_and_entities_decoded() -> None:
    html = "<h4>Resume</h4><p>A &amp; B &lt;c&gt; &oslash; <span style='x'>d</span><!-- skjult --></p>"
    assert parse_item_html(html)[0].text == "A & B <c> ø d"


# -- hostile input -------------------------------------------------------------------------------

def test_scripts_styles_and_handlers_never_reach_text() -> None:
    html = ("<h4>Resume</h4><p onclick=\"steal()\">Synlig<script>alert('x')</script></p>"
            "<style>p{color:red}</style><iframe src='https://evil.example'>ramme</iframe>"
            "<noscript>ingen</noscript><p hidden>skjult</p><p style='display:none'>skjult2</p>")
    sections = parse_item_html(html)
    assert kinds(sections) == [("summary", "Resume")]
    assert sections[0].text == "Synlig"


def test_deeply_nested_html_does_not_crash() -> None:
    html = "<div>" * 100_000 + "<h4>Resume</h4><p>Dybt.</p>" + "</div>" * 100_000
    parse_item_html(html)  # libxml2 caps the depth; what survives is read without recursion
    assert parse_item_html("<span>" * 5000 + "tekst") is not None


@pytest.mark.parametrize("html", [
    "<h4>Resume</h4><p>uafsluttet <b>fed <i>kursiv",
    "</p></div></h3>løs tekst<td>celle</td></tr>",
    "<table><tr><td><table><tr><td><h2>Inde</h2></td></tr></table></td></tr></table>",
    "<<<>>>&&&;;;<h9>x</h9>",
    "<li>løst listepunkt</li><ol start='x'><li>a</li></ol><ol start='99999999999999'><li>b</li></ol>",
    "\x00\x01<h4>\ud800Resume</h4>\x1f<p>tekst</p>",
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><p>&b;</p>',
    f'<p title="{"x" * 200_000}">efter stor attribut</p>',
])
def test_malformed_html_never_crashes(html: str) -> None:
    sections = parse_item_html(html)
    for section in sections:
        assert "<" not in section.text.replace("<<<>>>", "") or "&" in html


def test_entity_definitions_are_not_expanded() -> None:
    html = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><h4>Resume</h4><p>&b;</p>'
    text = parse_item_html(html)[0].text
    assert "aaaaaaaaaa" not in text


def test_huge_attribute_does_not_hide_the_rest() -> None:
    html = f'<h4>Resume</h4><p title="{"x" * 200_000}">før</p><p>efter</p>'
    assert parse_item_html(html)[0].text == "før\n\nefter"


def test_blocks_of_tables_and_cells() -> None:
    blocks = html_blocks("<table><tr><th>A\tB</th><td> </td><td>C</td></tr><tr><td></td><td></td></tr></table>")
    assert [(b.kind, b.text) for b in blocks] == [("row", "A B\t\tC")]
