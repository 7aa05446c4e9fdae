#!/usr/bin/env python3
"""Relevance of search: nDCG@10 and recall@10 over judged Danish queries, per backend, next to LIKE.

    .venv/bin/python bench/relevance.py                 # both backends (PostgreSQL found or made)
    .venv/bin/python bench/relevance.py --backend sqlite --verbose

The archive is the one the search tests use: the real seeds and samples plus a small generated demo
archive, imported into a fresh database per backend (a temporary SQLite file; a temporary database
on the PostgreSQL server that scripts/with_postgres.py finds or makes). The baseline is what a
plain database can do without full-text search: items whose title, sections or attachments contain
every word of the query as a substring (``LIKE '%word%'``, case-insensitive), newest first.
Figures are written to bench/results/relevance.json.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src"), str(ROOT / "bench")]
K = 10


# ------------------------------------------------------------------------------------------ metrics

def ndcg(ranked: list[tuple], grades: dict[tuple, int], k: int = K) -> float:
    gains = [grades.get(key, 0) for key in ranked[:k]]
    dcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall(ranked: list[tuple], grades: dict[tuple, int], k: int = K) -> float:
    relevant = {key for key, g in grades.items() if g > 0}
    return len(relevant & set(ranked[:k])) / len(relevant) if relevant else 0.0


# ------------------------------------------------------------------------------------------ child

def _load_corpus() -> None:
    from moedebog.archive.services.batch import import_paths
    from moedebog.demo import write_corpus

    corpus = ROOT / "tests" / "corpus"
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(folder, 8, formats=("txt",), seed=0, committee_meetings=4)
        import_paths([corpus / "seeds", corpus / "samples", Path(folder)], progress=False)


def _grades(judgment: dict) -> dict[tuple, int]:
    """The judgment's grades, with the demo title rules resolved against the archive."""
    from moedebog.archive import models

    grades = {tuple(k): g for k, g in judgment.get("rel", {}).items()}
    for prefix, grade in judgment.get("demo", {}).items():
        items = models.AgendaItem.objects.filter(title__startswith=prefix, public=True).select_related("meeting__body")
        for item in items:
            from django.utils import timezone

            key = (item.meeting.body.path, timezone.localtime(item.meeting.start).date().isoformat(), item.number)
            grades.setdefault(key, grade)
    return grades


def _like(text: str) -> list[tuple]:
    """The substring baseline: every word somewhere in the item's text, newest first."""
    from django.db.models import Q
    from django.utils import timezone

    from moedebog.archive import models

    words = [w.strip('"-*().,:').lower() for w in text.split()]
    words = [w.split(":", 1)[-1] for w in words if w]
    items = models.AgendaItem.objects.filter(public=True, meeting__public=True)
    for word in words:
        items = items.filter(Q(title__icontains=word) | Q(sections__text__icontains=word)
                             | Q(attachments__title__icontains=word))
    items = items.distinct().select_related("meeting__body").order_by("-meeting__start", "order")[:K]
    return [(i.meeting.body.path, timezone.localtime(i.meeting.start).date().isoformat(), i.number) for i in items]


def child(verbose: bool) -> dict:
    from moedebog.boot import setup

    setup()
    _load_corpus()
    from django.db import connection

    from moedebog.search import search
    from relevance_judgments import JUDGMENTS

    rows = []
    for judgment in JUDGMENTS:
        grades = _grades(judgment)
        ranked = [h.key() for h in search(judgment["q"], facets=False).hits]
        baseline = _like(judgment["q"])
        rows.append({"q": judgment["q"], "ndcg": ndcg(ranked, grades), "recall": recall(ranked, grades),
                     "like_ndcg": ndcg(baseline, grades), "like_recall": recall(baseline, grades),
                     "relevant": len(grades), "missing": [list(k) for k in grades if k not in ranked[:K]]})
    n = len(rows)
    return {
        "backend": connection.vendor, "queries": n,
        "ndcg": sum(r["ndcg"] for r in rows) / n, "recall": sum(r["recall"] for r in rows) / n,
        "like_ndcg": sum(r["like_ndcg"] for r in rows) / n, "like_recall": sum(r["like_recall"] for r in rows) / n,
        "per_query": rows if verbose else [r for r in rows if r["ndcg"] < 0.85],
    }


def child_postgres(verbose: bool) -> dict:
    """On the server DATABASE_URL names, in a database of our own that is dropped afterwards."""
    import psycopg

    server = os.environ["DATABASE_URL"]
    name = f"moedebog_relevance_{os.getpid()}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = server.rsplit("/", 1)[0] + "/" + name
    try:
        return child(verbose)
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


# ------------------------------------------------------------------------------------------ parent

def run_backend(backend: str, verbose: bool) -> dict:
    args = [sys.executable, str(Path(__file__).resolve()), "--child", backend] + (["--verbose"] if verbose else [])
    env = dict(os.environ)
    if backend == "sqlite":
        folder = tempfile.mkdtemp(prefix="moedebog-relevance-")
        env["DATABASE_URL"] = f"sqlite:///{folder}/relevance.sqlite3"
    else:
        args = [sys.executable, str(ROOT / "scripts" / "with_postgres.py"), *args]
        if not env.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
            env.pop("DATABASE_URL", None)
    out = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if out.returncode:
        raise SystemExit(f"relevance: {backend} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "all"), default="all")
    parser.add_argument("--verbose", action="store_true", help="every query's figures")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = child_postgres(args.verbose) if args.child == "postgresql" else child(args.verbose)
        print(json.dumps(result, ensure_ascii=False))
        return 0
    backends = ["sqlite", "postgresql"] if args.backend == "all" else [args.backend]
    results = [run_backend(b, args.verbose) for b in backends]
    print(f"{results[0]['queries']} judged queries, top {K}\n")
    print(f"{'backend':<12}{'nDCG@10':>10}{'recall@10':>11}   {'LIKE nDCG@10':>13}{'LIKE recall@10':>15}")
    for r in results:
        print(f"{r['backend']:<12}{r['ndcg']:>10.3f}{r['recall']:>11.3f}   "
              f"{r['like_ndcg']:>13.3f}{r['like_recall']:>15.3f}")
    for r in results:
        weak = r["per_query"]
        if weak:
            print(f"\n{r['backend']}: queries below 0.85" if not args.verbose else f"\n{r['backend']}:")
            for q in weak:
                print(f"  {q['ndcg']:.2f} {q['recall']:.2f} (LIKE {q['like_ndcg']:.2f})  {q['q']}"
                      + (f"  missing {q['missing'][:3]}" if q["missing"] else ""))
    out = ROOT / "bench" / "results" / "relevance.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
