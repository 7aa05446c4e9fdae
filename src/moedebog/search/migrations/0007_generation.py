"""PostgreSQL: a generation number that every committed change to the search index raises.

Why: a search keeps what it derived from a match (its rows, their columns and scores) while the
index does not change (``search.phrases``), and needs a cheap statement whose answer changes with
every committed write. SQLite has one in FTS5's own record of rows and tokens; PostgreSQL has
nothing of the kind (its statistics lag, ``count(*)`` visits every row, and a sequence moves
before the writer commits, so a search could keep what it read before the commit under the
number that came after it).

How: a statement trigger on both index tables (insert, update, delete, truncate) notes, once per
transaction, a row in ``search_generation_pending``; a constraint trigger deferred to the commit
raises ``search_generation.value`` by one and removes the note. The number thus moves in the
committing transaction itself: a reader sees the new rows and the new number together, never one
without the other, and a rolled-back write moves nothing. Writers wait for each other only for
the instant of the update at commit, not for the length of their transactions. SQLite: nothing.
"""

from django.db import migrations

TABLES = ("search_searchdoc", "search_searchpart")

FORWARDS = [
    "CREATE TABLE search_generation (id integer PRIMARY KEY CHECK (id = 1), value bigint NOT NULL)",
    "INSERT INTO search_generation VALUES (1, 0)",
    "CREATE TABLE search_generation_pending (noted boolean NOT NULL DEFAULT true)",
    # once per transaction: the setting is local to it, and reverts with a rolled-back savepoint
    """CREATE FUNCTION search_index_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF current_setting('moedebog.search_changed', true) IS DISTINCT FROM 'on' THEN
            PERFORM set_config('moedebog.search_changed', 'on', true);
            INSERT INTO search_generation_pending DEFAULT VALUES;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION search_generation_next() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE search_generation SET value = value + 1 WHERE id = 1;
        DELETE FROM search_generation_pending;
        RETURN NULL;
    END $$""",
    *(f"CREATE TRIGGER {table}_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
      "FOR EACH STATEMENT EXECUTE FUNCTION search_index_changed()" for table in TABLES),
    "CREATE CONSTRAINT TRIGGER search_generation_at_commit AFTER INSERT ON search_generation_pending "
    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_generation_next()",
]

BACKWARDS = [
    *(f"DROP TRIGGER IF EXISTS {table}_changed ON {table}" for table in TABLES),
    "DROP TABLE IF EXISTS search_generation_pending",
    "DROP TABLE IF EXISTS search_generation",
    "DROP FUNCTION IF EXISTS search_index_changed()",
    "DROP FUNCTION IF EXISTS search_generation_next()",
]


def forwards(apps, schema_editor):  # noqa: ARG001
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARDS:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):  # noqa: ARG001
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARDS:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0006_frozen_rows")]

    operations = [migrations.RunPython(forwards, backwards)]
