"""A cache of whole public pages, keyed by the archive's generation.

The public archive is read far more than it is written, and a page costs tens of database queries
and a template; the same page for the next anonymous reader is one cache lookup. Correctness does
not depend on expiry: every change to the archive made through Django (the importer's saves, the
secretariat's service functions, the admin) replaces the generation in the same transaction
(``bump`` on Django's save/delete signals), so a cached page is never served after a change it
does not show — a withdrawn meeting disappears at once. Bulk writes send no signals; for those the
entries expire after ``MOEDEBOG_PAGE_CACHE_SECONDS`` (0 turns the cache off).

Only anonymous GET requests are cached (logged-in readers may see more), only 200 responses, and
the key carries the host (feeds hold absolute addresses) and the full path with its query string.
The cache is Django's cache "pages": files in MOEDEBOG_PAGE_CACHE_DIR, shared by the worker
processes of a machine, so a page is rendered once per machine rather than once per process.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import HttpRequest, HttpResponse

#: Headers worth keeping with a cached page (the rest are added again by the middleware).
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Cache-Control", "Content-Language", "Vary",
                "Content-Security-Policy", "ETag")


def generation() -> int:
    """The archive's current generation; a database that never had one (filled before the site
    existed, or by bulk writes only) gets a random one now, so that no two share cached pages."""
    from moedebog.site.models import Generation

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {Generation._meta.db_table} WHERE id = 1")
        row = cursor.fetchone()
    if row is None:
        Generation.objects.get_or_create(pk=1, defaults={"value": secrets.randbits(62)})
        return generation()
    return row[0]


def bump(**_: Any) -> None:
    """Give the archive a new generation (a signal receiver: any save or delete of an archive row)."""
    from moedebog.site.models import Generation

    value = secrets.randbits(62)
    if not Generation.objects.filter(pk=1).update(value=value):
        Generation.objects.update_or_create(pk=1, defaults={"value": value})


def connect_signals() -> None:
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in apps.get_app_config("archive").get_models():
        post_save.connect(bump, sender=model, dispatch_uid=f"site-cache-save-{model.__name__}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"site-cache-delete-{model.__name__}")
        for field in model._meta.many_to_many:
            m2m_changed.connect(bump, sender=field.remote_field.through,
                                dispatch_uid=f"site-cache-m2m-{model.__name__}-{field.name}")


def _key(request: HttpRequest) -> str:
    raw = f"{generation()}|{request.get_host()}|{request.get_full_path()}"
    return "moedebog:page:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        seconds = settings.MOEDEBOG_PAGE_CACHE_SECONDS
        user = getattr(request, "user", None)
        if not seconds or request.method != "GET" or (user is not None and user.is_authenticated):
            return view(request, *args, **kwargs)
        key = _key(request)
        cache = caches["pages"]
        hit = cache.get(key)
        if hit is not None:
            status, content, headers = hit
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()  # a TemplateResponse (the sitemap's) renders late
        if response.status_code == 200 and not response.streaming:
            headers = [(n, response[n]) for n in KEPT_HEADERS if n in response]
            cache.set(key, (response.status_code, response.content, headers), seconds)
        return response

    return wrapper
