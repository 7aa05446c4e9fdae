"""The search index as a Django app: its tables, its migrations, and the signals that keep it current."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "moedebog.search"
    label = "search"
    verbose_name = "Søgning"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from moedebog.search import signals

        signals.connect()
