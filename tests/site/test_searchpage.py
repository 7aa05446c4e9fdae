"""The search page's filters (``searchpage``) make the markup the template's loops made, and escape
what imported documents put in titles, body names and labels."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.template import engines
from django.utils import translation
from django.utils.safestring import mark_safe

from moedebog.archive import models
from moedebog.site import searching
from moedebog.site.searching import Facet, FacetValue, Hit, Results, SearchRequest
from moedebog.site.templatetags import searchpage

BAD = '<script>alert("x")</script>&\'"'

# The loops search.html had before the filters, kept to check that the filters make the same markup.
OLD_HITS = """{% for hit in hits %}
    <li class="hit hit-{{ hit.kind }}">
      <h3><a href="{{ hit.url }}">{{ hit.title }}</a></h3>
      <p class="hit-meta">{% if hit.kind != "item" %}<span class="hit-kind">{{ hit.kind_label }}</span>{% if hit.body or hit.start %} · {% endif %}{% endif %}{% if hit.body %}{{ hit.body }}{% endif %}{% if hit.start %}{% if hit.body %} · {% endif %}<time datetime="{{ hit.start|date:'c' }}">{{ hit.start|date:"j. F Y" }}</time>{% endif %}{% if hit.section_label %} · {{ hit.section_label }}{% endif %}</p>
      {% if hit.snippet %}<p class="snippet">{{ hit.snippet }}</p>{% endif %}
    </li>
    {% endfor %}"""  # noqa: E501
OLD_FACETS = """{% load i18n %}{% for facet in facets %}
    <h3>{{ facet.label }}</h3>
    <ul>
      {% for v in facet.values|slice:":12" %}<li>{% if v.selected %}<a href="?{{ v.query }}" class="selected" aria-current="true">{{ v.label }} <span class="count">({{ v.count }})</span> <span class="remove">{% translate "fjern" %}</span></a>{% else %}<a href="?{{ v.query }}">{{ v.label }} <span class="count">({{ v.count }})</span></a>{% endif %}</li>{% endfor %}
    </ul>
    {% endfor %}"""  # noqa: E501
OLD_OPTIONS = """{% for value, label in choices %}<option value="{{ value }}"{% if value == selected %} selected{% endif %}>{{ label }}</option>{% endfor %}"""  # noqa: E501
OLD_BODIES = """{% for b in bodies %}<option value="{{ b.path }}"{% if b.path == selected %} selected{% endif %}>{{ b.name }}{% if b.parent %} ({{ b.parent.name }}){% endif %}</option>{% endfor %}"""  # noqa: E501


def _old(source: str, **context: object) -> str:
    return engines["django"].from_string(source).render(context)


def _hits() -> list[Hit]:
    start = datetime(2020, 2, 5, 9, 0, tzinfo=UTC)
    return [
        Hit("item", "3.1. " + BAD, "/kkr/2020-02-05/3.1?a=1&b=2", mark_safe("før <mark>klima</mark> &amp; efter"),
            "KKR " + BAD, start, "decision"),
        Hit("item", "Uden afsnit", "/x", mark_safe(""), "KKR", start),
        Hit("meeting", "Møde i " + BAD, "/kkr/2020-02-05/", mark_safe("<mark>møde</mark>"), "KKR", start),
        Hit("case", "Sag 1", "/kkr/sager/1", mark_safe(""), BAD),
        Hit("person", BAD, "/personer/x/", mark_safe("x")),
        Hit("letter", "Brev", "/breve/1", "not marked safe: <b>", start=datetime(1999, 12, 31, 23, 30, tzinfo=UTC)),
        Hit("odd", "Ukendt art", "/y", mark_safe(""), section_kind="attachment"),
    ]


def _facets() -> list[Facet]:
    base = SearchRequest(q="klima & <x>", year=2020).params(page=1)
    years = [FacetValue(str(y), str(y), 6337 if y == 2020 else y - 1990, y == 2020, base, "aar")
             for y in range(2029, 1999, -1)]
    bodies = [FacetValue("kkr", "KKR " + BAD, 3, False, base, "organ"),
              FacetValue("a&b", BAD, 1, True, base, "organ")]
    return [Facet("aar", "År", years), Facet("organ", BAD, bodies), Facet("art", searching.KINDS["attachment"], [])]


def test_hits_are_the_old_templates_markup() -> None:
    hits = _hits()
    with translation.override("da"):
        assert searchpage.search_hits(hits) == _old(OLD_HITS, hits=hits)
    assert "<script>" not in searchpage.search_hits(hits) and "<b>" not in searchpage.search_hits(hits)
    assert "<mark>klima</mark> &amp; efter" in searchpage.search_hits(hits)


def test_facets_are_the_old_templates_markup() -> None:
    facets = _facets()
    with translation.override("da"):
        made = searchpage.search_facets(facets)
        assert made == _old(OLD_FACETS, facets=facets)
    assert "<script>" not in made and made.count("<li>") == 12 + 2 and ">2017 " not in made  # twelve shown
    assert 'href="?q=klima+%26+%3Cx%3E" class="selected"' in made  # the selected year's link removes it
    assert 'class="selected" aria-current="true">2020 <span class="count">(6337)</span>' in made


def test_options_are_the_old_templates_markup() -> None:
    with translation.override("da"):
        for choices, selected in ((searching.KINDS.items(), "decision"), (searching.RECORD_LABELS.items(), ""),
                                  ([(BAD, BAD), ("a", "b")], BAD)):
            assert searchpage.options(choices, selected) == _old(OLD_OPTIONS, choices=choices, selected=selected)
    parent = models.Body(pk=1, name="Region " + BAD, path="region")
    bodies = [models.Body(pk=2, name=BAD, path="a&b", parent=parent), models.Body(pk=3, name="KKR", path="kkr")]
    for selected in ("a&b", "kkr", ""):
        assert searchpage.body_options(bodies, selected) == _old(OLD_BODIES, bodies=bodies, selected=selected)


@pytest.mark.django_db
def test_hostile_text_on_the_search_page_is_escaped(client, site, monkeypatch) -> None:
    """Titles, body names and facet labels from imported documents reach the page only as text."""
    body = models.Body.objects.create(name="Udvalg <img src=x onerror=alert(1)>", path="fjendtligt-udvalg")
    models.Meeting.objects.create(body=body, start=datetime(2020, 3, 1, 9, tzinfo=UTC),
                                  state=models.Meeting.State.HELD)

    def run(request: SearchRequest, page_size: int = searching.PAGE_SIZE) -> Results:
        return Results(request, 7, _hits(), _facets())

    monkeypatch.setattr(searching, "run", run)
    html = client.get("/soeg/?q=fjendtlig+tekst").content.decode()
    assert "<script>" not in html and "<img src=x" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#x27;&quot;" in html  # a title, a body, a label
    assert ">Udvalg &lt;img src=x onerror=alert(1)&gt;</option>" in html
    assert "<mark>klima</mark> &amp; efter" in html  # the snippet's own markup stays


def test_a_facet_values_link_is_the_requests_query_string_with_that_change() -> None:
    request = SearchRequest(q='æ & "ø" +x/y?', body="kkr midt", year=2020, kind="decision", sort="nyeste", page=3)
    base = request.params(page=1)
    for param, field, value in (("aar", "year", "1999"), ("organ", "body", "a&b=c"), ("art", "kind", "background"),
                                ("type", "record", "case")):
        added = FacetValue(value, value, 1, False, base, param)
        assert added.query == request.query_string(page=1, **{field: int(value) if field == "year" else value})
        removed = FacetValue(value, value, 1, True, base, param)
        assert removed.query == request.query_string(page=1, **{field: None if field == "year" else ""})
