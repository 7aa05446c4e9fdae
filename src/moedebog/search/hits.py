"""The hits of one page of results: index rows → ``Hit``s with their snippets.

The engine decides which rows are on the page; this module reads those rows, the archive
records behind them (for the text their snippets are cut from, at the row's own audience) and
makes each hit's title, address and snippet. Its cost grows with the page, not with the match.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from moedebog.archive import models
from moedebog.archive.prepared import Many, Prepared, fetch
from moedebog.archive.services import loading
from moedebog.search import extract, indexer, snippets
from moedebog.search.models import SearchDoc
from moedebog.search.plan import Plan
from moedebog.search.results import Hit

# The few rows behind a page, by id, as prepared statements: compiling the querysets anew on every
# search cost more than running them. The index rows' tokens are large and not shown.
_DOCS = Prepared(lambda _, ids: SearchDoc.objects.filter(pk__in=ids).select_related("body")
                 .defer("t_title", "t_meta", "t_text", "t_parts", "tsv"), ids=Many(SearchDoc._meta.pk))
_ITEM_ID = Many(models.AgendaItem._meta.pk)
_ITEMS = Prepared(lambda _, ids: models.AgendaItem.objects.filter(pk__in=ids).select_related("meeting")
                  .only("public", "meeting__public", "meeting__state"), ids=_ITEM_ID)
# Sections and attachments as plain rows: a page's hits have dozens, and a snippet needs only their
# kind, title and text (a model instance each cost more than reading it).
_SECTIONS = Prepared(lambda _, ids: models.Section.objects.filter(item_id__in=ids).order_by("item_id", "order")
                     .values_list("item_id", "kind", "title", "text"), ids=_ITEM_ID)
_ATTACHMENTS = Prepared(lambda _, ids: models.Attachment.objects.filter(item_id__in=ids)
                        .order_by("item_id", "order").values_list("item_id", "title", "text"), ids=_ITEM_ID)


@dataclass(slots=True)
class _Text:
    """What ``extract`` reads of a section or an attachment."""

    kind: str
    title: str
    text: str


def hits(rows: list[tuple], p: Plan, kinds: tuple[str, ...]) -> list[Hit]:
    scores = {row[0]: float(row[1] or 0) for row in rows}
    docs = {d.pk: d for d in _DOCS.run(None, ids=list(scores))} if scores else {}
    exact, prefixes, phrases = p.highlight()
    fields = _fields([docs[i] for i in scores if i in docs])
    hits = []
    for doc_id, score in scores.items():
        doc = docs.get(doc_id)
        if doc is None:
            continue
        hit = _hit(doc)
        hit.score = score
        chosen = [f for f in fields.get(doc.pk, []) if not kinds or f.kind in kinds]
        hit.snippet, hit.section_kind = snippets.make(chosen, exact, prefixes, phrases)
        hits.append(hit)
    return hits


def _fields(docs: list[SearchDoc]) -> dict[int, list[extract.Field]]:
    """The indexed text of each hit, for its audience: what its snippet may be cut from."""
    out: dict[int, list[extract.Field]] = {}
    by_kind: dict[str, list[SearchDoc]] = {}
    for doc in docs:
        by_kind.setdefault(doc.kind, []).append(doc)
    records: list[extract.Record] = []
    if "item" in by_kind:
        # only what an item's fields and audiences are made of (not the meta text the index also has)
        found = _items([d.item_id for d in by_kind["item"]])  # type: ignore[misc]
        records += [extract.Record("item", audience, "", fields=extract.item_fields(item, decisions), item_id=item.pk)
                    for item in found for audience, decisions in extract.item_audiences(item)]
    if "meeting" in by_kind:
        records += indexer.meeting_records(indexer._meetings(models.Meeting.objects.filter(
            pk__in=[d.meeting_id for d in by_kind["meeting"]])))
    if "letter" in by_kind:
        records += [extract.letter_record(x) for x in models.Letter.objects.filter(
            pk__in=[d.letter_id for d in by_kind["letter"]]).select_related("body")]
    if "case" in by_kind:
        records += indexer.case_records([d.case_id for d in by_kind["case"]])  # type: ignore[misc]
    if "person" in by_kind:
        records += indexer.person_records([d.person_id for d in by_kind["person"]])  # type: ignore[misc]
    keyed = {(r.kind, r.item_id or r.meeting_id or r.letter_id or r.case_id or r.person_id, r.audience): r
             for r in records}
    for doc in docs:
        record = keyed.get((doc.kind, _object_id(doc), doc.audience))
        out[doc.pk] = record.fields if record else []
    return out


def _items(ids: list[int]) -> list[models.AgendaItem]:
    """The items with what their fields and audiences are made of: meeting, sections, attachments."""
    items = _ITEMS.run(None, ids=ids)
    sections: dict[int, list[_Text]] = {}
    for item_id, kind, title, text in fetch(*_SECTIONS.sql(None, ids=ids)):
        sections.setdefault(item_id, []).append(_Text(kind, title, text))
    attachments: dict[int, list[_Text]] = {}
    for item_id, title, text in fetch(*_ATTACHMENTS.sql(None, ids=ids)):
        attachments.setdefault(item_id, []).append(_Text("attachment", title, text))
    for item in items:
        loading.attach(item, sections.get(item.pk, []), attachments.get(item.pk, []), [])  # type: ignore[arg-type]
    return items


def _object_id(doc: SearchDoc) -> int | None:
    return {"item": doc.item_id, "meeting": doc.meeting_id, "letter": doc.letter_id, "case": doc.case_id,
            "person": doc.person_id}[doc.kind]


def _hit(doc: SearchDoc) -> Hit:
    start = timezone.localtime(doc.start) if doc.start and timezone.is_aware(doc.start) else doc.start
    day = start.date().isoformat() if start else ""
    path = doc.body.path if doc.body else None
    hit = Hit(kind=doc.kind, title=doc.title, url="", body=doc.body.name if doc.body else None, body_path=path,
              meeting_start=start if doc.kind in ("item", "meeting") else None,
              object_id=_object_id(doc) or 0, public=doc.audience != "internal",
              day=start.date() if start else None)
    if doc.kind == "item":
        hit.item_number = doc.number
        hit.url = f"/{path}/{day}/{doc.number}"
    elif doc.kind == "meeting":
        hit.url = f"/{path}/{day}"
    elif doc.kind == "letter":
        hit.url = f"/breve/{doc.letter_id}"
        hit.meeting_start = None
    elif doc.kind == "case":
        hit.url = f"/{path}/sager/{doc.case_key}"
    else:
        hit.url = f"/personer/{doc.person_id}"
    return hit
