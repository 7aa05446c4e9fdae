from django.db import migrations, models


class Migration(migrations.Migration):
    """One generation per scope (all, shared, body:<id>) instead of one for the whole archive."""

    dependencies = [("public_site", "0001_initial")]

    operations = [
        migrations.DeleteModel(name="Generation"),
        migrations.CreateModel(
            name="CacheGeneration",
            fields=[
                ("scope", models.CharField(max_length=40, primary_key=True, serialize=False, verbose_name="område")),
                ("value", models.BigIntegerField(default=0, verbose_name="værdi")),
            ],
            options={"verbose_name": "arkivets generation", "verbose_name_plural": "arkivets generationer"},
        ),
    ]
