"""`moedebog reindex`: rebuild the search index from the archive."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser("reindex", help="genopbyg søgeindekset",
                       description="Byg søgeindekset forfra ud fra arkivet (i én transaktion: søgning virker "
                                   "imens med det gamle indeks).")
    p.add_argument("--quiet", action="store_true", help="ingen statuslinje")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from moedebog.boot import setup

    setup()
    from moedebog.search import reindex

    show = not args.quiet and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\rPunkter: {done}/{total}", end="", file=sys.stderr, flush=True)

    stats = reindex(progress=progress)
    if show:
        print(file=sys.stderr)
    print(f"Søgeindekset er genopbygget: {stats.rows} rækker, {stats.items} punkter på {stats.seconds:.1f} s "
          f"({stats.items_per_second:.0f} punkter/s).")
    return 0
