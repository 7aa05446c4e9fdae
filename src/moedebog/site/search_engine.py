"""Bridge from the search page to the archive's search engine (``moedebog.search``).

The engine parses the query, applies the privacy rules, counts facets and cuts snippets; this
module turns its answer into what the page shows. Links are made here from the records the hits
name, through ``site.visibility`` and ``site.permalinks``: a hit whose record the reader may not
see is dropped (a second lock on the door the engine already keeps shut), and every link is the
page's own permalink.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from moedebog.archive import models
from moedebog.archive.prepared import Many, Prepared
from moedebog.site import permalinks, visibility
from moedebog.site.searching import (
    FACET_SHOWN,
    KINDS,
    RECORD_LABELS,
    Facet,
    FacetValue,
    Hit,
    Results,
    SearchRequest,
)

SORT_NAMES = {"relevans": "relevance", "nyeste": "date", "aeldste": "oldest"}
FACETS = (("body", "organ", _("Organ")), ("year", "aar", _("År")), ("record", "type", _("Type")),
          ("kind", "art", _("Afsnit")))
#: Query-string parameter → SearchRequest field.
FIELD_OF = {"organ": "body", "aar": "year", "type": "record", "art": "kind"}


def search(request: SearchRequest, page_size: int) -> Results:
    if request.empty:
        return Results(request, 0, [], [])
    from moedebog.search import engine

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
        sort=SORT_NAMES[request.sort], private=False, facets=True, facet_limit=FACET_SHOWN,
    )
    hits = _visible_hits(result.hits)
    # a hit dropped here should not have been counted either
    total = max(0, result.total - (len(result.hits) - len(hits)))
    facets = []
    base = request.params(page=1)
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
            values.append(FacetValue(v.value, label_text, v.count, selected, base, param))
            if len(values) == FACET_SHOWN:
                break
        if values:
            facets.append(Facet(param, label, values))
    return Results(request, total, hits, facets)


def _ids(model: type) -> Many:
    return Many(model._meta.pk)


# The records behind a page of hits, one prepared statement per kind (compiling each queryset anew
# cost more than running it); every one is built from ``site.visibility`` like the pages' own.
_ITEMS = Prepared(lambda viewer, ids: visibility.items(viewer).filter(pk__in=ids)
                  .select_related("meeting", "meeting__body")
                  .only("number", "title", "meeting__start", "meeting__time_known", "meeting__body__path",
                        "meeting__body__name"), ids=_ids(models.AgendaItem))
_MEETINGS = Prepared(lambda viewer, ids: visibility.meetings(viewer).filter(pk__in=ids).select_related("body"),
                     ids=_ids(models.Meeting))
_CASES = Prepared(lambda viewer, ids: models.Case.objects.filter(visibility.item_filter("items__", viewer), pk__in=ids)
                  .select_related("body").distinct(), ids=_ids(models.Case))
_PEOPLE = Prepared(lambda viewer, ids: models.Person.objects
                   .filter(visibility.attendance_filter("attendance__", viewer), pk__in=ids)
                   .select_related("municipality").distinct(), ids=_ids(models.Person))
_LETTERS = Prepared(lambda viewer, ids: models.Letter.objects.filter(pk__in=ids), ids=_ids(models.Letter))
_LOOKUPS = {"item": _ITEMS, "meeting": _MEETINGS, "case": _CASES, "person": _PEOPLE, "letter": _LETTERS}


def _visible_hits(found: list[Any]) -> list[Hit]:
    """The engine's hits as the page's, each linked to its record's permalink if the reader may see it.
    One query per kind of record among the hits (none for kinds not found)."""
    ids: dict[str, list[int]] = {}
    for h in found:
        ids.setdefault(h.kind, []).append(h.object_id)
    records = {kind: {r.pk: r for r in _LOOKUPS[kind].run(visibility.ANONYMOUS, ids=wanted)}
               for kind, wanted in ids.items() if kind in _LOOKUPS}
    items, meetings = records.get("item", {}), records.get("meeting", {})
    cases, people, letters = records.get("case", {}), records.get("person", {}), records.get("letter", {})
    out = []
    for h in found:
        snippet = mark_safe(h.snippet.html())  # the engine's pieces, escaped
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
