"""Django app configuration for the public web archive."""

from __future__ import annotations

from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "moedebog.site"
    label = "public_site"
    verbose_name = "Offentligt arkiv"

    def ready(self) -> None:
        from moedebog.site.pagecache import connect_signals

        connect_signals()
