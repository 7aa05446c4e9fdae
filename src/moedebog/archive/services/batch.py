"""Import many files and folders: progress on the terminal and a closing summary.

Each file is its own transaction (see importer); a failure is recorded and the batch goes on.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from moedebog import search
from moedebog.archive.models import SourceDocument
from moedebog.archive.services.bulk import bulk_writes
from moedebog.archive.services.importer import (
    ImportResult,
    import_parsed,
    import_path,
    is_current,
    known_source,
)
from moedebog.documents.errors import unreadable
from moedebog.documents.parallel import ParsePool, default_workers, parse_bytes, worth_a_worker

#: Names that are never documents (editor and OS droppings).
_SKIP = {".DS_Store", "Thumbs.db", "desktop.ini"}


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files under the given paths, recursively, in a stable order; hidden files and folders skipped."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name not in _SKIP:
                        yield Path(root) / name
        else:
            yield path


@dataclass(slots=True)
class Summary:
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    meetings_created: int = 0
    meetings_updated: int = 0
    letters: int = 0
    items: int = 0
    items_created: int = 0
    people_created: int = 0
    warnings: list[tuple[str, str]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, result: ImportResult) -> None:
        self.read += 1
        setattr(self, result.status, getattr(self, result.status) + 1)
        if result.status == "failed":
            self.failures.append((result.name, result.error))
            return
        if result.status in ("created", "updated"):
            if result.kind == "letter":
                self.letters += 1
            elif result.status == "created":
                self.meetings_created += 1
            else:
                self.meetings_updated += 1
        self.items += result.items
        self.items_created += result.items_created
        self.people_created += result.people_created
        self.warnings.extend((result.name, w) for w in result.warnings)

    def lines(self) -> list[str]:
        out = [
            f"Dokumenter: {self.read} læst – {self.created} nye, {self.updated} opdateret, "
            f"{self.unchanged} uændret, {self.failed} fejlet ({self.seconds:.1f} s)",
            f"Møder: {self.meetings_created} oprettet, {self.meetings_updated} opdateret; breve: {self.letters}",
            f"Punkter: {self.items} indlæst, heraf {self.items_created} nye; nye personer: {self.people_created}",
            f"Advarsler: {len(self.warnings)}",
        ]
        out.extend(f"  {name}: {warning}" for name, warning in self.warnings)
        if self.failures:
            out.append(f"Fejl: {len(self.failures)}")
            out.extend(f"  {name}: {error}" for name, error in self.failures)
        if self.read and self.read == self.unchanged:
            out.append("Intet ændret: alle dokumenter var indlæst i forvejen.")
        return out


class Progress:
    """A one-line progress bar on a terminal; silent when output is not a terminal."""

    def __init__(self, total: int, stream: TextIO = sys.stderr) -> None:
        self.total = total
        self.stream = stream
        self.enabled = stream.isatty()
        self.last = 0.0

    def update(self, done: int, name: str) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.1 and done < self.total):
            return
        self.last = now
        width = 30
        filled = int(width * done / self.total) if self.total else width
        label = name[-40:]
        self.stream.write(f"\r[{'=' * filled}{' ' * (width - filled)}] {done}/{self.total} {label:<40}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")


def import_paths(paths: Iterable[str | Path], on_result: Callable[[ImportResult], None] | None = None,
                 progress: bool = True, jobs: int | None = None) -> Summary:
    """Import files and folders in a stable order, one transaction per file.

    ``jobs``: processes that read files ahead of the import (``documents.parallel``); by default
    one per core but one, none for a handful of files; 0 reads every file in this process.
    """
    files = list(iter_files(paths))
    summary = Summary()
    bar = Progress(len(files)) if progress else None
    started = time.monotonic()
    # case and person rows: rewritten once, when the batch ends
    with bulk_writes(), search.deferred_summaries(), ParsePool(default_workers(len(files), jobs)) as pool:
        for n, (path, result) in enumerate(_import_each(files, pool), 1):
            summary.add(result)
            if on_result:
                on_result(result)
            if bar:
                bar.update(n, str(path))
        if bar:
            bar.close()
    summary.seconds = time.monotonic() - started
    return summary


@dataclass(slots=True)
class _Ahead:
    """A file looked at before its turn: its result when that is known already (unchanged, or
    unreadable), else the hash and archive row seen when it was handed to a worker (or kept to
    be read here)."""

    path: Path
    result: ImportResult | None = None
    digest: str = ""
    known: SourceDocument | None = None
    in_worker: bool = False
    data: bytes = b""  # a file cheap enough to read here, when its turn comes


def _import_each(files: list[Path], pool: ParsePool) -> Iterator[tuple[Path, ImportResult]]:
    """Each file's result in order; with workers, files are hashed and handed to them ahead of
    their turn, so reading the next files overlaps with writing this one."""
    if not pool.workers:
        for path in files:
            yield path, import_path(path)
        return
    upcoming = iter(files)
    queue: deque[_Ahead] = deque()
    imported: set[str] = set()  # digests imported in this batch: a copy of one must look again

    def fill() -> None:
        reading = sum(1 for entry in queue if entry.in_worker)
        while reading < pool.ahead and len(queue) < 8 * pool.ahead:
            path = next(upcoming, None)
            if path is None:
                return
            entry = _look_ahead(path, pool)
            reading += entry.in_worker
            queue.append(entry)

    fill()
    while queue:
        entry = queue.popleft()
        fill()  # the workers read on while this file is written
        if entry.result is not None:
            yield entry.path, entry.result
            continue
        if entry.in_worker:
            parsed = pool.result(str(entry.path))
        else:  # cheap to read, or no worker could take it: read here
            parsed = parse_bytes(str(entry.path), entry.data, entry.digest)
        known = entry.known
        if parsed.digest != entry.digest or parsed.digest in imported:
            known = known_source(parsed.digest) if parsed.digest else None  # changed since, or a copy
        result = import_parsed(parsed, known)
        imported.add(parsed.digest)
        yield entry.path, result


def _look_ahead(path: Path, pool: ParsePool) -> _Ahead:
    """Hash a file and skip it if the archive has it; else hand it to a worker if reading it is
    expensive, or keep its bytes to read it here."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _Ahead(path, ImportResult(str(path), "failed", error=unreadable(exc)))
    digest = hashlib.sha256(data).hexdigest()
    known = known_source(digest)
    if is_current(known):
        return _Ahead(path, ImportResult(str(path), "unchanged", kind=known.kind))  # type: ignore[union-attr]
    if worth_a_worker(data) and pool.submit(str(path)):
        return _Ahead(path, digest=digest, known=known, in_worker=True)
    return _Ahead(path, digest=digest, known=known, data=data)
