"""Geometry of the attendance chart: one horizontal bar per year, present then absent.

Drawn as inline SVG by the template, so it needs no JavaScript and no inline styles (colours come
from classes in the stylesheet, allowed by the Content-Security-Policy). The numbers are written
next to each bar and repeated in a table under it, so the chart never carries meaning by colour
alone (WCAG 1.4.1) and a screen reader gets the table.
"""

from __future__ import annotations

from dataclasses import dataclass

from moedebog.site.queries.people import YearAttendance

LABEL_WIDTH = 56
BAR_WIDTH = 360
ROW_HEIGHT = 28
BAR_HEIGHT = 18
COUNT_WIDTH = 130


@dataclass(slots=True)
class Bar:
    year: int
    y: int
    text_y: int
    present_width: float
    absent_x: float
    absent_width: float
    present: int
    absent: int
    label_x: float


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    bar_x: int
    bars: list[Bar]


def attendance_chart(years: list[YearAttendance]) -> Chart | None:
    if not years:
        return None
    most = max(y.total for y in years) or 1
    scale = BAR_WIDTH / most
    bars = []
    for n, year in enumerate(years):
        top = n * ROW_HEIGHT + 4
        present = year.present * scale
        absent = year.absent * scale
        bars.append(Bar(year.year, top, top + BAR_HEIGHT - 4, present, LABEL_WIDTH + present, absent,
                        year.present, year.absent, LABEL_WIDTH + present + absent + 8))
    width = LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH
    return Chart(width, len(years) * ROW_HEIGHT + 8, LABEL_WIDTH, bars)
