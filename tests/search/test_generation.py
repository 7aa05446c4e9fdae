"""The index's fingerprint (``Backend.FINGERPRINT``), on both databases: it changes with every
committed change to the index and with nothing else, and what a search keeps under it
(``search.phrases``) is answered again without asking the database, until it changes. Outside a
test transaction, because nothing is kept inside one; on PostgreSQL the fingerprint is the
generation number of migration search 0007, which moves at commit."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext

from moedebog.archive import models
from moedebog.archive.services.importer import import_path
from moedebog.search import indexer, search
from moedebog.search import query as q
from moedebog.search.backends import current
from moedebog.search.columns import STORE
from moedebog.search.models import SearchDoc
from moedebog.search.phrases import PHRASES, fingerprint
from moedebog.search.plan import plan
from tests.conftest import seed

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fresh_caches() -> None:
    STORE.clear()
    PHRASES.clear()


class Rollback(Exception):
    pass


def _full_text(queries: list[dict]) -> list[str]:
    """The statements that asked the full-text index itself."""
    return [sql for sql in (q["sql"] or "" for q in queries) if "MATCH" in sql or "@@" in sql]


def test_the_fingerprint_moves_with_each_committed_change_only() -> None:
    backend = current()
    import_path(seed("000"))
    before = fingerprint(backend)
    assert before is not None and fingerprint(backend) == before
    row = SearchDoc.objects.filter(kind="item").order_by("id").first()
    with pytest.raises(Rollback), transaction.atomic():
        SearchDoc.objects.filter(pk=row.pk).delete()
        raise Rollback
    assert fingerprint(backend) == before  # a write that was rolled back moved nothing
    with transaction.atomic():
        with pytest.raises(Rollback), transaction.atomic():  # a savepoint rolled back ...
            SearchDoc.objects.filter(pk=row.pk).delete()
            raise Rollback
        models.Body.objects.filter(pk=row.body_id).update(name="Ny navn")  # ... and no index write
    assert fingerprint(backend) == before
    SearchDoc.objects.filter(pk=row.pk).delete()
    deleted = fingerprint(backend)
    assert deleted != before
    models.Meeting.objects.filter(pk=models.Meeting.objects.order_by("pk").first().pk).delete()  # cascades
    assert fingerprint(backend) != deleted


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the generation number is PostgreSQL's")
def test_the_generation_moves_once_per_transaction_and_leaves_no_notes() -> None:
    import_path(seed("000"))
    start = fingerprint(current())[0]
    with transaction.atomic():
        rows = list(SearchDoc.objects.order_by("-id").values_list("id", flat=True)[:2])
        for pk in rows:  # two statements
            SearchDoc.objects.filter(pk=pk).delete()
    assert fingerprint(current())[0] == start + 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_generation_pending")
        assert cursor.fetchone()[0] == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the generation number is PostgreSQL's")
def test_writers_at_the_same_time_each_move_the_generation() -> None:
    """Two transactions writing the index at once both commit (neither waits for the other's
    whole transaction), and each moves the number."""
    import_path(seed("000"))
    start = fingerprint(current())[0]
    ids = list(SearchDoc.objects.order_by("id").values_list("id", flat=True)[:2])
    both_written = threading.Barrier(2, timeout=20)
    errors: list[BaseException] = []

    def write(pk: int) -> None:
        try:
            with transaction.atomic():
                SearchDoc.objects.filter(pk=pk).delete()
                both_written.wait()  # the other transaction has written too, and is still open
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(pk,)) for pk in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    assert fingerprint(current())[0] == start + 2


def test_a_repeated_search_does_not_ask_the_index_again() -> None:
    import_path(seed("000"))
    import_path(seed("001"))
    first = search("uddannelse")
    with CaptureQueriesContext(connection) as again:
        second = search("uddannelse", body="kkr")
    assert second.total and second.total <= first.total
    assert _full_text(again.captured_queries) == []
    import_path(seed("003"))
    with CaptureQueriesContext(connection) as changed:
        third = search("uddannelse")
    assert _full_text(changed.captured_queries)  # the index changed: asked again
    PHRASES.clear()
    STORE.clear()
    assert [h.key() for h in search("uddannelse").hits] == [h.key() for h in third.hits]


def test_a_search_that_met_an_older_fingerprint_keeps_nothing() -> None:
    """A search that read the fingerprint before a write, and its rows before it too, must not
    keep them under the fingerprint another search has met after the write."""
    backend = current()
    import_path(seed("000"))
    early = PHRASES.lookup(backend, fingerprint(backend))
    import_path(seed("001"))
    late = PHRASES.lookup(backend, fingerprint(backend))
    made: list[str] = []
    p = plan(q.parse("uddannelse"), indexer.split_word)
    early.derived("rows", p, lambda: made.append("early") or (1,))
    late.derived("rows", p, lambda: made.append("late") or (2,))
    assert made == ["early", "late"]  # the early one was not kept
