"""Web archive benchmark (issue 6): meeting, item and search pages under load, served as in production.

    .venv/bin/python bench/web.py                          # 10 000 meetings, 20 clients, 20 s per run
    .venv/bin/python bench/web.py --meetings 1000 --duration 10
    .venv/bin/python bench/web.py --database postgres://user:pw@127.0.0.1/bench_web

Targets: p95 latency at most 100 ms, at least 200 requests/s, no errors, at 20 concurrent clients.

How the archive is loaded: through the real import service (``moedebog import``), not by inserting
rows, so the pages see exactly what an imported archive holds — threads, themes, forward plans,
people and the search index built in the same transactions. The corpus comes from the demo
generator: half KKR Midtjylland meetings as text, half municipal committee meetings as FirstAgenda
JSON (the two formats that are cheap to write by the thousand). Corpus and database are cached
under bench/results/ and reused while they match, because loading 10 000 meetings takes minutes.
On PostgreSQL the tables are vacuumed and their statistics refreshed (VACUUM ANALYZE) before the
runs, as autovacuum would.

How it is served and driven: `moedebog serve` (gunicorn, WhiteNoise) in its own process group on
127.0.0.1, as a public site runs it behind its reverse proxy: synchronous workers, two a core
(``--threads 1``; ``--threads 4`` measures serve's own default, threaded workers), then wrk (Debian's
`wrk`, a C load generator that leaves the cores to the server) with a Lua script that picks a random
address from a list of real permalinks: a mixed run (every sampled address alike: 500 meetings, 500
items and 100 searches, so one request in eleven is a search) and one run per page type. The addresses
are sampled from the pages an anonymous visitor can open; searches are Danish queries with and without
filters. All of it twice: as served, with the page cache on and filled by one visit to every sampled
address first (the steady state of a site whose pages are read more than once), and with the page cache
off, which is what a page costs whenever it is rendered (the search engine keeps the rows and scores of
words it has searched until the index changes; ``--cold-search`` adds a pass without that too, which is
what a search costs the first time its words are searched after a change). Prints a table and writes
bench/results/web.json (web-postgres.json for PostgreSQL); the exit code says whether the targets were
met with the page cache on (or, with --only-uncached, off), and the JSON says it for each pass ("met",
"met_uncached").
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
TARGETS = {"p95_ms": 100.0, "requests_per_s": 200.0, "errors": 0}
#: What a journalist or citizen types; the corpus is the demo generator's KKR and committee meetings.
QUERIES = ["rammeaftale", "klima", "sundhed", "budget", "dimensionering pædagoguddannelse", "psykiatri",
           "affald", "kollektiv trafik", "udpegning", "beskæftigelse", "skole", "ældre", "referat godkendt",
           "orientering", "\"til efterretning\"", "venteliste", "erhvervsfremme", "byggeri", "takster",
           "handicap"]
FILTERS = [{}, {"organ": "kkr-midtjylland"}, {"art": "decision"}, {"sortering": "nyeste"}, {"type": "item"}]

LUA = r"""
local paths = {}
for line in io.lines(os.getenv("WEB_BENCH_PATHS")) do paths[#paths + 1] = line end
local started = false
request = function()
  if not started then math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000); started = true end
  return wrk.format("GET", paths[math.random(#paths)])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WEB_BENCH_JSON {\"requests\": %d, \"duration_us\": %d, \"p50_us\": %d, \"p95_us\": %d, \"p99_us\": %d, " ..
    "\"max_us\": %d, \"mean_us\": %.1f, \"connect\": %d, \"read\": %d, \"write\": %d, \"status\": %d, " ..
    "\"timeout\": %d}\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, latency.mean, e.connect, e.read, e.write, e.status, e.timeout))
end
"""


# -- corpus and database ------------------------------------------------------------------------------

def build_corpus(meetings: int, seed: int) -> Path:
    """Half KKR meetings as text, half committee meetings as FirstAgenda JSON; cached by parameters."""
    from moedebog.demo import generate_committee_meetings, generate_meetings, write_documents

    folder = RESULTS / f"web-corpus-{meetings}-seed{seed}"
    manifest = folder / "manifest.json"
    params = {"meetings": meetings, "seed": seed}
    if manifest.exists() and json.loads(manifest.read_text()).get("params") == params:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    kkr = generate_meetings(meetings - meetings // 2, seed)
    committee = generate_committee_meetings(meetings // 2, seed)
    files = len(write_documents(kkr, folder / "txt", ("txt",))) + len(write_documents(committee, folder / "json",
                                                                                        ("json",)))
    manifest.write_text(json.dumps({"params": params, "files": files,
                                    "seconds": round(time.perf_counter() - started, 1)}))
    print(f"corpus: {files} files written in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return folder


def moedebog(database: str, *args: str, capture: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database}
    return subprocess.run([PYTHON, "-m", "moedebog", *args], cwd=ROOT, env=env, check=True, text=True,
                          capture_output=capture)


def stats(database: str) -> dict[str, int]:
    return json.loads(moedebog(database, "stats", "--json").stdout)


def load_archive(database: str, corpus: Path, meetings: int, record: Path) -> dict[str, Any]:
    """Import the corpus unless the database already holds it; returns what loading took (kept in
    ``record`` beside the database, so a later run that reuses it still reports the import)."""
    try:
        before = stats(database)
    except subprocess.CalledProcessError:
        before = {"meetings": 0}
    if before.get("meetings", 0) >= meetings:
        earlier = json.loads(record.read_text()) if record.exists() else {}
        return {**earlier, "loaded": "reused", "stats": before}
    if before.get("meetings", 0):
        raise SystemExit(f"{database} holds {before['meetings']} meetings, not {meetings}: remove it or "
                         "name another database")
    print(f"importing {meetings} meetings (minutes; the database is kept for the next run) ...", file=sys.stderr)
    started = time.perf_counter()
    moedebog(database, "import", "--quiet", str(corpus / "txt"), str(corpus / "json"), capture=False)
    seconds = time.perf_counter() - started
    after = stats(database)
    print(f"imported in {seconds:.0f} s: {after}", file=sys.stderr)
    result = {"loaded": "imported", "method": "moedebog import (the archive's import service)",
              "seconds": round(seconds, 1), "meetings_per_s": round(after["meetings"] / seconds, 1),
              "load_average": [round(x, 2) for x in os.getloadavg()], "stats": after}
    record.write_text(json.dumps(result))
    return result


def analyze(database: str) -> None:
    """PostgreSQL: vacuum and refresh the planner's statistics, as autovacuum does some time after a
    large import (right after it the statistics still describe a nearly empty database, and plans
    are chosen accordingly; and until a table is vacuumed, an index-only scan must visit the table
    too, as the theme sizes of an item page did: 154 table pages for one theme). Done here because
    a test server may run without autovacuum, as these machines' does; a deployment has it on.
    SQLite keeps no statistics unless asked, and a deployment does not ask, so neither does this."""
    if not database.startswith("postgres"):
        return
    code = f"""
import os
os.environ["DATABASE_URL"] = {database!r}
from moedebog.boot import setup
setup()
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("VACUUM ANALYZE")
"""
    subprocess.run([PYTHON, "-c", code], cwd=ROOT, check=True)


# -- addresses ------------------------------------------------------------------------------------------

def sample_paths(database: str, per_kind: int, seed: int) -> dict[str, list[str]]:
    """Permalinks of visible meetings and items, and search addresses, sampled in a child process."""
    code = f"""
import json, os, random
os.environ["DATABASE_URL"] = {database!r}
from moedebog.boot import setup
setup()
from moedebog.site import permalinks, visibility
rng = random.Random({seed})
meeting_ids = list(visibility.meetings().values_list("pk", flat=True))
item_ids = list(visibility.items().values_list("pk", flat=True))
meetings = visibility.meetings().filter(pk__in=rng.sample(meeting_ids, min({per_kind}, len(meeting_ids))))
items = visibility.items().filter(pk__in=rng.sample(item_ids, min({per_kind}, len(item_ids))))
print(json.dumps({{
    "meeting": [permalinks.meeting_url(m) for m in meetings.select_related("body")],
    "item": [permalinks.item_url(i) for i in items.select_related("meeting", "meeting__body")],
}}))
"""
    out = subprocess.run([PYTHON, "-c", code], cwd=ROOT, check=True, text=True, capture_output=True)
    paths = json.loads(out.stdout.strip().splitlines()[-1])
    rng = random.Random(seed)
    searches = []
    for query in QUERIES:
        for extra in FILTERS:
            searches.append("/soeg/?" + urlencode({"q": query, **extra}))
    rng.shuffle(searches)
    paths["search"] = searches
    return paths


# -- server and load ----------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, database: str, workers: int, threads: int, cache_seconds: int,
                 search_cache: bool = True) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.cache_dir = tempfile.mkdtemp(prefix="moedebog-bench-pages-")  # every run starts cold
        env = {**os.environ, "DATABASE_URL": database, "MOEDEBOG_PAGE_CACHE_SECONDS": str(cache_seconds),
               "MOEDEBOG_PAGE_CACHE_DIR": self.cache_dir}
        if not search_cache:
            env["MOEDEBOG_SEARCH_CACHE_MB"] = "0"
        self.log = open(RESULTS / "web-server.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [PYTHON, "-m", "moedebog", "serve", "--port", str(self.port), "--workers", str(workers),
             "--threads", str(threads)], cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"moedebog serve exited; see {self.log.name}")
            try:
                with urllib.request.urlopen(self.url + "/robots.txt", timeout=2):
                    return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise SystemExit("moedebog serve did not start")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()
        shutil.rmtree(self.cache_dir, ignore_errors=True)


def group_cpu_seconds(pgid: int) -> float:
    """CPU time (user + system) used so far by every process in the server's process group."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields after the command: state, ppid, pgrp, ...
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def check(url: str, paths: list[str]) -> None:
    """Every sampled address answers 200 before it is used under load."""
    for path in paths:
        with urllib.request.urlopen(url + path, timeout=30) as response:
            if response.status != 200:
                raise SystemExit(f"{path}: {response.status}")


def prefill(url: str, paths: list[str]) -> None:
    """Visit every sampled address once, so the runs measure the page cache in its steady state."""
    from concurrent.futures import ThreadPoolExecutor

    def fetch(path: str) -> None:
        with urllib.request.urlopen(url + path, timeout=60) as response:
            response.read()

    started = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(fetch, paths))
    print(f"page cache filled with {len(paths)} pages in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def wrk(url: str, paths: list[str], connections: int, duration: int, threads: int,
        server_pgid: int | None = None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "paths.lua"
        script.write_text(LUA)
        listing = Path(tmp) / "paths.txt"
        listing.write_text("\n".join(paths) + "\n")
        env = {**os.environ, "WEB_BENCH_PATHS": str(listing)}
        cpu_before = group_cpu_seconds(server_pgid) if server_pgid else 0.0
        out = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s",
                              "--timeout", "10s", "-s", str(script), url], env=env, check=True, text=True,
                             capture_output=True).stdout
    cpu = group_cpu_seconds(server_pgid) - cpu_before if server_pgid else 0.0
    line = next(x for x in out.splitlines() if x.startswith("WEB_BENCH_JSON "))
    raw = json.loads(line.split(" ", 1)[1])
    errors = raw["connect"] + raw["read"] + raw["write"] + raw["status"] + raw["timeout"]
    return {
        "requests": raw["requests"],
        "requests_per_s": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
        "p50_ms": round(raw["p50_us"] / 1000, 1), "p95_ms": round(raw["p95_us"] / 1000, 1),
        "p99_ms": round(raw["p99_us"] / 1000, 1), "max_ms": round(raw["max_us"] / 1000, 1),
        "errors": errors, "error_detail": {k: raw[k] for k in ("connect", "read", "write", "status", "timeout")},
        # what a request costs the server, whatever else the machine is doing; cores / this = capacity
        "server_cpu_ms_per_request": round(cpu * 1000 / raw["requests"], 2) if raw["requests"] and cpu else None,
    }


def verdict(run: dict[str, Any]) -> bool:
    return (run["p95_ms"] <= TARGETS["p95_ms"] and run["requests_per_s"] >= TARGETS["requests_per_s"]
            and run["errors"] <= TARGETS["errors"])


def report(modes: dict[str, dict[str, dict[str, Any]]]) -> str:
    lines = [f"{'server':15} {'pages':8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} "
             f"{'cpu ms/req':>10}  target"]
    for mode, runs in modes.items():
        for name, r in runs.items():
            cpu = r["server_cpu_ms_per_request"]
            lines.append(f"{mode:15} {name:8} {r['requests_per_s']:8.1f} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} "
                         f"{r['p99_ms']:8.1f} {r['errors']:7d} {cpu if cpu is not None else '-':>10}  "
                         f"{'met' if verdict(r) else 'MISSED'}")
    return "\n".join(lines)


def drive(database: str, paths: dict[str, list[str]], args: argparse.Namespace, workers: int,
          cache_seconds: int, search_cache: bool = True) -> dict[str, dict[str, Any]]:
    """Start a server, warm it up, then one mixed run and one run per page type."""
    server = Server(database, workers, args.threads, cache_seconds, search_cache)
    try:
        check(server.url, paths["meeting"][:20] + paths["item"][:20] + paths["search"][:20])
        mixed = [p for kind in ("meeting", "item", "search") for p in paths[kind]]
        wrk(server.url, mixed, args.connections, 5, 2)  # warm-up: connections, compiled templates
        if cache_seconds:
            prefill(server.url, mixed)
        pgid = server.process.pid
        runs = {"mixed": wrk(server.url, mixed, args.connections, args.duration, 2, pgid)}
        for kind in ("meeting", "item", "search"):
            runs[kind] = wrk(server.url, paths[kind], args.connections, args.duration, 2, pgid)
    finally:
        server.stop()
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--database", help="database URL (default: bench/results/web-<meetings>.sqlite3)")
    parser.add_argument("--connections", type=int, default=20, help="concurrent clients (20)")
    parser.add_argument("--duration", type=int, default=20, help="seconds per run (20)")
    parser.add_argument("--workers", type=int, default=0,
                        help="gunicorn workers (default: moedebog serve's, 2 a core with --threads 1)")
    parser.add_argument("--threads", type=int, default=1,
                        help="threads per worker (1: synchronous workers, as behind a reverse proxy; "
                             "moedebog serve's own default is 4)")
    parser.add_argument("--sample", type=int, default=500, help="meetings and items to draw addresses from")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache-seconds", type=int, default=600, help="MOEDEBOG_PAGE_CACHE_SECONDS (600)")
    parser.add_argument("--only-cached", action="store_true", help="skip the second pass with the page cache off")
    parser.add_argument("--only-uncached", action="store_true", help="skip the first pass with the page cache on")
    parser.add_argument("--cold-search", action="store_true",
                        help="a third pass without the search engine's phrase cache either "
                             "(MOEDEBOG_SEARCH_CACHE_MB=0)")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("bench/web.py needs wrk: apt-get install wrk", file=sys.stderr)
        return 2
    RESULTS.mkdir(parents=True, exist_ok=True)
    database = args.database or f"sqlite:///{RESULTS / f'web-{args.meetings}.sqlite3'}"
    corpus = build_corpus(args.meetings, args.seed)
    kind = database.split("://")[0]
    loading = load_archive(database, corpus, args.meetings, RESULTS / f"web-{args.meetings}-{kind}-load.json")
    analyze(database)
    paths = sample_paths(database, args.sample, args.seed)
    from moedebog.commands.serve import default_workers

    workers = args.workers or default_workers(args.threads)
    load_before = os.getloadavg()
    modes = {}
    if not args.only_uncached:
        modes["page cache on"] = drive(database, paths, args, workers, args.cache_seconds)
    if not args.only_cached:
        modes["page cache off"] = drive(database, paths, args, workers, 0)
    if args.cold_search:
        # every search as the first for its words after a change to the index
        modes["no caches"] = drive(database, paths, args, workers, 0, search_cache=False)
    print(report(modes))
    result = {
        "meetings": args.meetings, "database": kind, "connections": args.connections,
        "duration_s": args.duration, "workers": workers, "threads": args.threads,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "load_average_before": [round(x, 2) for x in load_before],
                    "load_average_after": [round(x, 2) for x in os.getloadavg()]},
        "loading": loading, "targets": TARGETS, "runs": modes,
        "met": all(verdict(r) for r in modes["page cache on"].values()) if "page cache on" in modes else None,
        "met_uncached": (all(verdict(r) for r in modes["page cache off"].values())
                         if "page cache off" in modes else None),
        "met_no_caches": all(verdict(r) for r in modes["no caches"].values()) if "no caches" in modes else None,
        "addresses": {k: len(v) for k, v in paths.items()},
    }
    name = "web.json" if kind == "sqlite" else f"web-{kind}.json"
    (RESULTS / name).write_text(json.dumps(result, ensure_ascii=False, indent=1))
    return 0 if (result["met"] if result["met"] is not None else result["met_uncached"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
