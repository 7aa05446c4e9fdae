"""The array helpers the counting rests on agree with numpy's own (slower) ``unique``."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from moedebog.search.matches import distinct, tally

values = st.lists(st.one_of(st.integers(0, 40), st.integers(0, 10**12)), max_size=300)


@given(values)
def test_tally_counts_like_unique(xs: list[int]) -> None:
    array = np.array(xs, dtype=np.int64)
    expected_values, expected_counts = np.unique(array, return_counts=True)
    found_values, found_counts = tally(array)
    assert found_values.tolist() == expected_values.tolist()
    assert found_counts.tolist() == expected_counts.tolist()


@given(values)
def test_distinct_is_sorted_and_unique(xs: list[int]) -> None:
    array = np.array(xs, dtype=np.int64)
    assert distinct(array).tolist() == np.unique(array).tolist()
