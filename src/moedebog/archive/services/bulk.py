"""The database connection set up for a long run of writes: an import or a sync."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

from moedebog.config import SQLITE_MMAP_BYTES


@contextmanager
def bulk_writes() -> Iterator[None]:
    """Turn SQLite's memory map of the database file off for the run, and back on after it.

    Why: the map (``config.SQLITE_MMAP_BYTES``) is for the web server's readers, which share the
    file's pages. A process that writes the whole archive touches nearly every page, and each page
    it touched through the map counts as its own resident memory, so an import's size would grow
    with the database. The few rows an import reads per document come as fast from the operating
    system's file cache without the map.
    """
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA mmap_size=0")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
