"""Querysets compiled to SQL once and run again with other values: the public pages' hot queries.

Measured on the archive of 10 000 meetings: a page's statements take tens of microseconds each in
the database, while Django builds and compiles each of them to SQL in about a millisecond, so
compiling was most of what a meeting or item page cost. A ``Prepared`` query is written as an
ordinary queryset, built from ``site.visibility`` like every other query (the privacy rules stay
in one place), with *slots* for the values that change between requests (a meeting's id, a body's
path). The first run in a thread compiles it with a marker value in each slot and remembers the
SQL and where each marker landed among the parameters; later runs put the real values there
(converted for the database by the slot's model field, as the ORM would) and only execute.

Rows become model instances the way Django's own queryset iterator makes them (``select_related``
included), so templates and filters see the same objects as before. Compiled statements are kept
per thread, because a compiler belongs to its thread's database connection, and per viewer,
because staff and anonymous readers have different rules. A slot never takes None (that would
change the SQL itself, to ``IS NULL``): ``run`` refuses it.

A ``Many`` slot takes a list (for ``field__in=``): the statement is compiled once per size class
(1, 2, 4, 8 … values) and a shorter list is padded by repeating its last value, which leaves the
set of values, and so the rows, unchanged. This serves the search page, which looks up the ten or
so records behind a page of hits in one statement per kind.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import connections
from django.db.models import Field, Model, QuerySet
from django.db.models.query import ModelIterable, get_related_populators

from moedebog import config

_local = threading.local()
#: Markers of one slot are spaced this far apart, so every value of a list slot has its own.
_SPREAD = 1 << 16
#: Whether PostgreSQL prepares the statements on the server (not behind a transaction-mode pooler).
SERVER_PREPARE = config.get("MOEDEBOG_PG_PREPARE") != "0"


@dataclass(frozen=True, slots=True)
class Many:
    """A slot that takes a non-empty list of values of ``field`` (used as ``field__in=``)."""

    field: Field


def _size_class(n: int) -> int:
    """The smallest power of two that holds ``n`` values: few compiled statements, little padding."""
    return 1 << max(0, n - 1).bit_length()


def _marker(field: Field, n: int) -> object:
    """A value of the slot's type that no archive holds, distinct per slot."""
    internal = field.get_internal_type()
    if internal in ("DateTimeField",):
        return datetime(1001, 1, 1, tzinfo=UTC) + timedelta(seconds=n)
    if internal in ("CharField", "TextField", "SlugField"):
        return f"\ue000prepared-slot-{n}\ue000"
    return -(2**52) - n  # integers and keys


@dataclass(slots=True)
class _Compiled:
    compiler: Any
    sql: str
    params: list[object]
    positions: dict[tuple[str, int], list[int]]  # (slot, index in a list slot) -> parameters
    alias: str
    # how rows become model instances (None for a query of values, used only through ``sql``)
    init_list: list[str] | None = None
    field_range: tuple[int, int] = (0, 0)
    populators: list[Any] | None = None
    model: type[Model] | None = None


class Prepared:
    """``build(viewer, **slots)`` returns the queryset (``viewer`` a ``visibility.Viewer``);
    ``slots`` names each slot's model field."""

    def __init__(self, build: Callable[..., QuerySet], **slots: Field | Many) -> None:
        self.build = build
        self.slots = slots
        self.many = tuple(sorted(name for name, slot in slots.items() if isinstance(slot, Many)))
        self.fields = {name: slot.field if isinstance(slot, Many) else slot for name, slot in slots.items()}

    def _compiled(self, viewer: object, sizes: tuple[int, ...] = ()) -> _Compiled:
        cache = getattr(_local, "prepared", None)
        if cache is None:
            cache = _local.prepared = {}
        key = (id(self), viewer, sizes)
        entry = cache.get(key)
        if entry is None:
            entry = cache[key] = self._compile(viewer, dict(zip(self.many, sizes, strict=True)))
        return entry

    def _compile(self, viewer: object, sizes: dict[str, int]) -> _Compiled:
        markers: dict[str, object] = {}
        for n, (name, field) in enumerate(self.fields.items()):
            markers[name] = ([_marker(field, n * _SPREAD + k) for k in range(sizes[name])] if name in sizes
                             else _marker(field, n * _SPREAD))
        qs = self.build(viewer, **markers)
        compiler = qs.query.get_compiler(using=qs.db)
        sql, params = compiler.as_sql()
        conn = connections[qs.db]
        positions: dict[tuple[str, int], list[int]] = {}
        for name, field in self.fields.items():
            values = markers[name] if name in sizes else [markers[name]]
            for k, value in enumerate(values):  # type: ignore[arg-type]
                wanted = field.get_db_prep_value(value, conn, prepared=False)
                found = [i for i, p in enumerate(params) if type(p) is type(wanted) and p == wanted]
                if not found:
                    raise ValueError(f"slot {name!r} does not reach the SQL of {self.build!r}")
                positions[name, k] = found
        entry = _Compiled(compiler, sql, list(params), positions, qs.db)
        select, klass_info = compiler.select, compiler.klass_info
        if qs._iterable_class is ModelIterable:  # not a query of values
            if compiler.annotation_col_map:
                raise ValueError("a prepared query makes model instances only, without annotations")
            fields = klass_info["select_fields"]
            start, end = fields[0], fields[-1] + 1
            entry.init_list = [f[0].target.attname for f in select[start:end]]
            entry.field_range = (start, end)
            entry.populators = get_related_populators(klass_info, select, qs.db)
            entry.model = klass_info["model"]
        return entry

    def sql(self, viewer: object, **values: object) -> tuple[str, list[object]]:
        """The statement and its parameters for these slot values (to be part of a larger one)."""
        entry, params = self._bound(viewer, values)
        return entry.sql, params

    def _bound(self, viewer: object, values: dict[str, object]) -> tuple[_Compiled, list[object]]:
        for name in self.fields:
            value = values[name]
            if value is None:
                raise ValueError(f"slot {name!r} is None")
            if name in self.many and not value:
                raise ValueError(f"list slot {name!r} is empty")
        lists = {name: list(values[name]) for name in self.many}  # type: ignore[call-overload]
        entry = self._compiled(viewer, tuple(_size_class(len(v)) for v in lists.values()))
        params = list(entry.params)
        conn = connections[entry.alias]
        for name, field in self.fields.items():
            if name in lists:
                given = lists[name]
                size = _size_class(len(given))
                bound = given + [given[-1]] * (size - len(given))
            else:
                bound = [values[name]]
            for k, value in enumerate(bound):
                prepared = field.get_db_prep_value(value, conn, prepared=False)
                for i in entry.positions[name, k]:
                    params[i] = prepared
        return entry, params

    def run(self, viewer: object, **values: object) -> list[Any]:
        """The queryset's model instances for these slot values, in its order."""
        entry, params = self._bound(viewer, values)
        if entry.model is None:
            raise ValueError("a query of values runs only through sql()")
        sql = entry.sql
        rows = fetch(sql, params, entry.alias)
        start, end = entry.field_range
        out = []
        for row in entry.compiler.results_iter([rows]):
            obj = entry.model.from_db(entry.alias, entry.init_list, row[start:end])
            for populator in entry.populators:
                populator.populate(row, obj)
            out.append(obj)
        return out


def fetch(sql: str, params: list[object], alias: str = "default") -> list[tuple]:
    """Run a statement of a fixed shape and return its rows. On PostgreSQL the statement is
    prepared on the server at its first run on a connection, so later runs skip parsing and
    planning (measured: half of an item page's time in the database went to planning its ten
    statements). Only these statements are prepared: Django's own cursors bind parameters on the
    client, and searches, whose best plan depends on the words, are planned every time."""
    conn = connections[alias]
    if conn.vendor != "postgresql" or not SERVER_PREPARE:
        with conn.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    from django.db.backends.postgresql.base import ServerBindingCursor

    conn.ensure_connection()
    conn.connection.prepare_threshold = 0  # applies only to server-binding cursors like this one
    with conn._prepare_cursor(ServerBindingCursor(conn.connection)) as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
