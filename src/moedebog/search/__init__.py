"""Danish full-text search over the archive, on SQLite FTS5 or PostgreSQL, with the same results.

Layer 3: uses ``archive`` and ``documents`` only. The pieces, each with one job:

- ``query``: the user's text → a neutral tree (pure; never raises)
- ``danish``, ``analyzer``, ``compounds``: Danish words → tokens (folding, stop words, stemming,
  compound parts, dates)
- ``extract``: archive records → the text each audience may find (the privacy rules)
- ``tokens``, ``indexer``: records → index rows, kept in step with the archive; ``signals`` for edits
- ``plan``, ``backends``, ``engine``: the tree → SQL on either database → ``results``; ``snippets``

Django-dependent names are imported lazily, so ``moedebog.search.query`` can be used without Django.
"""

from __future__ import annotations

from typing import Any

__all__ = ["deferred_summaries", "index_letter", "index_meeting", "reindex", "search"]


def search(text: str, **kwargs: Any) -> Any:
    """See ``moedebog.search.engine.search``."""
    from moedebog.search.engine import search as run

    return run(text, **kwargs)


def index_meeting(meeting: Any, items: Any = None, new: bool = False) -> None:
    from moedebog.search.indexer import index_meeting as run

    run(meeting, items=items, new=new)


def deferred_summaries() -> Any:
    """See ``moedebog.search.indexer.deferred_summaries``."""
    from moedebog.search.indexer import deferred_summaries as run

    return run()


def index_letter(letter: Any) -> None:
    from moedebog.search.indexer import index_letter as run

    run(letter)


def reindex(**kwargs: Any) -> Any:
    from moedebog.search.indexer import reindex as run

    return run(**kwargs)
