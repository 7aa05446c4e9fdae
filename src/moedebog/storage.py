"""The one folder where the archive keeps files (MOEDEBOG_FILES), and the one way to write into it.

Files are written to a temporary name beside their place and renamed into it, so a process killed
while writing leaves the old file or the new one, never half of one. What goes where is decided by
the callers (fetched attachments by remote id, uploads by content hash); names a user or a remote
site chose are never used as paths.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from moedebog import config


def files_root() -> Path:
    return Path(config.get("MOEDEBOG_FILES")).expanduser().resolve()


def write_atomically(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
