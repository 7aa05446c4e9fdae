"""Start Django from the CLI or a script, and create or migrate the database on first use.

A new user runs `moedebog import some/folder` and it works: no separate `migrate` step.
"""

from __future__ import annotations

import os

_READY = False


def setup(migrate: bool = True) -> None:
    """Configure Django once per process; with ``migrate``, apply pending migrations quietly."""
    global _READY
    if _READY:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "moedebog.settings")
    import django

    django.setup()
    if migrate:
        migrate_quietly()
    _READY = True


def migrate_quietly() -> None:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
