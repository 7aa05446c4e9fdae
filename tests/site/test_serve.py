"""`moedebog serve`'s two ways to run gunicorn's workers: threaded by default (the server can face
browsers itself), synchronous with ``--threads 1`` (one request at a time a process, behind a
reverse proxy). Both serve the archive; the synchronous one closes each connection after its
answer, as gunicorn's synchronous workers do."""

from __future__ import annotations

import argparse
import http.client
from urllib.parse import urlparse

import pytest
from django.db import connection

from moedebog.commands import serve
from tests.site import browser
from tests.site.browser import ROOT

pytestmark = pytest.mark.django_db


def _options(threads: int, workers: int = 0) -> dict[str, object]:
    return serve.gunicorn_options(argparse.Namespace(host="127.0.0.1", port=8000, workers=workers,
                                                     threads=threads, access_log=False))


def test_threads_choose_the_worker_class_and_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve.os, "cpu_count", lambda: 8)
    threaded, synchronous = _options(4), _options(1)
    assert (threaded["worker_class"], threaded["workers"], threaded["threads"]) == ("gthread", 9, 4)
    assert (synchronous["worker_class"], synchronous["workers"]) == ("sync", 16)
    assert _options(1, workers=3)["workers"] == 3
    assert _options(0)["worker_class"] == "sync"  # at least one thread


def _get(url: str, path: str) -> tuple[int, str | None]:
    """Status and Connection header of one request on a connection of its own."""
    parts = urlparse(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Connection")
    finally:
        connection.close()


@pytest.mark.parametrize("threads", [1, 4])
def test_both_kinds_of_worker_serve_the_archive(archive, django_db_blocker, threads: int) -> None:
    from moedebog.config import database_url

    with django_db_blocker.unblock():
        url = database_url(connection.settings_dict)
    running = browser.Server(url, threads=threads)
    try:
        for path in ("/", "/kkr-midtjylland/2020-02-05/", "/soeg/?q=referat"):
            status, kept = _get(running.url, path)
            assert status == 200, path
            if threads == 1:
                assert (kept or "").lower() == "close"
    finally:
        running.stop()
        with django_db_blocker.unblock():
            browser.wait_for_other_sessions(connection)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's test databases")
def test_a_test_database_left_behind_is_dropped_after_the_run(django_db_blocker) -> None:
    """scripts/with_postgres.py drops what a run's process left, even with a session still open."""
    import importlib.util

    import psycopg

    from moedebog.config import database_url

    spec = importlib.util.spec_from_file_location("with_postgres", ROOT / "scripts" / "with_postgres.py")
    with_postgres = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(with_postgres)
    with django_db_blocker.unblock():
        url = database_url(connection.settings_dict)
    pid = 4_000_000_000  # no process has it
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE test_left_{pid}")
        admin.execute(f"CREATE DATABASE test_kept_{pid}1")  # another run's
    try:
        with psycopg.connect(url.rsplit("/", 1)[0] + f"/test_left_{pid}"):  # still open while it is dropped
            assert with_postgres.drop_leftovers(url, pid) == [f"test_left_{pid}"]
        with psycopg.connect(url, autocommit=True) as admin:
            names = {r[0] for r in admin.execute("SELECT datname FROM pg_database WHERE datname LIKE 'test_%%'")}
        assert f"test_left_{pid}" not in names and f"test_kept_{pid}1" in names
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            for name in (f"test_left_{pid}", f"test_kept_{pid}1"):
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
