"""``search.idsets`` answers as a plain binary search would, on both of its paths: an array over a
dense range of ids, and the binary search itself for a sparse one."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from moedebog.search import idsets

_ids = st.lists(st.integers(min_value=0, max_value=5000), max_size=200)


def _reference(ids: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    pos = np.searchsorted(keys, ids)
    pos[pos == len(keys)] = 0
    found = keys[pos] == ids if len(keys) else np.zeros(len(ids), dtype=bool)
    return np.where(found, pos, 0), found


@given(_ids, _ids, st.sampled_from([0, 10**9]))
def test_member_and_locate_agree_with_a_binary_search(ids: list[int], keys: list[int], shift: int) -> None:
    """``shift`` puts the highest key far out, so that the sparse path is taken as well."""
    key_array = np.array(sorted(set(keys)) + ([shift] if shift else []), dtype=np.int64)
    id_array = np.array(ids + ([shift, shift + 1] if shift else []), dtype=np.int64)
    pos, found = idsets.locate(id_array, key_array)
    expected_pos, expected_found = _reference(id_array, key_array)
    assert found.tolist() == expected_found.tolist()
    assert pos.tolist() == expected_pos.tolist()
    assert idsets.member(id_array, key_array).tolist() == expected_found.tolist()


def test_both_paths_are_taken() -> None:
    dense, sparse = np.arange(0, 100, 3), np.array([5, 10**9])
    assert idsets._dense(np.arange(10), dense) is not None
    assert idsets._dense(np.arange(10), sparse) is None
