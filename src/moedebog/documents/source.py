"""A file to read: a path or bytes, with bounded reads so that huge inputs fail cleanly."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from moedebog.documents.errors import DocumentError

#: Readers that need the whole file in memory refuse files larger than this (bytes).
MAX_IN_MEMORY = 256 * 1024 * 1024
#: How much of a file the sniffer looks at.
HEAD_SIZE = 64 * 1024


@dataclass(slots=True)
class Source:
    """Where a document's bytes come from. ``name`` is what messages call the file."""

    name: str
    path: Path | None = None
    data: bytes | None = None

    @classmethod
    def from_path(cls, path: str | Path) -> Source:
        p = Path(path)
        return cls(name=str(path), path=p)

    @classmethod
    def from_bytes(cls, data: bytes, name: str = "<data>") -> Source:
        return cls(name=name, data=data)

    @property
    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        assert self.path is not None
        return self.path.stat().st_size

    def open(self) -> BinaryIO:
        """A binary stream over the content, for readers that stream."""
        if self.data is not None:
            return io.BytesIO(self.data)
        assert self.path is not None
        return self.path.open("rb")

    def head(self, size: int = HEAD_SIZE) -> bytes:
        if self.data is not None:
            return self.data[:size]
        with self.open() as fh:
            return fh.read(size)

    def read(self, limit: int = MAX_IN_MEMORY) -> bytes:
        """The whole content, refusing files over ``limit`` bytes with a clear reason."""
        if self.size > limit:
            mib = 1024 * 1024
            raise DocumentError(f"filen er for stor ({self.size // mib} MB, højst {limit // mib} MB)")
        if self.data is not None:
            return self.data
        assert self.path is not None
        return self.path.read_bytes()
