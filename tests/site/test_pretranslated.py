"""Templates with their fixed texts translated when compiled (``moedebog.pretranslated``) render
exactly as Django's own loader renders them, in each language, escaped or not, and leave alone
what must be translated while rendering."""

from __future__ import annotations

import pytest
from django.template import Context, Engine
from django.utils import translation

from moedebog import pretranslated

SOURCE = (
    '{% load i18n %}<p title="{% translate "January" %}">{% translate "Fish & <Chips> 100%" %}</p>'
    "{% if flag %}{% translate 'February' %}{% endif %}{% for x in xs %}{% translate \"March\" %}{% endfor %}"
    "{% blocktranslate %}April{% endblocktranslate %}{% blocktranslate %}Hi {{ name }}{% endblocktranslate %}"
    "{% translate 'May' as may %}{{ may }}{% translate name %}{% translate 'June'|upper %}"
    "{% language 'en' %}{% translate 'July' %}{% endlanguage %}"
    "{% autoescape off %}{% translate 'A & B' %}{% endautoescape %}"
    "{% translate 'Fish' context 'food' %}{% translate 'X' noop %}"
)
TEMPLATES = {"page.html": SOURCE, "child.html": '{% extends "page.html" %}'}


def _engine(loader: str) -> Engine:
    return Engine(loaders=[(loader, [("django.template.loaders.locmem.Loader", TEMPLATES)])],
                  libraries={"i18n": "django.templatetags.i18n"})


@pytest.mark.parametrize("name", ["page.html", "child.html"])
@pytest.mark.parametrize("language", ["da", "en", "de"])
@pytest.mark.parametrize("autoescape", [True, False])
def test_pretranslated_templates_render_as_django_renders_them(name: str, language: str, autoescape: bool) -> None:
    context = {"flag": True, "xs": [1, 2], "name": "<Ada>"}
    with translation.override(language):
        expected = _engine("django.template.loaders.cached.Loader").get_template(name).render(
            Context(context, autoescape=autoescape))
        made = _engine("moedebog.pretranslated.Loader")
        for _ in range(2):  # compiled, then from the cache
            assert made.get_template(name).render(Context(context, autoescape=autoescape)) == expected
    assert ("januar" in expected) == (language == "da")  # Django's own catalogue translates the months


def test_each_language_has_its_own_copy_and_only_fixed_tags_are_changed() -> None:
    engine = _engine("moedebog.pretranslated.Loader")
    with translation.override("da"):
        danish = engine.get_template("page.html")
    with translation.override("en"):
        english = engine.get_template("page.html")
        assert english is not danish
        assert english.render(Context({"flag": True, "xs": [1]})).startswith('<p title="January">')
    kinds = {type(n).__name__ for n in danish.nodelist.get_nodes_by_type(pretranslated.TranslateNode)}
    assert kinds == {"PretranslatedNode", "TranslateNode"}  # "as", variables, filters, context, noop, language
    fixed = [n for n in danish.nodelist.get_nodes_by_type(pretranslated.PretranslatedNode)]
    assert len(fixed) == 5  # January, Fish & Chips, February, March, A & B
    assert len(danish.nodelist.get_nodes_by_type(pretranslated.PretranslatedBlockNode)) == 1
