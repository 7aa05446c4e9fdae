"""Django app configuration for the secretariat's workflow."""

from __future__ import annotations

from django.apps import AppConfig


class SecretariatConfig(AppConfig):
    name = "moedebog.secretariat"
    label = "secretariat"
    verbose_name = "Sekretariat"
    default_auto_field = "django.db.models.BigAutoField"
