"""Each search part carries its item's audience, body and day (see SearchPart), copied from the
item's index row, so the section-kind facet filters the matching parts without a join.

The columns are added with plain ALTER TABLE on both databases: Django's SQLite schema editor
would copy the whole table into a new one for a column with a default, and dropping the old table
drops the FTS5 triggers with it. On SQLite the update trigger is first narrowed to the token
columns, so copying the filters onto every part does not re-index its text (the copy takes a
second on 10 000 meetings, re-indexing would take minutes); nothing else ever updates a part.
"""

from django.db import migrations, models

TRIGGER = (
    "CREATE TRIGGER search_part_fts_au AFTER UPDATE OF t_title, t_text, t_parts ON search_searchpart BEGIN "
    "INSERT INTO search_part_fts(search_part_fts, rowid, t_title, t_text, t_parts) "
    "VALUES ('delete', old.id, old.t_title, old.t_text, old.t_parts); "
    "INSERT INTO search_part_fts(rowid, t_title, t_text, t_parts) VALUES (new.id, new.t_title, new.t_text, new.t_parts); "
    "END"
)


def forwards(apps, schema_editor):  # noqa: ARG001
    vendor = schema_editor.connection.vendor
    statements = []
    if vendor == "sqlite":
        statements += ["DROP TRIGGER IF EXISTS search_part_fts_au", TRIGGER]
    statements += [
        "ALTER TABLE search_searchpart ADD COLUMN audience varchar(8) NOT NULL DEFAULT 'all'",
        "ALTER TABLE search_searchpart ADD COLUMN body_id bigint NULL",
        "ALTER TABLE search_searchpart ADD COLUMN day integer NULL",
        "UPDATE search_searchpart SET audience = d.audience, body_id = d.body_id, day = d.day "
        "FROM search_searchdoc d WHERE d.id = search_searchpart.doc_id",
    ]
    for sql in statements:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):  # noqa: ARG001
    for column in ("audience", "body_id", "day"):
        schema_editor.execute(f"ALTER TABLE search_searchpart DROP COLUMN {column}")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_covering_indexes")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(forwards, backwards)],
            state_operations=[
                migrations.AddField("searchpart", "audience", models.CharField(default="all", max_length=8)),
                migrations.AddField("searchpart", "body_id", models.BigIntegerField(null=True)),
                migrations.AddField("searchpart", "day", models.IntegerField(null=True)),
            ],
        ),
        migrations.RemoveIndex(model_name="searchpart", name="search_part_cover"),
        migrations.AddIndex(
            model_name="searchpart",
            index=models.Index(fields=["id", "kind", "doc", "audience", "body_id", "day"], name="search_part_filters"),
        ),
    ]
