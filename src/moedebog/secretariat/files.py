"""Where uploaded attachments are kept: MOEDEBOG_FILES/secretariat/<sha[:2]>/<sha>, by content.

Stored by hash, so the same file uploaded twice is kept once, and a name a user chose is never
used as a path. Written through ``moedebog.storage``, so a crash leaves no half file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from moedebog.storage import files_root, write_atomically

FOLDER = "secretariat"


def store(data: bytes) -> tuple[str, str]:
    """(sha256, path relative to the root) of the stored bytes."""
    digest = hashlib.sha256(data).hexdigest()
    relative = f"{FOLDER}/{digest[:2]}/{digest}"
    path = files_root() / relative
    if not path.is_file() or path.stat().st_size != len(data):
        write_atomically(path, data)
    return digest, relative


def open_stored(relative: str) -> Path | None:
    """The stored file, if it is still there and inside the root."""
    base = files_root()
    path = (base / relative).resolve()
    if base not in path.parents or not path.is_file():
        return None
    return path
