"""Permanent addresses built from natural keys: body path, meeting date, item number.

``/kkr-midtjylland/2020-02-05/3.1`` is item 3.1 of KKR Midtjylland's meeting of 5 February 2020.
The parts are the archive's natural keys, which importing never changes, so a link in a newspaper
article keeps working after the archive is rebuilt. A body rarely meets twice on one day: then the
date alone leads to a short list of that day's meetings, and ``2020-02-05-1400`` names one of them.
Building addresses needs no database query, so lists of hundreds of links stay cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from functools import lru_cache
from urllib.parse import quote

from django.utils import timezone

from moedebog.archive import models

BODY_PATH = r"[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)*"
DAY_KEY = r"\d{4}-\d{2}-\d{2}(?:-\d{4})?"
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:-(\d{2})(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class DayKey:
    """A meeting's date, and its local time of day when the date alone is ambiguous."""

    day: date
    hour: int | None = None
    minute: int | None = None

    def __str__(self) -> str:
        if self.hour is None:
            return self.day.isoformat()
        return f"{self.day.isoformat()}-{self.hour:02d}{self.minute:02d}"


def parse_day(text: str) -> DayKey | None:
    """ "2020-02-05" or "2020-02-05-1400" → DayKey; anything else (or an impossible date) → None."""
    m = _DAY.match(text)
    if not m:
        return None
    year, month, day, hour, minute = m.groups()
    try:
        d = date(int(year), int(month), int(day))
    except ValueError:
        return None
    if hour is None:
        return DayKey(d)
    if int(hour) > 23 or int(minute) > 59:
        return None
    return DayKey(d, int(hour), int(minute))


def local_start(meeting: models.Meeting) -> datetime:
    return _local(meeting.start, timezone.get_current_timezone())


@lru_cache(maxsize=16384)
def _local(moment: datetime, zone: tzinfo) -> datetime:
    """A stored (UTC) time in the archive's zone, remembered: a page links the same few meetings
    many times over, and a time-zone conversion costs more than the rest of a link."""
    return timezone.localtime(moment, zone)


def day_key(meeting: models.Meeting, precise: bool = False) -> DayKey:
    start = local_start(meeting)
    return DayKey(start.date(), start.hour, start.minute) if precise else DayKey(start.date())


def body_url(body: models.Body) -> str:
    return f"/{body.path}/"


def meeting_url(meeting: models.Meeting, precise: bool = False) -> str:
    """``precise`` adds the time of day; pages use it when the body met more than once that day."""
    return f"/{meeting.body.path}/{day_key(meeting, precise)}/"


def item_url(item: models.AgendaItem, precise: bool = False) -> str:
    return f"{meeting_url(item.meeting, precise)}{quote(item.number, safe='.')}"


def case_url(case: models.Case) -> str:
    return f"/{case.body.path}/sager/{quote(case.number, safe='/-.')}"


def topic_url(topic: models.Topic) -> str:
    return f"/temaer/{quote(topic.key, safe='')}/"


def person_url(person: models.Person) -> str:
    """``/personer/skanderborg/frands-fischer/``: municipality and name, the person's natural key."""
    from moedebog.archive.services.keys import slugify

    place = slugify(person.municipality.name) if person.municipality_id and person.municipality else "uden-kommune"
    return f"/personer/{place}/{slugify(person.name)}/"


def source_url(meeting: models.Meeting, source: models.SourceDocument, precise: bool = False) -> str:
    return f"{meeting_url(meeting, precise)}filer/{source.sha256[:16]}"


def generated_url(meeting: models.Meeting, kind: str, fmt: str, precise: bool = False) -> str:
    """The agenda or minutes rendered from the archive: ``.../2020-02-05/referat.pdf``."""
    return f"{meeting_url(meeting, precise)}{GENERATED_NAMES[kind]}.{fmt}"


#: Document kind → the Danish file name of its generated versions.
GENERATED_NAMES = {"agenda": "dagsorden", "minutes": "referat"}
GENERATED_FORMATS = ("pdf", "docx", "html")


def letter_url(letter: models.Letter) -> str:
    """``/breve/2020-02-14/rammeaftale-2021-22/``: the letter's date and subject."""
    from moedebog.archive.services.keys import slugify

    day = letter.date.isoformat() if letter.date else "udateret"
    return f"/breve/{day}/{slugify(str(letter))[:80]}/"
