"""Snippets skip the fields that cannot have a marked word (``snippets._may_match``) without
changing a single snippet: checked against analysing every field, on Danish words with folded
letters, stems, compounds, prefixes, phrases and dates, in any mix of fields."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from moedebog.search import snippets
from moedebog.search.analyzer import terms
from moedebog.search.extract import Field

WORDS = ["Pædagoguddannelsen", "uddannelse", "uddannelser", "dimensionering", "Århus", "Aarhus", "budget",
         "budgetter", "rammeaftale", "rammeaftalen", "til", "efterretning", "sundhed", "kollektiv",
         "trafik", "5. februar 2020", "05-02-2020", "februar 2020", "2021-22", "2022", "SAG-2019-07153",
         "tværkommunalt", "generelt", "ÆBLE", "føl", "Ørsted", "å", "§", "—", "\n", "  "]
DATE_ONLY = "dato:2020-02-05"  # a date filter alone: only the date's own tokens to mark
QUERIES = ["uddannelse", "pædagog*", "budget", "\"til efterretning\"", "aarhus", "5. februar 2020",
           "2022", "rammeaftale kollektiv", "tværkommunal*", "sag 2019", "føl", DATE_ONLY]


def _reference(fields: list[Field], exact: set[str], prefixes: set[str],
               phrases: snippets.Phrases) -> tuple[snippets.Snippet, str | None]:
    """The snippet as made before the skip: every field analysed."""
    best = None
    for index, f in enumerate(fields):
        if not f.text.strip():
            continue
        spans, matched = snippets._hits(f.text, exact, prefixes, phrases)
        start, distinct = snippets._best_window(matched)
        if best is None or (distinct, -index) > best[0]:
            best = ((distinct, -index), f, spans, matched, start)
    if best is None:
        return snippets.Snippet(), None
    _, f, spans, matched, start = best
    return snippets._cut(f.text, spans, matched, start), f.kind


def _highlight(query: str) -> tuple[set[str], set[str], snippets.Phrases]:
    if query == DATE_ONLY:
        return {"d20200205", "m202002"}, set(), set()
    exact: set[str] = set()
    prefixes: set[str] = set()
    phrases: set[tuple[str, ...]] = set()
    for part in query.replace('"', "").split(" ") if not query.startswith('"') else [query.strip('"')]:
        found = terms(part.rstrip("*"))
        if len(found) > 1:
            phrases.add(tuple(found))
        elif found:
            (prefixes if part.endswith("*") else exact).add(found[0])
    if "februar 2020" in query:
        exact |= {"d20200205", "m202002"}
    return exact, prefixes, phrases


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join), min_size=0, max_size=5),
       st.sampled_from(QUERIES))
def test_skipping_fields_changes_no_snippet(texts: list[str], query: str) -> None:
    fields = [Field(f"kind{i}", "", text) for i, text in enumerate(texts)]
    exact, prefixes, phrases = _highlight(query)
    made, kind = snippets.make(fields, exact, prefixes, phrases)
    expected, expected_kind = _reference(fields, exact, prefixes, phrases)
    assert (made.fragments, kind) == (expected.fragments, expected_kind)


def test_a_field_without_the_words_is_not_analysed() -> None:
    needles = snippets._needles({"uddannels"}, set(), set())
    assert snippets._may_match("Pædagoguddannelsen i Aarhus", needles, dated=False)
    assert not snippets._may_match("Budget for trafik 2020", needles, dated=False)
    assert snippets._may_match("Budget for trafik 2020", needles, dated=True)
