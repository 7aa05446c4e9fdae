"""The search page's repeated parts built in Python: its hits, its facet lists and its select options.

The search page is the slowest page to render: a template loop costs a context push per row and a
lookup and a node render per field, and a page of ten hits, four facets of up to twelve values and
forty options ran several hundred of them (measured on the bench's 100 searches: 2.1 ms of
template a page before, 1.0 ms with these filters). Each filter returns the same markup the
template's loop made, byte for byte. Every value goes through ``esc`` (from ``archive``), which
escapes exactly as a template variable is escaped (titles, body names and labels come from imported
documents; a snippet is already escaped, with <mark> around the matches, and is kept as it is); it
is Django's ``conditional_escape`` without the lazy-argument wrappers that made a quarter of the
filters' cost when they used ``format_html``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import is_aware
from django.utils.translation import gettext

from moedebog.archive import models
from moedebog.site.searching import FACET_SHOWN, Facet, Hit
from moedebog.site.templatetags.archive import _format, esc

register = template.Library()


def _date(moment: datetime, fmt: str) -> str:
    """As the template's ``date`` filter formats it (in the archive's time zone), remembered per moment."""
    if isinstance(moment, datetime) and is_aware(moment):
        return _format(moment, fmt)
    return date_filter(moment, fmt)


def hit_meta(hit: Hit) -> str:
    """The line under a hit's title, escaped: its kind (unless an item), body, date and section."""
    out = ""
    if hit.kind != "item":
        out = f'<span class="hit-kind">{esc(hit.kind_label)}</span>'
        if hit.body or hit.start:
            out += " · "
    if hit.body:
        out += esc(hit.body)
    if hit.start:
        if hit.body:
            out += " · "
        out += f'<time datetime="{esc(_date(hit.start, "c"))}">{esc(_date(hit.start, "j. F Y"))}</time>'
    label = hit.section_label
    if label:
        out += " · " + esc(label)
    return out


@register.filter
def search_hits(hits: Iterable[Hit]) -> SafeString:
    """The hits as the list items of the page's ``<ol class="hits">``."""
    out = []
    for hit in hits:
        snippet = f'<p class="snippet">{esc(hit.snippet)}</p>' if hit.snippet else ""
        out.append(f'\n    <li class="hit hit-{esc(hit.kind)}">\n'
                   f'      <h3><a href="{esc(hit.url)}">{esc(hit.title)}</a></h3>\n'
                   f'      <p class="hit-meta">{hit_meta(hit)}</p>\n      {snippet}\n    </li>\n    ')
    return mark_safe("".join(out))


@register.filter
def search_facets(facets: Iterable[Facet]) -> SafeString:
    """Each facet's heading and its first values, linked to select the value (or, when selected, to
    remove it)."""
    remove = f' <span class="remove">{esc(gettext("fjern"))}</span>'
    out = []
    for facet in facets:
        values = []
        for v in facet.values[:FACET_SHOWN]:
            # str(count) is what the template printed: the site does not group thousands
            text = f'{esc(v.label)} <span class="count">({esc(str(v.count))})</span>'
            if v.selected:
                values.append(f'<li><a href="?{esc(v.query)}" class="selected" aria-current="true">{text}'
                              f'{remove}</a></li>')
            else:
                values.append(f'<li><a href="?{esc(v.query)}">{text}</a></li>')
        out.append(f'\n    <h3>{esc(facet.label)}</h3>\n    <ul>\n      {"".join(values)}\n    </ul>\n    ')
    return mark_safe("".join(out))


@register.filter
def options(choices: Iterable[tuple[object, object]], selected: object) -> SafeString:
    """``<option>``s of (value, label) pairs, the one equal to ``selected`` marked as selected."""
    return mark_safe("".join(
        f'<option value="{esc(value)}"{" selected" if value == selected else ""}>{esc(label)}</option>'
        for value, label in choices))


@register.filter
def body_options(bodies: Iterable[models.Body], selected: str) -> SafeString:
    """The body filter's ``<option>``s: each body by path, named with its parent's name if it has one."""
    out = []
    for b in bodies:
        parent = f" ({esc(b.parent.name)})" if b.parent_id is not None and b.parent else ""
        out.append(f'<option value="{esc(b.path)}"{" selected" if b.path == selected else ""}>'
                   f'{esc(b.name)}{parent}</option>')
    return mark_safe("".join(out))
