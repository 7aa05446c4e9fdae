"""Danish text handling: folding, stop words, stemming, dates, case numbers and compounds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from moedebog.search.analyzer import analyze, terms
from moedebog.search.compounds import Decompounder
from moedebog.search.danish import FOLDED, fold


def test_fold_and_case() -> None:
    assert fold("Pædagoguddannelsen") == "paedagoguddannelsen"
    assert fold("Århus") == fold("AARHUS") == "aarhus"
    assert fold("Økonomi") == "oekonomi" and fold("café") == "cafe"


def test_ascii_spellings_give_the_same_terms() -> None:
    assert terms("pædagoguddannelsen fraværende Børnehus") == terms("paedagoguddannelsen fravaerende Boernehus")


def test_stemming_joins_inflections() -> None:
    assert terms("institution") == terms("institutioner") == terms("institutionerne")
    assert terms("rammeaftale") == terms("rammeaftalen")


def test_stop_words_are_dropped() -> None:
    assert terms("sikrede og de institutioner i regionen") == terms("sikrede institutioner regionen")


def test_case_numbers_keep_their_parts() -> None:
    assert terms("SAG-2019-07153 snm/chbo") == ["sag", "2019", "07153", "snm", "chbo"]
    assert terms("24-008531") == ["24", "008531"]


def test_dates_in_every_spelling_give_one_token() -> None:
    for text in ("den 5. februar 2020", "05-02-2020", "5.2.2020", "2020-02-05", "5. feb. 2020"):
        assert "d20200205" in [t.term for t in analyze(text).extras], text
    assert "m202002" in [t.term for t in analyze("i februar 2020").extras]


def test_year_ranges_give_the_second_year() -> None:
    assert "2022" in [t.term for t in analyze("Rammeaftale 2021-22").extras]


def test_compounds_split_against_a_vocabulary() -> None:
    vocabulary = {"paedagog", "uddan", "sundhed", "reform", "region", "raad", "kommunal", "bestyr", "medlem"}
    split = Decompounder(lambda candidates: candidates & vocabulary).split_all(
        ["paedagoguddannelsen", "sundhedsreformen", "regionsraadet", "kommunalbestyrelsesmedlemmer", "godkendelse"])
    assert {"paedagog", "uddan"} <= set(split["paedagoguddannelsen"])
    assert set(terms("sundhed reform")) <= set(split["sundhedsreformen"])
    assert {"region", "raad"} <= set(split["regionsraadet"])
    assert {"medlem", "bestyr", "kommunal"} <= set(split["kommunalbestyrelsesmedlemmer"])
    assert split["godkendelse"] == []  # "god|kendelse" is not a compound


def test_built_in_vocabulary_splits_without_a_corpus() -> None:
    split = Decompounder(lambda candidates: set()).split_all(["pædagoguddannelsen".replace("æ", "ae")])
    assert "uddan" in split["paedagoguddannelsen"]


@given(st.lists(st.sampled_from(["5. februar 2020", "05-02-2020", "2020-02-05", "februar 2020", "2021-22",
                                 "marts 19", "1/2/20", "3.4", "uge 7", "kl. 10.00", "Aarhus", "budget"]),
                max_size=12).map(" ".join))
def test_every_extra_token_has_a_digit(text: str) -> None:
    """What lets snippets skip looking for dates when no query term has a digit."""
    assert all(any(c.isdigit() for c in t.term) for t in analyze(text).extras)


_TRANSLATED = str.maketrans(dict(FOLDED))


@given(st.text(alphabet=st.sampled_from("aeoAÆØÅæøåäöüéßẞ ÄÖÜÉè–§½ﬁ\u00a0x1"), max_size=40) | st.text(max_size=40))
def test_folding_letter_by_letter_is_folding_through_a_table(text: str) -> None:
    """``fold`` replaces the Danish and German letters one by one; a translation table is the plain
    way to write it, and the two must agree on every text."""
    import unicodedata

    low = text.lower().translate(_TRANSLATED)
    expected = low if low.isascii() else unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode("ascii")
    assert fold(text) == expected
