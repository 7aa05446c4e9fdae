"""`moedebog search QUERY [...]`: search the archive from the command line (public records only)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from moedebog.search.query import parse_bound

KIND_NAMES = {"item": "punkt", "meeting": "møde", "letter": "brev", "case": "sag", "person": "person"}


def _date(end: bool) -> Any:
    def convert(text: str) -> date:
        value = parse_bound(text, end=end)
        if value is None:
            raise argparse.ArgumentTypeError(f"ukendt dato: {text!r} (brug fx 2020-02-05, 05-02-2020 eller 2020)")
        return value

    return convert


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "search", help="søg i arkivet",
        description='Søg i arkivets punkter, møder, sager, personer og breve. Alle ord skal findes; '
                    '"citationstegn" for en frase, OR for enten-eller, -ord udelukker, ord* søger på '
                    'begyndelsen af ord; filtre kan også skrives i søgningen (body:, år:, type:, sag:, person:).')
    p.add_argument("query", nargs="+", metavar="SØGNING", help="det der søges efter")
    p.add_argument("--body", action="append", help="organ eller udvalg (del af navnet)")
    p.add_argument("--from", dest="date_from", type=_date(False), help="fra dato")
    p.add_argument("--to", dest="date_to", type=_date(True), help="til dato")
    p.add_argument("--kind", action="append", help="afsnit (beslutning, indstilling, ...) eller art (møde, sag, ...)")
    p.add_argument("--case", help="sagsnummer")
    p.add_argument("--person", help="person")
    p.add_argument("--sort", choices=("relevance", "date", "oldest"), default="relevance",
                   help="relevance (standard), date (nyeste først) eller oldest")
    p.add_argument("--page", type=int, default=1, help="side (10 resultater pr. side)")
    p.add_argument("--json", action="store_true", help="skriv JSON")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from moedebog.boot import setup

    setup()
    from moedebog.search import search

    result = search(" ".join(args.query), body=args.body, date_from=args.date_from, date_to=args.date_to,
                    kind=args.kind, case=args.case, person=args.person, sort=args.sort, page=args.page)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return 0
    _print(result, sys.stdout.isatty())
    return 0


def _print(result: Any, tty: bool) -> None:
    marks = ("\033[1m", "\033[0m") if tty else ("«", "»")
    if not result.total:
        print("Ingen resultater.")
        return
    first = (result.page - 1) * result.page_size + 1
    print(f"{result.total} resultater, viser {first}-{first + len(result.hits) - 1} (side {result.page} af "
          f"{result.pages})\n")
    for hit in result.hits:
        when = hit.meeting_start.strftime("%d-%m-%Y") if hit.meeting_start else ""
        number = f"{hit.item_number}. " if hit.item_number else ""
        label = "" if hit.kind == "item" else f"[{KIND_NAMES.get(hit.kind, hit.kind)}] "
        print(f"{label}{number}{hit.title}")
        print("   " + " · ".join(x for x in (hit.body or "", when, hit.url) if x))
        if hit.snippet:
            print("   " + hit.snippet.text(*marks))
        print()
    for name, title in (("body", "Organer"), ("year", "År"), ("kind", "Afsnit"), ("record", "Arter")):
        values = result.facets.get(name) or []
        if values:
            print(f"{title}: " + ", ".join(f"{v.label} ({v.count})" for v in values))
