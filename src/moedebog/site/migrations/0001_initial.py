from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Generation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("value", models.BigIntegerField(default=0, verbose_name="værdi")),
            ],
            options={"verbose_name": "arkivets generation", "verbose_name_plural": "arkivets generation"},
        ),
    ]
