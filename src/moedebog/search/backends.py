"""The two full-text backends: the plan compiled to an FTS5 MATCH or a PostgreSQL tsquery.

Each backend answers two questions with a SQL subquery: which index rows match the plan, with
what score (higher is better), and which (item, section kind) parts match it. Everything around
that — filters, privacy, facets, sorting, pages — is shared code in ``engine`` and ``columns``,
so the backends cannot drift apart in what they show; they differ only in how they score. A match
comes back as one row of comma-separated lists (``aggregate``): tens of thousands of ids cost one
string instead of as many Python tuples. Terms are analyser
tokens (ASCII letters and digits), and are quoted and escaped all the same: user text never
reaches the MATCH or tsquery syntax unquoted.
"""

from __future__ import annotations

from django.db import connection

from moedebog.search.plan import All, Expr, Plan, Seq, Term

#: Column weights: title, meta, text, parts (compound parts and date tokens count least).
WEIGHTS = (10.0, 4.0, 1.0, 0.4)
#: Scores travel as integers in millionths of a millionth: the database writes and numpy reads
#: an integer several times faster than a decimal fraction (tens of thousands per search), and
#: twelve decimals keep every difference between two scores that ranking could notice.
SCORE_SCALE = 1e12


class SearchUnavailable(RuntimeError):
    """The database has no full-text support that moedebog knows."""


class Backend:
    """``scored=False`` asks for the same rows with a score of 0: counting and facets need only
    which rows match, and scoring every match (BM25 on SQLite, ts_rank on PostgreSQL, which reads
    each row's tsvector) is most of what a match over tens of thousands of rows costs."""

    name = ""
    #: A statement whose answer changes with every committed write or delete of an index row or
    #: part (``search.phrases`` keeps what a search derived from a match while it stays the same).
    FINGERPRINT: str | None = None
    #: Whether a query's score is the sum of its phrases' scores, so that a query can be answered
    #: from phrases kept from earlier searches (``search.phrases``).
    ADDITIVE = False

    def doc_match(self, plan: Plan, scored: bool = True) -> tuple[str, list[object]]:
        """Matching index rows as (id, score)."""
        raise NotImplementedError

    def part_match(self, plan: Plan, scored: bool = True) -> tuple[str, list[object]]:
        """Matching parts (``search_searchpart`` rows) as (id, score)."""
        raise NotImplementedError

    def key(self, plan: Plan) -> str:
        """What identifies the rows and scores ``plan`` matches: its compiled full-text query."""
        raise NotImplementedError

    def aggregate(self, expr: str) -> str:
        """``expr`` over every row as one comma-separated string (NULL when there are no rows)."""
        raise NotImplementedError

    def epoch(self, column: str) -> str:
        """A timestamp column as whole seconds since 1970 (NULL stays NULL)."""
        raise NotImplementedError

    def scaled(self, score: str) -> str:
        """A score as an integer (``SCORE_SCALE``)."""
        return f"CAST({score} * {SCORE_SCALE:.0f} AS BIGINT)"


class SqliteBackend(Backend):
    """SQLite FTS5 over the token columns; scores are BM25 with column weights."""

    name = "sqlite"
    #: bm25() only works in a query over the FTS table itself; an OFFSET keeps SQLite from flattening
    #: that query into the aggregates and joins around it.
    KEEP = "LIMIT -1 OFFSET 0"
    #: FTS5's record of the number of rows and tokens (rowid 1 of its data table; rewritten by every
    #: insert and delete), and the highest id, which every insert raises.
    FINGERPRINT = ("SELECT (SELECT block FROM search_doc_fts_data WHERE id = 1), "
                   "(SELECT max(id) FROM search_searchdoc), "
                   "(SELECT block FROM search_part_fts_data WHERE id = 1), "
                   "(SELECT max(id) FROM search_searchpart)")
    #: FTS5's BM25 of a query is the sum of the BM25 of the phrases that take part in a row's match.
    ADDITIVE = True

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

    def key(self, plan: Plan) -> str:
        return repr(self.match(plan))

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
            return (f"SELECT rowid AS id, {score} AS score FROM search_part_fts "
                    f"WHERE search_part_fts MATCH %s {self.KEEP}", [expr])
        if negative:
            return ("SELECT id, 0.0 AS score FROM search_searchpart "
                    "WHERE id NOT IN (SELECT rowid FROM search_part_fts WHERE search_part_fts MATCH %s)", [negative])
        return "SELECT id, 0.0 AS score FROM search_searchpart", []

    def aggregate(self, expr: str) -> str:
        return f"group_concat({expr})"

    def epoch(self, column: str) -> str:
        return f"CAST(strftime('%%s', {column}) AS INTEGER)"


class PostgresBackend(Backend):
    """PostgreSQL full-text search over the pre-analysed tsvector; scores are ts_rank with weights."""

    name = "postgresql"
    #: ts_rank's weights are given as {D, C, B, A}: parts, text, meta, title.
    RANK_WEIGHTS = "{" + ",".join(str(w / WEIGHTS[0]) for w in reversed(WEIGHTS)) + "}"
    #: No length normalisation: measured on the judged queries (bench/relevance.py), dividing by
    #: 1 + log(length) lets short case and meeting rows push the item itself off the top (nDCG@10
    #: 0.88 against 0.95), and dividing by the length is worse still (0.74).
    NORMALISATION = 0
    #: The generation every committed change to the index raises (migration search 0007), and the
    #: highest ids, which a restored or refilled copy of the database is unlikely to share with it.
    FINGERPRINT = ("SELECT value, (SELECT max(id) FROM search_searchdoc), "
                   "(SELECT max(id) FROM search_searchpart) FROM search_generation")

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

    def key(self, plan: Plan) -> str:
        return self.tsquery(plan) or ""

    def _rank(self, column: str = "tsv") -> str:
        return f"ts_rank('{self.RANK_WEIGHTS}', {column}, query, {self.NORMALISATION})"

    def doc_match(self, plan: Plan, scored: bool = True) -> tuple[str, list[object]]:
        tsquery = self.tsquery(plan)
        if tsquery is None:
            return "SELECT id, 0.0 AS score FROM search_searchdoc", []
        score = self._rank() if plan.must and scored else "0.0"
        return (f"SELECT id, {score} AS score FROM search_searchdoc, CAST(%s AS tsquery) query "
                "WHERE tsv @@ query", [tsquery])

    def part_match(self, plan: Plan, scored: bool = True) -> tuple[str, list[object]]:
        tsquery = self.tsquery(plan)
        if tsquery is None:
            return "SELECT id, 0.0 AS score FROM search_searchpart", []
        score = self._rank() if plan.must and scored else "0.0"
        return (f"SELECT id, {score} AS score FROM search_searchpart, CAST(%s AS tsquery) query "
                "WHERE tsv @@ query", [tsquery])

    def aggregate(self, expr: str) -> str:
        return f"string_agg(CAST({expr} AS text), ',')"

    def epoch(self, column: str) -> str:
        return f"CAST(extract(epoch FROM {column}) AS bigint)"

    def scaled(self, score: str) -> str:
        return f"CAST({score} * CAST({SCORE_SCALE:.0f} AS double precision) AS bigint)"


def current() -> Backend:
    """The backend for the database in use."""
    if connection.vendor == "sqlite":
        return SqliteBackend()
    if connection.vendor == "postgresql":
        return PostgresBackend()
    raise SearchUnavailable(f"søgning understøtter ikke databasen {connection.vendor}")
