"""Snippets skip the fields that cannot have a marked word (``snippets._may_match``) without
changing a single snippet: checked against analysing every field, on Danish words with folded
letters, stems, compounds, prefixes, phrases and dates, in any mix of fields."""

from __future__ import annotations

from hypothesis import example, given, settings
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
        spans, matched = snippets._hits(f.text, exact, prefixes, phrases, snippets.names_date(exact))
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


def _naive_window(matched: list[str | None]) -> tuple[int, int]:
    """Every window counted afresh: what the sliding count must agree with."""
    best = (0, 0, 0)
    for start in range(0, max(1, len(matched) - snippets.WINDOW + 1)):
        window = [m for m in matched[start:start + snippets.WINDOW] if m]
        score = (len(set(window)), len(window))
        if score > best[:2]:
            best = (*score, start)
    return best[2], best[0]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([None, None, None, "a", "b", "c", "d"]), min_size=snippets.WINDOW - 3,
                max_size=4 * snippets.WINDOW))
@example(["a"] + [None] * (snippets.WINDOW - 1) + ["b"])  # a later window only as good: the first wins
@example([])
def test_the_sliding_window_is_the_first_best_window(matched: list[str | None]) -> None:
    assert snippets._best_window(matched) == _naive_window(matched)


def _naive_matches(text: str, exact: set[str], prefixes: set[str]) -> list[str | None]:
    """Each token matched on its own, without remembering words already seen."""
    from moedebog.search.analyzer import analyze

    parts = [e for e in exact if len(e) >= snippets.MIN_COMPOUND_PART and e.isalpha()]
    out = []
    for token in analyze(text).tokens:
        term = token.term if token.term in exact else None
        term = term or next((p for p in prefixes if token.term.startswith(p) or token.folded.startswith(p)), None)
        out.append(term or next((e for e in parts if e in token.folded), None))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join), st.sampled_from(QUERIES[:-1]))
def test_remembered_words_match_as_when_matched_one_by_one(text: str, query: str) -> None:
    exact, prefixes, _ = _highlight(query)
    exact = {e for e in exact if e.isalpha()}  # dates and phrases are marked after this step
    matched = snippets._hits(text, exact, prefixes, set(), snippets.names_date(exact))[1]
    assert matched == _naive_matches(text, exact, prefixes)


def _cut_word_by_word(text: str, spans: list[tuple[int, int]], matched: list[str | None], start: int) -> str:
    """The window written a word and a gap at a time: the html the pieces must add up to."""
    end = min(len(spans), start + snippets.WINDOW) - 1
    if end < start:
        return snippets.Snippet([(snippets._SPACE.sub(" ", text).strip()[:200], False)]).html()
    pieces: list[tuple[str, bool]] = [("… ", False)] if start > 0 else []
    position = spans[start][0]
    for i in range(start, end + 1):
        a, b = spans[i]
        if a > position:
            pieces.append((snippets._SPACE.sub(" ", text[position:a]), False))
        pieces.append((text[a:b], bool(matched[i])))
        position = b
    if position < len(text) and text[position] in ".,;:!?)":
        pieces.append((text[position], False))
    if end < len(spans) - 1:
        pieces.append((" …", False))
    return snippets.Snippet(pieces).html()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "og", "i", ",", ".", "(x)", "<b>", "&", "  \n "]), max_size=90)
       .map(" ".join), st.sampled_from(QUERIES[:-1]), st.integers(0, 60))
def test_plain_text_in_one_piece_writes_the_same_snippet(text: str, query: str, start: int) -> None:
    exact, prefixes, phrases = _highlight(query)
    spans, matched = snippets._hits(text, exact, prefixes, phrases, snippets.names_date(exact))
    start = min(start, max(0, len(spans) - 1))
    made = snippets._cut(text, spans, matched, start)
    assert made.html() == _cut_word_by_word(text, spans, matched, start)
    assert not spans or all(piece for piece, _ in made.fragments)  # no empty pieces
