"""Parse files in worker processes, ahead of a consumer that takes them one at a time, in order.

Why: an import writes one document at a time through one database connection, and reading a PDF
or a Word file costs as much as writing its records, often more. Reading the next files on the
other cores while the archive writes the current one keeps every core busy. The consumer still
decides, file by file, whether a file needs reading at all (an unchanged file is known by its
hash and never parsed), and takes the results in the order it asked for them.

A reader that brings its worker down (a crash in a native library on a hostile file) costs only
that file: the pool is rebuilt, the files that were waiting are read again, and the one that
broke the pool twice is reported as failed. Workers import only this pure layer, never Django.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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
    parsed = ParsedFile(path, hashlib.sha256(data).hexdigest(), len(data))
    try:
        parsed.document = parse(Source.from_bytes(data, path))
    except DocumentError as exc:
        parsed.error = str(exc)
    return parsed


def default_workers(files: int, jobs: int | None = None) -> int:
    """Worker processes for a batch: ``jobs`` when given, else one per core but one (the consumer
    has a core of its own); none for a short batch or a one-core machine."""
    if jobs is not None:
        return max(0, jobs)
    if files < MIN_FILES:
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(cores - 1, 8)


class ParsePool:
    """Worker processes that read files handed to ``submit``; ``result`` waits for one of them.

    With no workers, ``submit`` returns None and the consumer reads the file itself.
    """

    def __init__(self, workers: int, reader: Callable[[str], ParsedFile] = read_file) -> None:
        self.workers = workers
        self.reader = reader  # a module-level function: workers import it by name
        self._pool: ProcessPoolExecutor | None = None
        self._waiting: dict[str, Future[ParsedFile]] = {}

    @property
    def ahead(self) -> int:
        """How many files the consumer may hand over before it takes the first result back."""
        return self.workers * AHEAD_PER_WORKER

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn: a worker is a fresh interpreter, so no database connection or lock of the
            # consumer's is ever inherited by a fork
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        return self._pool

    def submit(self, path: str) -> bool:
        """Start reading ``path`` in a worker; False when there are no workers."""
        if self.workers <= 0:
            return False
        self._waiting[path] = self._executor().submit(self.reader, path)
        return True

    def result(self, path: str) -> ParsedFile:
        """The worker's reading of a submitted file, waiting for it if needed."""
        future = self._waiting.pop(path)
        try:
            return future.result()
        except BrokenProcessPool:
            return self._after_break(path)

    def _after_break(self, path: str) -> ParsedFile:
        """A worker died: read ``path`` alone in a fresh pool to tell whether it was the culprit,
        then hand every other waiting file to the fresh pool again."""
        self._restart()
        try:
            parsed = self._executor().submit(self.reader, path).result()
        except BrokenProcessPool:
            self._restart()
            parsed = ParsedFile(path, error="filen fik læseren til at gå ned")
        for other in list(self._waiting):
            self._waiting[other] = self._executor().submit(self.reader, other)
        return parsed

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        for future in self._waiting.values():
            future.cancel()
        self._waiting.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
