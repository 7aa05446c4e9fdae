"""Parse files in worker processes, ahead of a consumer that takes them one at a time, in order.

Why: an import writes one document at a time through one database connection, and reading a PDF
or a Word file costs as much as writing its records, often more. Reading the next files on the
other cores while the archive writes the current one keeps every core busy. The consumer still
decides, file by file, whether a file needs reading at all (an unchanged file is known by its
hash and never parsed), and takes the results in the order it asked for them.

A reader that brings its worker down (a crash in a native library on a hostile file) costs only
that file: it is tried once more in another worker and reported as failed if that one dies too,
and the files that were waiting behind it go to other workers. Workers are separate interpreters
(``documents.worker``) that import only this pure layer, never Django.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from moedebog.documents import parse
from moedebog.documents.errors import DocumentError, unreadable
from moedebog.documents.records import Document
from moedebog.documents.source import Source

#: Files read ahead per worker: enough to keep a worker busy while the consumer is slow on one
#: file, few enough that documents waiting in memory stay a handful.
AHEAD_PER_WORKER = 3
#: From this size on, any file is worth reading in a worker (about 40 ms of HTML or text).
EXPENSIVE_SIZE = 128 * 1024
#: Below this many files the workers' start-up (a fresh interpreter each) costs more than it saves.
MIN_FILES = 8


@dataclass(slots=True)
class ParsedFile:
    """One file as a worker read it: the hash and size of the bytes it parsed, and the record or
    the one-line reason it could not be read."""

    path: str
    digest: str = ""
    size: int = 0
    document: Document | None = None
    error: str = ""


def read_file(path: str) -> ParsedFile:
    """Read, hash and parse one file; never raises for a bad file (what went wrong is in ``error``)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return ParsedFile(path, error=unreadable(exc))
    return parse_bytes(path, data)


def parse_bytes(path: str, data: bytes, digest: str = "") -> ParsedFile:
    """Hash (unless the caller has) and parse a file's bytes; never raises for a bad file."""
    parsed = ParsedFile(path, digest or hashlib.sha256(data).hexdigest(), len(data))
    try:
        parsed.document = parse(Source.from_bytes(data, path))
    except DocumentError as exc:
        parsed.error = str(exc)
    return parsed


def worth_a_worker(data: bytes) -> bool:
    """Whether reading these bytes costs enough to send them to a worker: a PDF or a Word file
    (laid-out pages to reassemble), or a large file. A text or JSON file of an ordinary meeting
    is read faster than a worker could be handed it and answer."""
    return len(data) >= EXPENSIVE_SIZE or data.startswith(b"PK\x03\x04") or b"%PDF-" in data[:1024]


def default_workers(files: int, jobs: int | None = None) -> int:
    """Worker processes for a batch: ``jobs`` when given, else one per core but one (the consumer
    has a core of its own); none for a short batch or a one-core machine."""
    if jobs is not None:
        return max(0, jobs)
    if files < MIN_FILES:
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(cores - 1, 8)


class WorkerDied(Exception):
    """A worker's answers ended: it crashed, was killed, or could not start."""


class _Worker:
    """One reading process and the files sent to it that it has not answered yet, oldest first."""

    def __init__(self, reader: str) -> None:
        # a fresh interpreter running only this layer: no database connection or lock of the
        # consumer's is inherited, and the consumer's own main module is never run again
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        self.proc = subprocess.Popen([sys.executable, "-m", "moedebog.documents.worker", reader],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self.pending: deque[str] = deque()
        if self._answer() != "ready":
            raise WorkerDied("svarede ikke som en læser")

    def _answer(self) -> object:
        try:
            return pickle.load(self.proc.stdout)  # type: ignore[arg-type]
        except Exception as exc:  # EOF, a torn pickle: the process is gone or going
            self.kill()
            raise WorkerDied(type(exc).__name__) from None

    def send(self, path: str) -> None:
        try:
            pickle.dump(path, self.proc.stdin)  # type: ignore[arg-type]
            self.proc.stdin.flush()  # type: ignore[union-attr]
        except OSError:
            self.kill()
            raise WorkerDied("lukket") from None
        self.pending.append(path)

    def receive(self) -> ParsedFile:
        """The answer to the oldest file sent."""
        parsed = self._answer()
        self.pending.popleft()
        return parsed  # type: ignore[return-value]

    def close(self) -> None:
        try:
            self.proc.stdin.close()  # type: ignore[union-attr]
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.kill()
        self.proc.stdout.close()  # type: ignore[union-attr]

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


class ParsePool:
    """Worker processes that read files handed to ``submit``; ``result`` takes one reading back.

    Each file goes to the worker with the fewest files waiting. A worker that dies takes down only
    the file it was reading: that file is tried once more in another worker and reported as failed
    if it kills that one too; the files queued behind it go to other workers. If workers cannot be
    started at all, ``submit`` says so and the consumer reads the files itself.
    """

    def __init__(self, workers: int, reader: Callable[[str], ParsedFile] = read_file) -> None:
        self.workers = workers
        self.reader = reader
        self._reference = f"{reader.__module__}:{reader.__qualname__}"  # workers import it by name
        self._pool: list[_Worker] = []
        self._where: dict[str, _Worker] = {}
        self._done: dict[str, ParsedFile] = {}
        self._suspects: set[str] = set()  # files a worker died on once
        self._broken = False

    @property
    def ahead(self) -> int:
        """How many files the consumer may hand over before it takes the first result back."""
        return self.workers * AHEAD_PER_WORKER

    def submit(self, path: str) -> bool:
        """Start reading ``path`` in a worker; False when there are none (the caller reads it)."""
        if self.workers <= 0 or self._broken:
            return False
        self._send(path)
        return True

    def _send(self, path: str) -> None:
        while not self._broken:
            worker = self._worker()
            if worker is None:
                break
            try:
                worker.send(path)
            except WorkerDied:
                self._bury(worker)
                continue
            self._where[path] = worker
            return
        self._done[path] = self.reader(path)  # no workers to be had: read it here

    def _worker(self) -> _Worker | None:
        if len(self._pool) < self.workers:
            try:
                self._pool.append(_Worker(self._reference))
            except (OSError, WorkerDied) as exc:
                self._broken = True
                print(f"moedebog: kan ikke starte processer til at læse filer ({exc}); læser dem én ad gangen",
                      file=sys.stderr)
                return None
        return min(self._pool, key=lambda w: len(w.pending))

    def result(self, path: str) -> ParsedFile:
        """The reading of a submitted file, waiting for it if needed."""
        while path not in self._done:
            worker = self._where[path]
            try:
                parsed = worker.receive()
            except WorkerDied:
                self._bury(worker)
                continue
            self._done[parsed.path] = parsed
            self._where.pop(parsed.path, None)
        return self._done.pop(path)

    def _bury(self, worker: _Worker) -> None:
        """Drop a dead worker; the file it was reading is suspected (or failed, the second time),
        the files queued behind it are sent again."""
        self._pool.remove(worker)
        worker.kill()
        waiting = list(worker.pending)
        for path in waiting:
            self._where.pop(path, None)
        if not waiting:
            return
        culprit, rest = waiting[0], waiting[1:]
        if culprit in self._suspects:
            self._done[culprit] = ParsedFile(culprit, error="filen fik læseren til at gå ned")
        else:
            self._suspects.add(culprit)
            rest.insert(0, culprit)
        for path in rest:
            self._send(path)

    def close(self) -> None:
        for worker in self._pool:
            worker.close()
        self._pool.clear()
        self._where.clear()
        self._done.clear()

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
