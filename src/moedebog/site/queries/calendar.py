"""The month calendar: the weeks of a month, Monday first as in Denmark, with each day's meetings."""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.utils import timezone

from moedebog.archive import models
from moedebog.site import visibility
from moedebog.site.visibility import ANONYMOUS, Viewer


@dataclass(slots=True)
class Day:
    day: date
    in_month: bool
    meetings: list[models.Meeting] = field(default_factory=list)


@dataclass(slots=True)
class Month:
    year: int
    month: int
    weeks: list[list[Day]]
    body: models.Body | None
    bodies: list[models.Body]

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def previous(self) -> date:
        return (self.first - timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> date:
        return (self.first + timedelta(days=32)).replace(day=1)

    @property
    def meetings(self) -> list[models.Meeting]:
        return [m for week in self.weeks for d in week if d.in_month for m in d.meetings]


def month(year: int, month_number: int, body_path: str | None = None, viewer: Viewer = ANONYMOUS) -> Month:
    weeks_dates = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month_number)
    first, last = weeks_dates[0][0], weeks_dates[-1][-1]
    start = timezone.make_aware(datetime.combine(first, datetime.min.time()))
    end = timezone.make_aware(datetime.combine(last + timedelta(days=1), datetime.min.time()))
    qs = visibility.meetings(viewer).select_related("body").filter(start__gte=start, start__lt=end)
    body = models.Body.objects.filter(path=body_path).first() if body_path else None
    if body is not None:
        qs = qs.filter(body=body)
    by_day: dict[date, list[models.Meeting]] = defaultdict(list)
    for meeting in qs.order_by("start"):
        by_day[timezone.localtime(meeting.start).date()].append(meeting)
    weeks = [[Day(d, d.month == month_number, by_day.get(d, [])) for d in week] for week in weeks_dates]
    bodies = list(visibility.bodies(viewer).select_related("parent").order_by("name"))
    return Month(year, month_number, weeks, body, bodies)
