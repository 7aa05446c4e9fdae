"""Fetch ahead in threads, consume in order in the calling thread.

The database is written from one thread only (the caller's), one document per transaction, in the
order the work was listed; fetching runs ahead in a few threads so that the network and the import
overlap. The window bounds how many answers wait in memory. When the consumer stops early (an
interruption), the fetches not yet started are cancelled.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from typing import TypeVar

from moedebog.connectors.http import FetchError

T = TypeVar("T")
R = TypeVar("R")
_END = object()


def _outcome(fetch: Callable[[T], R], item: T) -> R | FetchError:
    try:
        return fetch(item)
    except FetchError as exc:
        return exc


def in_order(pool: Executor, items: Iterable[T], fetch: Callable[[T], R],
             window: int = 8) -> Iterator[tuple[T, R | FetchError]]:
    """(item, fetch(item) or the FetchError it raised), in the order of ``items``."""
    pending: deque[tuple[T, Future[R | FetchError]]] = deque()
    source = iter(items)
    try:
        for item in source:
            pending.append((item, pool.submit(_outcome, fetch, item)))
            if len(pending) >= max(1, window):
                break
        while pending:
            item, future = pending.popleft()
            following = next(source, _END)
            if following is not _END:
                pending.append((following, pool.submit(_outcome, fetch, following)))
            yield item, future.result()
    finally:
        for _, future in pending:
            future.cancel()
