"""Index rows are replaced, never updated: triggers now refuse an update of the columns a search
keeps in memory (``search.columns``), on both databases.

Why: each web process holds those columns of every index row it has met, and trusts them for as
long as the row exists. That is only safe if a row's audience, kind, body, dates and order can
never change under it; the indexer already deletes a record's rows and writes new ones, and this
makes it a rule the database keeps. The token columns may still be updated (nothing does).

The two covering indexes that served the joins a search used to make from each match to its row
(``search_doc_cover``, ``search_part_filters``) are dropped: searches no longer join, and every
import paid for writing them.
"""

from django.db import migrations

DOC_COLUMNS = 'audience, kind, body_id, year, day, start, "order"'
PART_COLUMNS = "doc_id, kind, audience, body_id, day"
MESSAGE = "search index rows are replaced, never updated"


def forwards(apps, schema_editor):  # noqa: ARG001
    vendor = schema_editor.connection.vendor
    tables = (("search_doc_frozen", "search_searchdoc", DOC_COLUMNS),
              ("search_part_frozen", "search_searchpart", PART_COLUMNS))
    if vendor == "sqlite":
        for name, table, columns in tables:
            schema_editor.execute(f"CREATE TRIGGER {name} BEFORE UPDATE OF {columns} ON {table} "
                                  f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
    elif vendor == "postgresql":
        schema_editor.execute("CREATE FUNCTION search_row_frozen() RETURNS trigger LANGUAGE plpgsql AS "
                              f"$$ BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$")
        for name, table, columns in tables:
            schema_editor.execute(f"CREATE TRIGGER {name} BEFORE UPDATE OF {columns} ON {table} "
                                  "FOR EACH ROW EXECUTE FUNCTION search_row_frozen()")


def backwards(apps, schema_editor):  # noqa: ARG001
    vendor = schema_editor.connection.vendor
    for name, table in (("search_doc_frozen", "search_searchdoc"), ("search_part_frozen", "search_searchpart")):
        if vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    if vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS search_row_frozen()")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_part_filters")]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.RemoveIndex(model_name="searchdoc", name="search_doc_cover"),
        migrations.RemoveIndex(model_name="searchpart", name="search_part_filters"),
    ]
