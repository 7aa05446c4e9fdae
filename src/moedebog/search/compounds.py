"""Danish compound words split into their parts, so that "uddannelse" finds "pædagoguddannelsen".

Danish writes compounds as one word and puts the head last ("pædagog|uddannelsen",
"sundheds|reformen", "regions|rådet"). A word is split where its end is a known word (its head)
and its beginning is a known word too (the modifier, possibly with the linking "s" or "e"). What
counts as known is a vocabulary: the stems seen in the archive (kept in the ``search_word`` table,
so it grows with the corpus) plus a small built-in list of common words of Danish public
administration, which makes splitting work from the first document (before one of those heads,
an unknown modifier of five letters or more is accepted too). The longest known head wins,
and a long modifier is split once more ("kommunal|bestyrelses|medlemmer").

The parts go into the index next to the whole word (in a column of their own, weighted low), so a
search for a part finds the compound while exact words still rank first. Lookups are batched,
because the vocabulary may live in the database: ``Decompounder.split_all`` asks for every
candidate of every word at once, in two rounds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from moedebog.search.danish import STOP_WORDS, fold, stem

#: Common words of municipal records; their stems are always known.
_BASE = """
    aftale aftaler anbringelse arbejde arbejdsmarked affald alder bolig boliger borger borgere budget
    bus byggeri bygning byråd dagtilbud data digitalisering direktør drift døgn ejendom elev elever
    energi erhverv forebyggelse forhandling forløb forsyning fritid fysioterapi genoptræning grund
    handicap handleplan handling helhed hjem hjælp hospital høring indsats institution institutioner
    integration kapacitet klima kommune kommuner kontrakt kultur kvalitet ledelse lejlighed liste lov
    læge løn miljø model møde område områder omsorg opgave opgaver orientering overenskomst park plads
    pladser plan pleje politik praksis projekt psykiatri pulje rammer rammeaftale regnskab region råd
    reform rehabilitering resultat samarbejde sag sager selskab skole skoler social sundhed strategi
    styrelse styring tid tilbud tilsyn trafik udbud uddannelse uddannelser udvalg udvikling ungdom unge
    vand varme vej veje velfærd vækst ældre økonomi ansøgning beskæftigelse center centre fond
    kriminalitet læring medlem medlemmer bestyrelse bestyrelser konference sikkerhed tryghed taxameter
    aktivitet aktiviteter netværk udspil behandling center forvaltning virksomhed virksomheder
"""
BASE_WORDS = frozenset(stem(fold(w)) for w in _BASE.split())

#: Beginnings that look like words but are prefixes ("god|kendelse", "for|slag", "be|slutning").
_NOT_MODIFIERS = frozenset(STOP_WORDS | {
    "god", "be", "ge", "for", "an", "und", "gen", "sam", "mis", "van", "u", "til", "mel", "fore", "fort",
    "bort", "fra", "med", "ved", "paa", "over", "efter", "imod", "sammen", "tilbage", "frem", "hen",
})

MIN_WORD = 8
MIN_MODIFIER = 3
MIN_HEAD = 4
#: An unknown modifier is accepted before a built-in head when it is at least this long.
MIN_UNKNOWN_MODIFIER = 5

Lookup = Callable[[set[str]], set[str]]


def _has_vowel(text: str) -> bool:
    return any(c in "aeiouy" for c in text)


@lru_cache(maxsize=20_000)
def _modifier_forms(modifier: str) -> tuple[str, ...]:
    """The modifier as written, and without a linking "s" or "e" (regions|råd, rammes|...)."""
    forms = [modifier]
    if len(modifier) > MIN_MODIFIER and modifier[-1] in "se":
        forms.append(modifier[:-1])
    return tuple(f for f in forms if len(f) >= MIN_MODIFIER and f not in _NOT_MODIFIERS and _has_vowel(f))


# memoised: an archive repeats its words from meeting to meeting, and the answer depends on the word alone
# (bounded: an entry holds a stem per split point, some 1 KB for a long word)
@lru_cache(maxsize=20_000)
def head_splits(word: str) -> tuple[tuple[int, str], ...]:
    """(split index, stem of the head) for every place a head could start, longest head first.

    Stemming only looks at a word's ending, so a long head loses what the whole word loses; only
    short heads, where the stemmer's region rules may differ, are stemmed on their own. This keeps
    splitting from stemming every tail of every long word.
    """
    whole = stem(word)
    cut = len(word) - len(whole) if word.startswith(whole) else None
    out = []
    for i in range(MIN_MODIFIER, len(word) - 2):
        head = word[i:]
        if not _has_vowel(head):
            continue
        if cut is not None and len(head) - cut >= 6:
            out.append((i, head[:len(head) - cut]))
        else:
            out.append((i, stem(head)))
    return tuple(out)


class Decompounder:
    """Splits folded words against a vocabulary reached through ``lookup`` (a set → known subset)."""

    def __init__(self, lookup: Lookup) -> None:
        self.lookup = lookup

    def _known(self, candidates: set[str]) -> set[str]:
        base = candidates & BASE_WORDS
        rest = candidates - base
        return base | (self.lookup(rest) if rest else set())

    def split_all(self, words: Iterable[str]) -> dict[str, list[str]]:
        """Folded word → stems of its parts (empty when it is not a compound we recognise)."""
        words = {w for w in words if len(w) >= MIN_WORD and w.isalpha()}
        first = self._split_round(words)
        modifiers = {m for split in first.values() if split for m in split[1:] if len(m) >= MIN_WORD}
        second = self._split_round(modifiers) if modifiers else {}
        out: dict[str, list[str]] = {}
        for word in words:
            split = first.get(word)
            if not split:
                out[word] = []
                continue
            head, *mods = split
            parts = [head]
            for mod in mods:
                parts.append(stem(mod))
                inner = second.get(mod)
                if inner:
                    parts.extend([inner[0], *(stem(m) for m in inner[1:])])
            whole = stem(word)
            out[word] = list(dict.fromkeys(p for p in parts if p != whole and len(p) >= 3))
        return out

    def _split_round(self, words: set[str]) -> dict[str, list[str] | None]:
        """Each word → [head stem, modifier form] for its longest known head, or None."""
        splits = {w: head_splits(w) for w in words}
        heads = {h for cands in splits.values() for _, h in cands if len(h) >= 3}
        known_heads = self._known(heads)
        chosen: dict[str, list[tuple[int, str]]] = {}
        modifier_candidates: set[str] = set()
        for word, cands in splits.items():
            options = [(i, h) for i, h in cands if h in known_heads and
                       (len(word) - i >= MIN_HEAD or h in BASE_WORDS)]
            chosen[word] = options
            for i, _ in options:
                for form in _modifier_forms(word[:i]):
                    modifier_candidates.update((form, stem(form)))
        known_modifiers = self._known(modifier_candidates)
        out: dict[str, list[str] | None] = {}
        for word, options in chosen.items():
            out[word] = None
            for i, head in options:
                forms = [f for f in _modifier_forms(word[:i]) if f in known_modifiers or stem(f) in known_modifiers
                         or (head in BASE_WORDS and len(f) >= MIN_UNKNOWN_MODIFIER)]
                if forms:
                    out[word] = [head, forms[-1]]
                    break
        return out
