"""Where fetched files are kept: MOEDEBOG_FILES/<system>/<host>/<kind>/<id[:2]>/<id>.<ext>.

Names are built from ids the remote site chose, so they are checked (a GUID, or else hashed) and
never taken as paths. Files are written through ``moedebog.storage``, atomically.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from moedebog.storage import files_root, write_atomically

__all__ = ["files_root", "host_folder", "read_text", "relative_path", "safe_id", "write"]

_SAFE_ID = re.compile(r"^[0-9a-z][0-9a-z-]{7,63}$")


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
    return write_atomically(root / relative, data)


def read_text(root: Path, relative: str) -> str | None:
    try:
        return (root / relative).read_text(encoding="utf-8")
    except OSError:
        return None
