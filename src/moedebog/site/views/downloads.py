"""Downloads: the imported source files, and the agenda or minutes rendered from the archive."""

from __future__ import annotations

import base64
import hashlib
import re

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from moedebog import publish
from moedebog.site import permalinks
from moedebog.site.pagecache import cached_body_page
from moedebog.site.queries import documents, meetings
from moedebog.site.views.pages import meeting_day
from moedebog.site.visibility import shows_agenda, shows_minutes, viewer_for

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
}


def _one(request: HttpRequest, path: str, day: str):
    found = meeting_day(request, path, day)
    if len(found.meetings) != 1:
        raise Http404
    return found.meetings[0]


@require_safe
def source(request: HttpRequest, path: str, day: str, prefix: str) -> FileResponse:
    meeting = _one(request, path, day)
    found = documents.source_file(meeting, prefix, viewer_for(request))
    if found is None:
        raise Http404
    response = FileResponse(found.path.open("rb"), as_attachment=True, filename=found.filename)
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_safe
@cached_body_page
def generated(request: HttpRequest, path: str, day: str, name: str, fmt: str) -> HttpResponse:
    """The agenda or minutes in the house layout, rendered from what the reader may see."""
    kind = {v: k for k, v in permalinks.GENERATED_NAMES.items()}.get(name)
    if kind is None or fmt not in CONTENT_TYPES:
        raise Http404
    meeting = _one(request, path, day)
    viewer = viewer_for(request)
    page = meetings.meeting_page(meeting, viewer)
    allowed = shows_minutes(meeting, viewer) if kind == "minutes" else shows_agenda(meeting, viewer)
    if not allowed or page.generated_kind is None or (kind == "minutes" and page.generated_kind != "minutes"):
        raise Http404
    document = documents.meeting_document(meeting, kind, viewer)
    render = {"pdf": publish.render_pdf, "docx": publish.render_docx, "html": publish.render_html}[fmt]
    content = render(document)
    data = content.encode("utf-8") if isinstance(content, str) else content
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    filename = f"{meeting.body.path.replace('/', '-')}-{permalinks.day_key(meeting)}-{name}.{fmt}"
    disposition = "inline" if fmt == "html" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["ETag"] = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
    if fmt == "html":
        response["Content-Security-Policy"] = style_policy(content)
    return response


_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def style_policy(html: str) -> str:
    """The publisher's page carries its own <style> element: allow exactly that one by its hash."""
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(m.encode()).digest()).decode()}'"
                      for m in _STYLE.findall(html))
    return (f"default-src 'none'; style-src {hashes or chr(39) + 'none' + chr(39)}; img-src data:; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
