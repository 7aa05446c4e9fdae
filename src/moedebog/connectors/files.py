"""Where fetched files are kept: MOEDEBOG_FILES/<system>/<host>/<kind>/<id[:2]>/<id>.<ext>.

Names are built from ids the remote site chose, so they are checked (a GUID, or else hashed) and
never taken as paths. Files are written to a temporary name and renamed into place, so that a sync
killed while writing leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from moedebog import config

_SAFE_ID = re.compile(r"^[0-9a-z][0-9a-z-]{7,63}$")


def files_root() -> Path:
    return Path(config.get("MOEDEBOG_FILES")).expanduser().resolve()


def host_folder(base_url: str) -> str:
    """ "https://dagsordener.greve.dk" → "dagsordener.greve.dk"; a port is kept ("127.0.0.1_8000")."""
    parts = urlsplit(base_url)
    host = (parts.hostname or "site").lower()
    name = f"{host}_{parts.port}" if parts.port else host
    return re.sub(r"[^a-z0-9._-]", "_", name)


def safe_id(remote_id: str) -> str:
    value = remote_id.strip().lower()
    return value if _SAFE_ID.match(value) else hashlib.sha256(remote_id.encode("utf-8")).hexdigest()[:40]


def relative_path(system: str, base_url: str, kind: str, remote_id: str, suffix: str) -> str:
    name = safe_id(remote_id)
    return "/".join((system, host_folder(base_url), kind, name[:2], f"{name}{suffix}"))


def write(root: Path, relative: str, data: bytes) -> Path:
    """Write atomically under ``root``; returns the full path."""
    path = root / relative
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


def read_text(root: Path, relative: str) -> str | None:
    try:
        return (root / relative).read_text(encoding="utf-8")
    except OSError:
        return None
