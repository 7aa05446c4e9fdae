"""`moedebog remind`: for cron — close consultations past their last day and remind, by email,
the recipients who have not answered when the deadline is near."""

from __future__ import annotations

import argparse
import json
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser("remind", help="send påmindelser om høringer og luk dem efter fristen",
                       description="Luk høringer efter fristen og send påmindelser til dem, der ikke har svaret.")
    p.add_argument("--days", type=int, default=None,
                   help="påmind så mange dage før fristen (standard: MOEDEBOG_REMINDER_DAYS)")
    p.add_argument("--json", action="store_true", help="skriv JSON")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from moedebog.boot import setup

    setup()
    from django.conf import settings

    from moedebog.council.services.consultations import run_due

    days = settings.MOEDEBOG_REMINDER_DAYS if args.days is None else args.days
    result = run_due(days=days)
    data = {"reminded": result.reminded, "failed": result.failed, "closed": result.closed}
    if args.json:
        print(json.dumps(data))
    else:
        print(f"Påmindelser sendt: {result.reminded}, fejlede: {result.failed}, høringer lukket: {result.closed}")
    return 1 if result.failed else 0
