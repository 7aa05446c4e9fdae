"""The pure documents layer: bytes of any supported format → typed records.

No Django, no database, no network. ``parse`` sniffs the format from the content, hands the
file to the one reader registered for it (imported lazily, so a text-only user never loads
PDF libraries), and guarantees that any failure surfaces as a DocumentError with a one-line
reason.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from moedebog.documents.errors import DocumentError, unreadable
from moedebog.documents.records import Document, Item
from moedebog.documents.sniff import sniff
from moedebog.documents.source import Source
from moedebog.documents.textdecode import forget_head

__all__ = ["PARSER_VERSION", "READERS", "Document", "DocumentError", "Source", "parse", "parse_path"]

#: Bumped whenever parsing output changes, so the archive can tell which records to re-import.
PARSER_VERSION = "1"

#: Detected format → "module:function" of its reader. Each reader takes (source, on_item).
READERS: dict[str, str] = {
    "text": "moedebog.documents.readers.text:read",
    "pdf": "moedebog.documents.readers.pdf:read",
    "docx": "moedebog.documents.readers.docx:read",
    "html": "moedebog.documents.readers.html:read",
    "firstagenda-json": "moedebog.documents.readers.firstagenda:read",
}

ItemSink = Callable[[Item], None]


_LOADED: dict[str, Callable[[Source, ItemSink | None], Document]] = {}


def _reader(fmt: str) -> Callable[[Source, ItemSink | None], Document]:
    """The reader function, imported on first use and then looked up (a small file's parse is
    short enough for import_module's bookkeeping to show)."""
    spec = READERS[fmt]
    reader = _LOADED.get(spec)
    if reader is None:
        module_name, func = spec.split(":")
        reader = _LOADED[spec] = getattr(importlib.import_module(module_name), func)
    return reader


def parse(source: Source, on_item: ItemSink | None = None) -> Document:
    """Read one document.

    With ``on_item``, items are handed to the callback as they are completed and are not kept
    in ``Document.items``; streaming readers then use memory bounded by the largest item, not
    by the file.
    """
    try:
        head = source.head()
    except OSError as exc:
        raise DocumentError(unreadable(exc)) from None
    fmt = sniff(head)
    try:
        document = _reader(fmt)(source, on_item)
    except DocumentError:
        raise
    except MemoryError:
        raise DocumentError("filen kræver for meget hukommelse at læse") from None
    except RecursionError:
        raise DocumentError(f"filen er for dybt indlejret til at læse ({fmt})") from None
    except Exception as exc:  # a reader bug must not stop a batch; say what happened
        raise DocumentError(f"uventet fejl under læsning som {fmt}: {type(exc).__name__}: {exc}") from None
    finally:
        forget_head()  # the decoded head is shared by the sniffer and the reader of this file only
    if on_item is not None and document.items:
        for item in document.items:
            on_item(item)
        document.items = []
    return document


def parse_path(path: str | Path, on_item: ItemSink | None = None) -> Document:
    """Read the document in a file."""
    return parse(Source.from_path(path), on_item)
