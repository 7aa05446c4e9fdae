"""Screens for items: add, edit fields and sections, attachments, reorder, move, delete, absences."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from moedebog.archive import models
from moedebog.secretariat import files, forms, richtext, roles
from moedebog.secretariat.models import AttachmentFile, DraftItem
from moedebog.secretariat.services import attachments, attendance, items
from moedebog.secretariat.views.access import back, item_for, meeting_for, run, staff_view

MAX_SECTIONS = 40
SAFE_TYPES = {"application/pdf", "text/plain",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
SECTION_KINDS = [(k, label) for k, label in models.Section.Kind.choices if k in items.TEXT_KINDS]


def _anchor(item: models.AgendaItem) -> str:
    return f"/sekretariat/moeder/{item.meeting_id}/#punkt-{item.pk}"


@require_POST
@staff_view
def add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk, write=True)
    form = forms.NewItemForm(request.POST, meeting=meeting)
    if not form.is_valid():
        messages.error(request, _("Punktet blev ikke oprettet: udfyld overskrift og titel."))
        return redirect("secretariat:meeting", pk=meeting.pk)
    created: list[models.AgendaItem] = []
    data = form.cleaned_data
    if run(request, lambda: created.append(items.add_item(
            request.user, meeting, data["heading"], data["title"], data["case_number"], data["handlers"],
            public=not data["closed"]))):
        messages.success(request, _("Punkt %(number)s er oprettet.") % {"number": created[0].number})
        return redirect("secretariat:item", pk=created[0].pk)
    return redirect("secretariat:meeting", pk=meeting.pk)


def _sections_from_post(request: HttpRequest) -> list[tuple[str, str, str]]:
    try:
        count = min(int(request.POST.get("sections-count", "0")), MAX_SECTIONS)
    except ValueError:
        count = 0
    out = []
    for n in range(count):
        prefix = f"section-{n}-"
        if request.POST.get(prefix + "delete"):
            continue
        kind = request.POST.get(prefix + "kind", "other")
        raw = request.POST.get(prefix + "text", "")
        text = richtext.from_html(raw) if request.POST.get(prefix + "format") == "html" else richtext.from_plain(raw)
        title = " ".join(request.POST.get(prefix + "title", "").split())
        if text or title:
            out.append((kind, title or str(models.Section.Kind(kind).label if kind in items.TEXT_KINDS else ""), text))
    return out


@staff_view
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    can_prepare = roles.can_prepare(request.user, item.meeting.body_id)
    form = forms.ItemForm(initial={"title": item.title, "case_number": item.case.number if item.case else "",
                                   "handlers": item.handlers, "closed": not item.public})
    if request.method == "POST":
        if not can_prepare:
            raise Http404
        form = forms.ItemForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            ok = run(request, lambda: items.update_item(request.user, item, data["title"], data["case_number"],
                                                        data["handlers"], public=not data["closed"]))
            if ok and run(request, lambda: items.set_sections(request.user, item, _sections_from_post(request)),
                          _("Punktet er gemt.")):
                return redirect("secretariat:item", pk=item.pk)
    sections = list(item.sections.order_by("order"))
    editable = [s for s in sections if s.kind != models.Section.Kind.DECISION]
    rows = [{"kind": s.kind, "title": s.title, "html": richtext.to_html(s.text), "text": s.text} for s in editable]
    rows.append({"kind": "presentation", "title": "", "html": "", "text": "", "new": True})
    present = item.meeting.attendance.select_related("person").order_by("person__name")
    return render(request, "secretariat/item.html", {
        "item": item, "meeting": item.meeting, "form": form, "can_prepare": can_prepare,
        "rows": rows, "section_kinds": SECTION_KINDS,
        "decisions": [s for s in sections if s.kind == models.Section.Kind.DECISION],
        "attachments": item.attachments.select_related("file").order_by("order"),
        "attachment_form": forms.AttachmentForm(),
        "absences": item.absences.select_related("person").order_by("person__name"),
        "attendance": present,
        "draft": DraftItem.objects.filter(item=item).exists(),
        "headings": item.meeting.headings.exclude(pk=item.heading_id).order_by("number"),
    })


@require_POST
@staff_view
def move(request: HttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk, write=True)
    heading_id = request.POST.get("heading")
    if heading_id:
        heading = models.Heading.objects.filter(pk=heading_id, meeting_id=item.meeting_id).first()
        if heading is None:
            raise Http404
        run(request, lambda: items.move_to_heading(request.user, item, heading), _("Punktet er flyttet."))
    else:
        offset = -1 if request.POST.get("direction") == "up" else 1
        run(request, lambda: items.move_item(request.user, item, offset))
    return back(request, _anchor(item))


@require_POST
@staff_view
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk, write=True)
    run(request, lambda: items.delete_item(request.user, item), _("Punktet er slettet."))
    return redirect("secretariat:meeting", pk=item.meeting_id)


@require_POST
@staff_view
def ready(request: HttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk, write=True)
    run(request, lambda: items.mark_ready(request.user, item), _("Punktet er klar til dagsordenen."))
    return back(request, _anchor(item))


@require_POST
@staff_view
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk, write=True)
    form = forms.AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Vælg en fil."))
        return redirect("secretariat:item", pk=item.pk)
    upload = form.cleaned_data["file"]
    if upload.size > attachments.MAX_BYTES:  # refused before the bytes are read into memory
        messages.error(request, _("Filen er for stor (højst %(mb)d MB).") % {"mb": attachments.MAX_BYTES // 2**20})
        return redirect("secretariat:item", pk=item.pk)
    result: list[tuple[models.Attachment, str]] = []
    if run(request, lambda: result.append(attachments.add_attachment(
            request.user, item, upload.name, upload.read(), form.cleaned_data["title"],
            upload.content_type or ""))):
        attachment, warning = result[0]
        messages.success(request, _("Bilaget «%(title)s» er vedhæftet.") % {"title": attachment.title})
        if warning:
            messages.warning(request, warning)
    return redirect("secretariat:item", pk=item.pk)


@staff_view
def attachment_file(request: HttpRequest, pk: int) -> FileResponse:
    stored = AttachmentFile.objects.select_related("attachment__item").filter(attachment_id=pk).first()
    if stored is None:
        raise Http404
    item_for(request, stored.attachment.item_id)
    path = files.open_stored(stored.path)
    if path is None:
        raise Http404
    # the type a browser sent is not trusted: only known document types keep theirs
    content_type = stored.content_type if stored.content_type in SAFE_TYPES else "application/octet-stream"
    return FileResponse(path.open("rb"), as_attachment=True, filename=stored.name, content_type=content_type)


@require_POST
@staff_view
def attachment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = models.Attachment.objects.select_related("item__meeting").filter(pk=pk).first()
    if attachment is None:
        raise Http404
    item_for(request, attachment.item_id, write=True)
    run(request, lambda: attachments.delete_attachment(request.user, attachment), _("Bilaget er fjernet."))
    return redirect("secretariat:item", pk=attachment.item_id)


@require_POST
@staff_view
def absence_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk, write=True)
    row = item.meeting.attendance.filter(pk=request.POST.get("attendance") or 0).first()
    if row is None:
        messages.error(request, _("Vælg en person fra deltagerlisten."))
    else:
        run(request, lambda: attendance.set_item_absence(request.user, item, row, request.POST.get("reason", "")),
            _("Fraværet er registreret."))
    return redirect("secretariat:item", pk=item.pk)


@require_POST
@staff_view
def absence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    absence = models.ItemAbsence.objects.select_related("item").filter(pk=pk).first()
    if absence is None:
        raise Http404
    item_for(request, absence.item_id, write=True)
    run(request, lambda: attendance.remove_item_absence(request.user, absence), _("Fraværet er fjernet."))
    return redirect("secretariat:item", pk=absence.item_id)
