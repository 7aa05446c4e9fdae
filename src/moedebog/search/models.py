"""The search index's tables: one row per findable record, one per (item, section kind), the vocabulary.

The rows hold the *analysed* tokens, never the text: results and snippets are read from the
archive itself, so the index cannot show anything the archive no longer holds. On SQLite the
token columns are the external content of FTS5 tables (kept in step by triggers, see the
migration); on PostgreSQL ``tsv`` holds the same tokens, with their positions and weights, under
a GIN index, and the token columns stay empty. Foreign keys cascade: deleting an item, meeting,
letter, person or case deletes its index rows in the same transaction.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from moedebog.archive.models import AgendaItem, Body, Case, Letter, Meeting, Person


class TsVectorField(models.TextField):
    """A PostgreSQL ``tsvector`` column (text elsewhere, where it stays empty)."""

    def db_type(self, connection: Any) -> str:
        return "tsvector" if connection.vendor == "postgresql" else "text"

    def get_placeholder(self, value: object, compiler: Any, connection: Any) -> str:
        return "%s::tsvector" if connection.vendor == "postgresql" else "%s"


class SearchDoc(models.Model):
    """A findable record: an agenda item, meeting, letter, person or case.

    ``audience`` says who may find the row: "all", or "public"/"internal" when the two see different
    text (an item whose decision is still a draft has a public row without it and an internal row
    with it). A public search reads rows for "all" and "public", an internal one "all" and "internal".
    """

    class Kind(models.TextChoices):
        ITEM = "item", "Punkt"
        MEETING = "meeting", "Møde"
        LETTER = "letter", "Brev"
        PERSON = "person", "Person"
        CASE = "case", "Sag"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    item = models.ForeignKey(AgendaItem, null=True, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(Meeting, null=True, on_delete=models.CASCADE, related_name="+")
    letter = models.ForeignKey(Letter, null=True, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, null=True, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, null=True, on_delete=models.CASCADE, related_name="+")
    body = models.ForeignKey(Body, null=True, on_delete=models.CASCADE, related_name="+")
    audience = models.CharField(max_length=8, default="all")  # all | public | internal
    start = models.DateTimeField(null=True)
    year = models.IntegerField(null=True)
    day = models.IntegerField(null=True)  # the local date as YYYYMMDD, for date filters without time zones
    number = models.CharField(max_length=20, blank=True)
    order = models.IntegerField(default=0)
    title = models.CharField(max_length=1000, blank=True)
    case_key = models.CharField(max_length=120, blank=True, db_index=True)
    t_title = models.TextField(blank=True)
    t_meta = models.TextField(blank=True)
    t_text = models.TextField(blank=True)
    t_parts = models.TextField(blank=True)
    tsv = TsVectorField(blank=True, default="")

    class Meta:
        indexes = [
            models.Index(fields=["audience", "kind"], name="search_doc_audience_kind"),
            models.Index(fields=["start"], name="search_doc_start"),
            models.Index(fields=["body", "start"], name="search_doc_body_start"),
        ]


class SearchPart(models.Model):
    """An item's title with the text of one section kind: what ``type:beslutning`` searches.

    ``audience``, ``body_id`` and ``day`` repeat the item's index row, so that the section-kind
    facet filters the matching parts without joining each to its row (a search of a common word
    matches tens of thousands). Index rows are written together with their parts and never
    updated, only deleted and written again (migration 0006 makes the database refuse an update),
    so the copies cannot drift."""

    doc = models.ForeignKey(SearchDoc, on_delete=models.CASCADE, related_name="parts")
    kind = models.CharField(max_length=20)
    audience = models.CharField(max_length=8, default="all")
    body_id = models.BigIntegerField(null=True)
    day = models.IntegerField(null=True)
    t_title = models.TextField(blank=True)
    t_text = models.TextField(blank=True)
    t_parts = models.TextField(blank=True)
    tsv = TsVectorField(blank=True, default="")

    class Meta:
        indexes = [
            models.Index(fields=["kind", "doc"], name="search_part_kind_doc"),
        ]


class SearchWord(models.Model):
    """A stem seen in the archive: the vocabulary compound words are split against."""

    stem = models.CharField(max_length=40, primary_key=True)


class SearchDirty(models.Model):
    """A record whose index rows must be rebuilt: written by the signal handlers in the editing transaction,
    worked off by the next index call or search (``indexer.flush_pending``)."""

    kind = models.CharField(max_length=12)
    object_id = models.BigIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_dirty_unique")]
