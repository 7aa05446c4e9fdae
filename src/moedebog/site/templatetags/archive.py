"""Template filters of the public archive: permanent links, Danish dates and section text.

Section text is plain text in the archive (imported HTML was reduced to text by the documents
layer); ``text_blocks`` escapes every line and only then wraps it in paragraph, list or table
markup, so nothing from a document can become markup on the page.
"""

from __future__ import annotations

import html
from datetime import datetime, tzinfo
from functools import lru_cache

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import get_current_timezone, localtime
from django.utils.translation import get_language, gettext

from moedebog.archive import models
from moedebog.publish.model import blocks
from moedebog.site import permalinks

register = template.Library()


def esc(value: object) -> str:
    """``conditional_escape``, as ``format_html`` applies it to each value: markup (a SafeString) as
    it is, anything else as escaped text. Written out because Django's own wraps every call in a
    check for lazy arguments, which cost a quarter of what the filters that list rows spend."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


@register.filter
def body_url(body: models.Body) -> str:
    return permalinks.body_url(body)


@register.filter
def meeting_url(meeting: models.Meeting, precise: bool = False) -> str:
    return permalinks.meeting_url(meeting, bool(precise))


@register.filter
def item_url(item: models.AgendaItem, precise: bool = False) -> str:
    return permalinks.item_url(item, bool(precise))


@register.filter
def case_url(case: models.Case) -> str:
    return permalinks.case_url(case)


@register.filter
def person_url(person: models.Person) -> str:
    return permalinks.person_url(person)


@register.filter
def letter_url(letter: models.Letter) -> str:
    return permalinks.letter_url(letter)


@register.filter
def topic_url(topic: models.Topic) -> str:
    return permalinks.topic_url(topic)


# Filters called from Python get the stored UTC time; templates localise only plain variables,
# so each filter converts to the archive's time zone itself.
@lru_cache(maxsize=16384)
def _formatted(moment: datetime, fmt: str, zone: tzinfo, language: str | None) -> str:
    """A meeting's start in a date format, remembered per time zone and language: lists repeat the
    same meetings, and Django's date filter looks up every month and day name it prints."""
    return date_filter(localtime(moment, zone), fmt)


def _format(moment: datetime, fmt: str) -> str:
    return _formatted(moment, fmt, get_current_timezone(), get_language())


@register.filter
def when(meeting: models.Meeting) -> str:
    """ "onsdag 5. februar 2020 kl. 10.00", without the time when the document did not state one."""
    fmt = r"l j. F Y \k\l. H.i" if meeting.time_known else "l j. F Y"
    return _format(meeting.start, fmt)


@register.filter
def short_date(meeting: models.Meeting) -> str:
    return _format(meeting.start, "j. F Y")


@register.filter
def iso_start(meeting: models.Meeting) -> str:
    return _format(meeting.start, "c")


@register.filter
def text_blocks(text: str) -> SafeString:
    """Plain section text → escaped paragraphs, bullet lists and tables."""
    out: list[str] = []
    for block in blocks(text or ""):
        if block.kind in ("p", "indent"):
            css = ' class="indent"' if block.kind == "indent" else ""
            out.extend(f"<p{css}>{escape(line)}</p>" for line in block.lines)
        elif block.kind == "ul":
            out.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in block.lines) + "</ul>")
        else:
            width = max(line.count("\t") for line in block.lines) + 1
            rows = []
            for line in block.lines:
                cells = line.split("\t") + [""] * (width - 1 - line.count("\t"))
                rows.append("<tr>" + "".join(f"<td>{escape(c.strip())}</td>" for c in cells) + "</tr>")
            out.append('<table class="text-table">' + "".join(rows) + "</table>")
    return mark_safe("\n".join(out))


@register.filter
def full_title(item: models.AgendaItem) -> str:
    return f"{item.number}. {item.title}" if item.number else item.title


@register.filter
def basename(name: str) -> str:
    """The file name of an imported document, without the folders it was imported from."""
    return name.replace("\\", "/").rsplit("/", 1)[-1]


# Links that lists repeat hundreds of times: one function call each instead of an {% include %},
# which costs a template lookup and a context push per row.
@register.filter
def item_link(item: models.AgendaItem) -> SafeString:
    """ "KKR Midtjylland, 5. februar 2020: 3.1. Title", linked to the item."""
    meeting = item.meeting
    return mark_safe(f'<a href="{esc(permalinks.item_url(item))}">{esc(meeting.body.name)}, '
                     f'<time datetime="{esc(iso_start(meeting))}">{esc(short_date(meeting))}</time>: '
                     f'{esc(item.number)}. {esc(item.title)}</a>')


@register.filter
def meeting_line(meeting: models.Meeting, show_body: bool = False) -> SafeString:
    """The meeting's date (and body) linked to it, with its state."""
    body = f"{meeting.body.name}, " if show_body else ""
    return mark_safe(f'<a href="{esc(permalinks.meeting_url(meeting))}">{esc(body)}<time datetime="'
                     f'{esc(iso_start(meeting))}">{esc(when(meeting))}</time></a>\n<span class="state state-'
                     f'{esc(meeting.state)}">{esc(meeting.get_state_display())}</span>')


@register.filter
def attendee_items(rows: list[models.Attendance]) -> SafeString:
    """A meeting's attendance group as list items (name linked, municipality, role): one call for
    the group instead of a template loop of five lookups per person."""
    out = []
    for row in rows:
        person = row.person
        place = f", {esc(person.municipality.name)}" if person.municipality else ""
        role = f' <span class="muted">({esc(row.role)})</span>' if row.role else ""
        out.append(f'<li><a href="{esc(permalinks.person_url(person))}">{esc(person.name)}</a>{place}{role}</li>')
    return mark_safe("".join(out))


@register.filter
def agenda_items(items: list[models.AgendaItem], heading: object) -> SafeString:
    """A meeting's agenda items under one heading (or none) as list items, each with its head and
    published decisions: the meeting page's longest loop, written here as the template wrote it."""
    level = "h4" if heading else "h3"
    out = []
    for item in items:
        decisions = "".join(
            f'\n        <div class="decision">\n          <p class="decision-label">'
            f'{esc(d.title or gettext("Beslutning"))}</p>\n          {text_blocks(d.text)}\n        </div>\n        '
            for d in item.decisions if d.text)
        out.append(f'\n      <li class="agenda-item">\n        {agenda_item_head(item, level)}\n        {decisions}'
                   f'\n      </li>\n      ')
    return mark_safe("".join(out))


@register.filter
def agenda_item_head(item: models.AgendaItem, level: str) -> SafeString:
    """An agenda item's linked number and title as a heading of ``level`` ("h3"/"h4"), and its
    case line; the meeting page repeats it for every item."""
    level = esc(level)
    url = permalinks.item_url(item, bool(getattr(item, "precise_link", False)))
    title = (f'<{level} class="item-title"><a href="{esc(url)}"><span class="item-number">{esc(item.number)}.</span> '
             f'{esc(item.title)}</a></{level}>')
    if not item.case:
        return mark_safe(title)
    handlers = f" · {esc(item.handlers)}" if item.handlers else ""
    case = f'{esc(gettext("Sag"))} {esc(item.case.number)}{handlers}'
    return mark_safe(f'{title}\n        <p class="case-line">{case}</p>')
