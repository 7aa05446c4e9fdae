"""Plain multi-row INSERT statements for the import's hot paths.

Why not ``bulk_create``: a meeting brings some fifty sections and, in the search index, a dozen
documents with forty parts. Building a model instance per row and compiling each statement through
the ORM cost more than the database's own work; an import of ten years of minutes writes millions
of such rows. Only rows that no signal handler needs to see are written this way (``bulk_create``
sends no signals either). Both databases return the ids of a multi-row insert in the order of its
rows, which ``bulk_create`` relies on as well.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.db import connection
from django.db.models import Model

#: Most rows per statement (SQLite also caps the number of parameters; see ``insert_rows``).
MAX_ROWS = 500


def insert_rows(model: type[Model], columns: Sequence[str], rows: Sequence[Sequence[object]],
                returning: bool = True, casts: Mapping[str, str] | None = None) -> list[int]:
    """Insert ``rows`` (values in the order of ``columns``); returns their ids in order when ``returning``.

    Values must be ready for the database (``Field.get_db_prep_save`` for dates and times). ``casts``
    gives a column's SQL cast on PostgreSQL, such as ``{"tsv": "tsvector"}``.
    """
    if not rows:
        return []
    qn = connection.ops.quote_name
    postgres = connection.vendor == "postgresql"
    placeholders = [f"%s::{casts[c]}" if postgres and casts and c in casts else "%s" for c in columns]
    one = "(" + ", ".join(placeholders) + ")"
    head = f"INSERT INTO {qn(model._meta.db_table)} ({', '.join(qn(c) for c in columns)}) VALUES "
    tail = f" RETURNING {qn(model._meta.pk.column)}" if returning else ""
    limit = connection.features.max_query_params or 65535
    per_statement = max(1, min(MAX_ROWS, limit // len(columns)))
    ids: list[int] = []
    with connection.cursor() as cursor:
        for i in range(0, len(rows), per_statement):
            chunk = rows[i:i + per_statement]
            cursor.execute(head + ", ".join([one] * len(chunk)) + tail, [v for row in chunk for v in row])
            if returning:
                ids.extend(row[0] for row in cursor.fetchall())
    return ids
