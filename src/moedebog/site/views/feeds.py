"""Subscriptions: iCal calendars and Atom feeds per body and per saved search.

A saved search is its query string: the same parameters as the search page, so a reader copies
the link from the results page. Feeds are always built for an anonymous reader.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from moedebog.site import atom, ical, permalinks, searching
from moedebog.site.pagecache import cached_body_page, cached_page
from moedebog.site.queries import feeds, meetings

ICAL_TYPE = "text/calendar; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"


def _body(path: str):
    body = meetings.body_by_path(path)
    if body is None:
        raise Http404
    return body


def _calendar_response(request: HttpRequest, name: str, rows, filename: str) -> HttpResponse:
    text = ical.calendar(name, rows, lambda m: request.build_absolute_uri(permalinks.meeting_url(m)),
                         host=request.get_host().split(":")[0])
    response = HttpResponse(text, content_type=ICAL_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def _meeting_entries(request: HttpRequest, rows) -> list[atom.Entry]:
    from moedebog.site.templatetags.archive import when

    entries = []
    for m in rows:
        state = m.get_state_display()
        entries.append(atom.Entry(
            id=f"tag:{request.get_host().split(':')[0]},2000:{m.body.path}/{permalinks.day_key(m, True)}",
            title=f"{m.body.name} {when(m)}", url=request.build_absolute_uri(permalinks.meeting_url(m)),
            updated=m.received or m.start, summary=f"{state}. {m.location}".strip(" .")))
    return entries


def _decision_entries(request: HttpRequest, rows: list[feeds.Decision]) -> list[atom.Entry]:
    entries = []
    for d in rows:
        item = d.item
        entries.append(atom.Entry(
            id=f"tag:{request.get_host().split(':')[0]},2000:{item.meeting.body.path}/"
               f"{permalinks.day_key(item.meeting, True)}/{item.number}/beslutning",
            title=f"{item.number}. {item.title}", url=request.build_absolute_uri(permalinks.item_url(item)),
            updated=d.updated, summary=d.text))
    return entries


def _atom_response(request: HttpRequest, title: str, page_url: str, entries: list[atom.Entry]) -> HttpResponse:
    updated = max((e.updated for e in entries), default=timezone.now())
    data = atom.feed(title, request.build_absolute_uri(request.get_full_path()),
                     request.build_absolute_uri(request.get_full_path()), request.build_absolute_uri(page_url),
                     entries, updated)
    response = HttpResponse(data, content_type=ATOM_TYPE)
    response["Cache-Control"] = "public, max-age=900"
    return response


@require_safe
@cached_body_page
def body_calendar(request: HttpRequest, path: str) -> HttpResponse:
    body = _body(path)
    return _calendar_response(request, gettext("Møder i %(body)s") % {"body": body.name}, feeds.calendar_meetings(body),
                              body.path.replace("/", "-"))


@require_safe
@cached_body_page
def body_meetings(request: HttpRequest, path: str) -> HttpResponse:
    body = _body(path)
    return _atom_response(request, gettext("Nye møder i %(body)s") % {"body": body.name}, permalinks.body_url(body),
                          _meeting_entries(request, feeds.body_meetings(body)))


@require_safe
@cached_body_page
def body_decisions(request: HttpRequest, path: str) -> HttpResponse:
    body = _body(path)
    title = gettext("Nye beslutninger i %(body)s") % {"body": body.name}
    return _atom_response(request, title, permalinks.body_url(body),
                          _decision_entries(request, feeds.body_decisions(body)))


def _search(request: HttpRequest) -> searching.SearchRequest:
    query = searching.SearchRequest.from_params(request.GET)
    if query.empty:
        raise Http404
    return query


def _search_title(query: searching.SearchRequest) -> str:
    return gettext("Søgning: %(q)s") % {"q": query.q} if query.q else gettext("Søgning i Mødebog")


@require_safe
@cached_page
def search_calendar(request: HttpRequest) -> HttpResponse:
    query = _search(request)
    return _calendar_response(request, _search_title(query), sorted(feeds.search_meetings(query),
                                                                    key=lambda m: m.start), "soegning")


@require_safe
@cached_page
def search_meetings(request: HttpRequest) -> HttpResponse:
    query = _search(request)
    title = gettext("Nye møder – %(search)s") % {"search": _search_title(query)}
    return _atom_response(request, title, f"/soeg/?{query.query_string()}",
                          _meeting_entries(request, feeds.search_meetings(query)))


@require_safe
@cached_page
def search_decisions(request: HttpRequest) -> HttpResponse:
    query = _search(request)
    title = gettext("Nye beslutninger – %(search)s") % {"search": _search_title(query)}
    return _atom_response(request, title, f"/soeg/?{query.query_string()}",
                          _decision_entries(request, feeds.search_decisions(query)))
