"""A query answered from its phrases (``search.phrases``) gives FTS5's own answer: the same rows and
the same BM25 scores, for words, phrases, prefixes, OR branches that match only in part, AND and
NOT. That a write to the index makes every search forget the phrases it kept is tested in
test_columns.py and test_generation.py, outside a transaction. The phrases serve SQLite only (on
PostgreSQL the scores do not add up); what is derived from a whole match is kept on both."""

from __future__ import annotations

import numpy as np
import pytest
from django.db import connection

from moedebog.search import indexer
from moedebog.search import query as q
from moedebog.search.backends import PostgresBackend, SqliteBackend, current
from moedebog.search.columns import parse_ints
from moedebog.search.phrases import PHRASES, Lookup, fingerprint
from moedebog.search.plan import All, Any, Plan, plan

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="the phrases serve SQLite only")

QUERIES = ["uddannelse", "rammeaftale", "pædagoguddannelsen", "uddan*", '"sikrede institutioner"',
           "klima OR psykiatri", "rammeaftale -2016", "orientering godkendt", "klimasamarbejde",
           "(kommunerne OR regionen) uddannelse", "SAG-2019-07153", "5. februar 2020"]


def _plan(text: str) -> Plan:
    return plan(q.parse(text), indexer.split_word)


def _direct(table: str, p: Plan) -> tuple[np.ndarray, np.ndarray]:
    """FTS5's own rows and BM25 for the whole query."""
    backend = current()
    sql, params = (backend.doc_match if table == "doc" else backend.part_match)(p, True)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {backend.aggregate('m.id')}, {backend.aggregate(backend.scaled('m.score'))} "
                       f"FROM ({sql}) m", params)
        ids, scores = cursor.fetchone()
    ids, scores = parse_ints(ids), parse_ints(scores) / 1e12
    order = np.argsort(ids)
    return ids[order], scores[order]


@sqlite_only
@pytest.mark.django_db
@pytest.mark.usefixtures("corpus")
@pytest.mark.parametrize("table", ["doc", "part"])
@pytest.mark.parametrize("text", QUERIES)
def test_phrases_give_the_database_answer(table: str, text: str) -> None:
    lookup = Lookup(PHRASES, current(), "test", 2**26, None)  # used directly: a test runs inside a transaction
    ids, scores = lookup.match(table, _plan(text))
    expected_ids, expected_scores = _direct(table, _plan(text))
    assert ids.tolist() == expected_ids.tolist()
    assert np.allclose(scores, expected_scores, rtol=1e-9, atol=1e-9)


@sqlite_only
@pytest.mark.django_db
@pytest.mark.usefixtures("corpus")
def test_an_or_branch_that_matches_in_part_adds_nothing() -> None:
    """What makes a query's score more than the sum of its words' scores: a row that matches one
    branch of an OR and holds only some of the words of the other, which FTS5 does not count."""
    uddannelse, klima, psykiatri = (_plan(w).must[0] for w in ("uddannelse", "klima", "psykiatri"))
    p = Plan(must=[Any((uddannelse, All((klima, psykiatri))))])
    partial = np.setdiff1d(np.intersect1d(_direct("doc", _plan("uddannelse"))[0], _direct("doc", _plan("klima"))[0]),
                           _direct("doc", _plan("psykiatri"))[0])
    assert len(partial)  # the case occurs in the corpus
    ids, scores = Lookup(PHRASES, current(), "test", 2**26, None).match("doc", p)
    expected_ids, expected_scores = _direct("doc", p)
    assert ids.tolist() == expected_ids.tolist()
    assert np.allclose(scores, expected_scores, rtol=1e-9, atol=1e-9)
    only = np.searchsorted(ids, partial)
    assert np.allclose(scores[only], _direct("doc", _plan("uddannelse"))[1][
        np.searchsorted(_direct("doc", _plan("uddannelse"))[0], partial)])


@pytest.mark.django_db
def test_nothing_is_kept_inside_a_transaction() -> None:
    assert fingerprint(current()) is None
    assert PHRASES.lookup(current(), fingerprint(current())) is None


@pytest.mark.django_db
@pytest.mark.usefixtures("corpus")
def test_what_is_derived_from_a_match_is_kept_read_only() -> None:
    lookup = Lookup(PHRASES, current(), "test-derived", 2**26, None)
    made: list[int] = []

    def make() -> tuple[np.ndarray, dict[str, np.ndarray]]:
        made.append(1)
        return np.arange(3), {"kind": np.zeros(3)}

    first = lookup.derived("rows", _plan("uddannelse"), make)
    again = lookup.derived("rows", _plan("uddannelse"), make)
    other = lookup.derived("rows", _plan("klima"), make)
    assert again is first and other is not first and len(made) == 2
    with pytest.raises(ValueError):
        first[1]["kind"][0] = 1  # shared by every search that finds it
    PHRASES.clear()


@pytest.mark.django_db
def test_phrases_are_not_used_where_scores_do_not_add_up() -> None:
    """PostgreSQL's ts_rank of an AND is not the sum of its words' ranks: the database answers."""
    p = _plan("uddannelse klima")
    assert Lookup(PHRASES, PostgresBackend(), "test", 2**26, None).match("doc", p) is None
    assert SqliteBackend.ADDITIVE and not PostgresBackend.ADDITIVE
