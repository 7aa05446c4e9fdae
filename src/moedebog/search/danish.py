"""Danish word handling shared by indexing, querying and highlighting.

Everything that turns a written word into an index token lives here, so the documents and the
queries are always treated alike: lower case, æ/ø/å folded to ae/oe/aa (people type "Aarhus" and
"Århus", "paedagog" and "pædagog"), other accents dropped, Danish stop words removed, and Snowball
Danish stemming applied to the folded word. Folding *before* stemming matters: the stemmer treats
"fraværende" and "fravaerende" differently, but the folded form is the same for both.
"""

from __future__ import annotations

import unicodedata

import snowballstemmer

#: Letters folded to ASCII before accents are dropped (each becomes ASCII, so the order does not matter).
FOLDED = (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("ä", "ae"), ("ö", "oe"), ("ü", "u"), ("é", "e"), ("ß", "ss"))

#: The usual Danish stop words (Snowball's list, written out here), folded like every token.
_STOP_WORDS = """
    og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde
    ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind
    når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden hende
    mine alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan
    samt mv bl a jf ift vedr tidl pr
"""

#: Longest token kept; longer runs of letters are garbage (base64 images, hashes).
MAX_TOKEN = 40

_stemmer = snowballstemmer.stemmer("danish")
_NEUTER = ("alt", "elt")
_stems: dict[str, str] = {}


def fold(word: str) -> str:
    """Lower case, æ/ø/å → ae/oe/aa and accents removed: the form both sides of a search share."""
    low = word.lower()
    if low.isascii():
        return low
    # str.replace per letter, not str.translate: translate maps each character through a dict and,
    # with replacements longer than one character, costs 250 µs for a section of 1 000 characters,
    # fifteen times as much (folding whole sections is how snippets find the fields worth analysing)
    for letter, ascii_form in FOLDED:
        if letter in low:
            low = low.replace(letter, ascii_form)
    if low.isascii():
        return low
    return unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode("ascii")


STOP_WORDS = frozenset(fold(w) for w in _STOP_WORDS.split())


def stem(folded: str) -> str:
    """The Snowball Danish stem of an already folded word; numbers are kept as written.

    A plain dict cache, because the pure-Python stemmer is slow and a corpus repeats its words.
    """
    cached = _stems.get(folded)
    if cached is not None:
        return cached
    result = folded if folded.isdigit() or len(folded) < 3 else _stemmer.stemWord(folded)
    if len(result) >= 7 and result.endswith(_NEUTER):
        result = result[:-1]  # "tværkommunalt", "generelt": Snowball keeps the neuter -t of adjectives
    if len(_stems) > 2_000_000:
        _stems.clear()
    _stems[folded] = result
    return result


def token(word: str) -> str | None:
    """The index token of one written word, or None for a stop word or garbage."""
    folded = fold(word)
    if not folded or folded in STOP_WORDS or len(folded) > MAX_TOKEN:
        return None
    return stem(folded)
