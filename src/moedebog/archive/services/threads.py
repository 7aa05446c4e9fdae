"""Threads across meetings: the forward plan, and themes that recur over the years.

"Punkter til næste møde" lists what the next meetings will take up ("Klima" on 5 Feb 2020 for the
meeting of 1 Apr 2020). Each line becomes a ForwardPlanEntry that is linked to the later item that
realises it, whichever of the two meetings is imported first. Themes are the significant words of
item titles and letter titles, stemmed (Snowball Danish), so that "Rammeaftalen" in 2016, "Proces
for Rammeaftale 2021-2022" in 2020 and the letter "Rammeaftale 2021-22" form one thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

import snowballstemmer
from django.utils import timezone

from moedebog.archive import models
from moedebog.archive.services import loading
from moedebog.documents.dates import parse_date

_PLAN_TITLE = re.compile(
    r"(punkter|sager|emner)\s+til\s+(næste|kommende|de kommende)\s+møde|til\s+dagsorden(en)?\s+for\s+møde"
    r"|oversigt\s+over\s+(sager|punkter)|punkter\s+til\s+kommende",
    re.IGNORECASE,
)
_INTRO = re.compile(r"følgende\s+(punkter|sager|emner)|(punkter|sager)\s+til\s+(mødet|dagsordenen)", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-•*–]\s+|\d{1,2}[.)]\s+)")
_WORD = re.compile(r"[a-zæøåéü]+")
_STEMMER = snowballstemmer.stemmer("danish")
#: Words in titles that say nothing about the theme.
_GENERIC_WORDS = """
    godkendelse referat referatet orientering orienteringer eventuelt status møde mødet møder punkter punkt
    sager sagen oversigt foreløbig forslag proces kommende næste siden sidst drøftelse drøftelser
    midtjylland kommunerne kommuner kommune regionen region udpegning udpegninger aftale aftalen
    opfølgning afrapportering beslutning behandling under mellem efter samt herunder sidste
    kontaktråd orientering udvalget udvalg byrådet kommunalbestyrelsen lukket
    januar februar marts april juni juli august september oktober november december
"""
_GENERIC = set(_STEMMER.stemWords(_GENERIC_WORDS.split()))
_MIN_WORD = 5


@lru_cache(maxsize=65536)
def theme_keys(title: str) -> dict[str, str]:
    """Stem → the word as written, for the significant words of a title."""
    words = [w for w in _WORD.findall(title.lower()) if len(w) >= _MIN_WORD]
    keys: dict[str, str] = {}
    for word, stem in zip(words, _STEMMER.stemWords(words), strict=True):
        if stem not in _GENERIC and len(stem) >= 4:
            keys.setdefault(stem, word)
    return keys


def plan_entries(item: models.AgendaItem) -> tuple[list[str], str | None]:
    """The lines of a forward-plan item and the date of the meeting they are planned for."""
    entries: list[str] = []
    target: str | None = None
    for section in loading.sections(item):
        if section.kind in ("recommendation", "decision"):
            continue
        listing = False
        for line in section.text.split("\n"):
            line = line.strip()
            if not line:
                continue
            if _INTRO.search(line):
                listing = True
                target = target or parse_date(line)
                continue
            if listing and (_BULLET.match(line) or len(line) <= 120):
                entries.append(_BULLET.sub("", line).rstrip(".").strip())
            elif listing:
                listing = False
        target = target or parse_date(section.text)
    return [e for e in entries if e], target


def link_meeting(meeting: models.Meeting, items: list[models.AgendaItem] | None = None, new: bool = False) -> None:
    """Refresh this meeting's forward-plan entries and themes, and link plans in both directions.

    ``items``: the meeting's items with heading selected and sections prefetched, when the caller
    has them (the importer shares one load between threads, search and the council's hooks).
    ``new``: the meeting was created in this transaction, so it has no entries or theme links yet
    but those written here.
    """
    if items is None:
        items = list(meeting.items.select_related("heading").prefetch_related("sections"))
    plans = [item for item in items if _is_plan_item(item)]
    for item in plans:
        _write_plan(item, new)
    if plans or not new:
        _resolve_plans_from(meeting)
    _resolve_plans_into(meeting, items)
    _write_themes(items, new)


def link_letter(letter: models.Letter) -> None:
    keys = {stem[:100]: word for stem, word in theme_keys(f"{letter.name} {letter.subject}").items()}
    for topic in ensure_topics(keys).values():
        topic.letters.add(letter)


def _is_plan_item(item: models.AgendaItem) -> bool:
    return bool(_PLAN_TITLE.search(item.title) or (item.heading and _PLAN_TITLE.search(item.heading.title)))


def _write_plan(item: models.AgendaItem, new: bool = False) -> None:
    entries, target = plan_entries(item)
    existing = [] if new else list(item.plan_entries.order_by("order"))
    wanted = [(n, text[:1000]) for n, text in enumerate(entries)]
    target_date = date.fromisoformat(target) if target else None
    if [(e.order, e.text) for e in existing] == wanted and all(e.target_date == target_date for e in existing):
        return
    if existing:
        item.plan_entries.all().delete()
    models.ForwardPlanEntry.objects.bulk_create(
        models.ForwardPlanEntry(item=item, order=n, text=text, target_date=target_date) for n, text in wanted
    )


def _target_meetings(meeting: models.Meeting, entries: list[models.ForwardPlanEntry]) -> dict[date | None, int]:
    """The meeting each of the entries plans for, by target date (``None``: the next meeting), in at most two queries.

    A dated entry plans for the body's meeting on that day (the latest, if the day has two); an
    undated one for the body's next meeting. "Later" starts an hour after this meeting, so that a
    meeting recorded twice a few minutes apart is not its own successor.
    """
    later = models.Meeting.objects.filter(body_id=meeting.body_id, start__gt=meeting.start + timedelta(hours=1))
    targets: dict[date | None, int] = {}
    if any(e.target_date is None for e in entries):
        following = later.order_by("start").values_list("pk", flat=True).first()
        if following is not None:
            targets[None] = following
    dates = {e.target_date for e in entries if e.target_date}
    if dates:
        for pk, start in later.filter(start__date__in=dates).order_by("-start").values_list("pk", "start"):
            targets.setdefault(timezone.localtime(start).date(), pk)
    return targets


def _candidates(items: Iterable[models.AgendaItem]) -> list[tuple[models.AgendaItem, set[str]]]:
    """Items with the words their titles can be matched on."""
    return [(item, {w for w in (*theme_keys(item.title), *_WORD.findall(item.title.lower())) if len(w) >= 4})
            for item in items]


def _resolve(entry: models.ForwardPlanEntry, candidates: list[tuple[models.AgendaItem, set[str]]]) -> bool:
    """Link the entry to the candidate item that realises it; True when the link changed."""
    best, best_score = None, 0.0
    wanted = set(theme_keys(entry.text)) or {w for w in _WORD.findall(entry.text.lower()) if len(w) >= 3}
    if not wanted:
        return False
    for item, have in candidates:
        matched = sum(1 for w in wanted if any(h.startswith(w[:5]) or w.startswith(h[:5]) for h in have))
        score = matched / len(wanted)
        if score > best_score:
            best, best_score = item, score
    if best is not None and best_score >= 0.5 and entry.realized_by_id != best.pk:
        entry.realized_by = best
        return True
    return False


def _resolve_plans_from(meeting: models.Meeting) -> None:
    """This meeting's entries, linked to the items of the meetings they plan for."""
    entries = list(models.ForwardPlanEntry.objects.filter(item__meeting=meeting).only(
        "text", "target_date", "realized_by_id"))
    if not entries:
        return
    targets = _target_meetings(meeting, entries)
    if not targets:
        return
    by_meeting: dict[int, list[models.AgendaItem]] = {}
    for item in models.AgendaItem.objects.filter(meeting_id__in=set(targets.values())).only("title", "meeting_id"):
        by_meeting.setdefault(item.meeting_id, []).append(item)
    candidates = {pk: _candidates(listed) for pk, listed in by_meeting.items()}
    changed = [e for e in entries
               if e.target_date in targets and _resolve(e, candidates.get(targets[e.target_date], []))]
    models.ForwardPlanEntry.objects.bulk_update(changed, ["realized_by"])


def _resolve_plans_into(meeting: models.Meeting, items: list[models.AgendaItem]) -> None:
    """Entries of earlier meetings that plan for this one: by its date, or undated in the previous meeting.

    Two narrow queries (by the target-date index, and by the previous meeting's items) rather than
    one with an OR across a join, which the database could only answer by scanning every entry.
    """
    open_entries = models.ForwardPlanEntry.objects.filter(realized_by__isnull=True).only(
        "text", "target_date", "realized_by_id").order_by()  # sorted below; the default order joins meetings
    earlier = list(open_entries.filter(target_date=timezone.localtime(meeting.start).date(),
                                       item__meeting__body_id=meeting.body_id,
                                       item__meeting__start__lt=meeting.start))
    previous = (models.Meeting.objects.filter(body_id=meeting.body_id, start__lt=meeting.start)
                .order_by("-start").values_list("pk", flat=True).first())
    if previous is not None:
        earlier += open_entries.filter(target_date__isnull=True, item__meeting_id=previous)
    if not earlier:
        return
    earlier.sort(key=lambda e: e.pk)  # a stable order: the order they were written in
    candidates = _candidates(items)
    models.ForwardPlanEntry.objects.bulk_update([e for e in earlier if _resolve(e, candidates)], ["realized_by"])


def _write_themes(items: list[models.AgendaItem], new: bool = False) -> None:
    """Link each public item to the themes of its title, with a few set-based queries per meeting."""
    wanted: dict[int, dict[str, str]] = {}
    for item in items:
        if item.public:
            wanted[item.pk] = {stem[:100]: word for stem, word in theme_keys(item.title).items()}
    labels = {stem: word for keys in wanted.values() for stem, word in keys.items()}
    if not labels:
        return
    topics = ensure_topics(labels)
    links = models.Topic.items.through
    have: set[tuple[int, int]] = set()
    if not new:
        have = set(links.objects.filter(agendaitem_id__in=wanted).values_list("agendaitem_id", "topic_id"))
    rows = [links(agendaitem_id=item_id, topic_id=topics[stem].pk)
            for item_id, keys in wanted.items() for stem in keys if (item_id, topics[stem].pk) not in have]
    links.objects.bulk_create(rows, ignore_conflicts=True)


def ensure_topics(labels: dict[str, str]) -> dict[str, models.Topic]:
    """Topics by stem, created where missing (label: the word as first seen)."""
    topics = {t.key: t for t in models.Topic.objects.filter(key__in=labels)}
    missing = [models.Topic(key=k, label=w.capitalize()[:200]) for k, w in labels.items() if k not in topics]
    if missing:
        models.Topic.objects.bulk_create(missing, ignore_conflicts=True)
        topics = {t.key: t for t in models.Topic.objects.filter(key__in=labels)}
    return topics
