"""Case histories ("Sagens forløb"): link an item to the earlier items of the same case.

Greve's template ends an item with the earlier handlings, each opened by a line
"10-04-2024 Økonomiudvalget" (or "10/09/2024 ..."); other sites write "Beslutning i Økonomiudvalget
den 16-03-2026". Each handling becomes a CaseHistoryEntry. It is linked to the archived item that has
the same case number, in a meeting of the same municipality on that date (the body named in the line
decides between several) — in whichever order the meetings arrive: linking runs for a new meeting's
own history lines and for the lines of later meetings that point at it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from moedebog.archive import models as archive
from moedebog.archive.services.keys import slugify
from moedebog.connectors.models import CaseHistoryEntry

_DATE_FIRST = re.compile(r"^\s*(\d{1,2})[-./](\d{1,2})[-./](\d{4})\s+(?P<body>\S.{1,150}?)\s*:?\s*$")
_DATE_LAST = re.compile(
    r"^\s*(?:beslutning\s+i\s+|behandlet\s+i\s+)?(?P<body>\S.{1,150}?)\s+(?:den|d\.)\s+"
    r"(\d{1,2})[-./](\d{1,2})[-./](\d{4})\s*:?\s*$", re.IGNORECASE)
_PERIOD = re.compile(r"\s*\d{4}\s*-\s*\d{4}\s*$")


@dataclass(frozen=True, slots=True)
class Handling:
    day: date
    body: str
    text: str


def handlings(text: str) -> list[Handling]:
    """The earlier handlings in a history section's text, in the order written."""
    out: list[Handling] = []
    current: tuple[date, str] | None = None
    lines: list[str] = []

    def close() -> None:
        if current is not None:
            out.append(Handling(current[0], current[1], "\n".join(lines).strip()))

    for line in text.split("\n"):
        opened = _opening(line)
        if opened is not None:
            close()
            current, lines = opened, []
        elif current is not None:
            lines.append(line)
    close()
    return out


def _opening(line: str) -> tuple[date, str] | None:
    if len(line) > 160:
        return None
    if m := _DATE_FIRST.match(line):
        day, month, year, body = m.group(1), m.group(2), m.group(3), m.group("body")
    elif m := _DATE_LAST.match(line):
        body, day, month, year = m.group("body"), m.group(2), m.group(3), m.group(4)
    else:
        return None
    if body.rstrip().endswith("."):  # a sentence that happens to start with a date
        return None
    try:
        return date(int(year), int(month), int(day)), body.strip()
    except ValueError:
        return None


def link_meeting(meeting: archive.Meeting) -> tuple[int, int]:
    """Write the history entries of the meeting's items and resolve links both ways.

    Returns (entries written or changed, links made). Writes nothing when nothing changed.
    """
    written = 0
    sections = archive.Section.objects.filter(item__meeting=meeting, kind=archive.Section.Kind.HISTORY) \
        .order_by("item_id", "order").values_list("item_id", "text")
    wanted: dict[int, list[Handling]] = {}
    for item_id, text in sections:
        wanted.setdefault(item_id, []).extend(handlings(text))
    have: dict[int, list[tuple[date, str, str]]] = {}
    for entry in CaseHistoryEntry.objects.filter(item__meeting=meeting).order_by("item_id", "order"):
        have.setdefault(entry.item_id, []).append((entry.date, entry.body_name, entry.text))
    stale: list[int] = []
    fresh: list[CaseHistoryEntry] = []
    for item_id in set(wanted) | set(have):
        rows = [(h.day, h.body[:300], h.text) for h in wanted.get(item_id, [])]
        if rows != have.get(item_id, []):
            if item_id in have:
                stale.append(item_id)
            fresh.extend(CaseHistoryEntry(item_id=item_id, order=n, date=d, body_name=b, text=t)
                         for n, (d, b, t) in enumerate(rows))
            written += len(rows)
    if stale:
        CaseHistoryEntry.objects.filter(item_id__in=stale).delete()
    if fresh:
        CaseHistoryEntry.objects.bulk_create(fresh)
    linked = _resolve(CaseHistoryEntry.objects.filter(item__meeting=meeting, earlier__isnull=True)) if wanted else 0
    linked += _resolve_into(meeting)
    return written, linked


def _organization_filter(body: archive.Body) -> dict[str, object]:
    """Items of the same municipality: bodies under the same parent (or the very body without one)."""
    return {"meeting__body__parent_id": body.parent_id} if body.parent_id else {"meeting__body_id": body.pk}


def _resolve(entries: QuerySet[CaseHistoryEntry]) -> int:
    """Link unresolved entries (all of one municipality) with two queries, whatever their number."""
    pending = [e for e in entries.select_related("item__case", "item__meeting__body").order_by()
               if e.item.case_id is not None]
    if not pending:
        return 0
    candidates: dict[tuple[str, date], list[tuple[int, str]]] = defaultdict(list)
    rows = archive.AgendaItem.objects.filter(
        _on_days({e.date for e in pending}), case__number__in={e.item.case.number for e in pending},
        **_organization_filter(pending[0].item.meeting.body),
    ).order_by().values_list("pk", "case__number", "meeting__start", "meeting__body__name")
    for pk, number, start, body_name in rows:
        candidates[(number, timezone.localtime(start).date())].append((pk, body_name))
    linked = []
    for entry in pending:
        found = [c for c in candidates.get((entry.item.case.number, entry.date), []) if c[0] != entry.item_id]
        earlier = _best(found, entry.body_name)
        if earlier is not None:
            entry.earlier_id = earlier
            linked.append(entry)
    CaseHistoryEntry.objects.bulk_update(linked, ["earlier"])
    return len(linked)


def _on_days(days: set[date]) -> Q:
    """Items of meetings on these local days, as ranges of the start time.

    Why ranges: ``meeting__start__date__in`` converts every start to a local date before comparing,
    which no index can answer, so each synced meeting read all the municipality's items.
    """
    condition = Q(pk__in=[])
    for day in days:
        first = timezone.make_aware(datetime.combine(day, time.min))
        condition |= Q(meeting__start__gte=first, meeting__start__lt=first + timedelta(days=1))
    return condition


def _resolve_into(meeting: archive.Meeting) -> int:
    """Entries of other meetings' items that name a handling in this meeting."""
    numbers = archive.AgendaItem.objects.filter(meeting=meeting, case__isnull=False).values("case__number")
    day = timezone.localtime(meeting.start).date()
    entries = CaseHistoryEntry.objects.filter(
        earlier__isnull=True, date=day, item__case__number__in=numbers,
        **{f"item__{k}": v for k, v in _organization_filter(meeting.body).items()},
    ).exclude(item__meeting=meeting)
    return _resolve(entries)


def _best(candidates: list[tuple[int, str]], body_name: str) -> int | None:
    """The candidate (item id, body name) whose body the history names; the only one when the name does not
    help."""
    wanted = _body_key(body_name)
    named = [pk for pk, name in candidates if _body_key(name) == wanted]
    if len(named) == 1:
        return named[0]
    if not named:
        loose = [pk for pk, name in candidates if wanted in _body_key(name) or _body_key(name) in wanted]
        if len(loose) == 1:
            return loose[0]
    return candidates[0][0] if len(candidates) == 1 else None


def _body_key(name: str) -> str:
    """ "Byråd 2022-2025" and "Byrådet" compare equal; so do spellings that differ only in case."""
    key = slugify(_PERIOD.sub("", name))
    return key.removesuffix("et") if key.endswith("raadet") else key
