"""Bridge from the search page to the archive's search engine (``moedebog.search``).

The engine parses the query, applies the privacy rules, counts facets and cuts snippets; this
module turns its answer into what the page shows. Links are made here from the records the hits
name, through ``site.visibility`` and ``site.permalinks``: a hit whose record the reader may not
see is dropped (a second lock on the door the engine already keeps shut), and every link is the
page's own permalink.

Where the engine is not installed, a plain database scan stands in (``scan_search``): every word
must occur in the item's title or one of its visible sections. It is correct but slow on a large
archive, without stemming or ranking.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, time
from typing import Any

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from moedebog.archive import models
from moedebog.site import permalinks, visibility
from moedebog.site.searching import KINDS, RECORD_LABELS, Facet, FacetValue, Hit, Results, SearchRequest, highlight

SORT_NAMES = {"relevans": "relevance", "nyeste": "date", "aeldste": "oldest"}
FACETS = (("body", "organ", _("Organ")), ("year", "aar", _("År")), ("record", "type", _("Type")),
          ("kind", "art", _("Afsnit")))
#: Query-string parameter → SearchRequest field.
FIELD_OF = {"organ": "body", "aar": "year", "type": "record", "art": "kind"}


def search(request: SearchRequest, page_size: int) -> Results:
    if request.empty:
        return Results(request, 0, [], [])
    try:
        from moedebog.search import engine
    except ImportError:
        return scan_search(request, page_size)
    return engine_search(engine, request, page_size)


def _dates(request: SearchRequest) -> tuple[date | None, date | None]:
    start, end = request.start, request.end
    if request.year:
        start = max(filter(None, (start, date(request.year, 1, 1))))
        end = min(filter(None, (end, date(request.year, 12, 31))))
    return start, end


def engine_search(engine: Any, request: SearchRequest, page_size: int) -> Results:
    start, end = _dates(request)
    kinds = [k for k in (request.kind, request.record) if k]
    result = engine.search(
        request.q, body=request.body or None, date_from=start, date_to=end, kind=kinds or None,
        case=request.case or None, person=request.person or None, page=request.page, page_size=page_size,
        sort=SORT_NAMES[request.sort], private=False, facets=True,
    )
    hits = _visible_hits(result.hits)
    # a hit dropped here should not have been counted either
    total = max(0, result.total - (len(result.hits) - len(hits)))
    facets = []
    for name, param, label in FACETS:
        chosen = getattr(request, FIELD_OF[param])
        values = []
        for v in result.facets.get(name, []):
            if name == "kind" and v.value not in KINDS:
                continue
            if name == "record" and v.value not in RECORD_LABELS:
                continue
            selected = str(chosen or "") == v.value
            label_text = RECORD_LABELS[v.value] if name == "record" else v.label
            change = {FIELD_OF[param]: (None if param == "aar" else "") if selected else _typed(param, v.value)}
            values.append(FacetValue(v.value, label_text, v.count, selected, request.query_string(page=1, **change)))
        if values:
            facets.append(Facet(param, label, values))
    return Results(request, total, hits, facets)


def _typed(param: str, value: str) -> object:
    return int(value) if param == "aar" else value


def _visible_hits(found: list[Any]) -> list[Hit]:
    """The engine's hits as the page's, each linked to its record's permalink if the reader may see it."""
    ids: dict[str, list[int]] = {}
    for h in found:
        ids.setdefault(h.kind, []).append(h.object_id)
    items = {i.pk: i for i in visibility.items().filter(pk__in=ids.get("item", []))
             .select_related("meeting", "meeting__body")}
    meetings = {m.pk: m for m in visibility.meetings().filter(pk__in=ids.get("meeting", [])).select_related("body")}
    cases = {c.pk: c for c in models.Case.objects.filter(visibility.item_filter("items__"), pk__in=ids.get("case", []))
             .select_related("body").distinct()}
    people = {p.pk: p for p in models.Person.objects.filter(visibility.attendance_filter("attendance__"),
                                                             pk__in=ids.get("person", []))
              .select_related("municipality").distinct()}
    letters = {x.pk: x for x in models.Letter.objects.filter(pk__in=ids.get("letter", []))}
    out = []
    for h in found:
        snippet = highlight(list(h.snippet.fragments))
        if h.kind == "item" and h.object_id in items:
            item = items[h.object_id]
            out.append(Hit("item", f"{item.number}. {item.title}", permalinks.item_url(item), snippet,
                           item.meeting.body.name, item.meeting.start, h.section_kind or "", item, item.meeting))
        elif h.kind == "meeting" and h.object_id in meetings:
            m = meetings[h.object_id]
            title = gettext("Møde i %(body)s") % {"body": m.body.name}
            out.append(Hit("meeting", title, permalinks.meeting_url(m), snippet, m.body.name, m.start, meeting=m))
        elif h.kind == "case" and h.object_id in cases:
            c = cases[h.object_id]
            title = gettext("Sag %(number)s") % {"number": c.number}
            out.append(Hit("case", title, permalinks.case_url(c), snippet, c.body.name))
        elif h.kind == "person" and h.object_id in people:
            p = people[h.object_id]
            out.append(Hit("person", p.name, permalinks.person_url(p), snippet,
                           p.municipality.name if p.municipality else ""))
        elif h.kind == "letter" and h.object_id in letters:
            x = letters[h.object_id]
            start = timezone.make_aware(datetime.combine(x.date, time())) if x.date else None
            out.append(Hit("letter", str(x), permalinks.letter_url(x), snippet, start=start))
    return out


# ------------------------------------------------------------------ the stand-in: a database scan

_WORD = re.compile(r"\w[\w-]*", re.UNICODE)
SNIPPET = 220


def _words(q: str) -> list[str]:
    return [w for w in _WORD.findall(q) if len(w) > 1][:10]


def _sections(kind: str = "") -> Q:
    """Sections a reader may see: decisions only where the minutes are published."""
    visible = ~Q(kind=models.Section.Kind.DECISION) | visibility.meeting_filter(
        "item__meeting__", states=visibility.MINUTES_STATES)
    return visible & Q(kind=kind) if kind else visible


def _matches(words: list[str], kind: str):
    items = visibility.items()
    for word in words:
        in_section = models.Section.objects.filter(_sections(kind), item=OuterRef("pk"), text__icontains=word)
        items = items.filter(Exists(in_section) if kind else (Q(title__icontains=word) | Exists(in_section)))
    if kind and not words:
        items = items.filter(Exists(models.Section.objects.filter(_sections(kind), item=OuterRef("pk"))))
    return items


def _filtered(request: SearchRequest, items, skip: str = ""):
    if request.body and skip != "organ":
        items = items.filter(Q(meeting__body__path=request.body) | Q(meeting__body__parent__path=request.body))
    if request.year and skip != "aar":
        items = items.filter(meeting__start__year=request.year)
    if request.start:
        items = items.filter(meeting__start__date__gte=request.start)
    if request.end:
        items = items.filter(meeting__start__date__lte=request.end)
    if request.case:
        items = items.filter(case__number__iexact=request.case)
    if request.person:
        items = items.filter(Q(meeting__attendance__person__name__icontains=request.person)
                             | Q(sections__text__icontains=request.person)).distinct()
    return items


def _snippet(item: models.AgendaItem, words: list[str], kind: str) -> tuple[list[tuple[str, bool]], str]:
    sections = [s for s in item.sections.all() if not kind or s.kind == kind]
    lowered = [w.lower() for w in words]
    best = next((s for s in sections if any(w in s.text.lower() for w in lowered)), sections[0] if sections else None)
    if best is None:
        return [], ""
    text = " ".join(best.text.split())
    at = min((text.lower().find(w) for w in lowered if w in text.lower()), default=0)
    start = max(0, at - SNIPPET // 3)
    piece = ("…" if start else "") + text[start:start + SNIPPET] + ("…" if start + SNIPPET < len(text) else "")
    if not words:
        return [(piece, False)], best.kind
    pattern = re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)), re.IGNORECASE)
    fragments, last = [], 0
    for m in pattern.finditer(piece):
        fragments += [(piece[last:m.start()], False), (m.group(0), True)]
        last = m.end()
    return [*fragments, (piece[last:], False)], best.kind


def scan_search(request: SearchRequest, page_size: int) -> Results:
    if request.record and request.record != "item":
        return Results(request, 0, [], [])
    kind = request.kind if request.kind in dict(models.Section.Kind.choices) else ""
    words = _words(request.q)
    base = _matches(words, kind)
    items = _filtered(request, base)
    order = ("meeting__start", "order") if request.sort == "aeldste" else ("-meeting__start", "order")
    total = items.count()
    offset = (request.page - 1) * page_size
    rows = list(items.select_related("meeting", "meeting__body").prefetch_related("sections")
                .order_by(*order)[offset:offset + page_size])
    hits = []
    for item in rows:
        fragments, section_kind = _snippet(item, words, kind)
        hits.append(Hit("item", f"{item.number}. {item.title}", permalinks.item_url(item), highlight(fragments),
                        item.meeting.body.name, item.meeting.start, section_kind, item, item.meeting))
    return Results(request, total, hits, _scan_facets(replace(request, kind=kind), base))


def _scan_facets(request: SearchRequest, base) -> list[Facet]:
    bodies = Counter(_filtered(request, base, skip="organ").values_list("meeting__body__path", "meeting__body__name"))
    years = Counter(_filtered(request, base, skip="aar").annotate(y=ExtractYear("meeting__start"))
                    .values_list("y", flat=True))
    kinds = Counter(models.Section.objects.filter(_sections(), item__in=_filtered(request, base))
                    .values_list("kind", flat=True))
    body = Facet("organ", gettext("Organ"), [
        FacetValue(path, name, n, path == request.body,
                   request.query_string(body="" if path == request.body else path, page=1))
        for (path, name), n in sorted(bodies.items(), key=lambda kv: -kv[1])])
    year = Facet("aar", gettext("År"), [
        FacetValue(str(y), str(y), n, y == request.year,
                   request.query_string(year=None if y == request.year else y, page=1))
        for y, n in sorted(years.items(), reverse=True)])
    kind = Facet("art", gettext("Afsnit"), [
        FacetValue(k, str(KINDS[k]), n, k == request.kind,
                   request.query_string(kind="" if k == request.kind else k, page=1))
        for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]) if k in KINDS])
    return [f for f in (body, year, kind) if f.values]
