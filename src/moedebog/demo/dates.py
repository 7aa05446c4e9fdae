"""Danish date wording and meeting calendars, shared by the demo generators."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december")

#: KKR Midtjylland meets about five times a year, in these months.
KKR_MONTHS = (2, 4, 6, 9, 11)


def long_date(day: date) -> str:
    """'5. februar 2020', the way minutes name other meetings."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def weekday_on_or_after(day: date) -> date:
    """Councils meet on weekdays."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def kkr_calendar(rng: random.Random, first_year: int = 2016) -> Iterator[date]:
    """Meeting days from ``first_year`` on, about five a year, for as long as asked.

    Past year 9998 the calendar wraps round to ``first_year`` so that a huge benchmark run
    never produces a date Python cannot represent.
    """
    year = first_year
    while True:
        months = list(KKR_MONTHS)
        if rng.random() < 0.15:  # an extra meeting after the summer break some years
            months.insert(3, 8)
        for month in months:
            yield weekday_on_or_after(date(year, month, rng.randint(1, 26)))
        year = first_year if year >= 9998 else year + 1


def term_start(year: int) -> int:
    """First year of the municipal election period (valgperiode) that ``year`` belongs to."""
    return 2014 + (year - 2014) // 4 * 4
