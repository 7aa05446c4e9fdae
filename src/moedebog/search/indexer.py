"""Keep the index in step with the archive: explicit calls from the import service, and rebuilds.

``index_meeting`` and ``index_letter`` are called by the archive importer at the end of each
document's transaction, so the index changes with the archive or not at all. Edits made elsewhere
(the admin) are queued by the signal handlers in ``signals`` in their own transaction and worked
off by ``flush_pending`` (the next index call or search, before it reads); deletes need no call at
all, as index rows cascade with their records. ``reindex`` rebuilds
everything: first the vocabulary (so compounds split against the whole corpus), then the rows in
batches.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Count, Prefetch, Q, QuerySet

from moedebog.archive import models
from moedebog.archive.prepared import Many, Prepared
from moedebog.archive.services import loading
from moedebog.archive.services.rows import insert_rows
from moedebog.search import extract, signals
from moedebog.search.compounds import Decompounder
from moedebog.search.models import SearchDirty, SearchDoc, SearchPart, SearchWord
from moedebog.search.tokens import Analysed, Columns, analyse, compounds_for, kind_columns, row_columns, tsvector

BATCH = 500
#: Record kinds whose text is running prose, where compound words are split.
PROSE = frozenset({"item", "letter"})
#: Most item titles a case's row lists.
CASE_ITEMS = 20


class _Vocabulary:
    """The ``search_word`` table, held in memory per process.

    Reloaded whenever the table's size is not what this process last saw (another process added
    words, or the table was emptied), so lookups answer as the table would, at one count per write.
    """

    def __init__(self) -> None:
        self.words: set[str] = set()
        self.seen = -1

    def _sync(self) -> None:
        # plain SQL: every searched word asks, and compiling the ORM's count cost more than counting
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {SearchWord._meta.db_table}")
            count = cursor.fetchone()[0]
        if count != self.seen:
            self.words = set(SearchWord.objects.values_list("stem", flat=True))
            self.seen = len(self.words)

    def lookup(self, candidates: set[str]) -> set[str]:
        return candidates & self.words

    def add(self, stems: set[str]) -> None:
        self._sync()
        new = stems - self.words
        if new:
            SearchWord.objects.bulk_create([SearchWord(stem=s) for s in new], ignore_conflicts=True)
            self.words |= new
            # what the table holds if no other process added any of these meanwhile; if one did,
            # the next count differs and the set is reloaded, which is all that is needed
            self.seen += len(new)


_VOCABULARY = _Vocabulary()


def _db_lookup(candidates: set[str]) -> set[str]:
    _VOCABULARY._sync()
    return _VOCABULARY.lookup(candidates)


def split_word(folded: str) -> list[str]:
    """The stems of a folded word's parts, against the archive's vocabulary (for queries)."""
    return Decompounder(_db_lookup).split_all([folded]).get(folded, [])


def _vocabulary_stems(items: Iterable[Analysed]) -> set[str]:
    return {t.term for item in items for a in (item.title, item.meta, *(a for _, a in item.fields))
            for t in a.tokens if t.term.isalpha() and 3 <= len(t.term) <= 40}


class Writer:
    """Writes analysed records as rows; one per transaction or one for a whole rebuild."""

    def __init__(self, vocabulary: set[str] | None = None) -> None:
        self.postgres = connection.vendor == "postgresql"
        self.vocabulary = vocabulary
        lookup = (lambda c: c & self.vocabulary) if vocabulary is not None else _VOCABULARY.lookup
        self.decompounder = Decompounder(lookup)

    def _doc(self, item: Analysed, columns: Columns) -> list[object]:
        """A ``search_searchdoc`` row as the values of ``_DOC_COLUMNS``."""
        r = item.record
        day = extract.local_day(r.start)
        return [r.kind, r.audience, r.item_id, r.meeting_id, r.letter_id, r.person_id, r.case_id, r.body_id,
                _START.get_db_prep_save(r.start, connection), day.year if day else None,
                int(f"{day:%Y%m%d}") if day else None, r.number[:20], r.order, r.title[:1000], r.case_key,
                *self._tokens(columns, with_meta=True)]

    def _tokens(self, columns: Columns, with_meta: bool) -> list[str]:
        """The token columns: SQLite's four strings (FTS5 reads them), or PostgreSQL's tsvector."""
        if self.postgres:
            return ["", "", "", "", tsvector(columns)] if with_meta else ["", "", "", tsvector(columns)]
        texts = [" ".join(columns.title), " ".join(columns.text), " ".join(columns.parts)]
        return [texts[0], " ".join(columns.meta), *texts[1:], ""] if with_meta else [*texts, ""]

    def write(self, records: list[extract.Record]) -> int:
        if not records:
            return 0
        analysed = [analyse(r) for r in records]
        # compounds are split in running text (items, letters); names and title lists need not
        prose = [a for a in analysed if a.record.kind in PROSE]
        stems = _vocabulary_stems(prose)
        if self.vocabulary is not None:
            self.vocabulary |= stems
        elif stems:
            _VOCABULARY.add(stems)
        compounds = compounds_for(prose, self.decompounder) if prose else {}
        docs = [self._doc(a, row_columns(a, compounds)) for a in analysed]
        ids = insert_rows(SearchDoc, _DOC_COLUMNS, docs, casts=_CASTS)
        parts = []
        for doc_id, item in zip(ids, analysed, strict=True):
            if item.record.kind != "item":
                continue
            day = extract.local_day(item.record.start)
            filters = [item.record.audience, item.record.body_id, int(f"{day:%Y%m%d}") if day else None]
            for kind, columns in kind_columns(item, compounds).items():
                parts.append([doc_id, kind, *filters, *self._tokens(columns, with_meta=False)])
        insert_rows(SearchPart, _PART_COLUMNS, parts, returning=False, casts=_CASTS)
        return len(ids)


#: The columns the writer fills, in the order ``Writer._doc`` and ``write`` give their values.
_DOC_COLUMNS = ("kind", "audience", "item_id", "meeting_id", "letter_id", "person_id", "case_id", "body_id",
                "start", "year", "day", "number", "order", "title", "case_key",
                "t_title", "t_meta", "t_text", "t_parts", "tsv")
_PART_COLUMNS = ("doc_id", "kind", "audience", "body_id", "day", "t_title", "t_text", "t_parts", "tsv")
_START = SearchDoc._meta.get_field("start")
_CASTS = {"tsv": "tsvector"}


# ------------------------------------------------------------------------------------------ records

def _items(queryset: QuerySet[models.AgendaItem]) -> list[models.AgendaItem]:
    return loading.with_children(queryset)


def item_records(items: Iterable[models.AgendaItem]) -> list[extract.Record]:
    return [r for item in items for r in extract.item_records(item)]


def meeting_records(meetings: Iterable[models.Meeting]) -> list[extract.Record]:
    return [extract.meeting_record(m) for m in meetings]


def _meetings(queryset: object) -> list[models.Meeting]:
    return list(queryset.select_related("body").prefetch_related(  # type: ignore[attr-defined]
        Prefetch("attendance", queryset=models.Attendance.objects.select_related("person__municipality")
                 .order_by("id"))))


_CASE_ID = Many(models.Case._meta.pk)
# prepared: a page of search hits reads the cases among them (compiling the querysets cost more
# than running them), and an import reads the cases of each batch
_CASES = Prepared(lambda _, ids: models.Case.objects.filter(pk__in=ids).select_related("body"), ids=_CASE_ID)
_CASE_ITEMS = Prepared(lambda _, ids: models.AgendaItem.objects.filter(case_id__in=ids).select_related("meeting")
                       .only("title", "number", "public", "case_id", "meeting__start", "meeting__public",
                             "meeting__state").order_by("meeting__start", "order"), ids=_CASE_ID)


def case_records(case_ids: Iterable[int]) -> list[extract.Record]:
    wanted = list(dict.fromkeys(case_ids))
    if not wanted:
        return []
    cases = _CASES.run(None, ids=wanted)
    by_case: dict[int, list[models.AgendaItem]] = {}
    for item in _CASE_ITEMS.run(None, ids=wanted):
        by_case.setdefault(item.case_id, []).append(item)  # type: ignore[arg-type]
    for case_id, listed in by_case.items():  # a case that runs for years lists its latest items only
        by_case[case_id] = listed[-CASE_ITEMS:]
    out = []
    for case in cases:
        all_items = by_case.get(case.pk, [])
        visible = [i for i in all_items if i.public and extract.meeting_visible(i.meeting)]
        out.append(extract.case_record(case, visible or all_items, bool(visible)))
    return out


def person_records(person_ids: Iterable[int]) -> list[extract.Record]:
    people = list(models.Person.objects.filter(pk__in=list(person_ids)).select_related("municipality"))
    seats: dict[int, list[str]] = {}
    for m in models.Membership.objects.filter(person__in=people).select_related("body", "term").order_by("term__start"):
        seats.setdefault(m.person_id, []).append(f"{m.body.name} {m.term.name} {m.role}".strip())
    public_meetings = models.Attendance.objects.filter(
        person__in=people, meeting__public=True).exclude(meeting__state__in=extract.DRAFT_STATES)
    seen = set(public_meetings.values_list("person_id", flat=True))
    # public only when seen at a public meeting: a membership may derive from a closed meeting alone
    return [extract.person_record(p, p.pk in seen, seats.get(p.pk, [])) for p in people]


# ------------------------------------------------------------------------------------------ services

def index_items(items: Iterable[models.AgendaItem | int]) -> None:
    """(Re)index these items, by object or id."""
    ids = [i.pk if isinstance(i, models.AgendaItem) else int(i) for i in items]
    if not ids:
        return
    SearchDoc.objects.filter(item_id__in=ids).delete()
    Writer().write(item_records(_items(models.AgendaItem.objects.filter(pk__in=ids))))


#: Most meetings, and most seconds, whose case and person rows a batch keeps queued before it
#: rewrites them: a search made during a long import works the queue off first, so the queue is
#: kept to what a search can afford to wait for.
DEFER_MEETINGS = 200
DEFER_SECONDS = 30.0


@dataclass(slots=True)
class _Deferral:
    meetings: int = 0
    since: float = field(default_factory=time.monotonic)

    def due(self) -> bool:
        self.meetings += 1
        return self.meetings >= DEFER_MEETINGS or time.monotonic() - self.since >= DEFER_SECONDS


#: Set inside ``deferred_summaries``: case and person rows are queued, not rewritten per meeting.
_DEFERRED: ContextVar[_Deferral | None] = ContextVar("moedebog_search_deferred", default=None)


@contextmanager
def deferred_summaries() -> Iterator[None]:
    """Rewrite the rows that sum up many meetings (cases, people) once per batch, not once per meeting.

    Why: a case that runs through fifty meetings, or a member who attended them all, would otherwise
    be reindexed fifty times during one import. Inside the block ``index_meeting`` queues them as
    ``SearchDirty`` marks in the document's own transaction, so a search made meanwhile still works
    the queue off before it reads (nothing stale can be found); every ``DEFER_MEETINGS`` meetings or
    ``DEFER_SECONDS`` seconds, and at the block's end, each queued row is rewritten once. An
    interrupted batch leaves the marks for the next import or search.
    """
    token = _DEFERRED.set(_Deferral())
    try:
        yield
    finally:
        _DEFERRED.reset(token)
    if SearchDirty.objects.exists():
        with transaction.atomic():
            flush_pending()


def index_meeting(meeting: models.Meeting, people: bool = True,
                  items: list[models.AgendaItem] | None = None, new: bool = False) -> None:
    """(Re)index a meeting with its items, their cases and (with ``people``) the people who attended,
    then whatever else the signal handlers queued in this transaction.

    ``items``: the meeting's items as ``archive.services.loading.meeting_items`` gives them, when the
    caller has them already (the importer, whose meeting instance is the row as just written);
    without them, meeting and items are read from the database. ``new``: the meeting was created
    in this transaction, so it has no rows to replace.
    """
    if not new:
        SearchDoc.objects.filter(meeting=meeting).delete()
    if items is None:  # the caller's instance may be older than its row (visibility!): read both afresh
        meeting = models.Meeting.objects.select_related("body").get(pk=meeting.pk)
        items = loading.meeting_items(meeting)
    attendance = list(models.Attendance.objects.filter(meeting=meeting).select_related("person__municipality")
                      .order_by("id"))
    Writer().write([extract.meeting_record(meeting, attendance), *item_records(items)])
    cases = {i.case_id for i in items if i.case_id}
    attendees = {a.person_id for a in attendance} if people else set()
    covered: dict[str, set[int]] = {"item": {i.pk for i in items}, "meeting": {meeting.pk},
                                    "meeting_row": {meeting.pk}}
    deferral = _DEFERRED.get()
    if deferral is not None:
        signals.mark("case", cases)
        signals.mark("person", attendees)
        _unmark(covered)
        if deferral.due():  # in this document's transaction, like every write of the index
            flush_pending()
            deferral.meetings, deferral.since = 0, time.monotonic()
        return
    index_cases(cases)
    attendees = _stale_people(attendees)
    index_people(attendees)
    _unmark(covered | {"case": cases, "person": attendees})
    flush_pending()


def _unmark(covered: dict[str, set[int]]) -> None:
    """Drop the marks of what was just reindexed, in one statement."""
    condition = Q()
    for kind, ids in covered.items():
        if ids:
            condition |= Q(kind=kind, object_id__in=ids)
    if condition:
        SearchDirty.objects.filter(condition).delete()


def _stale_people(person_ids: set[int]) -> set[int]:
    """Those of the people whose row is missing or lists another number of seats than they have now."""
    seats = dict(models.Membership.objects.filter(person_id__in=person_ids).values("person_id")
                 .annotate(n=Count("id")).values_list("person_id", "n"))
    rows = dict(SearchDoc.objects.filter(kind="person", person_id__in=person_ids).values_list("person_id", "number"))
    return {p for p in person_ids if rows.get(p) != str(seats.get(p, 0))}


def flush_pending() -> int:
    """Reindex what the signal handlers queued; returns how many marks were worked off."""
    marks = list(SearchDirty.objects.values_list("pk", "kind", "object_id"))
    if not marks:
        return 0
    wanted: dict[str, set[int]] = {}
    for _, kind, object_id in marks:
        wanted.setdefault(kind, set()).add(object_id)
    bodies = wanted.get("body", set())
    meetings = set(wanted.get("meeting", set())) | set(
        models.Meeting.objects.filter(body_id__in=bodies).values_list("pk", flat=True))
    items = set(wanted.get("item", set()))
    # a meeting's or case's items are reindexed only when they are in the index already
    items |= set(SearchDoc.objects.filter(kind="item", meeting_id__in=meetings).values_list("item_id", flat=True))
    items |= set(SearchDoc.objects.filter(kind="item", case_id__in=wanted.get("case_items", set()))
                 .values_list("item_id", flat=True))
    index_items(models.AgendaItem.objects.filter(pk__in=items).values_list("pk", flat=True))
    rows = models.Meeting.objects.filter(pk__in=meetings | wanted.get("meeting_row", set()))
    index_meetings_shallow(rows)
    cases = wanted.get("case", set()) | wanted.get("case_items", set())
    cases |= set(models.AgendaItem.objects.filter(pk__in=items, case__isnull=False).values_list("case_id", flat=True))
    index_cases(models.Case.objects.filter(pk__in=cases).values_list("pk", flat=True))
    people = set(wanted.get("person", set()))
    # a meeting that became (non-)public changes whether the people who attended it may be found
    people |= set(models.Attendance.objects.filter(meeting_id__in=wanted.get("meeting", set()))
                  .values_list("person_id", flat=True))
    index_people(models.Person.objects.filter(pk__in=people).values_list("pk", flat=True))
    letters = models.Letter.objects.filter(Q(pk__in=wanted.get("letter", set())) | Q(body_id__in=bodies))
    for letter in letters.select_related("body"):
        index_letter(letter)
    SearchDirty.objects.filter(pk__in=[pk for pk, _, _ in marks]).delete()
    return len(marks)


def index_meetings_shallow(meetings: Iterable[models.Meeting]) -> None:
    """Only the meeting rows (attendance changed), not their items."""
    meetings = list(meetings)
    if not meetings:
        return
    SearchDoc.objects.filter(kind="meeting", meeting__in=meetings).delete()
    Writer().write(meeting_records(_meetings(models.Meeting.objects.filter(pk__in=[m.pk for m in meetings]))))


def index_letter(letter: models.Letter) -> None:
    SearchDoc.objects.filter(letter=letter).delete()
    Writer().write([extract.letter_record(letter)])
    SearchDirty.objects.filter(kind="letter", object_id=letter.pk).delete()


def index_cases(case_ids: Iterable[int]) -> None:
    """Rewrite these cases' rows, in chunks (a batch's end may bring thousands)."""
    for ids in _chunks(sorted(set(case_ids))):
        SearchDoc.objects.filter(kind="case", case_id__in=ids).delete()
        Writer().write(case_records(ids))


def index_people(person_ids: Iterable[int]) -> None:
    for ids in _chunks(sorted(set(person_ids))):
        SearchDoc.objects.filter(kind="person", person_id__in=ids).delete()
        Writer().write(person_records(ids))


# ------------------------------------------------------------------------------------------ rebuild

@dataclass(slots=True)
class RebuildStats:
    rows: int = 0
    items: int = 0
    seconds: float = 0.0

    @property
    def items_per_second(self) -> float:
        return self.items / self.seconds if self.seconds else 0.0


def _chunks(ids: list[int], size: int = BATCH) -> Iterable[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def reindex(progress: Callable[[int, int], None] | None = None) -> RebuildStats:
    """Rebuild the whole index in one transaction (readers see the old index until it commits)."""
    started = time.perf_counter()
    stats = RebuildStats()
    with transaction.atomic():
        SearchPart.objects.all().delete()
        SearchDoc.objects.all().delete()
        SearchWord.objects.all().delete()
        SearchDirty.objects.all().delete()
        item_ids = list(models.AgendaItem.objects.order_by("meeting__start", "order").values_list("pk", flat=True))
        vocabulary = _collect_vocabulary(item_ids)
        writer = Writer(vocabulary)
        done = 0
        for chunk in _chunks(item_ids):
            stats.rows += writer.write(item_records(_items(models.AgendaItem.objects.filter(pk__in=chunk))))
            done += len(chunk)
            if progress:
                progress(done, len(item_ids))
        stats.items = len(item_ids)
        for chunk in _chunks(list(models.Meeting.objects.values_list("pk", flat=True))):
            stats.rows += writer.write(meeting_records(_meetings(models.Meeting.objects.filter(pk__in=chunk))))
        stats.rows += writer.write([extract.letter_record(x) for x in models.Letter.objects.select_related("body")])
        for chunk in _chunks(list(models.Case.objects.values_list("pk", flat=True))):
            stats.rows += writer.write(case_records(chunk))
        for chunk in _chunks(list(models.Person.objects.values_list("pk", flat=True))):
            stats.rows += writer.write(person_records(chunk))
        SearchWord.objects.bulk_create([SearchWord(stem=s) for s in sorted(writer.vocabulary or ())],
                                       batch_size=5000, ignore_conflicts=True)
    stats.seconds = time.perf_counter() - started
    return stats


def _collect_vocabulary(item_ids: list[int]) -> set[str]:
    """Every stem of the items' titles and sections: a first pass, so the first item splits as well as the last."""
    from moedebog.search.analyzer import analyze

    stems: set[str] = set()
    for chunk in _chunks(item_ids, 2000):
        rows = models.AgendaItem.objects.filter(pk__in=chunk).values_list("title", flat=True)
        texts = list(rows) + list(models.Section.objects.filter(item_id__in=chunk).values_list("text", flat=True))
        for text in texts:
            stems.update(t.term for t in analyze(text, extras=False).tokens if t.term.isalpha() and len(t.term) >= 3)
    return stems
