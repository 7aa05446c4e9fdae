"""Finding what a request names, with the secretariat's role check: 404 for bodies the user may
not work in (as the secretariat does), so not even their registers' existence shows."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from moedebog.archive import models as archive
from moedebog.council.models import Consultation
from moedebog.secretariat import roles


def body_for(request: HttpRequest, pk: int) -> archive.Body:
    body = archive.Body.objects.filter(pk=pk).first()
    if body is None or not roles.can_prepare(request.user, body):
        raise Http404
    return body


def consultation_for(request: HttpRequest, pk: int) -> Consultation:
    related = ("body", "started_by__meeting", "concluded_by__meeting")
    c = Consultation.objects.select_related(*related).filter(pk=pk).first()
    if c is None or not roles.can_prepare(request.user, c.body_id):
        raise Http404
    return c
