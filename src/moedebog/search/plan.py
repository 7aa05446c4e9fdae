"""The parsed query with its words analysed: the tree both backends compile.

A word becomes its stem (or nothing, for a stop word); a word that holds several tokens
("SAG-2019-07153", "KL's") becomes a phrase of them; a prefix keeps the stem of what was typed
(so "institutioner*" still finds "institution"); a date or month becomes its date token; a
person filter becomes a phrase that must occur. Everything here is made of the analyser's
tokens, which are plain ASCII letters and digits, so the backends' escaping has an easy job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from moedebog.search import query as q
from moedebog.search.analyzer import date_token, month_token, terms
from moedebog.search.danish import fold


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Seq:
    """Consecutive terms (a phrase); ``prefix`` applies to the last."""

    terms: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Any:
    items: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class All:
    items: tuple[Expr, ...]


Expr = Term | Seq | Any | All
#: Splits a folded word into the stems of its parts ([] when it is not a compound).
Splitter = Callable[[str], list[str]]


@dataclass(slots=True)
class Plan:
    must: list[Expr] = field(default_factory=list)
    must_not: list[Expr] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return bool(self.must or self.must_not)

    def highlight(self) -> tuple[set[str], set[str], set[tuple[str, ...]]]:
        """(exact terms, prefixes, phrases) to mark in snippets: every positive term."""
        exact: set[str] = set()
        prefixes: set[str] = set()
        phrases: set[tuple[str, ...]] = set()

        def walk(expr: Expr) -> None:
            if isinstance(expr, Term):
                (prefixes if expr.prefix else exact).add(expr.text)
            elif isinstance(expr, Seq):
                phrases.add(expr.terms)
            else:
                for item in expr.items:
                    walk(item)

        for expr in self.must:
            walk(expr)
        return exact, prefixes, phrases


def _sequence(tokens: list[str], prefix: bool = False) -> Expr | None:
    if not tokens:
        return None
    if len(tokens) == 1:
        return Term(tokens[0], prefix)
    return Seq(tuple(tokens), prefix)


def _word(word: q.Word, split: Splitter | None) -> Expr | None:
    tokens = terms(word.text)
    if len(tokens) == 1 and not word.prefix and split is not None:
        # a compound typed as one word also finds its parts written apart ("klimasamarbejde" finds
        # "samarbejde om klima"); the whole word still ranks first, being rarer
        parts = [p for p in split(fold(word.text)) if p != tokens[0]]
        if len(parts) >= 2:
            return Any((Term(tokens[0]), All(tuple(Term(p) for p in dict.fromkeys(parts)))))
    if tokens or not word.prefix:
        return _sequence(tokens, word.prefix)
    # a stop word typed as a prefix ("til*") still means the words that start so
    folded = "".join(c for c in fold(word.text) if c.isalnum())
    return Term(folded, True) if len(folded) >= 2 else None


def _node(node: q.Node, split: Splitter | None = None) -> Expr | None:
    if isinstance(node, q.Word):
        return _word(node, split)
    if isinstance(node, q.Phrase):
        return _sequence(terms(node.text))
    if isinstance(node, q.Day):
        return Term(date_token(node.day))
    if isinstance(node, q.Month):
        return Term(month_token(node.year, node.month))
    if isinstance(node, q.AnyOf):
        options = [e for e in (_node(o, split) for o in node.options) if e is not None]
        if not options:
            return None
        return options[0] if len(options) == 1 else Any(tuple(dict.fromkeys(options)))
    return None


def plan(query: q.Query, split: Splitter | None = None) -> Plan:
    """The analysed query; ``split`` (compound splitting) widens compound words to their parts."""
    result = Plan()
    for node in query.positive:
        expr = _node(node, split)
        if expr is not None and expr not in result.must:
            result.must.append(expr)
    for node in query.negative:
        expr = _node(node)
        if expr is not None and expr not in result.must_not:
            result.must_not.append(expr)
    for person in query.filters.persons:
        expr = _sequence(terms(person))
        if expr is not None and expr not in result.must:
            result.must.append(expr)
    return result
