"""Section title → section kind, shared by every reader that finds titled sections.

One table, one function: the FirstAgenda item HTML and the text segmenter must agree on what
"Indstilling" or "Beslutning i Økonomiudvalget den 16-03-2026" means, or the same meeting would
be classified differently depending on whether it arrived as JSON or as a PDF.

Matching is exact on a normalised title (case, surrounding markdown marks, trailing ':' or '.',
whitespace) and never on a prefix: "Beslutning på KL's topmøde vedr. ..." is a sentence that
starts with a section word, not a section title. The only open-ended forms are the decisions of
a named committee ("Beslutning i Byrådet den 25. marts 2026", "Økonomiudvalgets beslutning").
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Known section titles per kind, as documents spell them. ``other`` titles are kept because
#: knowing that "Økonomiske konsekvenser" is a section title (and not a sentence) lets readers
#: recognise headings written as bold paragraphs.
TITLES_BY_KIND: dict[str, tuple[str, ...]] = {
    "background": ("Baggrund", "Baggrund for sagen", "Sagens baggrund"),
    "recommendation": (
        "Indstilling", "Indstillinger", "Det indstilles", "Det indstilles, at", "Det indstilles at",
        "Forslag til indstilling", "Administrationens indstilling", "Forvaltningens indstilling",
        "Direktionens indstilling", "Sekretariatets indstilling", "Indstilling fra administrationen",
        "Det foreslås", "Det foreslås, at", "Beslutningspunkter", "Forslag til beslutning",
    ),
    "presentation": (
        "Sagsfremstilling", "Sagsbeskrivelse", "Fremstilling", "Sagens indhold", "Sagsredegørelse",
        "Redegørelse", "Beskrivelse af sagen",
    ),
    "summary": ("Resume", "Resumé", "Beslutningstema", "Sammenfatning", "Kort om sagen", "Sagens kerne"),
    "decision": ("Beslutning", "Beslutninger", "Afgørelse"),
    "history": (
        "Sagens forløb", "Sagsforløb", "Tidligere beslutninger", "Tidligere behandling",
        "Tidligere behandlinger", "Tidligere politisk behandling",
    ),
    "other": (
        "Sagsprocedure", "Økonomiske konsekvenser", "Økonomi", "Økonomi og finansiering", "Finansiering",
        "Bevillingsmæssige konsekvenser", "Lovgrundlag", "Lovgivning", "Retsgrundlag", "Retligt grundlag",
        "Hjemmel", "Juridiske forhold", "Juridiske konsekvenser", "Tidsplan", "Kommunikation", "Høring",
        "Høringer", "Høringssvar", "Øvrige forhold", "Øvrige konsekvenser", "Øvrig information",
        "Vurdering", "Administrationens vurdering", "Forvaltningens vurdering", "Videre proces",
        "Den videre proces", "Proces", "Klimakonsekvenser", "Miljømæssige konsekvenser",
        "Klima- og miljømæssige konsekvenser", "Personalemæssige konsekvenser", "Konsekvenser",
        "Borgerinddragelse", "Inddragelse", "Kompetence", "Beslutningskompetence", "Bilag",
        "Bilagsfortegnelse", "Påtegning", "Bemærkninger", "Supplerende oplysninger",
    ),
}

#: Every known title, in the spelling documents use; for readers and segmenter heuristics.
KNOWN_TITLES: list[str] = [title for titles in TITLES_BY_KIND.values() for title in titles]

_MARKS = "*#_ \t"


def _needs_folding(title: str) -> bool:
    return "  " in title or "\t" in title or "\n" in title or "\r" in title or not title.isascii()


def normalize_title(title: str) -> str:
    """The comparable form of a title: no markdown marks or trailing ':'/'.', folded case."""
    # " ".join(split()) is _WHITESPACE.sub(" ", ...) without the ends, which strip(_MARKS) drops
    # anyway, and many times faster on a sentence with a match at every space
    text = " ".join(title.split()) if _needs_folding(title) else title
    text = text.strip(_MARKS)
    while text and text[-1] in ":.":
        text = text[:-1].rstrip(_MARKS)
    return text.casefold()


_KIND_BY_TITLE: dict[str, str] = {
    normalize_title(title): kind for kind, titles in TITLES_BY_KIND.items() for title in titles
}

_MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
           "oktober", "november", "december")
#: The last word of a committee's name: "Økonomiudvalget", "Byrådet", "Kommunalbestyrelsen", "KKR".
_COMMITTEE_WORD = (r"\S*(?:udvalg(?:et)?|råd(?:et)?|bestyrelse(?:n)?|magistrat(?:en)?|kkr|"
                   r"borgerrepræsentation(?:en)?|repræsentantskab(?:et)?|komit[eé](?:en)?)")
_DATE = (r"(?P<day>\d{1,2})(?:[-./](?P<month>\d{1,2})[-./]|\.?\s+(?P<month_name>" + "|".join(_MONTHS)
         + r")\s+)(?P<year>\d{4})|(?P<iso>\d{4}-\d{2}-\d{2})")
_DECISION_OF = re.compile(
    r"beslutning(?:er)?(?:\s+(?:i|fra|af)\s+(?P<committee>.{1,100}?))?"
    r"(?:\s+(?:den|d\.)\s+(?:" + _DATE + r"))?(?:\s+kl\.?\s+\d{1,2}[.:]\d{2})?",
)
_COMMITTEE_DECISION = re.compile(r"(?P<committee>.{0,80}?" + _COMMITTEE_WORD + r")(?:'s|s|')\s+beslutning")
_COMMITTEE_NAME = re.compile(r"(?:^|\s)" + _COMMITTEE_WORD + r"(?:\s|$)")


def decision_heading(title: str) -> tuple[str | None, str | None] | None:
    """Parse a decision heading that names who decided and when.

    "Beslutning i Økonomiudvalget den 16-03-2026" → ("økonomiudvalget", "2026-03-16"); plain
    "Beslutning" → (None, None); anything that is not a decision heading → None. The committee
    comes back in folded case; the date as ISO when it could be read.
    """
    text = normalize_title(title)
    if "beslutning" not in text:  # both forms need the word; most lines are ruled out cheaply
        return None
    match = _DECISION_OF.fullmatch(text)
    if match:
        committee = match.group("committee")
        if committee is not None and not match.group("day") and not match.group("iso") \
                and not _COMMITTEE_NAME.search(committee):
            return None  # "Beslutning i sagen om ..." is a sentence, not a heading
        return committee, _iso_date(match)
    match = _COMMITTEE_DECISION.fullmatch(text)
    if match:
        return match.group("committee"), None
    return None


def _iso_date(match: re.Match[str]) -> str | None:
    if match.group("iso"):
        return match.group("iso")
    if not match.group("day"):
        return None
    name = match.group("month_name")
    month = _MONTHS.index(name) + 1 if name else int(match.group("month"))
    day = int(match.group("day"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{match.group('year')}-{month:02d}-{day:02d}"


@lru_cache(maxsize=8192)
def section_kind(title: str) -> str | None:
    """The section kind a title announces, or None when it is not a known section title."""
    text = normalize_title(title)
    if not text or len(text) > 200:
        return None
    kind = _KIND_BY_TITLE.get(text)
    if kind is not None:
        return kind
    # normalize_title is idempotent (casefold is), so decision_heading's own "beslutning" test
    # is this one; testing here spares it normalising the text a second time
    if "beslutning" in text and decision_heading(text) is not None:
        return "decision"
    return None
