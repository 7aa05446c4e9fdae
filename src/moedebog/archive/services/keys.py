"""Natural keys: how a parsed name becomes the key that finds the same row again.

Kept pure (no ORM) so that the rules — what makes two spellings the same body, person or
municipality — can be read and tested on their own.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from zoneinfo import ZoneInfo

_TRANSLIT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")
_MUNICIPALITY_SUFFIX = re.compile(r"\s+(kommune|kommunes?)$", re.IGNORECASE)

#: Danish municipal election periods start on 1 January after the November election.
TERM_YEARS = 4
FIRST_TERM_START = 2002


def slugify(text: str) -> str:
    """ "Kultur- og Fritidsudvalget" → "kultur-og-fritidsudvalget"; Danish letters transliterated."""
    text = text.translate(_TRANSLIT).lower()
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_WORD.sub("-", text).strip("-") or "x"


def name_key(name: str) -> str:
    """Case- and space-insensitive key for a person's or body's name."""
    return _SPACES.sub(" ", name).strip().casefold()


def municipality_name(affiliation: str) -> str:
    """ "Skanderborg Kommune" and "Skanderborg" name the same municipality."""
    return _MUNICIPALITY_SUFFIX.sub("", _SPACES.sub(" ", affiliation).strip())


def person_key(name: str, municipality: str | None) -> str:
    return f"{name_key(name)}|{name_key(municipality_name(municipality)) if municipality else ''}"


def body_kind(name: str) -> str:
    low = name.casefold()
    if low.startswith("kkr") or "kommunekontaktråd" in low:
        return "kkr"
    if low in ("byrådet", "kommunalbestyrelsen", "borgerrepræsentationen", "regionsrådet"):
        return "council"
    if "udvalg" in low:
        return "committee"
    return "other"


def term_for(day: date) -> tuple[str, date, date]:
    """The election period (name, first day, last day) that contains ``day``."""
    offset = (day.year - FIRST_TERM_START) // TERM_YEARS
    start_year = FIRST_TERM_START + offset * TERM_YEARS
    end_year = start_year + TERM_YEARS - 1
    return f"{start_year}-{end_year}", date(start_year, 1, 1), date(end_year, 12, 31)


def meeting_start(value: str, tz: str) -> tuple[datetime, bool]:
    """An ISO "YYYY-MM-DD[THH:MM]" as an aware datetime, and whether the time was stated."""
    zone = ZoneInfo(tz)
    if "T" in value:
        return datetime.fromisoformat(value).replace(tzinfo=zone), True
    return datetime.fromisoformat(value + "T00:00").replace(tzinfo=zone), False
