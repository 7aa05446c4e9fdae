"""The secretariat's consultation screens: the list, writing a draft, and the status board from
which it is sent, answers are recorded, it is closed or reopened, and the summary is fetched."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from moedebog.council import forms
from moedebog.council.access import consultation_for
from moedebog.council.documents import summary
from moedebog.council.models import Consultation
from moedebog.council.recipients import MIDTJYLLAND, format_lines
from moedebog.council.services import consultations as svc
from moedebog.secretariat import roles
from moedebog.secretariat.views.access import run, staff_view


@staff_view
def index(request: HttpRequest) -> HttpResponse:
    bodies = roles.prepared_bodies(request.user)
    if not bodies.exists():
        raise Http404
    items = Consultation.objects.filter(body__in=bodies).select_related("body").order_by("-deadline", "-pk")
    return render(request, "council/consultation_list.html", {"consultations": items})


def _draft(form: forms.ConsultationForm) -> svc.Draft:
    d = form.cleaned_data
    return svc.Draft(d["subject"], d["text"], d["deadline"], d["contact"], d["recipients"])


@staff_view
def create(request: HttpRequest) -> HttpResponse:
    bodies = roles.prepared_bodies(request.user).order_by("name")
    if not bodies.exists():
        raise Http404
    initial = {"recipients": format_lines([(n, "") for n in MIDTJYLLAND]), "body": bodies.first().pk}
    form = forms.ConsultationForm(request.POST or None, bodies=bodies, initial=initial)
    if request.method == "POST" and form.is_valid():
        made: list[Consultation] = []
        if run(request, lambda: made.append(svc.create(request.user, form.cleaned_data["body"], _draft(form))),
               _("Høringen er gemt som kladde.")):
            return redirect("council:consultation", pk=made[0].pk)
    return render(request, "council/consultation_form.html", {"form": form, "title": _("Ny høring")})


@staff_view
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    c = consultation_for(request, pk)
    lines = format_lines([(r.name, r.email) for r in c.recipients.order_by("order")])
    form = forms.ConsultationForm(request.POST or None, editing=True, initial={
        "subject": c.subject, "text": c.text, "deadline": c.deadline, "contact": c.contact, "recipients": lines})
    if request.method == "POST" and form.is_valid() and run(
            request, lambda: svc.update(request.user, c, _draft(form)), _("Høringen er gemt.")):
        return redirect("council:consultation", pk=c.pk)
    return render(request, "council/consultation_form.html", {"form": form, "title": c.subject, "consultation": c})


@staff_view
def board(request: HttpRequest, pk: int) -> HttpResponse:
    c = consultation_for(request, pk)
    rows = list(c.recipients.order_by("order").select_related("response"))
    answered = sum(1 for r in rows if hasattr(r, "response"))
    links = forms.item_label(c.started_by), forms.item_label(c.concluded_by)
    return render(request, "council/consultation_board.html", {
        "c": c, "rows": rows, "answered": answered, "open": c.open_on(timezone.localdate()),
        "answer_form": forms.AnswerForm(), "started": links[0], "concluded": links[1],
        "files": c.files.all()})


@require_POST
@staff_view
def action(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    c = consultation_for(request, pk)
    user = request.user
    if name == "send":
        errors: dict[int, str] = {}

        def send() -> None:
            errors.update(svc.send(user, c))

        if run(request, send):
            if errors:
                text = _("Høringen er sendt, men %(n)d mails kunne ikke afleveres.") % {"n": len(errors)}
                messages.warning(request, text)
            else:
                messages.success(request, _("Høringen er sendt."))
    elif name == "close":
        run(request, lambda: svc.close(user, c), _("Høringen er lukket for svar."))
    elif name == "reopen":
        try:
            until = date.fromisoformat(request.POST.get("until", ""))
        except ValueError:
            messages.error(request, _("Angiv den nye frist."))
        else:
            run(request, lambda: svc.reopen(user, c, until), _("Høringen er genåbnet."))
    elif name == "file":
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, _("Vælg en fil."))
        else:
            run(request, lambda: svc.add_file(user, c, upload.name, upload.read(), upload.content_type or ""),
                _("Bilaget er vedhæftet."))
    elif name == "links":
        try:
            started = forms.find_item(c.body, request.POST.get("started", ""))
            concluded = forms.find_item(c.body, request.POST.get("concluded", ""))
        except forms.forms.ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            run(request, lambda: svc.link_items(user, c, started, concluded), _("Punkterne er gemt."))
    elif name == "answer":
        recipient = c.recipients.filter(pk=request.POST.get("recipient")).first()
        form = forms.AnswerForm(request.POST)
        if recipient is None or not form.is_valid():
            messages.error(request, _("Vælg høringsparten og skriv svaret."))
        else:
            run(request, lambda: svc.record_answer(user, recipient, form.cleaned_data["text"],
                                                   form.cleaned_data["author"]),
                _("Svaret fra %(name)s er registreret.") % {"name": recipient.name})
    else:
        raise Http404
    return redirect("council:consultation", pk=c.pk)


@staff_view
def summary_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from moedebog.publish import render_pdf

    c = consultation_for(request, pk)
    response = HttpResponse(render_pdf(summary(c)), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="hoeringssvar-{c.pk}.pdf"'
    return response
