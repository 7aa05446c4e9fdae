"""The two full-text backends: the plan compiled to an FTS5 MATCH or a PostgreSQL tsquery.

Each backend answers two questions with a SQL subquery: which index rows match the plan, with
what score (higher is better), and which (item, section kind) parts match it. Everything around
that — filters, privacy, facets, sorting, pages — is shared SQL in ``engine``, so the backends
cannot drift apart in what they show; they differ only in how they score. Terms are analyser
tokens (ASCII letters and digits), and are quoted and escaped all the same: user text never
reaches the MATCH or tsquery syntax unquoted.
"""

from __future__ import annotations

from django.db import connection

from moedebog.search.plan import All, Expr, Plan, Seq, Term

#: Column weights: title, meta, text, parts (compound parts and date tokens count least).
WEIGHTS = (10.0, 4.0, 1.0, 0.4)


class SearchUnavailable(RuntimeError):
    """The database has no full-text support that moedebog knows."""


class Backend:
    """``scored=False`` asks for the same rows with a score of 0: counting and facets need only
    which rows match, and scoring every match (BM25 on SQLite, ts_rank on PostgreSQL, which reads
    each row's tsvector) is most of what a match over tens of thousands of rows costs."""

    name = ""
    #: The index rows joined to a match, as ``d``.
    DOCS = "search_searchdoc d"
    #: What a part match gives besides its score: the part's item and kind, and the filters.
    PART_COLUMNS = "p.doc_id AS doc_id, p.kind AS kind, p.audience AS audience, p.body_id AS body_id, p.day AS day"

    def doc_match(self, plan: Plan, scored: bool = True) -> tuple[str, list[object]]:
        raise NotImplementedError

    def part_match(self, plan: Plan, scored: bool = True) -> tuple[str, list[object]]:
        raise NotImplementedError

    def doc_source(self, plan: Plan, scored: bool = True) -> tuple[str, str, list[object], str]:
        """The matching index rows as ``d``: (FROM clause, condition, its parameters, score expression)."""
        sql, params = self.doc_match(plan, scored)
        return f"({sql}) m JOIN {self.DOCS} ON d.id = m.id", "1=1", params, "m.score"


class SqliteBackend(Backend):
    """SQLite FTS5 over the token columns; scores are BM25 with column weights."""

    name = "sqlite"
    #: bm25() only works in a query over the FTS table itself; an OFFSET keeps SQLite from flattening
    #: that query into the aggregates and joins around it.
    KEEP = "LIMIT -1 OFFSET 0"
    #: SQLite looks a joined row up by its rowid in the table itself, whose rows hold the large token
    #: columns: one page read per matching row. The covering indexes hold what a search reads of a
    #: row in a fraction of the pages (measured: a third less time for a join of 20 000 matches).
    DOCS = "search_searchdoc d INDEXED BY search_doc_cover"
    PARTS = "search_searchpart p INDEXED BY search_part_filters"

    @staticmethod
    def quote(term: str) -> str:
        return '"' + term.replace('"', '""') + '"'

    def compile(self, expr: Expr) -> str:
        if isinstance(expr, Term):
            return self.quote(expr.text) + (" *" if expr.prefix else "")
        if isinstance(expr, Seq):
            return self.quote(" ".join(expr.terms)) + (" *" if expr.prefix else "")
        joiner = " AND " if isinstance(expr, All) else " OR "
        return "(" + joiner.join(self.compile(e) for e in expr.items) + ")"

    def match(self, plan: Plan) -> tuple[str | None, str | None]:
        positive = " AND ".join(self.compile(e) for e in plan.must) or None
        negative = " OR ".join(self.compile(e) for e in plan.must_not) or None
        return positive, negative

    def doc_match(self, plan: Plan, scored: bool = True) -> tuple[str, list[object]]:
        positive, negative = self.match(plan)
        weights = ", ".join(str(w) for w in WEIGHTS)
        if positive:
            expr = f"({positive}) NOT ({negative})" if negative else positive
            score = f"-bm25(search_doc_fts, {weights})" if scored else "0.0"
            return (f"SELECT rowid AS id, {score} AS score "
                    f"FROM search_doc_fts WHERE search_doc_fts MATCH %s {self.KEEP}", [expr])
        if negative:
            return ("SELECT id, 0.0 AS score FROM search_searchdoc WHERE id NOT IN "
                    "(SELECT rowid FROM search_doc_fts WHERE search_doc_fts MATCH %s)", [negative])
        return "SELECT id, 0.0 AS score FROM search_searchdoc", []

    def part_match(self, plan: Plan, scored: bool = True) -> tuple[str, list[object]]:
        positive, negative = self.match(plan)
        weights = f"{WEIGHTS[0]}, {WEIGHTS[2]}, {WEIGHTS[3]}"
        if positive:
            expr = f"({positive}) NOT ({negative})" if negative else positive
            score = f"-bm25(search_part_fts, {weights})" if scored else "0.0"
            return (f"SELECT {self.PART_COLUMNS}, f.score AS score FROM "
                    f"(SELECT rowid AS id, {score} AS score FROM search_part_fts "
                    f"WHERE search_part_fts MATCH %s {self.KEEP}) f JOIN {self.PARTS} ON p.id = f.id", [expr])
        if negative:
            return (f"SELECT {self.PART_COLUMNS}, 0.0 AS score FROM search_searchpart p "
                    "WHERE p.id NOT IN (SELECT rowid FROM search_part_fts WHERE search_part_fts MATCH %s)", [negative])
        return f"SELECT {self.PART_COLUMNS}, 0.0 AS score FROM search_searchpart p", []


class PostgresBackend(Backend):
    """PostgreSQL full-text search over the pre-analysed tsvector; scores are ts_rank with weights."""

    name = "postgresql"
    #: ts_rank's weights are given as {D, C, B, A}: parts, text, meta, title.
    RANK_WEIGHTS = "{" + ",".join(str(w / WEIGHTS[0]) for w in reversed(WEIGHTS)) + "}"
    #: No length normalisation: measured on the judged queries (bench/relevance.py), dividing by
    #: 1 + log(length) lets short case and meeting rows push the item itself off the top (nDCG@10
    #: 0.88 against 0.95), and dividing by the length is worse still (0.74).
    NORMALISATION = 0

    @staticmethod
    def quote(term: str) -> str:
        return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"

    def compile(self, expr: Expr) -> str:
        if isinstance(expr, Term):
            return self.quote(expr.text) + (":*" if expr.prefix else "")
        if isinstance(expr, Seq):
            quoted = [self.quote(t) for t in expr.terms]
            if expr.prefix:
                quoted[-1] += ":*"
            return "(" + " <-> ".join(quoted) + ")"
        joiner = " & " if isinstance(expr, All) else " | "
        return "(" + joiner.join(self.compile(e) for e in expr.items) + ")"

    def tsquery(self, plan: Plan) -> str | None:
        positive = " & ".join(self.compile(e) for e in plan.must)
        negative = " | ".join(self.compile(e) for e in plan.must_not)
        if positive and negative:
            return f"({positive}) & !({negative})"
        if negative:
            return f"!({negative})"
        return positive or None

    def _rank(self, column: str = "tsv") -> str:
        return f"ts_rank('{self.RANK_WEIGHTS}', {column}, query, {self.NORMALISATION})"

    def doc_match(self, plan: Plan, scored: bool = True) -> tuple[str, list[object]]:
        tsquery = self.tsquery(plan)
        if tsquery is None:
            return "SELECT id, 0.0 AS score FROM search_searchdoc", []
        score = self._rank() if plan.must and scored else "0.0"
        return (f"SELECT id, {score} AS score FROM search_searchdoc, CAST(%s AS tsquery) query "
                "WHERE tsv @@ query", [tsquery])

    def doc_source(self, plan: Plan, scored: bool = True) -> tuple[str, str, list[object], str]:
        """The index rows themselves hold the tsvector: matched in place, not joined to themselves
        (a self-join lets the planner start from the wrong side when its statistics lag behind a
        large import, probing tens of thousands of rows one by one)."""
        tsquery = self.tsquery(plan)
        if tsquery is None:
            return "search_searchdoc d", "1=1", [], "0.0"
        score = self._rank("d.tsv") if plan.must and scored else "0.0"
        return "search_searchdoc d, CAST(%s AS tsquery) query", "d.tsv @@ query", [tsquery], score

    def part_match(self, plan: Plan, scored: bool = True) -> tuple[str, list[object]]:
        tsquery = self.tsquery(plan)
        if tsquery is None:
            return f"SELECT {self.PART_COLUMNS}, 0.0 AS score FROM search_searchpart p", []
        score = self._rank("p.tsv") if plan.must and scored else "0.0"
        return (f"SELECT {self.PART_COLUMNS}, {score} AS score FROM search_searchpart p, CAST(%s AS tsquery) query "
                "WHERE p.tsv @@ query", [tsquery])


def current() -> Backend:
    """The backend for the database in use."""
    if connection.vendor == "sqlite":
        return SqliteBackend()
    if connection.vendor == "postgresql":
        return PostgresBackend()
    raise SearchUnavailable(f"søgning understøtter ikke databasen {connection.vendor}")
