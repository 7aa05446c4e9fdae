"""The meeting page's agenda items, written by ``agenda_items``, are what the template loop they
replaced wrote, byte for byte, and escape hostile titles and decisions."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from django.template import Context, Engine

from moedebog.site.templatetags.archive import agenda_items

HOSTILE = '<script>alert("x")</script> & <b>fed</b>'
LOOP = '''{% load i18n archive %}{% for item in part.items %}
      <li class="agenda-item">
        {% if part.heading %}{{ item|agenda_item_head:"h4" }}{% else %}{{ item|agenda_item_head:"h3" }}{% endif %}
        {% for d in item.decisions %}{% if d.text %}
        <div class="decision">
          <p class="decision-label">{{ d.title|default:_("Beslutning") }}</p>
          {{ d.text|text_blocks }}
        </div>
        {% endif %}{% endfor %}
      </li>
      {% endfor %}'''


def _item(number: str, title: str, decisions: list[tuple[str, str]], case: str | None) -> SimpleNamespace:
    body = SimpleNamespace(path="kkr-midtjylland", name="KKR")
    meeting = SimpleNamespace(body=body, start=datetime(2020, 2, 5, 9, tzinfo=UTC), time_known=True)
    return SimpleNamespace(
        number=number, title=title, meeting=meeting, handlers=HOSTILE if case else "",
        case=SimpleNamespace(number=case) if case else None,
        decisions=[SimpleNamespace(title=t, text=x) for t, x in decisions])


@pytest.mark.parametrize("heading", [None, "Orientering"])
def test_agenda_items_write_what_the_loop_wrote(heading: str | None) -> None:
    items = [_item("1", HOSTILE, [("", "Godkendt.\n\n- a\n- b"), ("Indstilling", HOSTILE), ("Tom", "")], None),
             _item("2.<1>", "Budget", [], "SAG-<2020>"), _item("3", "Ny", [(HOSTILE, "x")], "S-1")]
    engine = Engine(libraries={"i18n": "django.templatetags.i18n",
                               "archive": "moedebog.site.templatetags.archive"})
    expected = engine.from_string(LOOP).render(Context({"part": {"items": items, "heading": heading}}))
    made = agenda_items(items, heading)
    assert made == expected
    assert "<script>" not in made and "&lt;script&gt;" in made and "<b>fed" not in made
