"""Text → index tokens, with their places in the text (for highlighting).

One function cuts every text — an item's sections, a query's words, a snippet's source — so that
both sides of a search agree on what a word is. A token is a run of letters and digits, so a case
number "SAG-2019-07153" becomes "sag 2019 07153" and is found as a phrase, just as typed. Besides
the words, a text yields *extra* tokens that are not words: every date it mentions in any of its
spellings ("5. februar 2020", "05-02-2020", "2020-02-05") as ``d20200205`` plus its month
``m202002``, a month with a year ("februar 2020") as ``m202002``, and the full second year of a
range ("2021-22" → ``2022``). Extra tokens and compound parts go into a column of their own, so
they never shift the positions that phrases depend on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from moedebog.documents.dates import ISO_DATE, MONTHS, NUMERIC_DATE, WORD_DATE
from moedebog.search.danish import MAX_TOKEN, STOP_WORDS, fold, stem

_WORD = re.compile(r"[^\W_]+")
_DIGIT = re.compile(r"\d")
_MONTH_YEAR = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{4})\b",
                         re.IGNORECASE)
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–/]\s*(\d\d)\b(?![-./]?\d)")


@dataclass(slots=True)
class Token:
    """A word of the text: where it is, its folded form and its index term."""

    start: int
    end: int
    folded: str
    term: str


@dataclass(slots=True)
class Analysis:
    tokens: list[Token] = field(default_factory=list)
    extras: list[Token] = field(default_factory=list)

    def terms(self) -> list[str]:
        return [t.term for t in self.tokens]


def date_token(day: date) -> str:
    return f"d{day:%Y%m%d}"


def month_token(year: int, month: int) -> str:
    return f"m{year:04d}{month:02d}"


def _valid_date(year: int, month: int, day: int) -> date | None:
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Every date written out in ``text``, with its span."""
    found = []
    for pattern, order in ((NUMERIC_DATE, "dmy"), (WORD_DATE, "dMy"), (ISO_DATE, "ymd")):
        for m in pattern.finditer(text):
            a, b, c = m.groups()
            if order == "dmy":
                day = _valid_date(int(c), int(b), int(a))
            elif order == "dMy":
                day = _valid_date(int(c), MONTHS[b.lower().rstrip(".")], int(a))
            else:
                day = _valid_date(int(a), int(b), int(c))
            if day is not None:
                found.append((m.start(), m.end(), day))
    return found


def _extras(text: str) -> list[Token]:
    out: list[Token] = []
    for start, end, day in find_dates(text):
        out.append(Token(start, end, "", date_token(day)))
        out.append(Token(start, end, "", month_token(day.year, day.month)))
    for m in _MONTH_YEAR.finditer(text):
        out.append(Token(m.start(), m.end(), "", month_token(int(m.group(2)), MONTHS[m.group(1).lower()])))
    for m in _YEAR_RANGE.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        full = first // 100 * 100 + second
        if first < full <= first + 10:
            out.append(Token(m.start(2), m.end(2), "", str(full)))
    return out


_MISSING = object()
#: Written word → (folded, term), or None for a word that is not indexed; a corpus repeats its words.
#: Emptied when full: an import must keep its memory flat whatever the size of the archive.
_WORDS: dict[str, object] = {}
_MAX_CACHE = 300_000  # some 70 MB; a large archive would otherwise keep growing past 500 MB


def _word(word: str) -> tuple[str, str] | None:
    folded = fold(word)
    if not folded or folded in STOP_WORDS or len(folded) > MAX_TOKEN or not folded.isalnum():
        return None
    if len(folded) == 1 and not folded.isdigit():
        return None
    return folded, stem(folded)


def analyze(text: str, extras: bool = True) -> Analysis:
    """The tokens of ``text``: stop words and single letters dropped, the rest folded and stemmed."""
    result = Analysis()
    if not text:
        return result
    tokens = result.tokens
    for m in _WORD.finditer(text):
        word = m.group()
        known = _WORDS.get(word, _MISSING)
        if known is _MISSING:
            known = _WORDS[word] = _word(word)
            if len(_WORDS) > _MAX_CACHE:
                _WORDS.clear()
        if known is not None:
            tokens.append(Token(m.start(), m.end(), known[0], known[1]))
    if extras and _DIGIT.search(text):
        result.extras = _extras(text)
    return result


def terms(text: str) -> list[str]:
    """Just the index terms of ``text`` (no extras): what a query word becomes."""
    return analyze(text, extras=False).terms()
