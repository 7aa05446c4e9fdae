from django.apps import AppConfig


class ConnectorsConfig(AppConfig):
    name = "moedebog.connectors"
    label = "connectors"
    verbose_name = "Synkronisering"
    default_auto_field = "django.db.models.BigAutoField"
