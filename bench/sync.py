"""Sync benchmark: a fake FirstAgenda site of 400 meetings and 6 000 items on loopback.

    .venv/bin/python bench/sync.py                       # 400 meetings, 6 000 items, a fresh SQLite archive
    .venv/bin/python bench/sync.py --meetings 100 --items 1500 --latency 0.02
    DATABASE_URL=postgres://... .venv/bin/python bench/sync.py --keep-database

Serves the demo's committee meetings in FirstAgenda's API shape from 127.0.0.1 in a child process (the tests' fake site,
with the session cookie demanded), then measures in one run:

- the first sync into an empty archive: meetings per second (target at least 20), and how much of the
  time the archive's import service took (the part of the pipeline the connector does not own);
- an unchanged re-sync: its time as a fraction of the first (target under 5 %).

Prints a table with the targets and writes the figures to bench/results/sync.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))


@contextlib.contextmanager
def _served_elsewhere(site: Any, server: Any) -> Iterator[str]:
    """Serve the fake site from a forked child process and yield its address.

    Why a process: a real site runs on another machine. Served from a thread of this process, the
    fake site's request handling would compete with the sync for this interpreter's lock and be
    counted as the connector's time.
    """
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe()

    def serve() -> None:
        with server(site) as url:
            child.send(url)
            child.recv()  # until the benchmark is done

    process = context.Process(target=serve, name="fake-firstagenda", daemon=True)
    process.start()
    try:
        yield parent.recv()
    finally:
        parent.send("stop")
        process.join(timeout=10)
        if process.is_alive():
            process.kill()


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="moedebog-bench-sync-"))
    try:
        return _measure(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # the archive and files of the run (tens of MB)


def _measure(work: Path) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=400)
    parser.add_argument("--items", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds the fake site waits per request")
    parser.add_argument("--keep-database", action="store_true", help="use DATABASE_URL as it is (it must be empty)")
    args = parser.parse_args()

    if not args.keep_database:
        os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    os.environ["MOEDEBOG_FILES"] = str(work / "files")

    from moedebog.boot import setup

    setup()
    from tests.connectors.fakesite import ORGANIZATION, FakeServer, FakeSite, build_documents

    from moedebog.connectors.firstagenda import sync as sync_module
    from moedebog.connectors.firstagenda.sync import SyncOptions, sync_firstagenda
    from moedebog.connectors.http import ClientOptions

    started = time.monotonic()
    documents = build_documents(args.meetings, args.items, seed=args.seed)
    site = FakeSite.from_documents(documents, latency=args.latency, page_cap=200)
    print(f"fake site: {len(site.meetings)} meetings, {sum(len(d.items) for d in documents)} items "
          f"({time.monotonic() - started:.1f} s to generate)", file=sys.stderr)

    import_seconds = 0.0
    real_import = sync_module.import_bytes

    def timed_import(*a, **k):
        nonlocal import_seconds
        t = time.perf_counter()
        try:
            return real_import(*a, **k)
        finally:
            import_seconds += time.perf_counter() - t

    sync_module.import_bytes = timed_import
    options = SyncOptions(organization=ORGANIZATION, progress=False, recheck_days=0,
                          client=ClientOptions(concurrency=args.concurrency, timeout=30))
    with _served_elsewhere(site, FakeServer) as url:
        first = sync_firstagenda(url, options)
        first_import = import_seconds
        second = sync_firstagenda(url, options)
    if first.failed or second.failed or first.fetched != len(site.meetings):
        print("\n".join(first.lines() + second.lines()), file=sys.stderr)
        return 1

    per_second = first.fetched / first.seconds
    fraction = second.seconds / first.seconds
    results = {
        "meetings": len(site.meetings),
        "items": first.documents.items,
        "concurrency": args.concurrency,
        "latency_s": args.latency,
        "database": "postgresql" if os.environ["DATABASE_URL"].startswith("postgres") else "sqlite",
        "first_sync_s": round(first.seconds, 3),
        "meetings_per_s": round(per_second, 2),
        "import_service_s": round(first_import, 3),
        "import_service_share": round(first_import / first.seconds, 3),
        "import_ms_per_meeting": round(1000 * first_import / first.fetched, 1),
        "connector_ms_per_meeting": round(1000 * (first.seconds - first_import) / first.fetched, 1),
        "requests_first": first.requests,
        "resync_s": round(second.seconds, 3),
        "resync_fraction": round(fraction, 4),
        "requests_resync": second.requests,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "sync.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"{'measure':<44}{'value':>12}  target")
    print(f"{'first sync: meetings per second':<44}{per_second:>12.1f}  >= 20  {_mark(per_second >= 20)}")
    print(f"{'  of which archive import, ms per meeting':<44}{results['import_ms_per_meeting']:>12.1f}")
    print(f"{'  of which connector, ms per meeting':<44}{results['connector_ms_per_meeting']:>12.1f}")
    print(f"{'unchanged re-sync, fraction of first':<44}{fraction:>11.2%}  < 5 %  {_mark(fraction < 0.05)}")
    print(f"{'first sync, seconds':<44}{first.seconds:>12.2f}")
    print(f"{'re-sync, seconds':<44}{second.seconds:>12.3f}")
    print(f"{'load average (1, 5, 15 min)':<44}{' '.join(f'{x:.1f}' for x in os.getloadavg()):>12}")
    print(f"written to {RESULTS / 'sync.json'}")
    return 0


def _mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


if __name__ == "__main__":
    raise SystemExit(main())
