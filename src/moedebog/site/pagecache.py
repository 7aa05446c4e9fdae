"""A cache of whole public pages, keyed by the generations of what they show.

The public archive is read far more than it is written, and a page costs database queries and a
template; the same page for the next anonymous reader is one cache lookup. Correctness does not
depend on expiry: every change to the archive made through Django (the importer's saves, the
secretariat's service functions, the admin) replaces the generations of what it touches in the
same transaction (Django's save/delete signals), so a cached page is never served after a change
it does not show — a withdrawn meeting disappears at once. Bulk writes send no signals; for those
the entries expire after ``MOEDEBOG_PAGE_CACHE_SECONDS`` (0 turns the cache off).

Scopes, so that a write does not empty the whole cache:

- ``all`` changes with every write. Pages that gather records from across the archive key on it:
  front page, search, calendar, sitemap, person, theme, case and letter pages, search feeds, and
  the item page (its thread follows themes into every body).
- ``body:<id>`` changes with a write to one of the body's meetings or anything in them (items,
  sections, attachments, attendance, absences, headings, source files, forward plans). A body's
  own pages key on it and on ``shared``: the body page, its meeting (and day) pages, the
  documents generated from a meeting, and the body's feeds and calendar.
- An entry in the secretariat's audit trail changes ``all`` and its body: the secretariat's
  services record every change there, including bulk updates that send no signals of their own.
- ``shared`` changes with a write to a row those pages show but no one body owns: a body (names,
  parents, children), a person or a municipality edited, a case edited, and any archive row this
  module does not know (the safe default). Creating a person or a case changes nothing a body's
  page shows until a meeting row refers to it, and that row changes the meeting's body.

Each scope is replaced once per transaction, at the first write that touches it, not once per
saved row: an import of a meeting writes its generations twice (``all`` and its body) however
many rows it saves. A page rendered inside a transaction that already replaced a generation
(tests, a view that writes and then reads) clears that memory when it is cached, so the next
write in the same transaction replaces the generation again.

Only anonymous GET requests are cached (logged-in readers may see more), only 200 responses, and
the key carries the host (feeds hold absolute addresses) and the full path with its query string.
The cache is Django's cache "pages": files in MOEDEBOG_PAGE_CACHE_DIR, shared by the worker
processes of a machine, so a page is rendered once per machine rather than once per process.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import connection, connections
from django.http import HttpRequest, HttpResponse

#: Headers worth keeping with a cached page (the rest are added again by the middleware).
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Cache-Control", "Content-Language", "Vary",
                "Content-Security-Policy", "ETag")
ALL = "all"
SHARED = "shared"


def body_scope(body_id: int) -> str:
    return f"body:{body_id}"


def _table() -> str:
    from moedebog.site.models import CacheGeneration

    return CacheGeneration._meta.db_table


# -- reading ---------------------------------------------------------------------------------------

def _ensure(scope: str) -> None:
    """Give a scope that never had a generation a random one (a database filled before the site
    existed, or by bulk writes only), so that no two databases share cached pages."""
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {_table()} (scope, value) VALUES (%s, %s) ON CONFLICT (scope) DO NOTHING",
                       [scope, secrets.randbits(62)])


def generation() -> int:
    """The archive's generation of scope ``all``, which every write replaces."""
    return int(generations()[0])


def generations(body_path: str | None = None) -> tuple[str, ...]:
    """The generations a page depends on, in one query: ``all`` for pages that gather from the
    whole archive, or ``shared`` and the body's for the pages of the body at ``body_path``."""
    from moedebog.archive.models import Body

    with connection.cursor() as cursor:
        if body_path is None:
            cursor.execute(f"SELECT scope, value FROM {_table()} WHERE scope = %s", [ALL])
        else:
            cursor.execute(
                f"SELECT scope, value FROM {_table()} WHERE scope = %s OR scope = "
                f"(SELECT 'body:' || CAST(id AS TEXT) FROM {Body._meta.db_table} WHERE path = %s)",
                [SHARED, body_path])
        found = dict(cursor.fetchall())
    main = ALL if body_path is None else SHARED
    if main not in found:
        _ensure(main)
        return generations(body_path)
    # a body whose scope was never written has no row: 0, which the random "shared" makes unique
    values = [str(found.pop(main))]
    if body_path is not None:
        values.append(str(next(iter(found.values()), 0)))
    return tuple(values)


# -- writing ---------------------------------------------------------------------------------------

class _Transaction:
    """The scopes replaced so far in the connection's current transaction, and what is known there
    about which body a meeting or item belongs to.

    Each replacement queues a do-nothing on-commit marker: Django drops the markers of a
    transaction or savepoint that rolls back, together with the generation writes made in it,
    so a scope counts as replaced only while its marker is queued. The memory itself lives as
    long as its own marker (a new transaction starts a new one).
    """

    def __init__(self, conn: Any) -> None:
        self.markers: dict[str, Callable[[], None]] = {}
        self.meeting_bodies: dict[int, int] = {}
        self.item_bodies: dict[int, int] = {}
        self.life = _marker()
        conn.on_commit(self.life)

    @staticmethod
    def queued(conn: Any) -> set[int]:
        return {id(entry[1]) for entry in conn.run_on_commit}


def _marker() -> Callable[[], None]:
    def marker() -> None:
        """Queued on commit only to tell what the transaction has done."""

    return marker


def _state(conn: Any) -> _Transaction | None:
    """This transaction's memory, or None outside a transaction (autocommit: every write is its own)."""
    if not conn.in_atomic_block:
        return None
    state = getattr(conn, "_moedebog_pagecache", None)
    if state is None or id(state.life) not in _Transaction.queued(conn):
        state = conn._moedebog_pagecache = _Transaction(conn)
    return state


def _replace(conn: Any, scopes: Iterable[str]) -> None:
    """Give each scope a new random generation, once per transaction."""
    state = _state(conn)
    queued = _Transaction.queued(conn) if state is not None else set()
    for scope in sorted(set(scopes)):
        if state is not None and scope in state.markers and id(state.markers[scope]) in queued:
            continue
        with conn.cursor() as cursor:
            cursor.execute(f"INSERT INTO {_table()} (scope, value) VALUES (%s, %s) "
                           "ON CONFLICT (scope) DO UPDATE SET value = excluded.value", [scope, secrets.randbits(62)])
        if state is not None:
            state.markers[scope] = _marker()
            conn.on_commit(state.markers[scope])


def forget_replaced(conn: Any = None) -> None:
    """Make the next write in this transaction replace its generations again: a page has just been
    cached under the generations this transaction wrote."""
    conn = conn or connection
    state = getattr(conn, "_moedebog_pagecache", None)
    if state is not None:
        state.markers.clear()


def _meeting_body(conn: Any, state: _Transaction | None, meeting_id: int | None) -> int | None:
    from moedebog.archive.models import Meeting

    if meeting_id is None:
        return None
    if state is not None and meeting_id in state.meeting_bodies:
        return state.meeting_bodies[meeting_id]
    body_id = Meeting.objects.using(conn.alias).filter(pk=meeting_id).values_list("body_id", flat=True).first()
    if state is not None and body_id is not None:
        state.meeting_bodies[meeting_id] = body_id
    return body_id


def _item_body(conn: Any, state: _Transaction | None, item_id: int | None) -> int | None:
    from moedebog.archive.models import AgendaItem

    if item_id is None:
        return None
    if state is not None and item_id in state.item_bodies:
        return state.item_bodies[item_id]
    body_id = (AgendaItem.objects.using(conn.alias).filter(pk=item_id)
               .values_list("meeting__body_id", flat=True).first())
    if state is not None and body_id is not None:
        state.item_bodies[item_id] = body_id
    return body_id


#: Rows that only pages keyed on "all" show (themes, letters, terms, memberships).
_ALL_ONLY = frozenset({"Topic", "Letter", "Term", "Membership", "Topic_items", "Topic_letters"})
#: Rows a body's pages show by reference: a new one changes nothing until a meeting row refers to it.
_REFERENCED = frozenset({"Person", "Municipality", "Case"})


def scopes_for(instance: Any, using: str, *, created: bool = False, before: Any = None) -> set[str]:
    """The scopes a write of ``instance`` changes (besides "all"). ``before`` is the row's
    previous owner for an update that may move it (see ``_remember_owner``)."""
    conn = connections[using]
    state = _state(conn)
    name = type(instance).__name__
    bodies: set[int | None] = set()
    if name in _ALL_ONLY:
        return set()
    if name in _REFERENCED:
        return set() if created else {SHARED}
    if name == "Meeting":
        if state is not None and instance.pk is not None:
            state.meeting_bodies[instance.pk] = instance.body_id
        bodies = {instance.body_id, before}
    elif name == "AgendaItem":
        body_id = _meeting_body(conn, state, instance.meeting_id)
        if state is not None and instance.pk is not None and body_id is not None:
            state.item_bodies[instance.pk] = body_id
        bodies = {body_id, before}
    elif name in ("Heading", "Attendance"):
        bodies = {_meeting_body(conn, state, instance.meeting_id)}
    elif name == "SourceDocument":
        if instance.meeting_id is None:
            return set()  # a letter's file: its page keys on "all"
        bodies = {_meeting_body(conn, state, instance.meeting_id)}
    elif name in ("Section", "Attachment", "ItemAbsence"):
        bodies = {_item_body(conn, state, instance.item_id)}
    elif name == "ForwardPlanEntry":
        bodies = {_item_body(conn, state, instance.item_id), _item_body(conn, state, instance.realized_by_id)}
    else:
        return {SHARED}
    if None in bodies - {before} and name != "ForwardPlanEntry":
        return {SHARED}  # an owner that cannot be found: be safe
    return {body_scope(b) for b in bodies if b is not None}


def _remember_owner(sender: Any, instance: Any, raw: bool = False, using: str = "default", **_: Any) -> None:
    """Before an update of a meeting or an item, note the body it belongs to now, so that moving
    it to another body or meeting changes the pages of both."""
    if instance._state.adding or instance.pk is None:
        return
    conn = connections[using]
    state = _state(conn)
    if sender.__name__ == "Meeting":
        instance._moedebog_owner = (sender.objects.using(using).filter(pk=instance.pk)
                                    .values_list("body_id", flat=True).first())
    else:
        instance._moedebog_owner = _item_body(conn, state, instance.pk)


def _saved(sender: Any, instance: Any, created: bool = False, using: str = "default", **_: Any) -> None:
    before = getattr(instance, "_moedebog_owner", None)
    _replace(connections[using], {ALL, *scopes_for(instance, using, created=created, before=before)})


def _deleting(sender: Any, instance: Any, using: str = "default", **_: Any) -> None:
    """Before a delete (the rows it refers to still exist, so its body can be found)."""
    _replace(connections[using], {ALL, *scopes_for(instance, using)})


def _audited(sender: Any, instance: Any, using: str = "default", **_: Any) -> None:
    """The secretariat records every change in its audit trail, in the change's transaction, with
    the body and meeting it concerns — also changes made with bulk updates that send no signals of
    their own (renumbering items), so the entry renews that body's pages."""
    conn = connections[using]
    body_id = instance.body_id or _meeting_body(conn, _state(conn), instance.meeting_id)
    _replace(conn, {ALL, body_scope(body_id) if body_id else SHARED})


def _m2m(sender: Any, action: str = "", using: str = "default", **_: Any) -> None:
    if action.startswith("post_"):
        _replace(connections[using], {ALL})


def bump(**_: Any) -> None:
    """Replace every generation's meaning at once: "all" and "shared" (for code that changed the
    archive without Django's signals, such as a bulk update)."""
    _replace(connection, {ALL, SHARED})


def connect_signals() -> None:
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save

    for model in apps.get_app_config("archive").get_models():
        post_save.connect(_saved, sender=model, dispatch_uid=f"site-cache-save-{model.__name__}")
        pre_delete.connect(_deleting, sender=model, dispatch_uid=f"site-cache-delete-{model.__name__}")
        if model.__name__ in ("Meeting", "AgendaItem"):
            pre_save.connect(_remember_owner, sender=model, dispatch_uid=f"site-cache-owner-{model.__name__}")
        for field in model._meta.many_to_many:
            m2m_changed.connect(_m2m, sender=field.remote_field.through,
                                dispatch_uid=f"site-cache-m2m-{model.__name__}-{field.name}")
    try:
        audit = apps.get_model("secretariat", "AuditEntry")
    except LookupError:
        return
    post_save.connect(_audited, sender=audit, dispatch_uid="site-cache-audit")


# -- serving -------------------------------------------------------------------------------------

def _key(request: HttpRequest, body_path: str | None) -> str:
    raw = f"{'|'.join(generations(body_path))}|{request.get_host()}|{request.get_full_path()}"
    return "moedebog:page:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def _cached(view: Callable[..., HttpResponse], by_body: bool) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        seconds = settings.MOEDEBOG_PAGE_CACHE_SECONDS
        user = getattr(request, "user", None)
        if not seconds or request.method != "GET" or (user is not None and user.is_authenticated):
            return view(request, *args, **kwargs)
        key = _key(request, kwargs["path"] if by_body else None)
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
            forget_replaced()
        return response

    return wrapper


def cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Cache an anonymous page that may show anything in the archive (keyed on "all")."""
    return _cached(view, by_body=False)


def cached_body_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Cache an anonymous page that shows only one body's meetings (the view's ``path`` argument)
    and shared rows: keyed on "shared" and the body's generation, so writes elsewhere keep it."""
    return _cached(view, by_body=True)
