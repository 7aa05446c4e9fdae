"""Kill `moedebog sync` without warning mid-sync: the archive and the sync state stay consistent, and the
next run fetches only what was not finished and ends where an uninterrupted sync ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from django.db import connection

from moedebog.archive import models as archive
from moedebog.config import database_url
from moedebog.connectors.models import RemoteMeeting
from tests.connectors.conftest import documents
from tests.connectors.fakesite import ORGANIZATION, FakeServer, FakeSite
from tests.connectors.test_sync import assert_consistent

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def sync(url: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "moedebog", "sync", "firstagenda", url, "--organization",
                             ORGANIZATION, "--quiet", "--recheck-days", "0"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_kill_and_resume(tmp_path) -> None:
    site = FakeSite.from_documents(documents())
    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict),
           "MOEDEBOG_FILES": str(tmp_path / "files")}
    with FakeServer(site) as url:
        proc = sync(url, env)
        deadline = time.monotonic() + 300
        while RemoteMeeting.objects.count() < 3 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        partial = RemoteMeeting.objects.count()
        assert 3 <= partial < len(site.meetings), partial
        assert_consistent()
        fetched = site.count("dagsorden")
        proc = sync(url, env)
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, out + err
        assert f"{partial} uændrede blev ikke hentet" in out
        assert site.count("dagsorden") == fetched + len(site.meetings) - partial
    assert archive.Meeting.objects.count() == len(site.meetings)
    assert_consistent()
