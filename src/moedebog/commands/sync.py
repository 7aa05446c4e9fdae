"""`moedebog sync firstagenda BASE_URL`: bring a municipality's whole FirstAgenda archive in, then keep it
in step (a second run fetches only what changed). One subcommand per kind of site."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser("sync", help="synkronisér arkivet med et eksternt dagsordensystem",
                       description="Hent en kommunes dagsordener og referater fra et eksternt system ind i arkivet. "
                                   "En ny kørsel henter kun nye og ændrede møder; en afbrudt kørsel fortsætter, "
                                   "hvor den slap.")
    kinds = p.add_subparsers(dest="system", metavar="SYSTEM", required=True)
    fa = kinds.add_parser("firstagenda", help="FirstAgenda Publication (dagsordener.<kommune>.dk)",
                          description="Synkronisér alle udvalg og møder (også historiske udvalg og tidligere "
                                      "valgperioder) fra et FirstAgenda Publication-site.")
    fa.add_argument("base_url", metavar="ADRESSE", help="sitets adresse, fx https://dagsordener.greve.dk")
    fa.add_argument("--organization", metavar="NAVN",
                    help="kommunen, når adressen ikke afslører den (fx \"Greve Kommune\")")
    fa.add_argument("--attachments", action="store_true",
                    help="hent også bilagene som PDF, gem dem (MOEDEBOG_FILES) og gør deres tekst søgbar")
    fa.add_argument("--concurrency", type=_positive, default=4, metavar="N",
                    help="højst N samtidige forespørgsler til sitet (standard 4)")
    fa.add_argument("--timeout", type=float, default=30.0, metavar="SEK", help="ventetid pr. forespørgsel (30)")
    fa.add_argument("--retries", type=int, default=4, metavar="N",
                    help="nye forsøg ved serverfejl, timeout og afbrudte svar (4)")
    fa.add_argument("--refetch", action="store_true",
                    help="hent alle møder igen, også uændrede (uændret indhold skriver stadig intet)")
    fa.add_argument("--recheck-days", type=int, default=14, metavar="DAGE",
                    help="hent altid møder fra de seneste DAGE dage og fremtidige igen, da rettelser ikke altid "
                         "kan ses i listen (14; 0 slår det fra)")
    fa.add_argument("--from-year", type=int, metavar="ÅR", help="søg møder tilbage til dette år")
    fa.add_argument("--no-search", action="store_true", help="brug kun udvalgslisten, ikke søgningen pr. år")
    fa.add_argument("--quiet", action="store_true", help="ingen statuslinje")
    fa.add_argument("--json", action="store_true", help="skriv rapporten som JSON")
    fa.set_defaults(handler=run)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("skal være mindst 1")
    return number


def run(args: argparse.Namespace) -> int:
    from moedebog.boot import setup

    setup()
    from moedebog.connectors.firstagenda.sync import SyncOptions, SyncRefused, sync_firstagenda
    from moedebog.connectors.http import ClientOptions

    options = SyncOptions(
        organization=args.organization, attachments=args.attachments, refetch=args.refetch,
        search=not args.no_search, from_year=args.from_year, recheck_days=args.recheck_days,
        progress=not args.quiet and not args.json,
        client=ClientOptions(concurrency=args.concurrency, timeout=args.timeout, retries=max(0, args.retries)),
    )
    try:
        report = sync_firstagenda(args.base_url, options)
    except SyncRefused as exc:
        print(f"moedebog: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(report.lines()))
    if report.interrupted:
        return 130
    return 2 if report.failed else 0
