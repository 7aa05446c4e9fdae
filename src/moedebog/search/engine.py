"""``search()``: the one function the CLI, the web pages and the API call.

The query is parsed (``query``), analysed (``plan``) and matched by the database's backend
(``backends``); filters, privacy, facets, sorting and pages are one piece of SQL around the match,
shared by both backends. Privacy is a WHERE clause on every statement — hits, total and each facet
— so a closed item can never be counted, let alone shown: a public search reads only rows for
the audience "all" or "public".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import DatabaseError, connection, transaction

from moedebog.archive import models
from moedebog.search import extract, indexer
from moedebog.search import query as q
from moedebog.search.backends import Backend, current
from moedebog.search.danish import fold
from moedebog.search.hits import hits as _hits
from moedebog.search.models import SearchDirty
from moedebog.search.plan import Plan, plan
from moedebog.search.results import KIND_LABELS, RECORD_LABELS, FacetValue, Result

SORTS = ("relevance", "date", "oldest")
#: How much a hit of each kind weighs against an item: items first, then letters, then the rest.
KIND_BOOST = {"item": 1.0, "letter": 0.9, "case": 0.5, "meeting": 0.5, "person": 0.5}
MAX_PAGE_SIZE = 100


@dataclass(slots=True)
class _Where:
    sql: list[str]
    params: list[object]

    def render(self) -> str:
        return " AND ".join(self.sql) if self.sql else "1=1"


def may_see_private(user: Any) -> bool:
    """Staff (the secretariat) may search closed items and unpublished meetings."""
    return bool(user is not None and getattr(user, "is_active", False) and getattr(user, "is_staff", False))


def _body_ids(names: tuple[str, ...]) -> list[int]:
    """Bodies whose name or path contains any of ``names`` (folded), with their sub-bodies."""
    wanted = [fold(n).strip() for n in names if n.strip()]
    ids = []
    for body in models.Body.objects.only("pk", "name", "path"):
        haystack = f"{fold(body.name)} {body.path}"
        if any(w in haystack or w.replace(" ", "-") in body.path for w in wanted):
            ids.append(body.pk)
    return ids


def _conditions(filters: q.Filters, private: bool, skip: str = "",
                alias: str = "d") -> tuple[_Where, dict[str, tuple[str, list]]]:
    """The filters as SQL on the index row ``d`` (or a part match, ``alias``): those every count
    applies (audience, cases), and those a facet counts across (``body``, ``year``, ``record``:
    each facet leaves out its own). With section kinds the records are items, except for the
    section-kind facet (``skip="kind"``)."""
    d = alias
    fixed = _Where([f"{d}.audience IN (%s, %s)"], ["all", "internal" if private else "public"])
    optional: dict[str, tuple[str, list]] = {}
    record_kinds = list(filters.record_kinds)
    if filters.section_kinds and skip != "kind":
        record_kinds = ["item"]
    if record_kinds:
        optional["record"] = (f"{d}.kind IN ({', '.join(['%s'] * len(record_kinds))})", record_kinds)
    if filters.bodies:
        ids = _body_ids(filters.bodies)
        optional["body"] = (f"{d}.body_id IN ({', '.join(['%s'] * len(ids))})", list(ids)) if ids else ("1=0", [])
    dates: list[str] = []
    days: list[object] = []
    if filters.date_from:
        dates.append(f"{d}.day >= %s")
        days.append(int(f"{filters.date_from:%Y%m%d}"))
    if filters.date_to:
        dates.append(f"{d}.day <= %s")
        days.append(int(f"{filters.date_to:%Y%m%d}"))
    if dates:
        optional["year"] = (" AND ".join(dates), days)
    if filters.cases:
        keys = [extract.case_key(c) for c in filters.cases]
        clauses = []
        for key in keys:
            clauses.append(f"({d}.case_key = %s OR {d}.case_key LIKE %s)")
            fixed.params.extend([key, f"%{key}"])
        fixed.sql.append("(" + " OR ".join(clauses) + ")" if clauses else "1=0")
    return fixed, optional


def _where(filters: q.Filters, private: bool, skip: str = "") -> _Where:
    """The shared filters; ``skip`` leaves one out (a facet counts across its own filter)."""
    fixed, optional = _conditions(filters, private, skip)
    where = _Where(list(fixed.sql), list(fixed.params))
    for name, (sql, params) in optional.items():
        if name != skip:
            where.sql.append(sql)
            where.params.extend(params)
    return where


def _match(backend: Backend, p: Plan, kinds: tuple[str, ...], scored: bool = True) -> tuple[str, list[object]]:
    """The rows that match: index rows, or with section kinds the items whose parts of those kinds match."""
    if not kinds:
        return backend.doc_match(p, scored)
    sql, params = backend.part_match(p, scored)
    marks = ", ".join(["%s"] * len(kinds))
    return (f"SELECT pm.doc_id AS id, max(pm.score) AS score FROM ({sql}) pm WHERE pm.kind IN ({marks}) "
            "GROUP BY pm.doc_id", [*params, *kinds])


def _source(backend: Backend, p: Plan, kinds: tuple[str, ...], scored: bool) -> tuple[str, str, list[object], str]:
    """The matching index rows as ``d``: (FROM clause, condition, parameters, score expression)."""
    if not kinds:
        return backend.doc_source(p, scored)
    sql, params = _match(backend, p, kinds, scored)
    return f"({sql}) m JOIN {backend.DOCS} ON d.id = m.id", "1=1", params, "m.score"


def _boost() -> str:
    cases = " ".join(f"WHEN '{kind}' THEN {boost}" for kind, boost in KIND_BOOST.items())
    return f"(CASE d.kind {cases} ELSE 1.0 END)"


_ORDER = {
    "relevance": 'score DESC, d.start DESC, d."order", d.id',
    "date": 'd.start DESC, d."order", d.id',
    "oldest": 'd.start, d."order", d.id',
}


def _rows(sql: str, params: list[object]) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


#: The facets counted from the grouped match, and the row field each reads.
_GROUPED = ("body", "year", "record")


def _counts(backend: Backend, p: Plan, filters: q.Filters, private: bool) -> tuple[int, dict[str, list[FacetValue]]]:
    """The total and the body, year and record facets from one pass over the match.

    Each facet counts across every filter but its own, so the rows are grouped by (body, year,
    record kind) together with whether each of the three optional filters holds; the total and
    the facets are then sums over a few hundred groups in Python, instead of four statements that
    each match and join the whole set again. The match is unscored: counts need no ranking.
    """
    fixed, optional = _conditions(filters, private)
    source, condition, source_params, _ = _source(backend, p, filters.section_kinds, scored=False)
    flags, flag_params = [], []
    for name in _GROUPED:
        if name in optional:
            sql, params = optional[name]
            flags.append(f"CASE WHEN {sql} THEN 1 ELSE 0 END")
            flag_params.extend(params)
        else:
            flags.append("1")
    rows = _rows(f"SELECT d.body_id, d.year, d.kind, {', '.join(flags)}, count(*) FROM {source} "
                 f"WHERE {condition} AND {fixed.render()} GROUP BY 1, 2, 3, 4, 5, 6",
                 flag_params + source_params + fixed.params)
    total = 0
    counts: dict[str, dict[object, int]] = {name: {} for name in _GROUPED}
    for body_id, year, kind, in_body, in_year, in_record, n in rows:
        if in_body and in_year and in_record:
            total += n
        for name, value, others in (("body", body_id, in_year and in_record), ("year", year, in_body and in_record),
                                    ("record", kind, in_body and in_year)):
            if others and value is not None:
                counts[name][value] = counts[name].get(value, 0) + n
    return total, {name: _facet_values(name, list(counts[name].items())) for name in _GROUPED}


def _kind_facet(backend: Backend, p: Plan, filters: q.Filters, private: bool) -> list[FacetValue]:
    """Items per section kind in which the query matches (an item counts once per kind).

    The parts carry their item's audience, body and day, so the filters apply to the matching
    parts themselves; only a case filter needs the item's index row, and joins it."""
    part_sql, part_params = backend.part_match(p, scored=False)
    if filters.cases:
        where = _where(filters, private, skip="kind")
        rows = _rows(f"SELECT pm.kind, count(DISTINCT pm.doc_id) FROM ({part_sql}) pm "
                     f"JOIN {backend.DOCS} ON d.id = pm.doc_id WHERE {where.render()} GROUP BY pm.kind",
                     part_params + where.params)
        return _facet_values("kind", rows)
    fixed, optional = _conditions(filters, private, skip="kind", alias="pm")
    where = _Where(list(fixed.sql), list(fixed.params))
    for name, (sql, params) in optional.items():
        if name == "record":  # every part is an item's
            if "item" not in params:
                return []
            continue
        where.sql.append(sql)
        where.params.extend(params)
    rows = _rows(f"SELECT pm.kind, count(DISTINCT pm.doc_id) FROM ({part_sql}) pm WHERE {where.render()} "
                 "GROUP BY pm.kind", part_params + where.params)
    return _facet_values("kind", rows)


def _facet_values(name: str, rows: list[tuple]) -> list[FacetValue]:
    if name == "body":
        bodies = {b.pk: b for b in models.Body.objects.filter(pk__in=[r[0] for r in rows])}
        values = [FacetValue(bodies[pk].path, bodies[pk].name, n) for pk, n in rows if pk in bodies]
        return sorted(values, key=lambda v: (-v.count, v.label))
    if name == "year":
        return sorted((FacetValue(str(y), str(y), n) for y, n in rows), key=lambda v: v.value, reverse=True)
    labels = KIND_LABELS if name == "kind" else RECORD_LABELS
    return sorted((FacetValue(k, labels.get(k, k), n) for k, n in rows), key=lambda v: (-v.count, v.label))


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
) -> Result:
    """Search the archive; public records only unless ``private`` or a staff ``user`` says otherwise.

    Keyword filters add to those written in the query ("body:kkr år:2020"). Never raises for a
    strange query: a query that cannot be read is searched as plain words.
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
    where = _where(parsed.filters, private)
    if facets:
        result.total, result.facets = _counts(backend, p, parsed.filters, private)
        result.facets["kind"] = _kind_facet(backend, p, parsed.filters, private)
    else:
        source, condition, params, _ = _source(backend, p, parsed.filters.section_kinds, scored=False)
        result.total = _rows(f"SELECT count(*) FROM {source} WHERE {condition} AND {where.render()}",
                             params + where.params)[0][0]
    if result.total:
        # ranked in SQL, one page at a time; only a relevance order needs the match scored
        source, condition, params, score = _source(backend, p, parsed.filters.section_kinds,
                                                   scored=sort == "relevance")
        rows = _rows(f"SELECT d.id, {score} * {_boost()} AS score FROM {source} WHERE {condition} AND "
                     f"{where.render()} ORDER BY {_ORDER[sort]} LIMIT %s OFFSET %s",
                     params + where.params + [page_size, (page - 1) * page_size])
        result.hits = _hits(rows, p, parsed.filters.section_kinds)
    return result


def _flush() -> None:
    """Apply queued edits before reading, so a search never shows what an edit took back. On a
    read-only replica this cannot write; the primary's next search or import does it."""
    if not SearchDirty.objects.exists():
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
