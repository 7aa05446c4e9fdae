"""``search()``: the one function the CLI, the web pages and the API call.

The query is parsed (``query``), analysed (``plan``) and matched by the database's backend
(``backends``), which gives the matching ids (and, for a relevance order, their scores);
filters, privacy, facets, sorting and pages are then worked out on the rows' small columns
(``columns``, ``matches``), the same for both backends. Privacy is applied to every figure —
hits, total and each facet — so a closed item can never be counted, let alone shown: a public
search counts only rows for the audience "all" or "public".
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
from django.db import DatabaseError, connection, transaction

from moedebog.archive import models
from moedebog.archive.prepared import Many, Prepared, fetch
from moedebog.search import extract, indexer
from moedebog.search import query as q
from moedebog.search.backends import Backend, current
from moedebog.search.columns import STORE, read_match
from moedebog.search.danish import fold
from moedebog.search.hits import hits as _hits
from moedebog.search.matches import Criteria, Matches, align, distinct, kind_counts, part_docs
from moedebog.search.models import SearchDirty
from moedebog.search.phrases import PHRASES, Lookup, fingerprint
from moedebog.search.plan import Plan, plan
from moedebog.search.results import KIND_LABELS, RECORD_LABELS, FacetValue, Result

SORTS = ("relevance", "date", "oldest")
# bodies by id (the body facet) and every body's name and path (a body filter), compiled once
_BODIES = Prepared(lambda _, ids: models.Body.objects.filter(pk__in=ids), ids=Many(models.Body._meta.pk))
_BODY_NAMES = Prepared(lambda _: models.Body.objects.values_list("pk", "name", "path"))
MAX_PAGE_SIZE = 100


def may_see_private(user: Any) -> bool:
    """Staff (the secretariat) may search closed items and unpublished meetings."""
    return bool(user is not None and getattr(user, "is_active", False) and getattr(user, "is_staff", False))


def _body_ids(names: tuple[str, ...]) -> list[int]:
    """Bodies whose name or path contains any of ``names`` (folded), with their sub-bodies."""
    wanted = [fold(n).strip() for n in names if n.strip()]
    ids = []
    for pk, name, path in fetch(*_BODY_NAMES.sql(None)):
        haystack = f"{fold(name)} {path}"
        if any(w in haystack or w.replace(" ", "-") in path for w in wanted):
            ids.append(pk)
    return ids


def _criteria(backend: Backend, filters: q.Filters, private: bool) -> Criteria:
    case_docs = None
    if filters.cases:
        clauses, params = [], []
        for key in (extract.case_key(c) for c in filters.cases):
            clauses.append("case_key = %s OR case_key LIKE %s")
            params += [key, f"%{key}"]
        case_docs = distinct(read_match(backend, f"SELECT id FROM search_searchdoc WHERE {' OR '.join(clauses)}",
                                         params)[0])
    return Criteria(
        private=private, bodies=tuple(_body_ids(filters.bodies)) if filters.bodies else None,
        day_from=int(f"{filters.date_from:%Y%m%d}") if filters.date_from else None,
        day_to=int(f"{filters.date_to:%Y%m%d}") if filters.date_to else None,
        record_kinds=filters.record_kinds, section_kinds=filters.section_kinds, case_docs=case_docs)


Parts = tuple[np.ndarray, dict[str, np.ndarray], np.ndarray | None]


def _found(backend: Backend, phrases: Lookup | None, table: str, p: Plan, scored: bool) -> tuple[np.ndarray, ...]:
    """The ids (and scores) of the rows of ``table`` that match: from the phrases where they serve,
    else from the database."""
    rows = phrases.match(table, p) if phrases is not None else None
    if rows is not None:
        return rows
    return read_match(backend, *(backend.doc_match if table == "doc" else backend.part_match)(p, scored), scored=scored)


def _parts(backend: Backend, phrases: Lookup | None, p: Plan, scored: bool, seen: object) -> Parts:
    """The matching parts: their ids, columns and (when ``scored``) scores."""
    def read() -> Parts:
        found = _found(backend, phrases, "part", p, scored)
        ids, cols = STORE.rows(backend, "part", distinct(found[0]), seen)
        return ids, cols, align(ids, found[0], found[1]) if scored else None

    return phrases.derived(f"part rows {scored}", p, read) if phrases is not None and p.must else read()


def _doc_columns(backend: Backend, ids: np.ndarray, scores: np.ndarray | None,
                 seen: object) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray | None]:
    """The index rows ``ids`` that still exist, their columns, and ``scores`` kept in step."""
    kept, cols = STORE.rows(backend, "doc", ids, seen)
    if scores is not None and len(kept) != len(ids):
        scores = align(kept, ids, scores)
    return kept, cols, scores


def _doc_rows(backend: Backend, phrases: Lookup | None, p: Plan, scored: bool,
              seen: object) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray | None]:
    """The matching index rows: their ids, columns and (when ``scored``) scores."""
    def read() -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray | None]:
        found = _found(backend, phrases, "doc", p, scored)
        ids = distinct(found[0])
        return _doc_columns(backend, ids, align(ids, found[0], found[1]) if scored else None, seen)

    return phrases.derived(f"doc rows {scored}", p, read) if phrases is not None and p.must else read()


def _matches(backend: Backend, phrases: Lookup | None, p: Plan, c: Criteria, scored: bool,
             parts: Parts | None, seen: object) -> tuple[Matches, np.ndarray | None]:
    """The matching index rows with their columns, and their scores when ``scored``; with section
    kinds, the items of the matching ``parts`` of those kinds."""
    if parts is not None and c.section_kinds:
        kept, cols, scores = _doc_columns(backend, *part_docs(parts[1], c.section_kinds, parts[2]), seen)
    else:
        kept, cols, scores = _doc_rows(backend, phrases, p, scored, seen)
    return Matches(kept, cols, c), scores


def _facet_values(name: str, rows: list[tuple], limit: int | None = None) -> list[FacetValue]:
    """A facet's values, the most frequent first (years: the newest), the first ``limit`` of them."""
    if name == "body":
        bodies = {b.pk: b for b in _BODIES.run(None, ids=[r[0] for r in rows])} if rows else {}
        values = [FacetValue(bodies[pk].path, bodies[pk].name, n) for pk, n in rows if pk in bodies]
        return sorted(values, key=lambda v: (-v.count, v.label))[:limit]
    if name == "year":  # years of four digits sort as their text, newest first
        return [FacetValue(str(y), str(y), n) for y, n in sorted(rows, reverse=True)[:limit]]
    labels = KIND_LABELS if name == "kind" else RECORD_LABELS
    return sorted((FacetValue(k, labels.get(k, k), n) for k, n in rows), key=lambda v: (-v.count, v.label))[:limit]


def search(
    text: str,
    *,
    body: str | list[str] | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    kind: str | list[str] | None = None,
    case: str | None = None,
    person: str | None = None,
    page: int = 1,
    page_size: int = 10,
    sort: str = "relevance",
    user: Any = None,
    private: bool = False,
    facets: bool = True,
    facet_limit: int | None = None,
) -> Result:
    """Search the archive; public records only unless ``private`` or a staff ``user`` says otherwise.

    Keyword filters add to those written in the query ("body:kkr år:2020"). Never raises for a
    strange query: a query that cannot be read is searched as plain words. ``facet_limit`` keeps
    only that many values of each facet: a page shows a few of an archive's decades of years.
    """
    parsed = _with_filters(q.parse(text), body, date_from, date_to, kind, case, person)
    private = private or may_see_private(user)
    page, page_size = max(1, int(page)), min(MAX_PAGE_SIZE, max(1, int(page_size)))
    sort = sort if sort in SORTS else "relevance"
    p = plan(parsed, indexer.split_word)
    result = Result(parsed, page=page, page_size=page_size, sort=sort)
    if not p.must and not p.must_not and not parsed.filters:
        return result
    if not p.must and sort == "relevance":
        sort = result.sort = "date"
    backend = current()
    _flush()
    criteria = _criteria(backend, parsed.filters, private)
    scored = sort == "relevance" and bool(p.must)
    # one part match serves both a search in section kinds and the section-kind facet
    seen = fingerprint(backend)
    phrases = PHRASES.lookup(backend, seen)
    parts = (_parts(backend, phrases, p, scored and bool(criteria.section_kinds), seen)
             if facets or criteria.section_kinds else None)
    matches, scores = _matches(backend, phrases, p, criteria, scored, parts, seen)
    if facets:
        result.total, grouped = matches.counts()
        result.facets = {name: _facet_values(name, values, facet_limit) for name, values in grouped.items()}
        # items per section kind in which the query matches, across every filter but the kinds
        result.facets["kind"] = _facet_values("kind", kind_counts(parts[1], criteria), facet_limit)
    else:
        result.total = int(matches.selected().sum())
    if result.total:
        # only a relevance order needs the match scored
        rows = matches.page(sort, scores, (page - 1) * page_size, page_size)
        result.hits = _hits(rows, p, parsed.filters.section_kinds)
    return result


def _flush() -> None:
    """Apply queued edits before reading, so a search never shows what an edit took back. On a
    read-only replica this cannot write; the primary's next search or import does it."""
    with connection.cursor() as cursor:  # plain SQL: asked on every search, cheaper than compiling it
        cursor.execute(f"SELECT 1 FROM {SearchDirty._meta.db_table} LIMIT 1")
        if cursor.fetchone() is None:
            return
    try:
        with transaction.atomic():
            indexer.flush_pending()
    except DatabaseError:
        pass


def _with_filters(parsed: q.Query, body: Any, date_from: date | None, date_to: date | None, kind: Any,
                  case: str | None, person: str | None) -> q.Query:
    """Keyword filters (from the CLI or a web form) merged into the parsed query's own."""
    f = parsed.filters
    bodies = tuple(body) if isinstance(body, list | tuple) else ((body,) if body else ())
    kinds = tuple(kind) if isinstance(kind, list | tuple) else ((kind,) if kind else ())
    section_kinds = list(f.section_kinds)
    record_kinds = list(f.record_kinds)
    for k in kinds:
        low = k.lower()
        if low in q.SECTION_KINDS:
            section_kinds.append(q.SECTION_KINDS[low])
        elif low in q.RECORD_KINDS:
            record_kinds.append(q.RECORD_KINDS[low])
    filters = q.Filters(
        bodies=f.bodies + bodies,
        date_from=max(filter(None, (f.date_from, date_from)), default=None),
        date_to=min(filter(None, (f.date_to, date_to)), default=None),
        section_kinds=tuple(dict.fromkeys(section_kinds)),
        record_kinds=tuple(dict.fromkeys(record_kinds)),
        cases=f.cases + ((case,) if case else ()),
        persons=f.persons + ((person,) if person else ()),
    )
    return q.Query(parsed.text, parsed.nodes, filters, parsed.plain)
