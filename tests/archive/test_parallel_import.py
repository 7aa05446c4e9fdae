"""Importing with files read ahead in worker processes gives the archive the serial import gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from moedebog.archive import models
from moedebog.archive.services.batch import import_paths
from moedebog.documents import parallel
from tests.conftest import CORPUS

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def every_file_to_a_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test corpus is small text: without this, only its PDFs and Word files would go to workers."""
    monkeypatch.setattr(parallel, "EXPENSIVE_SIZE", 0)


def natural_snapshot() -> dict[str, list[tuple[object, ...]]]:
    """The archive by natural keys (database ids differ between two fillings of one database)."""
    return {
        "meetings": sorted(models.Meeting.objects.values_list("body__path", "start", "name", "location", "state")),
        "items": sorted(models.AgendaItem.objects.values_list(
            "meeting__body__path", "meeting__start", "number", "title", "case__number", "public")),
        "sections": sorted(models.Section.objects.values_list(
            "item__meeting__start", "item__number", "order", "kind", "title", "text")),
        "attendance": sorted(models.Attendance.objects.values_list(
            "meeting__start", "person__name", "group", "role")),
        "sources": sorted(models.SourceDocument.objects.values_list("sha256", "status", "kind", "error")),
    }


def test_workers_give_the_archive_a_serial_import_gives() -> None:
    folders = [CORPUS / "seeds", CORPUS / "samples"]
    serial = import_paths(folders, progress=False, jobs=0)
    expected = natural_snapshot()
    call_command("flush", interactive=False, verbosity=0)
    ahead = import_paths(folders, progress=False, jobs=2)
    assert natural_snapshot() == expected
    assert (ahead.created, ahead.failed, ahead.items, ahead.failures) == (
        serial.created, serial.failed, serial.items, serial.failures)
    again = import_paths(folders, progress=False, jobs=2)
    assert again.unchanged == serial.created and again.created == again.updated == 0


def test_a_copy_in_the_same_batch_is_recognised(tmp_path: Path) -> None:
    seed = sorted(p for p in (CORPUS / "seeds").iterdir() if p.suffix == ".txt")[0]
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(seed, tmp_path / folder / seed.name)
    summary = import_paths([tmp_path], progress=False, jobs=1)
    assert (summary.created, summary.unchanged) == (1, 1)
    assert models.SourceDocument.objects.count() == 1


def test_bad_files_read_by_workers_are_reported_and_the_rest_imported(tmp_path: Path) -> None:
    seeds = sorted(p for p in (CORPUS / "seeds").iterdir() if p.is_file())
    for seed in seeds:
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "tom.txt").write_bytes(b"")
    (tmp_path / "afbrudt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    summary = import_paths([tmp_path], progress=False, jobs=1)
    errors = dict(summary.failures)
    assert errors[str(tmp_path / "tom.txt")] == "tom fil"
    assert str(tmp_path / "afbrudt.pdf") in errors
    assert summary.created == len(seeds) and summary.failed == 2
    assert models.SourceDocument.objects.filter(status="failed").count() == 2


def test_cheap_files_are_read_here_and_expensive_ones_in_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "EXPENSIVE_SIZE", 128 * 1024)
    sent: list[str] = []
    submit = parallel.ParsePool.submit
    monkeypatch.setattr(parallel.ParsePool, "submit", lambda pool, path: sent.append(path) or submit(pool, path))
    summary = import_paths([CORPUS / "seeds", CORPUS / "samples"], progress=False, jobs=1)
    assert summary.created == 9
    assert sent and all(Path(p).suffix in (".pdf", ".docx") or Path(p).stat().st_size >= 128 * 1024 for p in sent)
    cheap = [p for p in (CORPUS / "seeds").iterdir() if p.suffix == ".txt"]
    assert cheap and not {str(p) for p in cheap} & set(sent)
