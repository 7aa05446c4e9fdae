from django.db import migrations, models


class Migration(migrations.Migration):
    """Covering indexes for the join from a full-text match to its index rows (see models.py)."""

    dependencies = [("search", "0003_dirty")]

    operations = [
        migrations.AddIndex(
            model_name="searchdoc",
            index=models.Index(fields=["id", "audience", "kind", "body", "year", "day", "start", "order", "case_key"],
                               name="search_doc_cover"),
        ),
        migrations.AddIndex(
            model_name="searchpart",
            index=models.Index(fields=["id", "doc", "kind"], name="search_part_cover"),
        ),
    ]
