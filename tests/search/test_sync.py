"""The index follows the archive: imports, edits, deletes, closing an item, and a rebuild."""

from __future__ import annotations

import pytest

from moedebog.archive import models
from moedebog.archive.services.importer import import_path
from moedebog.search import reindex, search
from moedebog.search.models import SearchDirty, SearchDoc, SearchPart
from tests.conftest import seed
from tests.search.conftest import keys

pytestmark = pytest.mark.django_db(transaction=True)

PAEDAGOG = ("kkr-midtjylland", "2020-02-05", "3.4")
QUERIES = ["pædagoguddannelsen", "rammeaftale", "uddannelse", "SAG-2019-07153", "5. februar 2020",
           "klima OR psykiatri", "type:beslutning", "fraværende februar 2020", "lokalpolitiske drøftelser"]


def _item() -> models.AgendaItem:
    return models.AgendaItem.objects.get(meeting__start__date="2020-02-05", number="3.4")


def test_import_indexes_in_the_same_transaction() -> None:
    import_path(seed("000"))
    assert PAEDAGOG in keys(search("pædagoguddannelsen"))
    assert SearchDoc.objects.filter(kind="item").count() == models.AgendaItem.objects.count()
    import_path(seed("003"))  # the letter
    assert search("lokalpolitiske drøftelser").hits[0].kind == "letter"
    assert not SearchDirty.objects.exists()


def test_edits_reach_the_index() -> None:
    import_path(seed("000"))
    section = _item().sections.get(kind="background")
    section.text = "Et helt nyt ord: kvadratrodsbudget."
    section.save()
    assert keys(search("kvadratrodsbudget")) == [PAEDAGOG]
    item = _item()
    item.title = "Dimensionering af socialrådgiveruddannelsen"
    item.save()
    assert keys(search("socialrådgiveruddannelsen")) == [PAEDAGOG]


def test_closing_an_item_hides_it() -> None:
    import_path(seed("000"))
    item = _item()
    item.public = False
    item.save()
    assert PAEDAGOG not in keys(search("pædagoguddannelsen"))
    assert PAEDAGOG in keys(search("pædagoguddannelsen", private=True))


def test_deletes_take_their_rows_along() -> None:
    import_path(seed("000"))
    _item().delete()
    assert PAEDAGOG not in keys(search("pædagoguddannelsen"))
    assert not SearchDoc.objects.filter(item__isnull=False, item__number="3.4").exists()
    models.Section.objects.filter(item__meeting__start__date="2020-02-05").delete()
    # what the sections said is gone; the titles are still found
    assert search("Januarkonferencen").total >= 1 and search("Sociolancen DASSOS").total == 0
    models.Meeting.objects.all().delete()
    assert SearchDoc.objects.filter(kind__in=["item", "meeting"]).count() == 0 and not SearchPart.objects.exists()


def test_reindex_gives_the_same_results() -> None:
    for prefix in ("000", "001", "003"):
        import_path(seed(prefix))
    before = {q: [(h.kind, h.key()) for h in search(q, page_size=50).hits] for q in QUERIES}
    stats = reindex()
    assert stats.items == models.AgendaItem.objects.count() and stats.rows > stats.items
    after = {q: [(h.kind, h.key()) for h in search(q, page_size=50).hits] for q in QUERIES}
    assert {q: sorted(v) for q, v in after.items()} == {q: sorted(v) for q, v in before.items()}


def _summary_rows() -> set[tuple[object, ...]]:
    """Case and person rows as the index holds them (no compounds in these, so a rebuild must agree)."""
    return set(SearchDoc.objects.filter(kind__in=["case", "person"]).values_list(
        "kind", "audience", "case_id", "person_id", "title", "t_title", "t_meta", "t_text", "tsv"))


def _record_rows() -> set[tuple[object, ...]]:
    """Item and meeting rows without the columns that hold compound parts."""
    return set(SearchDoc.objects.filter(kind__in=["item", "meeting"]).values_list(
        "kind", "audience", "item_id", "meeting_id", "body_id", "start", "number", "order", "title", "case_key",
        "t_meta", "t_text"))


def test_a_batch_writes_case_and_person_rows_once_at_its_end(tmp_path) -> None:
    from moedebog.archive.services.batch import import_paths
    from moedebog.demo import write_corpus
    from moedebog.search.indexer import deferred_summaries

    write_corpus(tmp_path, 6, formats=("txt",), seed=3, committee_meetings=3)
    with deferred_summaries():
        import_path(seed("000"))
        # inside the batch the case rows wait in the queue, yet a search works the queue off first
        assert not SearchDoc.objects.filter(kind="case").exists()
        assert SearchDirty.objects.filter(kind="case").exists()
        assert search("SAG-2019-07153").total >= 1
    import_paths([seed("001"), seed("002"), tmp_path], progress=False)
    assert not SearchDirty.objects.exists()
    cases = models.Case.objects.filter(items__isnull=False).distinct().count()
    assert SearchDoc.objects.filter(kind="case").count() == cases > 0
    people = models.Person.objects.filter(attendance__isnull=False).distinct().count()
    assert SearchDoc.objects.filter(kind="person").count() == people > 0
    written, rows = _summary_rows(), _record_rows()
    reindex()
    assert _summary_rows() == written
    # items of new meetings are indexed from the rows as written, merged ones as read back: a
    # rebuild reads everything back, and must agree (compound parts aside, as the vocabulary grew)
    assert _record_rows() == rows


def test_an_interrupted_batch_leaves_its_queue_for_the_next_search() -> None:
    from moedebog.search.indexer import deferred_summaries

    with pytest.raises(KeyboardInterrupt), deferred_summaries():
        import_path(seed("000"))
        raise KeyboardInterrupt
    assert SearchDirty.objects.filter(kind="person").exists()
    assert search("SAG-2019-07153").total >= 1
    assert not SearchDirty.objects.exists() and SearchDoc.objects.filter(kind="case").exists()


def test_a_renamed_body_is_reindexed_but_recording_its_source_id_is_not() -> None:
    import_path(seed("000"))
    assert search("prøvenavnet").total == 0
    body = models.Body.objects.get(path="kkr-midtjylland")
    body.ref = "5e1f0c2a-0000-4000-8000-000000000001"
    body.save(update_fields=["ref"])
    assert not SearchDirty.objects.exists()
    body.name = "KKR Midtjylland Prøvenavnet"
    body.save(update_fields=["name"])
    assert SearchDirty.objects.filter(kind="body", object_id=body.pk).exists()
    assert search("prøvenavnet").total > 0


def test_a_long_batch_rewrites_its_queue_every_few_meetings(monkeypatch) -> None:
    from moedebog.search import indexer

    monkeypatch.setattr(indexer, "DEFER_MEETINGS", 2)
    with indexer.deferred_summaries():
        import_path(seed("000"))
        assert SearchDirty.objects.filter(kind="case").exists()  # one meeting: still queued
        import_path(seed("002"))
        # the second meeting made the queue due: a search during a long import has little to do
        assert not SearchDirty.objects.exists() and SearchDoc.objects.filter(kind="case").exists()
