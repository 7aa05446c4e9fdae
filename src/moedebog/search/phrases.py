"""Each phrase's matching rows and BM25 scores, kept per process while the index does not change.

Why: after ``columns``, nearly all a search for a common word costs is FTS5 scoring every matching
row with BM25 (1.5 µs a row: 45 ms for the 30 000 rows that contain "efterretning" in an archive of
10 000 meetings), and an exact first page needs every match scored. The words that match that many
rows are the common ones, which are also the ones searched again and again, alone, with other
words, with filters and page after page. FTS5's BM25 of a query is the sum of its phrases' own
BM25, over the phrases that take part in the row's match (a branch of an OR that does not match
the row adds nothing; checked to the last bit on the bench archive and in the tests), so a query
can be answered from its phrases: for each phrase the rows that contain it, as sorted ids, with
its score in each, combined with numpy as the query's AND, OR and NOT combine them. A phrase met
before costs no statement at all.

Exact, not approximate: a phrase's rows and scores change whenever any row is written or deleted
(the number of rows and their average length are part of every score). Each search first reads a
fingerprint of both full-text indexes — FTS5's own record of the number of rows and tokens, and
the highest id — and forgets every phrase when it has changed; ids only grow (AUTOINCREMENT), so
a write always changes it. Inside a transaction nothing is kept or used (what it wrote could
still be rolled back, and the same ids handed out again). Phrases serve SQLite only: PostgreSQL's
``ts_rank`` does not add up over a query's words (``Backend.ADDITIVE``).
The same cache keeps, under the same rules, what a search derives from a whole match (its rows'
columns and scores, ``Lookup.derived``), which a facet click, the next page or the next reader
of the same words asks for again; on PostgreSQL too, where the fingerprint is a generation number
raised at every commit that changes the index (migration search 0007), and where this spares
``ts_rank`` reading every matching row's tsvector (70 ms for 30 000 rows).
A search reads the fingerprint before it reads any rows, so what it keeps is never older than the
fingerprint it keeps it under, and a search that read an older fingerprint than the cache now
holds keeps nothing.
``MOEDEBOG_SEARCH_CACHE_MB`` bounds the memory (least recently used entries go first); 0 turns
this off.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import TypeVar

import numpy as np
from django.db import connection

from moedebog import config
from moedebog.search.backends import Backend
from moedebog.search.columns import read_match
from moedebog.search.idsets import locate, member
from moedebog.search.plan import All, Any, Expr, Plan, Seq, Term

Rows = tuple[np.ndarray, np.ndarray]  # sorted ids, their scores
T = TypeVar("T")


def _sorted(rows: Rows) -> Rows:
    ids, scores = rows
    if len(ids) > 1 and not bool(np.all(ids[1:] > ids[:-1])):
        order = np.argsort(ids, kind="stable")
        return ids[order], scores[order]
    return rows


def _arrays(value: object) -> Iterator[np.ndarray]:
    """The arrays of what is kept (a phrase's rows, or what a search derived from a match)."""
    if isinstance(value, np.ndarray):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _arrays(v)
    elif isinstance(value, tuple | list):
        for v in value:
            yield from _arrays(v)


def _nbytes(value: object) -> int:
    """The memory of what is kept: its arrays."""
    return sum(a.nbytes for a in _arrays(value))


def _read_only(value: T) -> T:
    """What is kept, its arrays made read-only: every search that finds it shares them, and
    one that wrote into them would change the others' answers."""
    for a in _arrays(value):
        a.flags.writeable = False
    return value


class PhraseCache:
    """The phrases of one process, for every database it searches."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rows: OrderedDict[tuple[str, str, str], Rows] = OrderedDict()
        self._bytes = 0
        self._fingerprints: dict[str, object] = {}

    def clear(self) -> None:
        with self._lock:
            self._rows.clear()
            self._bytes = 0
            self._fingerprints.clear()

    def lookup(self, backend: Backend, fingerprint: object) -> Lookup | None:
        """Phrases for one search, or None where they cannot be used (no ``fingerprint``: inside
        a transaction; the cache turned off)."""
        limit = int(float(config.get("MOEDEBOG_SEARCH_CACHE_MB")) * 2**20)
        if fingerprint is None or limit <= 0:
            return None
        database = str(connection.settings_dict.get("NAME"))
        with self._lock:
            if self._fingerprints.get(database) != fingerprint:
                for key in [k for k in self._rows if k[0] == database]:
                    self._bytes -= _nbytes(self._rows.pop(key))
                self._fingerprints[database] = fingerprint
        return Lookup(self, backend, database, limit, fingerprint)

    def get(self, key: tuple[str, str, str]) -> object | None:
        with self._lock:
            rows = self._rows.get(key)
            if rows is not None:
                self._rows.move_to_end(key)
            return rows

    def put(self, key: tuple[str, str, str], rows: object, limit: int, fingerprint: object) -> None:
        """Keep ``rows``, read at ``fingerprint``, unless another search has met a newer one since:
        they could be from before a write that made it forget the rest."""
        size = _nbytes(rows)
        with self._lock:
            if key in self._rows or size > limit or self._fingerprints.get(key[0]) != fingerprint:
                return
            self._rows[key] = rows
            self._bytes += size
            while self._bytes > limit:
                _, dropped = self._rows.popitem(last=False)
                self._bytes -= _nbytes(dropped)


class Lookup:
    """One search's view of the phrases: evaluates a plan against index rows ("doc") or parts."""

    def __init__(self, cache: PhraseCache, backend: Backend, database: str, limit: int,
                 fingerprint: object) -> None:
        self.cache, self.backend, self.database, self.limit = cache, backend, database, limit
        self.fingerprint = fingerprint

    def derived(self, name: str, plan: Plan, make: Callable[[], T]) -> T:
        """What ``make`` derives from the rows that match ``plan`` (their columns, say), kept as
        the phrases are: until the index changes. A reader who narrows a search by body, year or
        kind, or turns its pages, asks for the same rows again with every click."""
        return self._kept((self.database, name, self.backend.key(plan)), make)

    def _kept(self, key: tuple[str, str, str], make: Callable[[], T]) -> T:
        """The entry ``key``, made by ``make`` (read-only) and kept at this search's fingerprint
        when it is not kept yet."""
        value = self.cache.get(key)
        if value is None:
            value = _read_only(make())
            self.cache.put(key, value, self.limit, self.fingerprint)
        return value  # type: ignore[return-value]

    def match(self, table: str, plan: Plan) -> Rows | None:
        """The rows that match ``plan`` with their scores, or None where the database answers
        directly: a plan with no words that must occur (everything but some words), or a backend
        whose scores do not add up over phrases."""
        if not plan.must or not self.backend.ADDITIVE:
            return None
        ids, scores = self._expr(table, All(tuple(plan.must)))
        if plan.must_not:
            excluded = self._expr(table, Any(tuple(plan.must_not)))[0]
            keep = ~member(ids, excluded)
            ids, scores = ids[keep], scores[keep]
        return ids, scores

    def _expr(self, table: str, expr: Expr) -> Rows:
        if isinstance(expr, Term | Seq):
            return self._phrase(table, expr)
        branches = [self._expr(table, e) for e in expr.items]
        if len(branches) == 1:
            return branches[0]
        # the scores are added up branch by branch in the order written, as FTS5 adds them
        if isinstance(expr, All):
            ids, scores = branches[0]
            for other_ids, other_scores in branches[1:]:
                pos, found = locate(ids, other_ids)
                ids, scores = ids[found], scores[found] + other_scores[pos[found]]
            return ids, scores
        merged = np.sort(np.concatenate([b[0] for b in branches]))
        keep = np.ones(len(merged), dtype=bool)
        keep[1:] = merged[1:] != merged[:-1]
        ids = merged[keep]
        scores = np.zeros(len(ids))
        for branch_ids, branch_scores in branches:  # an OR's branch adds only where it matches itself
            pos, found = locate(ids, branch_ids)
            scores[found] += branch_scores[pos[found]]
        return ids, scores

    def _phrase(self, table: str, expr: Term | Seq) -> Rows:
        def read() -> Rows:
            match = self.backend.doc_match if table == "doc" else self.backend.part_match
            ids, scores = read_match(self.backend, *match(Plan(must=[expr]), True), scored=True)
            return _sorted((ids, scores))

        return self._kept((self.database, table, self.backend.compile(expr)), read)


def fingerprint(backend: Backend) -> object:
    """The index's fingerprint now (``Backend.FINGERPRINT``), or None where there is none or where
    it cannot be trusted: inside a transaction, what it reflects could still be rolled back."""
    if not backend.FINGERPRINT or connection.in_atomic_block:
        return None
    with connection.cursor() as cursor:
        cursor.execute(backend.FINGERPRINT)
        return cursor.fetchone()


PHRASES = PhraseCache()
