"""Highlighted snippets, cut from the text that was indexed for the same audience.

Made in Python from the analysed text, not by a backend's snippet function, for two reasons: the
index holds tokens, not text, and both backends must show the same snippet. A word is marked
when its stem is a query term, starts with a query prefix, or contains a query term (a compound:
"pædagoguddannelsen" for "uddannelse"); a date is marked when the query names it in any spelling.
The window with the most different query terms wins.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from moedebog.search.analyzer import analyze
from moedebog.search.danish import fold
from moedebog.search.extract import Field

WINDOW = 30
_SPACE = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
MIN_COMPOUND_PART = 5


@dataclass(slots=True)
class Snippet:
    """Text in pieces, each marked or not."""

    fragments: list[tuple[str, bool]] = field(default_factory=list)

    def html(self) -> str:
        return "".join(f"<mark>{html.escape(t)}</mark>" if hit else html.escape(t) for t, hit in self.fragments)

    def text(self, before: str = "«", after: str = "»") -> str:
        return "".join(f"{before}{t}{after}" if hit else t for t, hit in self.fragments)

    def __bool__(self) -> bool:
        return any(t.strip() for t, _ in self.fragments)


Phrases = set[tuple[str, ...]]


def names_date(exact: set[str]) -> bool:
    """Whether a query term could be a date: every date token has a digit."""
    return not all(e.isalpha() for e in exact)


def _hits(text: str, exact: set[str], prefixes: set[str], phrases: Phrases,
          dated: bool) -> tuple[list[tuple[int, int]], list[str | None]]:
    """Token spans of ``text`` and, per token, the query term it matches (or None). The dates a
    text names (the analysis' extras, most of its cost where a text has digits) are looked for only
    when the query names one (``dated``, from ``names_date``)."""
    analysis = analyze(text, extras=dated)
    tokens = analysis.tokens
    spans = [(t.start, t.end) for t in tokens]
    parts = [e for e in exact if len(e) >= MIN_COMPOUND_PART and e.isalpha()]
    known: dict[str, str | None] = {}  # folded word → its match: a text repeats its words
    matched: list[str | None] = []
    for token in tokens:
        folded = token.folded
        term = known.get(folded, _UNSEEN)
        if term is _UNSEEN:
            term = known[folded] = _match(token.term, folded, exact, prefixes, parts)
        matched.append(term)
    if phrases:
        terms = [t.term for t in tokens]
        for phrase in phrases:
            n = len(phrase)
            for i in range(len(terms) - n + 1):
                if tuple(terms[i:i + n]) == phrase or (terms[i:i + n - 1] == list(phrase[:-1])
                                                       and terms[i + n - 1].startswith(phrase[-1])):
                    for j in range(i, i + n):
                        matched[j] = " ".join(phrase)
    for extra in analysis.extras:
        if extra.term in exact:
            for i, (start, end) in enumerate(spans):
                if start < extra.end and extra.start < end:
                    matched[i] = extra.term
    return spans, matched


_UNSEEN = ""  # no query term is empty


def _match(term: str, folded: str, exact: set[str], prefixes: set[str], parts: list[str]) -> str | None:
    """The query term a word matches: its stem, a prefix of it, or a compound part inside it."""
    if term in exact:
        return term
    for p in prefixes:
        if term.startswith(p) or folded.startswith(p):
            return p
    for e in parts:
        if e in folded:
            return e
    return None


def _best_window(matched: list[str | None]) -> tuple[int, int]:
    """(start, distinct terms) of the first window with the most distinct terms, then the most
    hits; windows slide one token at a time. Counted as the window slides (a token in, a token
    out) rather than window by window: a section has hundreds of tokens."""
    n = len(matched)
    counts: dict[str, int] = {}
    hits = 0
    for m in matched[:WINDOW]:
        if m:
            counts[m] = counts.get(m, 0) + 1
            hits += 1
    best, best_start = (len(counts), hits), 0
    for start in range(1, n - WINDOW + 1):
        out, into = matched[start - 1], matched[start + WINDOW - 1]
        if out == into:
            continue  # nothing changes (most often: neither is a match)
        if out:
            hits -= 1
            if counts[out] == 1:
                del counts[out]
            else:
                counts[out] -= 1
        if into:
            counts[into] = counts.get(into, 0) + 1
            hits += 1
        if (len(counts), hits) > best:
            best, best_start = (len(counts), hits), start
    return best_start, best[0]


def _cut(text: str, spans: list[tuple[int, int]], matched: list[str | None], start: int) -> Snippet:
    """The window's text in pieces: each marked word, and the plain text between them as one piece
    (escaped and written once per piece, not once per word)."""
    end = min(len(spans), start + WINDOW) - 1
    if end < start:
        return Snippet([(_SPACE.sub(" ", text).strip()[:200], False)])
    pieces: list[tuple[str, bool]] = []
    lead = "… " if start > 0 else ""
    plain_from = spans[start][0]  # where the plain text not yet in a piece starts
    for i in range(start, end + 1):
        if matched[i]:
            a, b = spans[i]
            if a > plain_from or lead:
                pieces.append((lead + _SPACE.sub(" ", text[plain_from:a]), False))
                lead = ""
            pieces.append((text[a:b], True))
            plain_from = b
    position = spans[end][1]
    if position < len(text) and text[position] in ".,;:!?)":
        position += 1
    tail = " …" if end < len(spans) - 1 else ""
    if position > plain_from or lead or tail:
        pieces.append((lead + _SPACE.sub(" ", text[plain_from:position]) + tail, False))
    return Snippet(pieces)


def _needles(exact: set[str], prefixes: set[str], phrases: Phrases) -> tuple[str, ...]:
    """Strings of which a text must contain one, folded, to have a word to mark. A term is the
    stem of a folded word and Snowball only ever cuts a suffix off, so a stem is the start of its
    folded word; a prefix, a compound part and a phrase's first term are parts of it too."""
    return tuple({*exact, *prefixes, *(phrase[0] for phrase in phrases if phrase)})


def _may_match(text: str, needles: tuple[str, ...], dated: bool) -> bool:
    """False only when no word of ``text`` can be marked: analysing a section costs a hundred
    times more than looking for a few strings in it, and most sections of a hit have no match.
    Dates are marked from their spellings, which the strings do not cover: a text with digits is
    analysed whenever the query names a date."""
    if dated and _DIGIT.search(text):
        return True
    folded = fold(text)
    return any(n in folded for n in needles)


def make(fields: list[Field], exact: set[str], prefixes: set[str],
         phrases: Phrases = frozenset()) -> tuple[Snippet, str | None]:
    """The best snippet of ``fields`` and the kind of the field it came from: the first field with
    the most different query terms in one window (the first non-empty field when none has any)."""
    needles = _needles(exact, prefixes, phrases)
    dated = names_date(exact)
    best: tuple[tuple[int, int], Field, tuple[list[tuple[int, int]], list[str | None], int] | None] | None = None
    for index, f in enumerate(fields):
        if not f.text.strip():
            continue
        if not _may_match(f.text, needles, dated):
            if best is None:
                best = ((0, -index), f, None)
            continue
        spans, matched = _hits(f.text, exact, prefixes, phrases, dated)
        start, distinct = _best_window(matched)
        score = (distinct, -index)
        if best is None or score > best[0]:
            best = (score, f, (spans, matched, start))
    if best is None:
        return Snippet(), None
    _, f, found = best
    if found is None:  # no field has a match: the start of the first
        spans, matched = _hits(f.text, exact, prefixes, phrases, dated)
        found = (spans, matched, _best_window(matched)[0])
    return _cut(f.text, *found), f.kind
