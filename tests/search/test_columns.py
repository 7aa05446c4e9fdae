"""The in-memory columns a search counts and sorts with (``search.columns``) say what the database
says: rows written, replaced and deleted after the columns were loaded; rows the database refuses
to update; a table whose ids start again. Runs outside a test transaction, because rows are only
kept between searches when they were read outside one."""

from __future__ import annotations

import numpy as np
import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.db.models import Count

from moedebog.archive import models
from moedebog.archive.services.importer import import_path
from moedebog.search import columns, search
from moedebog.search.backends import current
from moedebog.search.columns import AUDIENCES, KINDS, NO_START, NONE, STORE
from moedebog.search.models import SearchDoc, SearchPart
from moedebog.search.phrases import PHRASES
from tests.conftest import seed
from tests.search.conftest import keys

pytestmark = pytest.mark.django_db(transaction=True)

PAEDAGOG = ("kkr-midtjylland", "2020-02-05", "3.4")


@pytest.fixture(autouse=True)
def fresh_store() -> None:
    STORE.clear()
    PHRASES.clear()


def _kept(name: str) -> np.ndarray:
    kept = STORE._kept.get((str(connection.settings_dict.get("NAME")), name))
    return kept.table.ids if kept else np.zeros(0, dtype=np.int64)


def test_columns_hold_what_the_rows_hold() -> None:
    import_path(seed("000"))
    import_path(seed("003"))
    rows = list(SearchDoc.objects.values_list("id", "audience", "kind", "body_id", "year", "day", "start", "order"))
    ids, cols = STORE.rows(current(), "doc", np.array(sorted(r[0] for r in rows), dtype=np.int64))
    assert len(ids) == len(rows)
    for i, (pk, audience, kind, body, year, day, start, order) in enumerate(sorted(rows)):
        assert ids[i] == pk
        assert AUDIENCES[cols["audience"][i]] == audience and KINDS[cols["kind"][i]] == kind
        assert cols["body"][i] == (body or NONE) and cols["year"][i] == (year or NONE)
        assert cols["day"][i] == (day or NONE) and cols["order"][i] == order
        assert cols["start"][i] == (int(start.timestamp()) if start else NO_START)
    parts = sorted(SearchPart.objects.values_list("id", "doc_id"))
    ids, cols = STORE.rows(current(), "part", np.array([p[0] for p in parts], dtype=np.int64))
    assert list(zip(ids.tolist(), cols["doc"].tolist(), strict=True)) == parts
    assert len(_kept("doc")) == len(rows)  # read outside a transaction: kept


def test_rows_written_later_are_found_and_replaced_rows_are_not_counted() -> None:
    import_path(seed("000"))
    found = search("pædagoguddannelsen")  # the columns are loaded now
    assert PAEDAGOG in keys(found)
    items = dict((v.value, v.count) for v in found.facets["record"])["item"]
    loaded, before = len(_kept("doc")), search("uddannelse").total
    item = models.AgendaItem.objects.get(meeting__start__date="2020-02-05", number="3.4")
    item.public = False
    item.save()  # the item's rows are deleted and written again as internal rows
    found = search("pædagoguddannelsen")
    assert PAEDAGOG not in keys(found)
    assert dict((v.value, v.count) for v in found.facets["record"]).get("item", 0) == items - 1
    assert search("uddannelse").total == before - 1
    assert PAEDAGOG in keys(search("pædagoguddannelsen", private=True))
    assert len(_kept("doc")) > loaded  # the new rows were added to what is kept
    import_path(seed("001"))
    assert search("uddannelse").total > before - 1


def test_a_table_that_starts_again_is_read_afresh() -> None:
    import_path(seed("000"))
    search("uddannelse")
    assert len(_kept("doc"))
    with connection.cursor() as cursor:  # what a restored, older copy of the database looks like
        newest = SearchDoc.objects.order_by("-id").values_list("id", flat=True).first()
        cursor.execute("DELETE FROM search_searchdoc WHERE id >= %s", [newest - 5])
    search("uddannelse")
    assert _kept("doc").max() <= newest - 6


def test_the_kept_rows_are_checked_again_only_when_the_index_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    import_path(seed("000"))
    search("uddannelse")  # read and checked at this fingerprint
    checked: list[str] = []
    real = columns._still_true
    monkeypatch.setattr(columns, "_still_true", lambda b, spec, t: checked.append(spec.table) or real(b, spec, t))
    search("uddannelse")
    assert checked == []
    import_path(seed("001"))
    search("uddannelse")
    assert sorted(checked) == ["search_searchdoc", "search_searchpart"]


def test_an_item_row_has_one_part_per_kind() -> None:
    """What lets the section-kind facet count parts instead of distinct (item, kind) pairs."""
    import_path(seed("000"))
    import_path(seed("001"))
    assert SearchPart.objects.count()
    repeated = SearchPart.objects.values("doc", "kind").annotate(n=Count("id")).filter(n__gt=1)
    assert not repeated.exists()


def test_rows_read_inside_a_transaction_are_not_kept() -> None:
    import_path(seed("000"))
    with transaction.atomic():
        assert search("uddannelse").total
        assert not len(_kept("doc"))


def test_the_database_refuses_to_update_what_the_columns_hold() -> None:
    import_path(seed("000"))
    row = SearchDoc.objects.filter(kind="item").first()
    for change in ({"audience": "internal"}, {"kind": "meeting"}, {"day": 20990101}, {"body_id": None}):
        with pytest.raises(DatabaseError), transaction.atomic():
            SearchDoc.objects.filter(pk=row.pk).update(**change)
    part = SearchPart.objects.first()
    with pytest.raises(DatabaseError), transaction.atomic():
        SearchPart.objects.filter(pk=part.pk).update(audience="internal")
    SearchDoc.objects.filter(pk=row.pk).update(title="Ny titel")  # what a search does not keep may change


def test_ids_counted_again_from_one_are_not_taken_for_the_old_rows() -> None:
    """Django's flush empties the tables and restarts their ids: the next rows written get the ids
    of rows the columns still hold, with other audiences, kinds and dates."""
    import_path(seed("001"))
    import_path(seed("000"))
    search("uddannelse")  # the columns and the phrases are kept
    call_command("flush", interactive=False, verbosity=0)
    import_path(seed("000"))
    import_path(seed("001"))
    kept = search("uddannelse")
    STORE.clear()
    PHRASES.clear()
    fresh = search("uddannelse")
    assert kept.total == fresh.total
    assert kept.facets == fresh.facets and [h.key() for h in kept.hits] == [h.key() for h in fresh.hits]


def test_a_write_to_the_index_forgets_the_phrases() -> None:
    import_path(seed("000"))
    first = search("uddannelse")
    assert first.total and PHRASES._rows  # kept: outside a transaction
    item = models.AgendaItem.objects.get(meeting__start__date="2020-02-05", number="3.4")
    item.public = False
    item.save()
    assert search("uddannelse").total == first.total - 1
    import_path(seed("001"))
    after = search("uddannelse")
    PHRASES.clear()
    assert after.total == search("uddannelse").total > first.total - 1


def test_columns_read_before_the_fork_serve_the_searches(monkeypatch: pytest.MonkeyPatch) -> None:
    """What ``moedebog serve`` reads before forking its workers is what their searches use."""
    import_path(seed("000"))
    assert STORE.preload(current()) == SearchDoc.objects.count() + SearchPart.objects.count()
    reads: list[str] = []
    real = columns._read
    monkeypatch.setattr(columns, "_read", lambda b, spec, where, params: reads.append(where) or real(b, spec, where,
                                                                                                  params))
    assert search("uddannelse").total
    assert "1=1" not in reads  # no full read: the preloaded columns were used
    with transaction.atomic():
        STORE.clear()
        assert STORE.preload(current()) == 0 and not len(_kept("doc"))
