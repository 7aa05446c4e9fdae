"""The array helpers the counting rests on agree with numpy's own (slower) ``unique``."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from moedebog.search.matches import among, distinct, tally

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


@given(st.sets(st.integers(1, 5000), max_size=200), st.lists(st.integers(-3, 5100), max_size=200),
       st.integers(0, 3))
def test_a_table_finds_rows_alike_with_and_without_its_map(kept: set[int], wanted: list[int], spread: int) -> None:
    """The direct map (dense ids) and the binary search (sparse ids) give the same rows."""
    from moedebog.search.columns import Table

    ids = np.array(sorted(kept), dtype=np.int64) * (10**spread)
    query = np.array(wanted, dtype=np.int64) * (10**spread)
    mapped, searched = Table.of(ids, {}), Table(ids, {}, None)
    pos_a, found_a = mapped.find(query)
    pos_b, found_b = searched.find(query)
    assert found_a.tolist() == found_b.tolist() == [int(q) in set(ids.tolist()) for q in query]
    assert pos_a[found_a].tolist() == pos_b[found_b].tolist()


@given(st.lists(st.integers(-1, 40), max_size=60), st.lists(st.integers(-1, 40), max_size=12))
def test_among_is_isin(column: list[int], values: list[int]) -> None:
    array = np.array(column, dtype=np.int8)
    assert among(array, values).tolist() == np.isin(array, values).tolist()
