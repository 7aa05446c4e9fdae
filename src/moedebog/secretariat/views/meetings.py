"""Screens for meetings: the overview of one's bodies, creating a meeting, the meeting page with
its life-cycle buttons, editing date and place, withdrawing and re-publishing."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from moedebog.archive import models
from moedebog.secretariat import forms, roles
from moedebog.secretariat.documents import heading_sort_key
from moedebog.secretariat.models import DraftItem
from moedebog.secretariat.services import lifecycle, meetings
from moedebog.secretariat.views.access import meeting_for, run, staff_view

State = models.Meeting.State


@staff_view
def dashboard(request: HttpRequest) -> HttpResponse:
    bodies = list(roles.readable_bodies(request.user).order_by("name"))
    preparing = set(roles.prepared_bodies(request.user).values_list("pk", flat=True))
    now = timezone.now()
    rows = []
    for body in bodies:
        qs = models.Meeting.objects.filter(body=body)
        coming = list(qs.filter(start__gte=now - timezone.timedelta(days=1)).order_by("start")[:5])
        recent = list(qs.filter(start__lt=now - timezone.timedelta(days=1)).order_by("-start")[:5])
        rows.append({"body": body, "coming": coming, "recent": recent, "can_prepare": body.pk in preparing})
    return render(request, "secretariat/dashboard.html", {
        "rows": rows, "can_create": bool(preparing), "is_admin": roles.is_admin(request.user)})


@staff_view
def create(request: HttpRequest) -> HttpResponse:
    bodies = roles.prepared_bodies(request.user).order_by("name")
    if not bodies.exists():
        raise Http404
    chosen = request.GET.get("organ") or (bodies.first().pk if bodies.count() == 1 else None)
    form = forms.MeetingForm(request.POST or None, bodies=bodies, initial={"body": chosen})
    if request.method == "POST" and form.is_valid():
        created: list[models.Meeting] = []
        if run(request, lambda: created.append(meetings.create_meeting(
                request.user, form.cleaned_data["body"], form.start(), form.cleaned_data["location"],
                form.cleaned_data["name"], prepare=form.cleaned_data["prepare"])), _("Mødet er oprettet.")):
            return redirect("secretariat:meeting", pk=created[0].pk)
    return render(request, "secretariat/meeting_form.html", {"form": form, "title": _("Nyt møde")})


@staff_view
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk, write=True)
    start = timezone.localtime(meeting.start)
    form = forms.MeetingForm(request.POST or None, editing=True, initial={
        "day": start.date(), "at": start.time(), "location": meeting.location, "name": meeting.name})
    if request.method == "POST" and form.is_valid() and run(
            request, lambda: meetings.update_meeting(request.user, meeting, form.start(), form.cleaned_data["location"],
                                                     form.cleaned_data["name"]), _("Mødet er rettet.")):
        return redirect("secretariat:meeting", pk=meeting.pk)
    return render(request, "secretariat/meeting_form.html", {"form": form, "meeting": meeting,
                                                             "title": _("Ret mødet")})


def outline(meeting: models.Meeting) -> list[dict[str, object]]:
    """Headings with their items, in order, for the meeting page."""
    headings = sorted(meeting.headings.all(), key=lambda h: heading_sort_key(h.number))
    drafts = set(DraftItem.objects.filter(item__meeting=meeting).values_list("item_id", flat=True))
    items = list(meeting.items.select_related("case").prefetch_related("sections", "attachments")
                 .order_by("order", "pk"))
    parts: list[dict[str, object]] = []
    by_heading: dict[int | None, list[dict[str, object]]] = {}
    for heading in headings:
        by_heading[heading.pk] = []
        parts.append({"heading": heading, "items": by_heading[heading.pk]})
    for item in items:
        entry = {"item": item, "draft": item.pk in drafts,
                 "decision": any(s.kind == "decision" and s.text.strip() for s in item.sections.all())}
        if item.heading_id not in by_heading:
            by_heading[item.heading_id] = []
            parts.append({"heading": None, "items": by_heading[item.heading_id]})
        by_heading[item.heading_id].append(entry)
    for part in parts:
        entries = part["items"]
        for n, entry in enumerate(entries):  # type: ignore[arg-type]
            entry["first"], entry["last"] = n == 0, n == len(entries) - 1  # type: ignore[arg-type]
    return parts


@staff_view
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    can_prepare = roles.can_prepare(request.user, meeting.body_id)
    return render(request, "secretariat/meeting.html", {
        "meeting": meeting,
        "parts": outline(meeting),
        "can_prepare": can_prepare,
        "steps": lifecycle.next_steps(meeting) if can_prepare else [],
        "can_withdraw": can_prepare and meeting.public and meeting.state != State.PLANNED,
        "can_republish": can_prepare and not meeting.public and meeting.state in lifecycle.PUBLISHED_STATES,
        "new_item": forms.NewItemForm(meeting=meeting) if can_prepare else None,
        "headings": sorted(meeting.headings.all(), key=lambda h: heading_sort_key(h.number)),
        "minutes_open": meeting.state in lifecycle.MINUTES_STATES,
        "attendance_count": meeting.attendance.count(),
    })


@require_POST
@staff_view
def step(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    meeting = meeting_for(request, pk, write=True)
    label = lifecycle.STEPS[name].summary if name in lifecycle.STEPS else ""
    run(request, lambda: lifecycle.advance(request.user, meeting, name), f"{label}." if label else None)
    return redirect("secretariat:meeting", pk=meeting.pk)


@require_POST
@staff_view
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk, write=True)
    run(request, lambda: lifecycle.withdraw(request.user, meeting),
        _("Mødet er trukket tilbage fra det offentlige arkiv, søgningen og feeds."))
    return redirect("secretariat:meeting", pk=meeting.pk)


@require_POST
@staff_view
def republish(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk, write=True)
    run(request, lambda: lifecycle.republish(request.user, meeting), _("Mødet er offentligt igen."))
    return redirect("secretariat:meeting", pk=meeting.pk)

