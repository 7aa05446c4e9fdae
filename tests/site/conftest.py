"""Site tests share one archive per test module, built once and committed, so that the pages and
the server started by the browser tests (a separate process) see the same rows. Tests themselves
run in transactions that are rolled back; the archive is flushed when the module ends."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from tests.site import corpus


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, tmp_path_factory) -> corpus.Planted:
    from django.core.management import call_command

    folder: Path = tmp_path_factory.mktemp("korpus")
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
        planted = corpus.build(folder)
        yield planted
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def site(archive, db) -> corpus.Planted:
    """The archive, for a test that reads it through Django's test client."""
    return archive


@pytest.fixture
def staff(client, db):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("sekretaer", "s@example.dk", "kodeord-123", is_staff=True)
    client.force_login(user)
    return user


warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")
