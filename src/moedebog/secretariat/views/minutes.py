"""Screens for the minutes: attendance (invite, present/absent, officials and secretariat with
roles) and every item's decision on one page, with the usual phrasings as quick choices."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from moedebog.archive import models
from moedebog.secretariat import forms, phrases, richtext, roles
from moedebog.secretariat.services import attendance as service
from moedebog.secretariat.services import decisions
from moedebog.secretariat.services.lifecycle import MINUTES_STATES
from moedebog.secretariat.views.access import meeting_for, run, staff_view

Group = models.Attendance.Group


@staff_view
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    can_prepare = roles.can_prepare(request.user, meeting.body_id)
    form = forms.ParticipantForm()
    if request.method == "POST":
        meeting = meeting_for(request, pk, write=True)
        action = request.POST.get("action")
        if action == "invite":
            count: list[int] = []
            if run(request, lambda: count.append(service.invite_members(request.user, meeting))):
                messages.success(request, _("%(n)d medlemmer er sat på listen.") % {"n": count[0]}
                                 if count[0] else _("Alle medlemmer er allerede på listen."))
            return redirect("secretariat:attendance", pk=meeting.pk)
        if action == "add":
            form = forms.ParticipantForm(request.POST)
            if form.is_valid():
                d = form.cleaned_data
                if run(request, lambda: service.add_participant(
                        request.user, meeting, d["name"], d["affiliation"], d["group"], d["role"], d["group_title"]),
                       _("%(name)s er sat på listen.") % {"name": d["name"]}):
                    return redirect("secretariat:attendance", pk=meeting.pk)
        elif action == "remove":
            row = meeting.attendance.filter(pk=request.POST.get("attendance") or 0).first()
            if row is None:
                raise Http404
            run(request, lambda: service.remove_participant(request.user, row), _("Personen er fjernet fra listen."))
            return redirect("secretariat:attendance", pk=meeting.pk)
        elif action == "save":
            changes = {}
            for row in meeting.attendance.all():
                group = request.POST.get(f"group-{row.pk}")
                if group is not None:
                    changes[row.pk] = (group, request.POST.get(f"role-{row.pk}", row.role))
            count = []
            if run(request, lambda: count.append(service.set_attendance(request.user, meeting, changes))):
                messages.success(request, _("Fremmødet er gemt."))
            return redirect("secretariat:attendance", pk=meeting.pk)
    order = {value: n for n, value in enumerate(Group.values)}  # present, absent, officials, secretariat, other
    rows = sorted(meeting.attendance.select_related("person", "person__municipality").order_by("pk"),
                  key=lambda row: order.get(row.group, len(order)))
    return render(request, "secretariat/attendance.html", {
        "meeting": meeting, "rows": rows, "groups": Group.choices, "form": form, "can_prepare": can_prepare,
        "members": service.body_members(meeting) if can_prepare else [],
    })


@staff_view
def decisions_page(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    can_prepare = roles.can_prepare(request.user, meeting.body_id)
    items = list(meeting.items.prefetch_related("sections").order_by("order", "pk"))
    choices = phrases.choices(meeting.body.name)
    if request.method == "POST":
        meeting = meeting_for(request, pk, write=True)
        wanted = {}
        for item in items:
            if f"text-{item.pk}" not in request.POST:
                continue
            raw = request.POST.get(f"text-{item.pk}", "")
            text = richtext.from_plain(raw)
            wanted[item.pk] = phrases.compose(meeting.body.name, request.POST.get(f"choice-{item.pk}", ""), text)
        changed: list[list[models.AgendaItem]] = []
        if run(request, lambda: changed.append(decisions.record_decisions(request.user, meeting, wanted))):
            messages.success(request, _("%(n)d beslutninger er gemt.") % {"n": len(changed[0])})
            return redirect("secretariat:decisions", pk=meeting.pk)
    rows = [{"item": item, "text": decisions.decision_text(item)} for item in items]
    return render(request, "secretariat/decisions.html", {
        "meeting": meeting, "rows": rows, "choices": choices, "can_prepare": can_prepare,
        "open": meeting.state in MINUTES_STATES,
    })
