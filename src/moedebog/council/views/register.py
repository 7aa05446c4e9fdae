"""The secretariat's appointments screens: the registers per body and period, starting a new
period (optionally copying the previous one's bodies), adding bodies, appointing and ending seats."""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from moedebog.archive import models as archive
from moedebog.council import forms, register
from moedebog.council.access import body_for
from moedebog.council.models import Appointment, OutsideBody
from moedebog.council.services import appointments as svc
from moedebog.council.services.common import ensure_term
from moedebog.secretariat import roles
from moedebog.secretariat.views.access import run, staff_view


@staff_view
def index(request: HttpRequest) -> HttpResponse:
    bodies = roles.prepared_bodies(request.user).order_by("name")
    if not bodies.exists():
        raise Http404
    form = forms.PeriodForm(request.POST or None, bodies=bodies)
    if request.method == "POST" and form.is_valid():
        body = form.cleaned_data["body"]
        term = ensure_term(date(form.cleaned_data["year"], 1, 1))
        source = form.cleaned_data["copy_from"]
        if source is None or run(request, lambda: svc.copy_term(request.user, body, source, term),
                                 _("Organerne er kopieret til %(term)s.") % {"term": term.name}):
            return redirect("council:register", body=body.pk, term=term.name)
    rows = [(body, register.terms(body)) for body in bodies]
    return render(request, "council/register_index.html", {"rows": rows, "form": form})


@staff_view
def term_page(request: HttpRequest, body: int, term: str) -> HttpResponse:
    the_body = body_for(request, body)
    the_term = get_object_or_404(archive.Term, name=term)
    new_body = forms.OutsideBodyForm(request.POST if request.POST.get("action") == "body" else None, prefix="ny")
    if new_body.is_bound and new_body.is_valid():
        data = svc.Seats(**new_body.cleaned_data)
        if run(request, lambda: svc.save_outside_body(request.user, the_body, the_term, data),
               _("%(name)s er tilføjet.") % {"name": data.name}):
            return redirect(request.path)
    entries = register.entries(the_body, the_term)
    start = max(the_term.start, min(date.today(), the_term.end))
    rows = [(e, forms.AppointForm(initial={"start": start}, auto_id=f"id_{e.outside.pk}_%s")) for e in entries]
    return render(request, "council/register_term.html", {
        "body": the_body, "term": the_term, "rows": rows, "new_body": new_body,
        "warnings": sum(len(e.warnings) for e in entries)})


@require_POST
@staff_view
def appoint(request: HttpRequest, pk: int) -> HttpResponse:
    outside = get_object_or_404(OutsideBody.objects.select_related("term"), pk=pk)
    body_for(request, outside.body_id)
    form = forms.AppointForm(request.POST)
    target = redirect("council:register", body=outside.body_id, term=outside.term.name)
    if not form.is_valid():
        from django.contrib import messages

        messages.error(request, "; ".join(f"{form.fields[k].label}: {' '.join(v)}" if k in form.fields
                                          else " ".join(v) for k, v in form.errors.items()))
        return target
    data = form.cleaned_data
    try:
        item = forms.find_item(outside.body, data["item"])
    except forms.forms.ValidationError as exc:
        from django.contrib import messages

        messages.error(request, " ".join(exc.messages))
        return target
    run(request, lambda: svc.appoint(request.user, outside, data["name"], data["municipality"], data["role"],
                                     data["start"], data["end"], data["gender"] or "", item),
        _("%(name)s er udpeget til %(body)s.") % {"name": data["name"], "body": outside.name})
    return target


@require_POST
@staff_view
def end(request: HttpRequest, pk: int) -> HttpResponse:
    appointment = get_object_or_404(Appointment.objects.select_related("outside_body__term"), pk=pk)
    outside = appointment.outside_body
    body_for(request, outside.body_id)
    try:
        day = date.fromisoformat(request.POST.get("end", ""))
    except ValueError:
        day = None
    if day is None:
        from django.contrib import messages

        messages.error(request, _("Angiv slutdatoen."))
    else:
        run(request, lambda: svc.end_appointment(request.user, appointment, day), _("Udpegningen er afsluttet."))
    return redirect("council:register", body=outside.body_id, term=outside.term.name)
