"""The query parser: pure, and never raises."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from moedebog.search.query import AnyOf, Day, Month, Not, Phrase, Word, parse


def test_words_phrases_or_exclusion_prefix() -> None:
    q = parse('sikrede "exact phrase" klima OR energi -rammeaftale -"til efterretning" uddan*')
    assert q.nodes == (
        Word("sikrede"), Phrase("exact phrase"), AnyOf((Word("klima"), Word("energi"))),
        Not(Word("rammeaftale")), Not(Phrase("til efterretning")), Word("uddan", prefix=True),
    )
    assert not q.plain


def test_or_chains_and_danish_or() -> None:
    assert parse("a OR b ELLER c").nodes == (AnyOf((Word("a"), Word("b"), Word("c"))),)
    assert parse("a | b").nodes == (AnyOf((Word("a"), Word("b"))),)
    assert parse("a or b").nodes == (Word("a"), Word("or"), Word("b"))  # lower case is a word


def test_filters() -> None:
    q = parse('body:kkr udvalg:"teknisk udvalg" år:2020 type:beslutning sag:SAG-2019-07153 person:"Frands Fischer"')
    f = q.filters
    assert f.bodies == ("kkr", "teknisk udvalg")
    assert (f.date_from, f.date_to) == (date(2020, 1, 1), date(2020, 12, 31))
    assert f.section_kinds == ("decision",) and f.cases == ("SAG-2019-07153",)
    assert f.persons == ("Frands Fischer",) and q.nodes == ()


def test_date_filters_and_record_kinds() -> None:
    f = parse("fra:05-02-2020 til:2021-06 type:møde").filters
    assert (f.date_from, f.date_to) == (date(2020, 2, 5), date(2021, 6, 30))
    assert f.record_kinds == ("meeting",)
    assert parse("år:2019-2021").filters.date_to == date(2021, 12, 31)


def test_dates_as_typed() -> None:
    assert parse("5. februar 2020").nodes == (Day(date(2020, 2, 5), "5. februar 2020"),)
    assert parse("møde 05-02-2020").nodes[1] == Day(date(2020, 2, 5), "05-02-2020")
    assert parse("fraværende februar 2020").nodes == (Word("fraværende"), Month(2020, 2, "februar 2020"))
    assert parse('"5. februar 2020"').nodes == (Phrase("5. februar 2020"),)


@pytest.mark.parametrize("text", ['"unbalanced phrase', 'a "b', '"'])
def test_unbalanced_quotes_are_plain_words(text: str) -> None:
    q = parse(text)
    assert q.plain and all(isinstance(n, Word) for n in q.nodes)


@pytest.mark.parametrize("text, words", [
    ("år:abc rammeaftale", ["år", "abc", "rammeaftale"]),
    ("type:foo", ["type", "foo"]),
    ("OR klima", ["OR", "klima"]),
    ("klima OR", ["klima", "OR"]),
    ("fra:igår", ["fra", "igår"]),
])
def test_unreadable_operators_are_words(text: str, words: list[str]) -> None:
    assert [n.text for n in parse(text).nodes] == words  # type: ignore[union-attr]


@given(st.text(max_size=80))
def test_never_raises(text: str) -> None:
    parse(text)
