"""What a search reads of every matching index row, held in memory as columns.

Counting the hits, the facets, the filters and the date order touch every row a query matches:
more than 20 000 for a common word in an archive of 10 000 meetings. Reading those rows from the
database meant a lookup per matching row in each of three statements, most of a search's cost.
Here the few small columns they need (audience, kind, body, year, day, start, order; for parts:
their item's row, kind, audience, body and day) are kept per process as numpy arrays sorted by
id, and a match is answered by looking its ids up in them: microseconds per thousand rows.

Why the copy cannot go stale: index rows are never updated, only deleted and written again
(``indexer``), and the migration's triggers refuse an update of these columns; a deleted row is
never matched again, and ids are never reused (AUTOINCREMENT on SQLite, a sequence on
PostgreSQL). So a row, once loaded, says what the database says for as long as the row exists.
Rows written after the columns were loaded are fetched when a match first names them. Rows are
only kept when read outside a transaction: a row written inside one could still be rolled back
and its id, on SQLite, handed out again; inside a transaction the missing rows are read for the
one search and forgotten. Each search also checks that the table's highest id has not gone below
the highest kept, and that the newest kept rows still hold what they held (a restored copy of the
database, a flush that restarted the ids), and starts afresh if not.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from django.db import connection

from moedebog.archive.models import Section
from moedebog.search.backends import SCORE_SCALE, Backend
from moedebog.search.idsets import locate

AUDIENCES = ("all", "public", "internal")
KINDS = ("item", "meeting", "letter", "person", "case")
#: An item's parts: one per section kind, and its attachments' text.
PART_KINDS = (*Section.Kind.values, "attachment")
#: Stands for a missing body, year or day (ids and dates are positive) ...
NONE = 0
#: ... and for a missing start, which sorts as the oldest (as NULL does in SQLite).
NO_START = -(2**62)
#: Rows appended since the last full load, as a share of it, before the columns are read afresh
#: (rows deleted since then are only dropped by a fresh read).
REFRESH_SHARE = 0.5
#: Ids per statement when missing rows are read one by one (SQLite allows 32 766 parameters).
CHUNK = 5000
#: The newest kept rows each search compares with the database (``_still_true``).
WITNESSES = 8
#: Columns kept narrower than 64 bits (a third of the memory: 15 MB a process for 10 000 meetings).
NARROW = {"audience": np.int8, "kind": np.int8, "year": np.int32, "day": np.int32, "order": np.int32}


@dataclass(frozen=True, slots=True)
class Spec:
    table: str
    #: column name → SQL expression (integers only; NULL becomes ``NONE``, or ``NO_START`` for start)
    columns: dict[str, str]


def _codes(column: str, values: Sequence[str]) -> str:
    cases = " ".join(f"WHEN '{v}' THEN {i}" for i, v in enumerate(values))
    return f"CASE {column} {cases} ELSE -1 END"


def _specs(backend: Backend) -> dict[str, Spec]:
    return {
        "doc": Spec("search_searchdoc", {
            "audience": _codes("audience", AUDIENCES), "kind": _codes("kind", KINDS), "body": "body_id",
            "year": "year", "day": "day", "start": backend.epoch("start"), "order": '"order"'}),
        "part": Spec("search_searchpart", {
            "doc": "doc_id", "kind": _codes("kind", PART_KINDS), "audience": _codes("audience", AUDIENCES),
            "body": "body_id", "day": "day"}),
    }


@dataclass(frozen=True, slots=True)
class Table:
    """Rows sorted by id, one array per column; ``where`` maps an id to its row directly when
    the ids are dense enough for that (a look-up per id instead of a binary search)."""

    ids: np.ndarray
    columns: dict[str, np.ndarray]
    where: np.ndarray | None = None

    @classmethod
    def of(cls, ids: np.ndarray, columns: dict[str, np.ndarray]) -> Table:
        where = None
        if len(ids) and int(ids[-1]) < 8 * len(ids) + 1_000_000 and int(ids[0]) >= 0:
            where = np.full(int(ids[-1]) + 1, -1, dtype=np.int32)
            where[ids] = np.arange(len(ids), dtype=np.int32)
        return cls(ids, columns, where)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def max_id(self) -> int:
        return int(self.ids[-1]) if len(self.ids) else 0

    def find(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions, found): where each of ``ids`` is, and whether it is there at all; without a
        kept id map (sparse ids), as ``idsets.locate`` finds them."""
        if self.where is not None and len(self.ids):
            inside = (ids >= 0) & (ids < len(self.where))
            pos = np.full(len(ids), -1, dtype=np.int64)
            pos[inside] = self.where[ids[inside]]
            found = pos >= 0
            pos[~found] = 0
            return pos, found
        return locate(ids, self.ids)

    def merged(self, other: Table) -> Table:
        if not len(other):
            return self
        ids = np.concatenate([self.ids, other.ids])
        order = np.argsort(ids, kind="stable")
        keep = np.ones(len(ids), dtype=bool)
        keep[1:] = ids[order][1:] != ids[order][:-1]  # a row read twice is the same row
        order = order[keep]
        return Table.of(ids[order], {k: np.concatenate([v, other.columns[k]])[order] for k, v in self.columns.items()})


def empty(spec: Spec) -> Table:
    return Table(np.zeros(0, dtype=np.int64), {k: np.zeros(0, dtype=NARROW.get(k, np.int64)) for k in spec.columns})


def parse_ints(text: str | None) -> np.ndarray:
    """A comma-separated list of integers (``Backend.aggregate``) as an array: numpy's own parser
    reads 30 000 numbers in well under a millisecond, eight times faster than splitting the text."""
    if not text:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


def read_match(backend: Backend, sql: str, params: list[object], scored: bool = False) -> tuple[np.ndarray, ...]:
    """The ids (and, when ``scored``, scores) of the rows ``sql`` selects as ``id`` (and ``score``),
    read as one row of comma-separated lists: the engine's matches and filters, each kept phrase."""
    exprs = [backend.aggregate("m.id")] + ([backend.aggregate(backend.scaled("m.score"))] if scored else [])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(exprs)} FROM ({sql}) m", params)
        row = cursor.fetchone()
    return (parse_ints(row[0]), parse_ints(row[1]) / SCORE_SCALE) if scored else (parse_ints(row[0]),)


def _columns(backend: Backend, spec: Spec, where: str, params: list[object],
             before: str = "") -> tuple[list[object], np.ndarray, dict[str, np.ndarray]]:
    """The rows matching ``where`` as (the values of the ``before`` expressions, ids sorted,
    columns in the same order), in one statement."""
    exprs = ["id"] + [f"COALESCE({sql}, {NO_START if name == 'start' else NONE})" for name, sql in spec.columns.items()]
    selected = ([before] if before else []) + [backend.aggregate(e) for e in exprs]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(selected)} FROM {spec.table} WHERE {where}", params)
        row = cursor.fetchone()
    head, row = list(row[:1 if before else 0]), row[1 if before else 0:]
    arrays = [parse_ints(text) for text in row]
    order = np.argsort(arrays[0], kind="stable")
    return head, arrays[0][order], {name: a[order].astype(NARROW.get(name, np.int64))
                                    for name, a in zip(spec.columns, arrays[1:], strict=True)}


def _read(backend: Backend, spec: Spec, where: str, params: list[object]) -> Table:
    _, ids, columns = _columns(backend, spec, where, params)
    return Table.of(ids, columns)


def _still_true(backend: Backend, spec: Spec, table: Table) -> bool:
    """Whether what is kept can still be the database's history: its highest id is not above the
    table's, and its newest rows, where they still exist, are still what they were. A database
    replaced by an older copy, or emptied and filled again with ids counted from 1 (Django's flush
    restarts them), fails one or the other before a kept row can be taken for a different row.
    One statement, as every search asks it for both tables."""
    witnesses = table.ids[-WITNESSES:]
    (top,), ids, columns = _columns(backend, spec, f"id IN ({', '.join(['%s'] * len(witnesses))})",
                                    [int(i) for i in witnesses], before=f"(SELECT max(id) FROM {spec.table})")
    if (top or 0) < table.max_id:
        return False
    if not len(ids):
        return True
    pos = np.searchsorted(table.ids, ids)
    return all(bool(np.array_equal(column[pos], columns[name])) for name, column in table.columns.items())


def _read_ids(backend: Backend, spec: Spec, ids: np.ndarray) -> Table:
    table = empty(spec)
    for start in range(0, len(ids), CHUNK):
        chunk = [int(i) for i in ids[start:start + CHUNK]]
        table = table.merged(_read(backend, spec, f"id IN ({', '.join(['%s'] * len(chunk))})", chunk))
    return table


@dataclass(slots=True)
class _Kept:
    table: Table
    loaded: int  # rows in the last full read
    #: The index's fingerprint (``Backend.FINGERPRINT``) when the kept rows were last found true.
    verified: object = None


class Store:
    """The columns of one database, shared by the threads of a process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: dict[tuple[str, str], _Kept] = {}

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()

    def preload(self, backend: Backend) -> int:
        """Read both tables' columns now, as a search would (what is already kept is checked, not
        read again); returns the rows kept. ``moedebog serve`` calls this
        before it forks its workers: they then share one copy (memory pages are copied only when
        written, and the arrays are never written; rows added later go to each worker's own
        merged copy), and no worker's first search pays for the read (0.3 s for 10 000 meetings).
        Nothing is kept inside a transaction, as everywhere here."""
        if connection.in_atomic_block:
            return 0
        database = str(connection.settings_dict.get("NAME"))
        nothing = np.zeros(0, dtype=np.int64)  # no ids asked for: just what the store keeps
        return sum(len(self._table(backend, spec, (database, name), nothing, None))
                   for name, spec in _specs(backend).items())

    def rows(self, backend: Backend, name: str, ids: np.ndarray,
             fingerprint: object = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """The columns of the rows ``ids`` of table ``name`` ("doc" or "part"), as
        (ids found, columns): an id no longer in the database is left out. ``fingerprint``, the
        index's ``Backend.FINGERPRINT`` read by this search outside a transaction, spares the
        check that the kept rows are still true while it is the one they were last checked at:
        it changes with every row written or deleted, and an older copy of the database or one
        filled again from empty would have to match it as well as the highest ids of both tables
        (SQLite: the number of rows and of tokens per column; PostgreSQL: the generation number,
        which only grows) to leave it as it was."""
        spec = _specs(backend)[name]
        key = (str(connection.settings_dict.get("NAME")), name)
        table = self._table(backend, spec, key, ids, fingerprint)
        pos, found = table.find(ids)
        if not found.all():
            # rows committed out of id order (PostgreSQL), or written in this transaction
            extra = _read_ids(backend, spec, np.sort(ids[~found]))
            table = table.merged(extra)
            if not connection.in_atomic_block:
                with self._lock:
                    kept = self._kept.get(key)
                    if kept is not None:
                        kept.table = kept.table.merged(extra)
            pos, found = table.find(ids)
        pos = pos[found]
        return ids[found], {k: v[pos] for k, v in table.columns.items()}

    def _table(self, backend: Backend, spec: Spec, key: tuple, ids: np.ndarray, fingerprint: object) -> Table:
        with self._lock:
            kept = self._kept.get(key)
        if kept is not None and len(kept.table) and (fingerprint is None or kept.verified != fingerprint):
            if not _still_true(backend, spec, kept.table):
                with self._lock:
                    self._kept.pop(key, None)
                kept = None
            elif fingerprint is not None:
                kept.verified = fingerprint
        if connection.in_atomic_block:  # what is read now could still be rolled back
            return kept.table if kept else empty(spec)
        if kept is not None and (not len(ids) or int(ids.max()) <= kept.table.max_id):
            return kept.table
        with self._lock:
            kept = self._kept.get(key)
            if kept is None or len(kept.table) - kept.loaded > REFRESH_SHARE * max(kept.loaded, 1000):
                table = _read(backend, spec, "1=1", [])
                kept = self._kept[key] = _Kept(table, len(table), fingerprint)
            elif len(ids) and int(ids.max()) > kept.table.max_id:
                kept.table = kept.table.merged(_read(backend, spec, "id > %s", [kept.table.max_id]))
            return kept.table


STORE = Store()
