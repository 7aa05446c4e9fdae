"""`moedebog demo --meetings N`: generate synthetic meetings, as files or as an outline.

With ``--out`` every meeting is written in each requested format (the corpus the benchmark and
the round-trip tests use); without it the records are printed, so one can see what the
generator makes without touching the disk.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from moedebog.demo.corpus import FORMATS, corpus_documents, write_documents
from moedebog.documents.serialize import outline, to_dict


def add_parser(sub: Any) -> None:
    p = sub.add_parser("demo", help="lav syntetiske møder til demo, test og benchmark",
                       description="Generér realistiske, opdigtede møder i KKR Midtjylland (og eventuelt i en "
                                   "kommunes udvalg) og skriv dem som filer i de valgte formater.")
    p.add_argument("--meetings", type=int, required=True, metavar="N", help="antal KKR-møder")
    p.add_argument("--committee-meetings", type=int, default=0, metavar="N",
                   help="antal udvalgsmøder i FirstAgenda-stil ud over KKR-møderne (standard 0)")
    p.add_argument("--out", metavar="MAPPE", help="skriv filerne her; uden --out vises møderne som oversigt")
    p.add_argument("--formats", nargs="+", default=list(FORMATS), metavar="FORMAT",
                   help=f"formater at skrive: {' '.join(FORMATS)} (standard: alle; komma eller mellemrum)")
    p.add_argument("--seed", type=int, default=0, help="samme seed giver altid de samme møder (standard 0)")
    p.add_argument("--json", action="store_true", help="uden --out: skriv møderne som JSON i stedet for oversigt")
    p.set_defaults(handler=run)


def parse_formats(values: list[str]) -> list[str]:
    """Accept 'txt,pdf' as well as 'txt pdf'; refuse unknown formats before any work is done."""
    formats = [f.strip().lower() for value in values for f in value.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"ukendt format: {', '.join(unknown)} (kendte: {', '.join(FORMATS)})")
    return list(dict.fromkeys(formats))


def run(args: argparse.Namespace) -> int:
    if args.meetings < 0 or args.committee_meetings < 0:
        print("moedebog demo: antal møder kan ikke være negativt", file=sys.stderr)
        return 2
    try:
        formats = parse_formats(args.formats)
    except ValueError as exc:
        print(f"moedebog demo: {exc}", file=sys.stderr)
        return 2
    docs = corpus_documents(args.meetings, args.seed, args.committee_meetings)
    if not args.out:
        if args.json:
            json.dump([to_dict(d) for d in docs], sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            sys.stdout.write("\n\n".join(outline(d) for d in docs) + "\n")
        return 0
    paths = write_documents(docs, args.out, formats)
    print(f"{len(docs)} møder skrevet som {len(paths)} filer i {args.out}", file=sys.stderr)
    return 0
