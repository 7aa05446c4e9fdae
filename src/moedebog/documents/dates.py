"""Danish dates and times as they appear in agendas, minutes and letters.

"05-02-2020 10:00", "5.2.2020 kl. 10.00", "den 5. februar 2020", "7. feb. 2020": all become ISO
strings. Pure functions, so the segmenter, the letter reader and search can share them.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})\b")
WORD_DATE = re.compile(rf"\b(\d{{1,2}})\.?\s*({_MONTH_NAMES})\.?\s+(\d{{4}})\b", re.IGNORECASE)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
TIME = re.compile(r"(?:\bkl\.?\s*|\s)([01]?\d|2[0-3])[:.]([0-5]\d)\b")


def _valid(year: int, month: int, day: int) -> str | None:
    if year < 100:
        year += 2000
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date in ``text`` as (ISO date, match start, match end), or None."""
    best: tuple[str, int, int] | None = None
    for pattern, order in ((NUMERIC_DATE, "dmy"), (WORD_DATE, "dMy"), (ISO_DATE, "ymd")):
        if best is not None and best[1] == 0:
            break  # a date at the very start: a later pattern only wins by starting earlier
        for m in pattern.finditer(text):
            a, b, c = m.groups()
            if order == "dmy":
                iso = _valid(int(c), int(b), int(a))
            elif order == "dMy":
                iso = _valid(int(c), MONTHS[b.lower().rstrip(".")], int(a))
            else:
                iso = _valid(int(a), int(b), int(c))
            if iso:
                if best is None or m.start() < best[1]:
                    best = (iso, m.start(), m.end())
                break
    return best


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO "YYYY-MM-DD", or None."""
    found = find_date(text)
    return found[0] if found else None


def parse_datetime(text: str) -> str | None:
    """A date with an optional time after it, as "YYYY-MM-DDTHH:MM" (00:00 when no time is given
    is NOT assumed: a date alone gives "YYYY-MM-DD")."""
    found = find_date(text)
    if not found:
        return None
    iso, _, end = found
    m = TIME.search(text, end)
    if m and m.start() - end <= 12:
        return f"{iso}T{int(m.group(1)):02d}:{m.group(2)}"
    return iso
