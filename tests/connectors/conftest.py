"""Fixtures for the connector tests: a fake FirstAgenda site on 127.0.0.1 and fast client options.

The client options shrink timeouts and backoff so that failures cost milliseconds; the fake site's
"timeout" fault sleeps longer than the client waits.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import pytest

from moedebog.connectors.http import ClientOptions
from tests.connectors.fakesite import FakeServer, FakeSite, build_documents

FAST = ClientOptions(concurrency=4, timeout=0.5, retries=3, backoff=0.01, max_backoff=0.05)


@functools.cache
def _documents(meetings: int, every: int) -> tuple:
    documents = build_documents(meetings, every=every)
    for document in documents:  # fewer items per meeting keep the many full syncs quick
        document.items = document.items[:3] + [i for i in document.items[3:] if not i.public][:1]
    return tuple(documents)


def documents(meetings: int = 18, every: int = 24) -> list:
    """Demo meetings spread over three election periods (cached; the site copies what it serves)."""
    return list(_documents(meetings, every))


@pytest.fixture
def files_dir(tmp_path, monkeypatch):
    folder = tmp_path / "files"
    monkeypatch.setenv("MOEDEBOG_FILES", str(folder))
    return folder


@pytest.fixture
def site() -> FakeSite:
    return FakeSite.from_documents(documents())


@pytest.fixture
def server(site: FakeSite) -> Iterator[str]:
    with FakeServer(site) as url:
        yield url
