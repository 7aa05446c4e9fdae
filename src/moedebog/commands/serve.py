"""`moedebog serve [--host --port]`: the public archive with a production-grade server.

Gunicorn, because Django page rendering is CPU-bound Python: a pre-forking server runs one worker
process per core, so pages are rendered in parallel despite the GIL. It is the most used WSGI
server for Django on Linux, restarts crashed workers, and needs no compiler. (Waitress, pure
Python and portable, runs every request in one process and so uses one core.) Static files are
collected once at start with hashed names and gzip/brotli copies, and served by WhiteNoise from
memory-mapped files with far-future cache headers.

Two ways to run the workers, by ``--threads``:

- several threads a worker (the default, 4): gunicorn's threaded workers, which keep idle
  keep-alive connections in a poller and give up on a client that sends nothing for a few
  seconds, so the server can face browsers directly (``make run``, an intranet);
- one (``--threads 1``): gunicorn's synchronous workers, twice as many as cores, each serving one
  request at a time, for a server behind a reverse proxy that buffers requests (nginx, Caddy; a
  public site has one anyway for TLS). Measured on the bench archive at 20 clients on two cores:
  as many requests a second or more, and a p95 latency half as long (PostgreSQL search p95 75 against
  182 ms, item 51 against 68). Threads of one process take turns on the GIL in slices of 5 ms,
  which stretches every request that shares its process with another; and a threaded worker
  accepts connections while it is busy and keeps kept-alive ones, so some processes carry most
  of the load. A synchronous worker only accepts when it is free. It also waits for as long as
  a client takes to send its request, which is why it wants the proxy in front.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser("serve", help="kør det offentlige webarkiv",
                       description="Start webarkivet (gunicorn) med mødesider, søgning, kalender og feeds. "
                                   "Databasen oprettes og migreres ved start.")
    p.add_argument("--host", default="127.0.0.1", help="adresse at lytte på (standard 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (standard 8000)")
    p.add_argument("--workers", type=int, default=0, metavar="N",
                   help="antal arbejdsprocesser (standard: antal kerner + 1, med --threads 1 to pr. kerne)")
    p.add_argument("--threads", type=int, default=4, metavar="N",
                   help="tråde pr. proces (standard 4); 1 giver synkrone arbejdsprocesser, der kun tager én "
                        "forespørgsel ad gangen: kortest svartid, men kun bag en omvendt proxy (nginx, Caddy)")
    p.add_argument("--access-log", action="store_true", help="skriv en linje pr. forespørgsel på stdout")
    p.add_argument("--import-if-empty", nargs="+", default=[], metavar="STI",
                   help="indlæs disse filer/mapper først, hvis arkivet ikke har nogen møder")
    p.set_defaults(handler=run)


def default_workers(threads: int) -> int:
    """One process a core and one more while threads overlap the database waits; two a core for
    synchronous workers, whose waits only other processes can fill."""
    cores = os.cpu_count() or 1
    return cores + 1 if threads > 1 else 2 * cores


def prepare(import_paths: list[str]) -> None:
    """Migrate, fill an empty archive when asked, collect static files; then let go of the database,
    since connections must not be shared with the forked workers."""
    from moedebog.boot import setup

    setup()
    from django.db import connections

    if import_paths:
        from moedebog.archive.models import Meeting

        if not Meeting.objects.exists():
            from moedebog.archive.services.batch import import_paths as import_all

            summary = import_all(import_paths, progress=False)
            print("\n".join(summary.lines()), file=sys.stderr)
    collect_static()
    preload_search()
    connections.close_all()


def preload_search() -> None:
    """The search index's columns, read once before the workers are forked, so that they share
    them (``search.columns.Store.preload``). An archive without the search tables yet (a database
    being migrated by another process) is searched without: each worker reads them when it needs."""
    from django.db import DatabaseError

    from moedebog.search.backends import SearchUnavailable, current
    from moedebog.search.columns import STORE

    try:
        STORE.preload(current())
    except (DatabaseError, SearchUnavailable) as exc:
        print(f"Søgeindekset blev ikke læst på forhånd: {exc}", file=sys.stderr)


def freeze_before_fork(server: object, worker: object) -> None:
    """gunicorn's pre_fork hook: what the master holds (Django and the application, the preloaded
    columns) is moved out of the garbage collector's sight before each fork, so a worker's full
    collections neither scan those objects again (they took 20–40 ms) nor write to their pages,
    which then stay shared between the workers."""
    gc.freeze()


def static_fingerprint() -> str:
    """Names, sizes and times of every static source file: when unchanged, the collected copies
    (hashed and compressed, which takes seconds) are still current and collecting is skipped."""
    import hashlib

    from django.contrib.staticfiles.finders import get_finders

    digest = hashlib.sha256()
    for finder in get_finders():
        for path, storage in finder.list([]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def collect_static() -> None:
    from pathlib import Path

    from django.conf import settings
    from django.core.management import call_command

    stamp = Path(settings.STATIC_ROOT) / ".moedebog-collected"
    fingerprint = static_fingerprint()
    if stamp.exists() and stamp.read_text() == fingerprint:
        return
    call_command("collectstatic", interactive=False, verbosity=0)
    stamp.write_text(fingerprint)


def gunicorn_options(args: argparse.Namespace) -> dict[str, object]:
    threads = max(1, args.threads)
    return {
        "bind": f"{args.host}:{args.port}",
        "workers": args.workers or default_workers(threads),
        "worker_class": "gthread" if threads > 1 else "sync",
        "threads": threads,
        "preload_app": True,
        "accesslog": "-" if args.access_log else None,
        "errorlog": "-",
        "loglevel": "warning",
        "timeout": 120,
        "graceful_timeout": 10,
        "keepalive": 5,
        "proc_name": "moedebog",
        "pre_fork": freeze_before_fork,
    }


def run(args: argparse.Namespace) -> int:
    prepare(args.import_if_empty)
    from gunicorn.app.base import BaseApplication

    from moedebog.wsgi import application

    options = gunicorn_options(args)

    class Server(BaseApplication):
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    print(f"Mødebog kører på http://{args.host}:{args.port}/ (stop med Ctrl-C)", file=sys.stderr)
    Server().run()
    return 0
