"""The full-text structures, per database: FTS5 tables on SQLite, GIN indexes on PostgreSQL.

SQLite: two external-content FTS5 tables read their columns from search_searchdoc and
search_searchpart; triggers keep them in step with every insert, update and delete of those rows,
so whatever writes or deletes index rows (the indexer, a cascade from the archive, a test flush)
leaves the full-text index consistent in the same transaction. PostgreSQL: the ``tsv`` columns get
GIN indexes. Any other database gets nothing, and search says so.
"""

from django.db import migrations

FTS = {
    "search_doc_fts": ("search_searchdoc", ("t_title", "t_meta", "t_text", "t_parts")),
    "search_part_fts": ("search_searchpart", ("t_title", "t_text", "t_parts")),
}


def _sqlite_statements() -> list[str]:
    out = []
    for fts, (table, columns) in FTS.items():
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        out += [
            f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 0')",
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
            f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
        ]
    return out


def forwards(apps, schema_editor):  # noqa: ARG001
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = _sqlite_statements()
    elif vendor == "postgresql":
        statements = [
            "CREATE INDEX search_doc_tsv ON search_searchdoc USING GIN (tsv)",
            "CREATE INDEX search_part_tsv ON search_searchpart USING GIN (tsv)",
        ]
    else:
        statements = []
    for sql in statements:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):  # noqa: ARG001
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for fts in FTS:
            for suffix in ("ai", "ad", "au"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            schema_editor.execute(f"DROP TABLE IF EXISTS {fts}")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_doc_tsv")
        schema_editor.execute("DROP INDEX IF EXISTS search_part_tsv")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
