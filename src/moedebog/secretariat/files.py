"""Where uploaded attachments are kept: MOEDEBOG_FILES/secretariat/<sha[:2]>/<sha>, by content.

Stored by hash, so the same file uploaded twice is kept once, and a name a user chose is never
used as a path. Written to a temporary name and renamed into place, so a crash leaves no half file.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from moedebog import config

FOLDER = "secretariat"


def root() -> Path:
    return Path(config.get("MOEDEBOG_FILES")).expanduser().resolve()


def store(data: bytes) -> tuple[str, str]:
    """(sha256, path relative to the root) of the stored bytes."""
    digest = hashlib.sha256(data).hexdigest()
    relative = f"{FOLDER}/{digest[:2]}/{digest}"
    path = root() / relative
    if not path.is_file() or path.stat().st_size != len(data):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return digest, relative


def open_stored(relative: str) -> Path | None:
    """The stored file, if it is still there and inside the root."""
    base = root()
    path = (base / relative).resolve()
    if base not in path.parents or not path.is_file():
        return None
    return path
