"""Safe rich text: editor HTML → the records' section text, and back for the editor."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from moedebog.secretariat import richtext


def test_paragraphs_lists_and_tables() -> None:
    html = ("<p>Første afsnit</p><div>Andet<br>afsnit</div><ul><li>et</li><li>to</li></ul>"
            "<table><tr><td>A</td><td>1</td></tr><tr><td>B</td><td>2</td></tr></table><p>Slut</p>")
    assert richtext.from_html(html) == "Første afsnit\n\nAndet\n\nafsnit\n\n- et\n- to\n\nA\t1\nB\t2\n\nSlut"


def test_hostile_markup_leaves_only_text() -> None:
    html = ('<p style="x" onclick="evil()">Tekst</p><script>alert(1)</script><style>p{}</style>'
            '<iframe src="//x"></iframe><img src=x onerror=alert(1)><p hidden>skjult</p>'
            '<a href="javascript:x">link</a>')
    assert richtext.from_html(html) == "Tekst\n\nlink"


def test_plain_text_is_normalised() -> None:
    assert richtext.from_plain("a\r\n\r\n\r\n\r\nb\x07  \n- c ") == "a\n\nb\n- c"


def test_to_html_escapes_and_round_trips() -> None:
    text = "Et <b>afsnit</b> & mere\n\n- punkt\n- andet\n\nA\tB"
    html = richtext.to_html(text)
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert richtext.from_html(html) == text


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40),
                min_size=1, max_size=5))
def test_text_survives_the_editor(paragraphs: list[str]) -> None:
    text = richtext.from_plain("\n\n".join(" ".join(p.split()) for p in paragraphs))
    html = richtext.to_html(text)
    assert "<script" not in html.lower()
    again = richtext.from_html(html)
    assert richtext.to_html(again) == richtext.to_html(richtext.from_html(richtext.to_html(again)))
