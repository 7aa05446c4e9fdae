"""The engine's totals, facets and order, worked out on in-memory columns (``search.matches``),
checked against the same figures asked of the database in plain ORM queries over the matching
rows: a second, independent reading of the rules (privacy, each facet across its own filter,
section kinds, newest first). Runs on SQLite and again on PostgreSQL."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from django.db import connection
from django.db.models import Q

from moedebog.search import engine, indexer, search
from moedebog.search import query as q
from moedebog.search.backends import current
from moedebog.search.models import SearchDoc, SearchPart
from moedebog.search.plan import plan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("corpus")]

CASES = [
    ("orientering", {}),
    ("orientering", {"body": "kkr-midtjylland"}),
    ("orientering", {"date_from": date(2020, 1, 1), "date_to": date(2021, 12, 31)}),
    ("uddannelse", {"kind": "meeting"}),
    ("uddannelse", {"kind": "decision"}),
    ("uddannelse", {"kind": ["decision", "attachment"], "body": "kkr"}),
    ("rammeaftale -2016", {"private": True}),
    ("klima OR psykiatri", {"sort": "date"}),
    ("-rammeaftale", {"body": "kkr-midtjylland", "sort": "oldest"}),
    ("orientering", {"case": "SAG-2019-07153"}),
]


def _ids(sql: str, params: list[object]) -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}


def _oracle(text: str, options: dict) -> tuple[int, dict[str, Counter], list[int]]:
    """(total, facet counts, the rows of the first page newest first) from ORM queries."""
    parsed = engine._with_filters(q.parse(text), options.get("body"), options.get("date_from"),
                                  options.get("date_to"), options.get("kind"), options.get("case"), None)
    f, backend = parsed.filters, current()
    p = plan(parsed, indexer.split_word)
    audiences = ["all", "internal" if options.get("private") else "public"]
    parts = SearchPart.objects.filter(id__in=_ids(*backend.part_match(p, scored=False)))
    allowed = SearchDoc.objects.filter(audience__in=audiences)
    if f.cases:
        keys = [engine.extract.case_key(c) for c in f.cases]
        allowed = allowed.filter(Q(case_key__in=keys) | Q(case_key__endswith=keys[0]))
    if f.section_kinds:
        matched = allowed.filter(id__in=parts.filter(kind__in=f.section_kinds).values("doc_id"))
    else:
        matched = allowed.filter(id__in=_ids(*backend.doc_match(p, scored=False)))
    optional = {}
    record = ["item"] if f.section_kinds else list(f.record_kinds)
    if record:
        optional["record"] = Q(kind__in=record)
    if f.bodies:
        optional["body"] = Q(body_id__in=engine._body_ids(f.bodies))
    if f.date_from or f.date_to:
        optional["year"] = Q(day__gte=int(f"{f.date_from:%Y%m%d}")) & Q(day__lte=int(f"{f.date_to:%Y%m%d}"))

    def across(skip: str, rows: object = matched) -> object:
        for name, cond in optional.items():
            if name != skip:
                rows = rows.filter(cond)
        return rows

    selected = across("")
    facets = {
        "body": Counter(dict(across("body").exclude(body=None).values_list("body__path").annotate(n=_count()))),
        "year": Counter({str(y): n for y, n in across("year").exclude(year=None).values_list("year").annotate(
            n=_count())}),
        "record": Counter(dict(across("record").values_list("kind").annotate(n=_count()))),
    }
    # every matching part counts, whatever section kinds the search is limited to
    in_items = not f.record_kinds or "item" in f.record_kinds
    part_rows = parts.filter(doc__in=across("record", allowed).values("id")) if in_items else parts.none()
    facets["kind"] = Counter(dict(part_rows.values_list("kind").annotate(n=_count_docs())))
    newest = [d.id for d in selected.order_by("-start", "order", "id")[:10]] if options.get("sort") == "date" else []
    return selected.count(), facets, newest


def _count() -> object:
    from django.db.models import Count

    return Count("id")


def _count_docs() -> object:
    from django.db.models import Count

    return Count("doc_id", distinct=True)


@pytest.mark.parametrize(("text", "options"), CASES)
def test_totals_and_facets_agree_with_the_database(text: str, options: dict) -> None:
    total, facets, newest = _oracle(text, options)
    result = search(text, **options)
    assert result.total == total
    for name in ("body", "year", "record", "kind"):
        assert Counter({v.value: v.count for v in result.facets[name]}) == facets[name], name
    if newest:
        assert [_doc_id(h) for h in result.hits] == newest


def _doc_id(hit: object) -> int:
    field = {"item": "item_id", "meeting": "meeting_id", "letter": "letter_id", "case": "case_id",
             "person": "person_id"}[hit.kind]  # type: ignore[attr-defined]
    return SearchDoc.objects.filter(**{field: hit.object_id, "audience__in": ["all", "public"]}).values_list(
        "id", flat=True).first()


def test_the_cases_find_something() -> None:
    """The comparisons above are not all between empty answers."""
    found = [search(text, **options).total for text, options in CASES]
    assert sum(1 for n in found if n) >= len(CASES) - 1
