"""A long run of writes does not map the SQLite file (its resident size would grow with the archive)."""

from __future__ import annotations

import pytest
from django.db import connection

from moedebog.archive.services.bulk import bulk_writes
from moedebog.config import SQLITE_MMAP_BYTES

pytestmark = pytest.mark.django_db


def _mmap_size() -> int:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA mmap_size")
        return cursor.fetchone()[0]


def test_bulk_writes_unmap_the_file_and_map_it_again() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("a SQLite setting")
    assert _mmap_size() == SQLITE_MMAP_BYTES
    with bulk_writes():
        assert _mmap_size() == 0
    assert _mmap_size() == SQLITE_MMAP_BYTES
