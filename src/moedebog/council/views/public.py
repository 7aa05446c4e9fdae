"""Public pages: the Blå bog per body and period (page, CSV, PDF), a person's appointments, the
open consultations, and the answer page a recipient reaches through a personal link.

Drafts and closed consultations are not public: they answer 404 like anything that does not exist.
The answer page trusts nothing but the token: it names the recipient, the form cannot.
"""

from __future__ import annotations

import csv
import io

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from moedebog.archive import models as archive
from moedebog.council import forms, register, tokens
from moedebog.council.documents import blue_book as blue_book_document
from moedebog.council.models import Consultation, OutsideBody
from moedebog.council.services import consultations as svc
from moedebog.council.services.common import ServiceError


def index(request: HttpRequest) -> HttpResponse:
    rows = []
    for body in archive.Body.objects.filter(outside_bodies__isnull=False).distinct().order_by("name"):
        rows.append((body, register.terms(body)))
    return render(request, "council/public_index.html", {"rows": rows})


def _register(path: str, term: str) -> tuple[archive.Body, archive.Term]:
    body = get_object_or_404(archive.Body, path=path)
    the_term = get_object_or_404(archive.Term, name=term)
    if not OutsideBody.objects.filter(body=body, term=the_term).exists():
        raise Http404
    return body, the_term


def blue_book(request: HttpRequest, path: str, term: str) -> HttpResponse:
    body, the_term = _register(path, term)
    return render(request, "council/blue_book.html", {
        "body": body, "term": the_term, "entries": register.entries(body, the_term),
        "day": register.reference_day(the_term)})


def blue_book_csv(request: HttpRequest, path: str, term: str) -> HttpResponse:
    body, the_term = _register(path, term)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["Område", "Organ", "Medlemmer", "Formandsposter", "Suppleanter", "Ligestillingskrav",
                     "Rolle", "Navn", "Kommune", "Fra", "Til", "Besluttet i punkt"])
    for entry in register.entries(body, the_term):
        o = entry.outside
        head = [o.area, o.name, o.members, o.chair_seats, o.substitutes, "ja" if o.equality else "nej"]
        for a in entry.holders or [None]:
            if a is None:
                writer.writerow([*head, "", "", "", "", "", ""])
                continue
            item = f"{a.decided_by.meeting.start:%Y-%m-%d} {a.decided_by.number}" if a.decided_by else ""
            writer.writerow([*head, a.get_role_display(), a.person.name,
                             a.person.municipality.name if a.person.municipality_id else "",
                             f"{a.start:%Y-%m-%d}", f"{a.end:%Y-%m-%d}" if a.end else "", item])
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="blaa-bog-{body.path.replace("/", "-")}-{term}.csv"'
    return response


def blue_book_pdf(request: HttpRequest, path: str, term: str) -> HttpResponse:
    from moedebog.publish import render_pdf

    body, the_term = _register(path, term)
    response = HttpResponse(render_pdf(blue_book_document(body, the_term)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="blaa-bog-{body.path.replace("/", "-")}-{term}.pdf"'
    return response


def person(request: HttpRequest, pk: int) -> HttpResponse:
    the_person = get_object_or_404(archive.Person, pk=pk)
    appointments = register.history(the_person)
    if not appointments:
        raise Http404
    return render(request, "council/person.html", {"person": the_person, "appointments": appointments})


def _public(c: Consultation | None) -> bool:
    return c is not None and c.open_on(timezone.localdate())


def consultations(request: HttpRequest) -> HttpResponse:
    candidates = Consultation.objects.filter(state=Consultation.State.SENT).select_related("body")
    shown = [c for c in candidates if _public(c)]
    return render(request, "council/public_consultations.html", {"consultations": shown})


def consultation(request: HttpRequest, pk: int) -> HttpResponse:
    c = Consultation.objects.select_related("body").filter(pk=pk).first()
    if not _public(c):
        raise Http404
    return render(request, "council/public_consultation.html", {
        "c": c, "recipients": c.recipients.order_by("order")})


@never_cache
@csrf_protect
def answer(request: HttpRequest, token: str) -> HttpResponse:
    row = tokens.find(token)
    if row is None:
        return render(request, "council/answer_invalid.html", status=404)
    recipient = row.recipient
    c = recipient.consultation
    existing = getattr(recipient, "response", None) if hasattr(recipient, "response") else None
    initial = {"text": existing.text, "author": existing.author} if existing else None
    form = forms.AnswerForm(request.POST or None, initial=initial)
    error, saved = "", False
    if request.method == "POST" and form.is_valid():
        try:
            svc.answer_by_link(token, form.cleaned_data["text"], form.cleaned_data["author"])
            saved = True
        except ServiceError as exc:
            error = str(exc)
    response = render(request, "council/answer.html", {
        "c": c, "recipient": recipient, "form": form, "saved": saved, "error": error,
        "open": c.open_on(timezone.localdate()), "existing": existing})
    # the token is in the address: never pass it to another site (no-referrer would break the CSRF origin check)
    response["Referrer-Policy"] = "same-origin"
    return response
