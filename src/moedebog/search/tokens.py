"""Records → the token columns both backends index, identically.

A row has four columns: title (with the parts of its compound words after it), meta (body, date,
case number, ...), text (every section and the attachments) and parts (the text's compound parts,
date and month tokens, expanded year ranges: tokens with no place in a sentence). SQLite stores
them as space-separated strings for FTS5; PostgreSQL gets a ``tsvector`` literal with the same
tokens at the same positions, weights A-D for the four columns and a gap between columns so that a
phrase never spans two of them, just as in FTS5.
Both are cut at PostgreSQL's last position (16 383), so very long texts are cut alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from moedebog.search.analyzer import Analysis, analyze
from moedebog.search.compounds import Decompounder
from moedebog.search.extract import Record

MAX_POSITION = 16383
#: Most positions PostgreSQL keeps per lexeme.
MAX_POSITIONS_PER_TERM = 256
WEIGHTS = "ABCD"  # title, meta, text, parts


@dataclass(slots=True)
class Columns:
    title: list[str] = field(default_factory=list)
    meta: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    def as_list(self) -> list[list[str]]:
        return [self.title, self.meta, self.text, self.parts]


@dataclass(slots=True)
class Analysed:
    """A record with its analysed texts: the row's columns and one set of columns per section kind."""

    record: Record
    title: Analysis
    meta: Analysis
    fields: list[tuple[str, Analysis]]

    def words(self) -> Iterable[str]:
        for analysis in (self.title, self.meta, *(a for _, a in self.fields)):
            for token in analysis.tokens:
                yield token.folded


def analyse(record: Record) -> Analysed:
    return Analysed(record, analyze(record.title), analyze(record.meta),
                    [(f.kind, analyze(f"{f.title}\n{f.text}" if f.title else f.text)) for f in record.fields])


def _parts(analyses: Iterable[Analysis], compounds: dict[str, list[str]]) -> list[str]:
    out: list[str] = []
    for analysis in analyses:
        for token in analysis.tokens:
            out.extend(compounds.get(token.folded, ()))
        out.extend(t.term for t in analysis.extras)
    return out


def _capped(columns: Columns) -> Columns:
    """Drop tokens past PostgreSQL's last position, counting the gaps between columns."""
    room = MAX_POSITION
    lists = []
    for terms in columns.as_list():
        lists.append(terms[:max(room, 0)])
        room -= len(terms) + 1
    return Columns(*lists)


def _title(item: Analysed, compounds: dict[str, list[str]]) -> list[str]:
    """The title's tokens, then its compound parts and dates: they weigh as title words."""
    parts = [p for t in item.title.tokens for p in compounds.get(t.folded, ())]
    return item.title.terms() + parts + [t.term for t in item.title.extras]


def row_columns(item: Analysed, compounds: dict[str, list[str]]) -> Columns:
    text = [t for _, a in item.fields for t in a.terms()]
    parts = _parts([item.meta, *(a for _, a in item.fields)], compounds)
    return _capped(Columns(_title(item, compounds), item.meta.terms(), text, parts))


def kind_columns(item: Analysed, compounds: dict[str, list[str]]) -> dict[str, Columns]:
    """Per section kind of an item: its title with that kind's text (meta is left out)."""
    by_kind: dict[str, list[Analysis]] = {}
    for kind, analysis in item.fields:
        by_kind.setdefault(kind, []).append(analysis)
    out = {}
    for kind, analyses in by_kind.items():
        text = [t for a in analyses for t in a.terms()]
        out[kind] = _capped(Columns(_title(item, compounds), [], text, _parts(analyses, compounds)))
    return out


def tsvector(columns: Columns) -> str:
    """A tsvector literal: every token at its position, weighted by column, with a gap after each column."""
    positions: dict[str, list[str]] = {}
    pos = 1
    for terms, weight in zip(columns.as_list(), WEIGHTS, strict=True):
        for term in terms:
            slots = positions.setdefault(term, [])
            if len(slots) < MAX_POSITIONS_PER_TERM:
                slots.append(f"{pos}{weight}")
            pos += 1
        pos += 1
    return " ".join(f"'{term}':{','.join(slots)}" for term, slots in positions.items())


def compounds_for(items: list[Analysed], decompounder: Decompounder) -> dict[str, list[str]]:
    words = {w for item in items for w in item.words()}
    return decompounder.split_all(words)
