"""Django app configuration for appointments and consultations."""

from __future__ import annotations

from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "moedebog.council"
    label = "council"
    verbose_name = "Udpegninger og høringer"
    default_auto_field = "django.db.models.BigAutoField"
