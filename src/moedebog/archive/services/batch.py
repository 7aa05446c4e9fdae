"""Import many files and folders: progress on the terminal and a closing summary.

Each file is its own transaction (see importer); a failure is recorded and the batch goes on.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from moedebog import search
from moedebog.archive.services.importer import ImportResult, import_path

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
                 progress: bool = True) -> Summary:
    files = list(iter_files(paths))
    summary = Summary()
    bar = Progress(len(files)) if progress else None
    started = time.monotonic()
    with search.deferred_summaries():  # case and person rows: rewritten once, when the batch ends
        for n, path in enumerate(files, 1):
            result = import_path(path)
            summary.add(result)
            if on_result:
                on_result(result)
            if bar:
                bar.update(n, str(path))
        if bar:
            bar.close()
    summary.seconds = time.monotonic() - started
    return summary
