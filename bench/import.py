"""Import benchmark (issue 3): items per second, peak memory and re-import speed, SQLite and PostgreSQL.

    .venv/bin/python bench/import.py                            # 1 000 and 10 000 meetings, both databases
    .venv/bin/python bench/import.py --sizes 1000 --databases sqlite
    .venv/bin/python bench/import.py --profile 200              # cProfile of one import, top hot spots

Targets: at least 300 items/s into SQLite and 150 into PostgreSQL, peak memory under 500 MB whatever
the corpus size, and re-importing an unchanged corpus at least 10 times faster than the first import.

The corpora come from the demo generator, one file per meeting, in a mix of the two formats that are
cheap to write in bulk and common in practice: half KKR Midtjylland meetings as text (what a PDF or
Word document becomes after text extraction) and half municipal committee meetings as FirstAgenda
JSON (what the FirstAgenda sites serve). PDF and DOCX are left out: rendering 10 000 of them takes
hours, and their reading speed is bench/parse.py's business. Corpora are cached under
bench/results/import-corpus/ so a second run measures at once.

Every import runs in a fresh process against a fresh database (a new SQLite file, a newly created
PostgreSQL database) so nothing is warm that would not be warm for a user; migrations run in a
process of their own first, so the timed import measures importing, not schema creation. The
peak RSS of each import process comes from wait4(), per child, because RUSAGE_CHILDREN keeps the
maximum over every child the benchmark ever waited for. The unchanged corpus is then imported
again in another fresh process. Prints a table and writes bench/results/import.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT / "src"))

TARGETS: dict[str, float] = {"sqlite_items_s": 300.0, "postgres_items_s": 150.0, "peak_mb": 500.0,
                             "reimport_speedup": 10.0}
DEFAULT_PG_ADMIN = "postgres://root@127.0.0.1:5432/test"
BENCH_DB_PREFIX = "moedebog_bench"

#: Format → which generator fills it: FirstAgenda JSON is the committees' format, the rest KKR's.
COMMITTEE_FORMATS = {"json"}


# -- corpus ------------------------------------------------------------------------------------------

def corpus_plan(size: int, formats: list[str]) -> dict[str, int]:
    """How many meetings each format gets: an even split, the remainder to the first formats."""
    base, extra = divmod(size, len(formats))
    return {fmt: base + (1 if i < extra else 0) for i, fmt in enumerate(formats)}


def build_corpus(root: Path, size: int, formats: list[str], seed: int) -> Path:
    """Write (or reuse) a corpus of ``size`` meetings, one file per meeting, and return its folder.

    KKR meetings and committee meetings each come from one generator run, so cases recur and
    people return across meetings as in a real archive; each meeting appears in exactly one
    format, so every file is a new meeting and items/s is not flattered by merges.
    """
    from moedebog.demo import generate_committee_meetings, generate_meetings, write_documents

    folder = root / f"{size}-{'-'.join(formats)}-seed{seed}"
    manifest = folder / "manifest.json"
    params = {"size": size, "formats": formats, "seed": seed}
    if manifest.exists() and json.loads(manifest.read_text()).get("params") == params:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    started = time.perf_counter()
    plan = corpus_plan(size, formats)
    kkr_formats = [f for f in formats if f not in COMMITTEE_FORMATS]
    committee_formats = [f for f in formats if f in COMMITTEE_FORMATS]
    kkr = generate_meetings(sum(plan[f] for f in kkr_formats), seed)
    committee = generate_committee_meetings(sum(plan[f] for f in committee_formats), seed)
    counts: dict[str, int] = {}
    for docs, fmts in ((kkr, kkr_formats), (committee, committee_formats)):
        offset = 0
        for fmt in fmts:
            chunk = docs[offset:offset + plan[fmt]]
            offset += plan[fmt]
            counts[fmt] = len(write_documents(chunk, folder / fmt, (fmt,)))
    data = {"params": params, "files": counts,
            "items_generated": sum(len(d.items) for d in kkr + committee),
            "seconds": round(time.perf_counter() - started, 1)}
    manifest.write_text(json.dumps(data, indent=1))
    print(f"corpus of {size} meetings written in {data['seconds']} s: {counts}", file=sys.stderr)
    return folder


def corpus_paths(folder: Path) -> list[Path]:
    """The format folders only: the manifest is not a document and would count as a failure."""
    return sorted(p for p in folder.iterdir() if p.is_dir())


# -- databases ---------------------------------------------------------------------------------------

def pg_admin_url(explicit: str | None) -> str:
    """The admin connection: --pg-url, else DATABASE_URL when it is PostgreSQL, else the local default."""
    if explicit:
        return explicit
    env = os.environ.get("DATABASE_URL", "")
    return env if env.startswith(("postgres://", "postgresql://")) else DEFAULT_PG_ADMIN


def with_database(url: str, name: str) -> str:
    """The same server and credentials, another database."""
    return urlunparse(urlparse(url)._replace(path=f"/{name}"))


@dataclass(slots=True)
class FreshDatabase:
    """A database that exists only for one measurement: a new SQLite file or PostgreSQL database."""

    kind: str
    url: str
    cleanup_path: Path | None = None
    pg_admin: str | None = None
    pg_name: str | None = None

    @classmethod
    def create(cls, kind: str, size: int, pg_admin: str, workdir: Path) -> FreshDatabase:
        if kind == "sqlite":
            folder = Path(tempfile.mkdtemp(prefix=f"sqlite-{size}-", dir=workdir))
            return cls(kind, f"sqlite:///{folder / 'archive.sqlite3'}", cleanup_path=folder)
        if kind == "postgres":
            name = f"{BENCH_DB_PREFIX}_{size}_{os.getpid()}"
            _pg_execute(pg_admin, f'DROP DATABASE IF EXISTS "{name}"')
            _pg_execute(pg_admin, f'CREATE DATABASE "{name}"')
            return cls(kind, with_database(pg_admin, name), pg_admin=pg_admin, pg_name=name)
        raise ValueError(f"unknown database: {kind} (sqlite, postgres)")

    def drop(self) -> None:
        if self.cleanup_path:
            shutil.rmtree(self.cleanup_path, ignore_errors=True)
        if self.pg_admin and self.pg_name:
            _pg_execute(self.pg_admin, f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')

    def size_mb(self) -> float | None:
        """The database's size on disk after the import: a hint when speed depends on it."""
        if self.cleanup_path:
            return round(sum(p.stat().st_size for p in self.cleanup_path.iterdir()) / 2**20, 1)
        if self.pg_admin and self.pg_name:
            import psycopg

            with psycopg.connect(_libpq(self.pg_admin), autocommit=True) as conn:
                row = conn.execute("SELECT pg_database_size(%s)", (self.pg_name,)).fetchone()
            return round(row[0] / 2**20, 1) if row else None
        return None


def _libpq(url: str) -> str:
    """psycopg does not know the 'postgres://' spelling Django users write: normalise the scheme."""
    parsed = urlparse(url)
    return urlunparse(parsed._replace(scheme="postgresql")) if parsed.scheme != "postgresql" else url


def _pg_execute(admin_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(_libpq(admin_url), autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


# -- child processes ---------------------------------------------------------------------------------

def child_migrate() -> dict[str, Any]:
    """Create the schema in a process of its own, so the timed import does not include it."""
    from moedebog.boot import setup

    started = time.perf_counter()
    setup()
    return {"seconds": round(time.perf_counter() - started, 3)}


def child_import(folder: str) -> dict[str, Any]:
    """The measured work: one import_paths over the corpus, then the archive's counts."""
    import resource

    from moedebog.boot import setup

    setup()
    from moedebog.archive.services.batch import import_paths
    from moedebog.commands.stats import counts

    jobs = os.environ.get("MOEDEBOG_BENCH_JOBS", "auto")
    started = time.perf_counter()
    summary = import_paths(corpus_paths(Path(folder)), progress=False, jobs=None if jobs == "auto" else int(jobs))
    seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 3), "read": summary.read, "created": summary.created,
            "updated": summary.updated, "unchanged": summary.unchanged, "failed": summary.failed,
            "items_summary": summary.items, "warnings": len(summary.warnings),
            "failures": summary.failures[:5], "counts": counts(),
            "self_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def run_child(mode: str, url: str, *args: str, jobs: str = "auto") -> dict[str, Any]:
    """Run this file in a fresh interpreter with DATABASE_URL set; add its wall time and peak RSS.

    wait4() gives the rusage of exactly this child (ru_maxrss in KiB on Linux), unlike
    RUSAGE_CHILDREN, whose maximum would carry over from a larger earlier run.
    """
    env = os.environ | {"DATABASE_URL": url, "MOEDEBOG_BENCH_JOBS": jobs}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, __file__, f"--child-{mode}", *args], env=env,
                                stdout=out, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode != 0:
        tail = "\n".join(stderr.strip().splitlines()[-5:]) or f"exit code {proc.returncode}"
        raise RuntimeError(f"{mode} child failed: {tail}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["wall_seconds"] = round(wall, 3)
    result["peak_mb"] = round(usage.ru_maxrss / 1024, 1)
    # CPU time of the child and of the reading workers it waited for: on a busy machine wall time
    # includes waiting for a core
    result["cpu_seconds"] = round(usage.ru_utime + usage.ru_stime, 3)
    return result


# -- measuring ---------------------------------------------------------------------------------------

def measure(kind: str, size: int, folder: Path, pg_admin: str, workdir: Path, keep: bool,
            jobs: str = "auto") -> dict[str, Any]:
    """First import and unchanged re-import of one corpus into one fresh database; ``jobs`` is
    ``moedebog import --jobs`` ("auto": its default, one reading worker per core but one)."""
    db = FreshDatabase.create(kind, size, pg_admin, workdir)
    try:
        migrate = run_child("migrate", db.url)
        print(f"  {kind} {size}: importing ...", file=sys.stderr)
        first = run_child("import", db.url, str(folder), jobs=jobs)
        print(f"  {kind} {size}: {first['counts']['items']} items in {first['seconds']:.1f} s; re-importing ...",
              file=sys.stderr)
        again = run_child("import", db.url, str(folder), jobs=jobs)
        size_mb = db.size_mb()
    finally:
        if not keep:
            db.drop()
    items = first["counts"]["items"]
    items_s = items / first["seconds"] if first["seconds"] else None
    items_cpu_s = items / first["cpu_seconds"] if first["cpu_seconds"] else None
    speedup = first["seconds"] / again["seconds"] if again["seconds"] else None
    peak = max(first["peak_mb"], again["peak_mb"])
    target_items_s = TARGETS[f"{kind}_items_s"]
    checks = {
        "items_s": items_s is not None and items_s >= target_items_s,
        "peak_mb": peak < TARGETS["peak_mb"],
        "reimport_speedup": speedup is not None and speedup >= TARGETS["reimport_speedup"],
        "reimport_unchanged": again["unchanged"] == again["read"] and again["counts"] == first["counts"],
        "no_failures": first["failed"] == 0,
    }
    return {"database": kind, "meetings": size, "jobs": jobs, "url": db.url if keep else None,
            "migrate_seconds": migrate["seconds"], "database_mb": size_mb,
            "items": items, "items_s": round(items_s, 1) if items_s else None,
            "items_per_cpu_s": round(items_cpu_s, 1) if items_cpu_s else None, "peak_mb": peak,
            "reimport_seconds": again["seconds"], "speedup": round(speedup, 1) if speedup else None,
            "first": first, "reimport": again, "checks": checks, "target_met": all(checks.values())}


def report(rows: list[dict[str, Any]]) -> str:
    """A table: one line per corpus size and database, with the verdict and what failed it."""
    header = ("meetings", "database", "jobs", "items", "seconds", "items/s", "items/cpu-s", "peak MB", "re-import s",
              "speed-up", "target met")
    lines: list[tuple[str, ...]] = [header]
    for r in rows:
        if "error" in r:
            lines.append((str(r["meetings"]), r["database"], r.get("jobs", "auto"), *["-"] * 7,
                          f"error: {r['error']}"))
            continue
        missed = [name for name, ok in r["checks"].items() if not ok]
        verdict = "yes" if r["target_met"] else "no (" + ", ".join(missed) + ")"
        lines.append((f"{r['meetings']:,}".replace(",", " "), r["database"], r["jobs"], str(r["items"]),
                      f"{r['first']['seconds']:.1f}", f"{r['items_s']:.0f}", f"{r['items_per_cpu_s']:.0f}",
                      f"{r['peak_mb']:.0f}",
                      f"{r['reimport_seconds']:.2f}", f"x{r['speedup']:.0f}", verdict))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines]
    text.insert(1, "  ".join("-" * w for w in widths))
    text.append("")
    text.append(f"targets: >= {TARGETS['sqlite_items_s']:g} items/s SQLite, >= {TARGETS['postgres_items_s']:g} "
                f"PostgreSQL; peak < {TARGETS['peak_mb']:g} MB; re-import >= x{TARGETS['reimport_speedup']:g} faster")
    text.append("items/s: wall time of the import alone (no start-up, no migrations), judged against the targets.")
    text.append("items/cpu-s: CPU time of the import process and its reading workers (start-up included, the")
    text.append("             PostgreSQL server's not), shown because on a busy machine wall time includes waiting")
    text.append("             for a core. jobs: reading workers (moedebog import --jobs; auto = one per core but one).")
    text.append("peak MB: the largest resident size of the import process or any one of its workers.")
    return "\n".join(text)


# -- profile -----------------------------------------------------------------------------------------

def child_profile(folder: str, top: int) -> dict[str, Any]:
    """cProfile one import (fresh database given by DATABASE_URL): where the time goes."""
    import cProfile
    import io
    import pstats

    from moedebog.boot import setup

    setup()
    from moedebog.archive.services.batch import import_paths

    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    summary = import_paths(corpus_paths(Path(folder)), progress=False)
    profiler.disable()
    seconds = time.perf_counter() - started
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return {"seconds": round(seconds, 3), "items": summary.items, "report": out.getvalue()}


def profile(kind: str, meetings: int, corpus: Path, formats: list[str], seed: int, pg_admin: str, workdir: Path,
            top: int) -> str:
    """Where an import spends its time, for when a target is missed (cProfile slows it about 2x)."""
    folder = build_corpus(corpus, meetings, formats, seed)
    db = FreshDatabase.create(kind, meetings, pg_admin, workdir)
    try:
        run_child("migrate", db.url)
        result = run_child("profile", db.url, str(folder), str(top))
    finally:
        db.drop()
    head = (f"profile: {meetings} meetings into {kind}, {result['items']} items in {result['seconds']:.1f} s "
            f"under cProfile ({result['items'] / result['seconds']:.0f} items/s)")
    return head + "\n" + result["report"]


# -- main --------------------------------------------------------------------------------------------

def code_version() -> dict[str, Any]:
    """The commit measured and whether src/ differed from it: the tree changes under a long run."""
    def git(*args: str) -> str:
        out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return out.stdout.strip()

    changed = git("status", "--porcelain", "--", "src").splitlines()
    return {"commit": git("rev-parse", "--short", "HEAD"), "src_changed_files": len(changed)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes in meetings (1000,10000)")
    parser.add_argument("--databases", default="sqlite,postgres", help="sqlite,postgres")
    parser.add_argument("--pg-url", help="PostgreSQL admin connection used to create and drop the bench "
                                         f"database (DATABASE_URL if PostgreSQL, else {DEFAULT_PG_ADMIN})")
    parser.add_argument("--formats", default="txt,json", help="file formats of the corpus (txt,json)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, default=RESULTS / "import-corpus", help="where corpora are cached")
    parser.add_argument("--out", type=Path, default=RESULTS / "import.json")
    parser.add_argument("--jobs", default="auto",
                        help="reading workers, comma-separated to compare in one run (auto, or e.g. 0,auto)")
    parser.add_argument("--keep", action="store_true", help="keep the bench databases (their URLs go in the JSON)")
    parser.add_argument("--profile", type=int, metavar="MEETINGS",
                        help="instead: cProfile one import of this many meetings into the first database")
    parser.add_argument("--top", type=int, default=30, help="functions shown by --profile (30)")
    parser.add_argument("--child-migrate", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-import", help=argparse.SUPPRESS)
    parser.add_argument("--child-profile", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_migrate:
        print(json.dumps(child_migrate()))
        return 0
    if args.child_import:
        print(json.dumps(child_import(args.child_import), ensure_ascii=False))
        return 0
    if args.child_profile:
        print(json.dumps(child_profile(args.child_profile[0], int(args.child_profile[1]))))
        return 0

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    databases = [d.strip() for d in args.databases.split(",") if d.strip()]
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    job_counts = [j.strip() for j in args.jobs.split(",") if j.strip()]
    pg_admin = pg_admin_url(args.pg_url)
    load_before = os.getloadavg()  # a busy machine explains slow figures: keep it with them
    version_before = code_version()
    workdir = Path(tempfile.mkdtemp(prefix="moedebog-bench-import-"))
    try:
        if args.profile:
            print(profile(databases[0], args.profile, args.corpus, formats, args.seed, pg_admin, workdir, args.top))
            return 0
        rows: list[dict[str, Any]] = []
        corpora: dict[int, dict[str, Any]] = {}
        for size in sizes:
            folder = build_corpus(args.corpus, size, formats, args.seed)
            corpora[size] = json.loads((folder / "manifest.json").read_text()) | {"folder": str(folder)}
            for kind in databases:
                for jobs in job_counts:
                    try:
                        rows.append(measure(kind, size, folder, pg_admin, workdir, args.keep, jobs))
                    except Exception as exc:  # one database down must not hide the other's figures
                        rows.append({"database": kind, "meetings": size, "jobs": jobs,
                                     "error": f"{type(exc).__name__}: {exc}"})
                    print(report(rows[-1:]).split("\n")[2], file=sys.stderr)  # a long run shows figures as it goes
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    table = report(rows)
    results = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
                    "load_before": load_before, "load_after": os.getloadavg()},
        "code": {"before": version_before, "after": code_version()},
        "params": {"sizes": sizes, "databases": databases, "jobs": job_counts, "formats": formats, "seed": args.seed,
                   "pg_admin": pg_admin},
        "targets": TARGETS,
        "corpora": corpora,
        "results": rows,
        "table": table,
        "all_targets_met": all(r.get("target_met") for r in rows),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    print(table)
    print(f"\nresults: {args.out}")
    return 0 if results["all_targets_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
