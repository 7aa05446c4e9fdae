"""`moedebog import PATH...`: bring files and folders into the archive (created on first use)."""

from __future__ import annotations

import argparse
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser("import", help="indlæs dokumenter i arkivet",
                       description="Indlæs dagsordener, referater og breve fra filer og mapper (rekursivt) i "
                                   "arkivet. Samme fil to gange ændrer intet; dagsorden og referat af samme møde "
                                   "bliver ét møde.")
    p.add_argument("paths", nargs="+", metavar="STI", help="filer eller mapper")
    p.add_argument("--quiet", action="store_true", help="ingen statuslinje")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="processer der læser filer forud for indlæsningen (standard: én pr. kerne ud over den "
                        "første; 0: læs alt i samme proces)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from moedebog.boot import setup

    setup()
    from moedebog.archive.services.batch import import_paths

    summary = import_paths(args.paths, progress=not args.quiet, jobs=args.jobs)
    print("\n".join(summary.lines()))
    return 2 if summary.failed else 0
