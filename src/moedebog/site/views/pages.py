"""The HTML pages. Each view is a few lines: find the rows through ``site.queries`` (which apply
visibility), answer 404 when there is nothing the reader may see, render the template."""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from moedebog.site import chart, permalinks, searching
from moedebog.site.pagecache import cached_body_page, cached_page
from moedebog.site.queries import calendar, documents, items, letters, meetings, people, threads
from moedebog.site.visibility import viewer_for


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 6 else None


@require_safe
@cached_page
def front(request: HttpRequest) -> HttpResponse:
    return render(request, "site/front.html", {"nav": "front", "bodies": meetings.front_page(viewer_for(request))})


@require_safe
@cached_body_page
def body(request: HttpRequest, path: str) -> HttpResponse:
    page = meetings.body_page(path, _int(request.GET.get("aar")), viewer_for(request))
    if page is None:
        raise Http404
    return render(request, "site/body.html", {"page": page, "body": page.body})


def meeting_day(request: HttpRequest, path: str, day: str) -> meetings.Day:
    """The one meeting the address names, or a list of that day's meetings when it names several."""
    key = permalinks.parse_day(day)
    if key is None:
        raise Http404
    found = meetings.meetings_on(path, key, viewer_for(request))
    if not found.meetings:
        raise Http404
    return found


@require_safe
@cached_body_page
def meeting(request: HttpRequest, path: str, day: str) -> HttpResponse:
    found = meeting_day(request, path, day)
    if len(found.meetings) > 1:
        return render(request, "site/day.html", {"meetings": found.meetings, "body": found.meetings[0].body})
    page = meetings.meeting_page(found.meetings[0], viewer_for(request), found.shared)
    page.sources = documents.present(page.sources)
    return render(request, "site/meeting.html", {"page": page, "meeting": page.meeting, "body": page.meeting.body})


@require_safe
@cached_page
def item(request: HttpRequest, path: str, day: str, number: str) -> HttpResponse:
    viewer = viewer_for(request)
    that_day = meeting_day(request, path, day)
    found = [(m, items.find_item(m, number, viewer)) for m in that_day.meetings]
    found = [(m, i) for m, i in found if i is not None]
    if not found:
        raise Http404
    if len(found) > 1:
        return render(request, "site/day.html", {"meetings": [m for m, _ in found], "body": found[0][0].body,
                                                 "number": number})
    page = items.item_page(found[0][1], viewer)
    context = {"page": page, "item": page.item, "meeting": page.item.meeting, "body": page.item.meeting.body,
               "precise": that_day.shared}
    return render(request, "site/item.html", context)


@require_safe
@cached_page
def case(request: HttpRequest, path: str, number: str) -> HttpResponse:
    page = threads.case_page(path, number, viewer_for(request))
    if page is None:
        raise Http404
    return render(request, "site/case.html", {"page": page, "body": page.case.body})


@require_safe
@cached_page
def topic(request: HttpRequest, key: str) -> HttpResponse:
    page = threads.topic_page(key, _int(request.GET.get("side")) or 1, viewer_for(request))
    if page is None:
        raise Http404
    return render(request, "site/topic.html", {"page": page})


@require_safe
@cached_page
def person(request: HttpRequest, place: str, name: str) -> HttpResponse:
    viewer = viewer_for(request)
    found = people.find_person(place, name, viewer)
    if found is None:
        raise Http404
    page = people.person_page(found, viewer)
    return render(request, "site/person.html", {"page": page, "chart": chart.attendance_chart(page.years)})


@require_safe
@cached_page
def calendar_today(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return calendar_month(request, today.year, today.month)


@require_safe
@cached_page
def calendar_month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    if not (1 <= month <= 12 and 1900 <= year <= 9998):
        raise Http404
    body_path = request.GET.get("organ") or None
    data = calendar.month(year, month, body_path, viewer_for(request))
    return render(request, "site/calendar.html", {"nav": "calendar", "month": data, "today": timezone.localdate(),
                                                  "first": date(year, month, 1)})


@require_safe
@cached_page
def search(request: HttpRequest) -> HttpResponse:
    query = searching.SearchRequest.from_params(request.GET)
    results = searching.run(query)
    context = {
        "nav": "search", "query": query, "results": results, "bodies": meetings.searchable_bodies(),
        "kinds": searching.KINDS.items(), "records": searching.RECORD_LABELS.items(),
        "query_prev": query.query_string(page=query.page - 1),
        "query_next": query.query_string(page=query.page + 1), "feed_query": query.query_string(page=1),
    }
    return render(request, "site/search.html", context)


@require_safe
@cached_page
def letter(request: HttpRequest, day: str, slug: str) -> HttpResponse:
    found = letters.find_letter(day, slug)
    if found is None:
        raise Http404
    return render(request, "site/letter.html", {"page": letters.letter_page(found, viewer_for(request))})
