"""The audit trail as a secretary reads it: who, when, what, and the values before and after."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from moedebog.secretariat import audit, roles
from moedebog.secretariat.models import AuditEntry
from moedebog.secretariat.views.access import meeting_for, staff_view

PER_PAGE = 50


def _page(request: HttpRequest, entries: object) -> object:
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("side"))
    page.rows = [(entry, audit.rows(entry)) for entry in page.object_list]  # type: ignore[attr-defined]
    return page


@staff_view
def meeting_history(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    entries = AuditEntry.objects.filter(meeting=meeting).order_by("-at", "-pk")
    return render(request, "secretariat/history.html", {"meeting": meeting, "page": _page(request, entries)})


@staff_view
def all_history(request: HttpRequest) -> HttpResponse:
    if not roles.is_admin(request.user):
        raise Http404
    entries = AuditEntry.objects.order_by("-at", "-pk")
    return render(request, "secretariat/history.html", {"meeting": None, "page": _page(request, entries)})
