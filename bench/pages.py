"""What a rendered page costs in one process: the search, meeting and item pages of bench/web.py,
rendered through Django's test client with the page cache off, without a server or a load generator.

    .venv/bin/python bench/pages.py                      # ms a page, best of 5 passes, after a warm pass
    .venv/bin/python bench/pages.py --kinds search --instructions   # instructions a page (valgrind)

Why beside bench/web.py: under load a page's figures mix the page's own work with the server's and
the machine's (on a shared 2-core machine the same code swings by half between runs); this measures
only the page. ``--instructions`` runs this script under ``valgrind --tool=callgrind`` twice, with
one warm pass and with two, and prints the difference per page: a count that does not depend on what
else the machine is doing, for comparing two versions of the code (set PYTHONPATH to the other
version's ``src``). Uses the bench archive of bench/web.py (run that first). Prints a table and
writes bench/results/pages.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
KINDS = ("search", "meeting", "item")


def addresses(kinds: list[str], sample: int) -> dict[str, list[str]]:
    """The bench's 100 searches, and every n-th public meeting and item (by id) up to ``sample``."""
    sys.path.insert(0, str(ROOT / "bench"))
    import web  # the sibling script: its queries and filters
    from moedebog.site import permalinks, visibility

    out: dict[str, list[str]] = {}
    if "search" in kinds:
        out["search"] = ["/soeg/?" + urlencode({"q": q, **f}) for q in web.QUERIES for f in web.FILTERS]
    if "meeting" in kinds:
        meetings = visibility.meetings().select_related("body").order_by("pk")
        step = max(1, meetings.count() // sample)
        out["meeting"] = [permalinks.meeting_url(m) for m in meetings[::step][:sample]]
    if "item" in kinds:
        items = visibility.items().select_related("meeting", "meeting__body").order_by("pk")
        step = max(1, items.count() // sample)
        out["item"] = [permalinks.item_url(i) for i in items[::step][:sample]]
    return out


def render(urls: list[str], passes: int) -> list[float]:
    """Milliseconds a page for each pass over ``urls``."""
    from django.test import Client

    client = Client()
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        for url in urls:
            response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{url}: {response.status_code}")
        times.append((time.perf_counter() - start) * 1000 / len(urls))
    return times


def setup(database: str) -> None:
    os.environ["DATABASE_URL"] = database
    os.environ["MOEDEBOG_PAGE_CACHE_SECONDS"] = "0"
    os.environ["MOEDEBOG_ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "moedebog.settings")
    import django

    django.setup()


def instructions(args: argparse.Namespace, kind: str) -> int:
    """Instructions a page: callgrind's count with two passes less its count with one."""
    counts = []
    for passes in (1, 2):
        command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
                   "--database", args.database, "--kinds", kind, "--sample", str(args.sample),
                   "--passes", str(passes), "--inner"]
        done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        found = re.search(r"Collected : (\d+)", done.stderr)
        if done.returncode or not found:
            raise SystemExit(f"valgrind failed: {done.stderr[-500:]}")
        counts.append(int(found.group(1)))
    pages = json.loads(done.stdout.strip().splitlines()[-1])["pages"]
    return (counts[1] - counts[0]) // pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=f"sqlite:///{RESULTS / 'web-10000.sqlite3'}")
    parser.add_argument("--kinds", default=",".join(KINDS), help="search,meeting,item")
    parser.add_argument("--sample", type=int, default=100, help="meeting and item pages (100)")
    parser.add_argument("--passes", type=int, default=5, help="measured passes after a warm one (5)")
    parser.add_argument("--instructions", action="store_true", help="count instructions with valgrind instead")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)  # one run under valgrind
    args = parser.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k in KINDS]
    if args.instructions:
        result = {kind: {"instructions_per_page": instructions(args, kind)} for kind in kinds}
    else:
        if args.database.startswith("sqlite:///") and not Path(args.database[len("sqlite:///"):]).exists():
            raise SystemExit("no bench archive: run bench/web.py first")
        setup(args.database)
        urls = addresses(kinds, args.sample)
        if args.inner:  # the first pass fills the per-process caches; the second is the one that counts
            render([u for k in kinds for u in urls[k]], args.passes)
            print(json.dumps({"pages": sum(len(urls[k]) for k in kinds)}))
            return 0
        result = {}
        for kind in kinds:
            render(urls[kind], 1)  # warm: columns, kept phrases, compiled statements and templates
            times = render(urls[kind], args.passes)
            result[kind] = {"pages": len(urls[kind]), "best_ms_per_page": round(min(times), 2),
                            "median_ms_per_page": round(sorted(times)[len(times) // 2], 2)}
    for kind, figures in result.items():
        print(f"{kind:8} " + "  ".join(f"{name} {value}" for name, value in figures.items()))
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = "pages-instructions.json" if args.instructions else "pages.json"
    (RESULTS / name).write_text(json.dumps({"database": args.database.split("://")[0], **result}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
