"""Search tests run against whichever database DATABASE_URL names: `make test` runs them on SQLite and
again on PostgreSQL, so one behaviour suite proves both backends.

The corpus (the real seeds and samples plus a small generated demo archive) is imported once per
module and removed again afterwards, so the tests of other modules start from an empty database.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import CORPUS


def load_corpus(tmp_dir: object) -> None:
    """Import the seeds, the samples and a small demo archive (the same data bench/relevance.py uses)."""
    from moedebog.archive.services.batch import import_paths
    from moedebog.demo import write_corpus

    write_corpus(tmp_dir, 8, formats=("txt",), seed=0, committee_meetings=4)  # type: ignore[arg-type]
    import_paths([CORPUS / "seeds", CORPUS / "samples", tmp_dir], progress=False)  # type: ignore[list-item]


@pytest.fixture(scope="module")
def corpus(django_db_setup: None, django_db_blocker: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    from django.core.management import call_command

    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        load_corpus(tmp_path_factory.mktemp("demo"))
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0)


def keys(result: object, kind: str | None = "item") -> list[tuple[str | None, str | None, str | None]]:
    """(body path, meeting date, item number) of each hit, in order."""
    return [h.key() for h in result.hits if kind is None or h.kind == kind]  # type: ignore[attr-defined]
