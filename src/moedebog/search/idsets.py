"""Membership and position of ids in a sorted array of distinct ids, the step that combining a
query's phrases repeats for every word.

Why not ``np.searchsorted``: a binary search per id costs some 15 ns an id, so a word that matches
30 000 rows, looked up in another that matches 20 000, costs half a millisecond, several times a
search. Index ids are dense (AUTOINCREMENT, a sequence), so an array indexed by id answers the
same question in one pass each way, ten times faster, whenever the ids' range is not much larger
than the arrays; the binary search stays for a sparse range, where that array would cost more
than it saves.
"""

from __future__ import annotations

import numpy as np

#: How far the ids' range may exceed the ids looked up and looked in, before the binary search
#: is cheaper than an array over the range (filling it costs about a tenth of a lookup an element).
DENSE_FACTOR = 16
DENSE_SLACK = 1 << 16


def _dense(ids: np.ndarray, keys: np.ndarray) -> int | None:
    """The highest key when an array over 0..highest pays off for this lookup, else None."""
    top = int(keys[-1])
    if int(keys[0]) < 0 or top > DENSE_FACTOR * (len(ids) + len(keys)) + DENSE_SLACK:
        return None
    if len(ids) and int(ids.min()) < 0:
        return None
    return top


def member(ids: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Which of ``ids`` are in ``keys`` (sorted, distinct)."""
    if not len(keys) or not len(ids):
        return np.zeros(len(ids), dtype=bool)
    top = _dense(ids, keys)
    if top is None:
        pos = np.searchsorted(keys, ids)
        pos[pos == len(keys)] = 0
        return keys[pos] == ids
    present = np.zeros(top + 2, dtype=bool)  # the last place stands for every id above the keys
    present[keys] = True
    return present[np.minimum(ids, top + 1)]


def locate(ids: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(positions, found): where each of ``ids`` is in ``keys`` (sorted, distinct), and whether it
    is there at all; the position of an id not found is 0."""
    if not len(keys) or not len(ids):
        return np.zeros(len(ids), dtype=np.int64), np.zeros(len(ids), dtype=bool)
    top = _dense(ids, keys)
    if top is None:
        pos = np.searchsorted(keys, ids)
        pos[pos == len(keys)] = 0
        found = keys[pos] == ids
        pos[~found] = 0
        return pos, found
    where = np.full(top + 2, -1, dtype=np.int32)
    where[keys] = np.arange(len(keys), dtype=np.int32)
    pos = where[np.minimum(ids, top + 1)]
    found = pos >= 0
    pos[~found] = 0
    return pos, found
