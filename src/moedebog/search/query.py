"""The query language: what a user types → a neutral tree that every backend compiles.

    sikrede institutioner venteliste     all words must match (stemmed, stop words ignored)
    "sikrede institutioner"              an exact phrase
    klima OR energi                      either (binds tighter than the implicit AND; also ELLER, |)
    -rammeaftale  -"til efterretning"    exclusion
    uddan*                               prefix
    5. februar 2020, 05-02-2020          a date as typed; "februar 2020" is a month
    body:kkr  udvalg:"teknisk udvalg"    body or committee (part of its name or path)
    fra:2020-01-01 til:31-12-2021 år:2020  dates (år: also "2019-2021")
    type:beslutning                      section kind (beslutning, indstilling, baggrund, ...) or
                                         kind of record (punkt, møde, sag, person, brev)
    sag:SAG-2019-07153  person:"Frands Fischer"

Pure: no database, no Django. A malformed query never raises: unbalanced quotes make the whole
query plain words, and a filter that cannot be read (``år:abc``, ``type:foo``) is read as words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from moedebog.documents.dates import MONTHS
from moedebog.search.analyzer import find_dates

# ---------------------------------------------------------------------------------------------- tree


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str


@dataclass(frozen=True, slots=True)
class Day:
    """A date the user typed; matches the date in any spelling."""

    day: date
    text: str


@dataclass(frozen=True, slots=True)
class Month:
    year: int
    month: int
    text: str


@dataclass(frozen=True, slots=True)
class AnyOf:
    options: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    node: Node


Node = Word | Phrase | Day | Month | AnyOf | Not

#: Danish (and English) names of the section kinds in archive.models.Section.Kind, plus attachments.
SECTION_KINDS = {
    "beslutning": "decision", "beslutninger": "decision", "decision": "decision",
    "indstilling": "recommendation", "indstillinger": "recommendation", "recommendation": "recommendation",
    "baggrund": "background", "background": "background",
    "sagsfremstilling": "presentation", "fremstilling": "presentation", "sagsbeskrivelse": "presentation",
    "presentation": "presentation",
    "resume": "summary", "resumé": "summary", "beslutningstema": "summary", "summary": "summary",
    "sagsforløb": "history", "forløb": "history", "history": "history",
    "andet": "other", "øvrige": "other", "other": "other",
    "bilag": "attachment", "attachment": "attachment",
}
#: Kinds of indexed record.
RECORD_KINDS = {
    "punkt": "item", "punkter": "item", "item": "item",
    "møde": "meeting", "møder": "meeting", "meeting": "meeting",
    "sag": "case", "sager": "case", "case": "case",
    "person": "person", "personer": "person",
    "brev": "letter", "breve": "letter", "høring": "letter", "letter": "letter",
}
_FILTER_NAMES = {
    "body": "body", "udvalg": "body", "organ": "body", "råd": "body",
    "fra": "from", "from": "from", "til": "to", "to": "to",
    "år": "year", "aar": "year", "year": "year",
    "type": "kind", "art": "kind", "kind": "kind", "afsnit": "kind",
    "sag": "case", "case": "case", "sagsnummer": "case",
    "person": "person",
}


@dataclass(frozen=True, slots=True)
class Filters:
    bodies: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    section_kinds: tuple[str, ...] = ()
    record_kinds: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return any((self.bodies, self.date_from, self.date_to, self.section_kinds, self.record_kinds,
                    self.cases, self.persons))


@dataclass(frozen=True, slots=True)
class Query:
    """The parsed query: nodes that must all match (``Not`` nodes must not), and filters."""

    text: str
    nodes: tuple[Node, ...] = ()
    filters: Filters = field(default_factory=Filters)
    plain: bool = False  # True when the text was malformed and read as plain words

    @property
    def positive(self) -> tuple[Node, ...]:
        return tuple(n for n in self.nodes if not isinstance(n, Not))

    @property
    def negative(self) -> tuple[Node, ...]:
        return tuple(n.node for n in self.nodes if isinstance(n, Not))


# ---------------------------------------------------------------------------------------------- dates

_NUMERIC = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
_YEAR = re.compile(r"^(\d{4})$")
_YEARS = re.compile(r"^(\d{4})\s*[-–]\s*(\d{4})$")


def _month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def parse_bound(text: str, end: bool) -> date | None:
    """A filter date: "2020-02-05", "05-02-2020", "2020-02" or "2020"; ``end`` picks the last day."""
    text = text.strip()
    try:
        if m := _NUMERIC.match(text):
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m := _ISO.match(text):
            year, month = int(m.group(1)), int(m.group(2))
            if m.group(3):
                return date(year, month, int(m.group(3)))
            return _month_end(year, month) if end else date(year, month, 1)
        if m := _YEAR.match(text):
            return date(int(m.group(1)), 12, 31) if end else date(int(m.group(1)), 1, 1)
        found = find_dates(text)
        if found and found[0][0] == 0 and found[0][1] == len(text):
            return found[0][2]
    except ValueError:
        return None
    return None


def parse_years(text: str) -> tuple[date, date] | None:
    if m := _YEAR.match(text.strip()):
        year = int(m.group(1))
        return date(year, 1, 1), date(year, 12, 31)
    if m := _YEARS.match(text.strip()):
        a, b = sorted((int(m.group(1)), int(m.group(2))))
        return date(a, 1, 1), date(b, 12, 31)
    return None


# ---------------------------------------------------------------------------------------------- lexer

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_YEAR = re.compile(rf"(?<![\w.])({_MONTH_NAMES})\.?\s+(\d{{4}})(?!\w)", re.IGNORECASE)
_LEX = re.compile(r'''
    (?P<filter>(?P<fname>[^\W\d_]+):(?:"(?P<fquoted>[^"]*)"|(?P<fvalue>[^\s"]+)))
  | (?P<neg>-)?"(?P<quoted>[^"]*)"
  | (?P<or>(?<!\S)(?:OR|ELLER|\|)(?!\S))
  | (?P<word>-?[^\s"]+)
''', re.VERBOSE)


class _Malformed(Exception):
    pass


def _dates(text: str) -> tuple[str, list[tuple[int, Node]]]:
    """Dates and months outside quotes and filters, blanked out so the lexer skips them."""
    found: list[tuple[int, Node]] = []
    quoted = _quoted_spans(text)
    taken = [False] * len(text)

    def free(a: int, b: int) -> bool:
        standalone = a == 0 or text[a - 1].isspace() or text[a - 1] == "("
        return standalone and not any(qa < b and a < qb for qa, qb in quoted) and not any(taken[a:b])

    def take(a: int, b: int, node: Node) -> None:
        found.append((a, node))
        for i in range(a, b):
            taken[i] = True

    for start, end, day in find_dates(text):
        if free(start, end):
            take(start, end, Day(day, text[start:end]))
    for m in _MONTH_YEAR.finditer(text):
        if free(m.start(), m.end()):
            take(m.start(), m.end(), Month(int(m.group(2)), MONTHS[m.group(1).lower()], m.group(0)))
    return "".join(" " if t else c for c, t in zip(text, taken, strict=True)), found


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, c in enumerate(text):
        if c == '"':
            if start is None:
                start = i
            else:
                spans.append((start, i + 1))
                start = None
    return spans


def _strip_word(text: str) -> str:
    return text.strip(".,;:!?()[]{}'’`´")


def _filter(name: str, value: str, acc: dict[str, list]) -> bool:
    """Add a filter; False when it cannot be read (then it is read as words)."""
    key = _FILTER_NAMES.get(name.lower())
    value = value.strip()
    if key is None or not value:
        return False
    if key == "body":
        acc["bodies"].append(value)
    elif key in ("from", "to"):
        bound = parse_bound(value, end=key == "to")
        if bound is None:
            return False
        acc["date_from" if key == "from" else "date_to"].append(bound)
    elif key == "year":
        years = parse_years(value)
        if years is None:
            return False
        acc["date_from"].append(years[0])
        acc["date_to"].append(years[1])
    elif key == "kind":
        low = value.lower()
        if low in SECTION_KINDS:
            acc["section_kinds"].append(SECTION_KINDS[low])
        elif low in RECORD_KINDS:
            acc["record_kinds"].append(RECORD_KINDS[low])
        else:
            return False
    elif key == "case":
        acc["cases"].append(value)
    elif key == "person":
        acc["persons"].append(value)
    return True


def _lex(text: str) -> tuple[list[tuple[int, object]], dict[str, list]]:
    if text.count('"') % 2:
        raise _Malformed
    stripped, dated = _dates(text)
    items: list[tuple[int, object]] = list(dated)
    acc: dict[str, list] = {k: [] for k in ("bodies", "date_from", "date_to", "section_kinds", "record_kinds",
                                            "cases", "persons")}
    for m in _LEX.finditer(stripped):
        pos = m.start()
        if m.group("filter"):
            value = m.group("fquoted") if m.group("fquoted") is not None else m.group("fvalue")
            if not _filter(m.group("fname"), value, acc):
                items.append((pos, Word(m.group("fname"))))
                items.extend((pos, Word(w)) for w in value.split() if _strip_word(w))
        elif m.group("quoted") is not None:
            phrase = m.group("quoted").strip()
            if phrase:
                node: Node = Phrase(phrase)
                items.append((pos, Not(node) if m.group("neg") else node))
        elif m.group("or"):
            items.append((pos, "OR"))
        else:
            raw = m.group("word")
            negative = raw.startswith("-") and len(raw) > 1
            raw = raw[1:] if negative else raw
            prefix = raw.endswith("*")
            word = _strip_word(raw.rstrip("*"))
            if not word:
                continue
            node = Word(word, prefix=prefix)
            items.append((pos, Not(node) if negative else node))
    items.sort(key=lambda pair: pair[0])
    return items, acc


def _combine(items: list[object]) -> list[Node]:
    """Fold ``a OR b OR c`` into AnyOf; a dangling OR (or one next to an exclusion) is the word "OR"."""
    nodes: list[Node] = []
    i = 0
    while i < len(items):
        item = items[i]
        if item == "OR":
            nodes.append(Word("OR"))
            i += 1
            continue
        group = [item]
        while (i + 2 < len(items) and items[i + 1] == "OR" and items[i + 2] != "OR"
               and not isinstance(group[-1], Not) and not isinstance(items[i + 2], Not)):
            group.append(items[i + 2])
            i += 2
        nodes.append(group[0] if len(group) == 1 else AnyOf(tuple(group)))  # type: ignore[arg-type]
        i += 1
    return nodes


def plain_words(text: str) -> Query:
    """The fallback reading: every chunk of the text is an ordinary word."""
    words = [_strip_word(w.replace('"', "").lstrip("-").rstrip("*")) for w in text.split()]
    return Query(text, tuple(Word(w) for w in words if w), plain=True)


def parse(text: str) -> Query:
    """Parse a user's query; never raises."""
    text = (text or "").strip()
    try:
        items, acc = _lex(text)
    except _Malformed:
        return plain_words(text)
    nodes = _combine([node for _, node in items])
    filters = Filters(
        bodies=tuple(acc["bodies"]),
        date_from=max(acc["date_from"]) if acc["date_from"] else None,
        date_to=min(acc["date_to"]) if acc["date_to"] else None,
        section_kinds=tuple(dict.fromkeys(acc["section_kinds"])),
        record_kinds=tuple(dict.fromkeys(acc["record_kinds"])),
        cases=tuple(acc["cases"]),
        persons=tuple(acc["persons"]),
    )
    return Query(text, tuple(nodes), filters)
