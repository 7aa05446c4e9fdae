"""The agenda and minutes rendered in the house layout: the complete version (closed items
included) for the secretariat and members, the public version as the public archive shows it."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from moedebog import publish
from moedebog.secretariat.documents import meeting_document
from moedebog.secretariat.views.access import meeting_for, staff_view

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
}
KINDS = {"dagsorden": "agenda", "referat": "minutes"}
RENDERERS = {"pdf": publish.render_pdf, "docx": publish.render_docx, "html": publish.render_html}


@staff_view
def document(request: HttpRequest, pk: int, name: str, fmt: str) -> HttpResponse:
    meeting = meeting_for(request, pk)
    if name not in KINDS or fmt not in CONTENT_TYPES:
        raise Http404
    public = request.GET.get("version") == "offentlig"
    content = RENDERERS[fmt](meeting_document(meeting, KINDS[name], public=public))
    data = content.encode("utf-8") if isinstance(content, str) else content
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    suffix = "-offentlig" if public else ""
    filename = f"{meeting.body.path.replace('/', '-')}-{meeting.start:%Y-%m-%d}-{name}{suffix}.{fmt}"
    response["Content-Disposition"] = f'{"inline" if fmt == "html" else "attachment"}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    if fmt == "html":  # the publisher's page carries its own style element; allow styles, nothing else
        response["Content-Security-Policy"] = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                                               "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    return response
