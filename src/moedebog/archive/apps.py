from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "moedebog.archive"
    label = "archive"
    verbose_name = "Arkiv"
    default_auto_field = "django.db.models.BigAutoField"
