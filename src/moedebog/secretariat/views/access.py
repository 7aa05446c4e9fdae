"""Login, session expiry and finding the meeting or item a request names, with the role check.

Sessions expire after MOEDEBOG_SESSION_IDLE_MINUTES without a request (the expiry is pushed on
by every request) and after SESSION_COOKIE_AGE since login at the latest. A body's drafts and
closed items exist only for its secretariat and members: others get 404, not 403, so that not even
the existence of a draft meeting shows.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from moedebog.archive import models
from moedebog.secretariat import roles
from moedebog.secretariat.services import ServiceError

LOGIN_AT = "moedebog_login_at"


def start_session(request: HttpRequest) -> None:
    request.session[LOGIN_AT] = time.time()
    request.session.set_expiry(settings.MOEDEBOG_SESSION_IDLE)


def staff_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A logged-in user's view: enforces the session's idle and absolute expiry."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        started = request.session.get(LOGIN_AT)
        now = time.time()
        if not isinstance(started, (int, float)) or now - started > settings.SESSION_COOKIE_AGE:
            logout(request)
            messages.info(request, _("Du er logget ud, fordi din session er udløbet. Log ind igen."))
            return redirect_to_login(request.get_full_path())
        request.session.set_expiry(settings.MOEDEBOG_SESSION_IDLE)
        return view(request, *args, **kwargs)

    return wrapper


def meeting_for(request: HttpRequest, pk: int, write: bool = False) -> models.Meeting:
    meeting = models.Meeting.objects.select_related("body").filter(pk=pk).first()
    if meeting is None or not roles.can_read(request.user, meeting.body_id):
        raise Http404
    if write and not roles.can_prepare(request.user, meeting.body_id):
        raise PermissionDenied(_("Du kan læse, men ikke ændre dette møde."))
    return meeting


def item_for(request: HttpRequest, pk: int, write: bool = False) -> models.AgendaItem:
    item = models.AgendaItem.objects.select_related("meeting", "meeting__body", "heading", "case").filter(pk=pk).first()
    if item is None:
        raise Http404
    meeting_for(request, item.meeting_id, write)
    return item


def run(request: HttpRequest, action: Callable[[], Any], success: str | None = None) -> bool:
    """Call a service; its refusal becomes an error message. True when it succeeded."""
    try:
        action()
    except ServiceError as exc:
        messages.error(request, str(exc))
        return False
    if success:
        messages.success(request, success)
    return True


def back(request: HttpRequest, fallback: str) -> HttpResponse:
    """Redirect to the page the form came from, if it is one of ours."""
    target = request.POST.get("next") or ""
    if target.startswith("/sekretariat/") and "//" not in target:
        return redirect(target)
    return redirect(fallback)
