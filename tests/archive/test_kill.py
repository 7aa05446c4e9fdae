"""Kill the import process at an arbitrary moment: the database stays consistent and a second run
finishes the job, ending where an uninterrupted import ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from django.db import connection

from moedebog.archive import models
from moedebog.commands.stats import counts
from moedebog.config import database_url
from moedebog.demo.corpus import write_corpus

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def run_import(folder, env, kill_after: float | None = None) -> int | None:
    proc = subprocess.Popen([sys.executable, "-m", "moedebog", "import", "--quiet", str(folder)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if kill_after is None:
        return proc.wait(timeout=600)
    deadline = time.monotonic() + 120
    # wait until the import has started writing, then kill it without warning
    while models.SourceDocument.objects.count() < 5 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return None


def assert_consistent() -> None:
    for source in models.SourceDocument.objects.filter(status="imported", meeting__isnull=False):
        assert source.meeting.items.exists(), f"{source.name}: meeting without items"
    assert not models.Meeting.objects.filter(sources__isnull=True).exists(), "meeting without its source"
    for meeting in models.Meeting.objects.filter(sources__kind="minutes").distinct():
        assert meeting.attendance.exists(), f"{meeting}: minutes imported without their attendance"


def test_kill_and_resume(tmp_path) -> None:
    folder = tmp_path / "corpus"
    write_corpus(folder, 40, formats=("txt", "json"))
    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict)}
    run_import(folder, env, kill_after=0.3)
    partial = counts()
    assert 0 < partial["documents"] < 80, partial
    assert_consistent()
    assert run_import(folder, env) == 0
    finished = counts()
    assert finished["documents"] == 80
    # the same corpus imported in one go gives the same archive
    models.Attendance.objects.all().delete()
    for model in (models.ForwardPlanEntry, models.ItemAbsence, models.Section, models.Attachment, models.Topic,
                  models.AgendaItem, models.Heading, models.SourceDocument, models.Membership, models.Meeting,
                  models.Case, models.Letter, models.Person, models.Body, models.Municipality, models.Term):
        model.objects.all().delete()
    assert run_import(folder, env) == 0
    assert counts() == finished
