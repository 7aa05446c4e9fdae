"""`moedebog stats [--json]`: how much the archive holds."""

from __future__ import annotations

import argparse
import json
from typing import Any

LABELS = {
    "documents": "Dokumenter", "failed_documents": "Fejlede dokumenter", "bodies": "Organer",
    "meetings": "Møder", "items": "Punkter", "sections": "Afsnit", "people": "Personer", "cases": "Sager",
    "letters": "Breve", "attendance": "Fremmøderegistreringer", "topics": "Temaer",
    "appointments": "Udpegninger", "consultations": "Høringer",
}


def add_parser(sub: Any) -> None:
    p = sub.add_parser("stats", help="vis arkivets omfang", description="Tæl arkivets indhold.")
    p.add_argument("--json", action="store_true", help="skriv JSON")
    p.set_defaults(handler=run)


def counts() -> dict[str, int]:
    from moedebog.archive import models

    return {
        "documents": models.SourceDocument.objects.filter(status="imported").count(),
        "failed_documents": models.SourceDocument.objects.filter(status="failed").count(),
        "bodies": models.Body.objects.count(),
        "meetings": models.Meeting.objects.count(),
        "items": models.AgendaItem.objects.count(),
        "sections": models.Section.objects.count(),
        "people": models.Person.objects.count(),
        "cases": models.Case.objects.count(),
        "letters": models.Letter.objects.count(),
        "attendance": models.Attendance.objects.count(),
        "topics": models.Topic.objects.count(),
        **_council_counts(),
    }


def _council_counts() -> dict[str, int]:
    """Seats held in the appointments register and consultations (the council app)."""
    from moedebog.council.models import Consultation
    from moedebog.council.register import held_seats

    return {"appointments": held_seats(), "consultations": Consultation.objects.count()}


def run(args: argparse.Namespace) -> int:
    from moedebog.boot import setup

    setup()
    data = counts()
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        for key, value in data.items():
            print(f"{LABELS[key]}: {value}")
    return 0
