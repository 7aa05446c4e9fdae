"""Reading the table of appointments an agenda item prints ("KKR's udpegelser i valgperioden
2018-2022"): one row per outside body, the seats in words, area headings in between.

Pure functions, no Django: the table arrives as tab-separated lines or as a markdown table,
and the seat column is prose ("5, heraf 1 til formandskabet plus 5 suppleanter (der er et
ligestillingskrav)"), so the numbers are read from the words and the whole text kept as rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TITLE = re.compile(r"udpeg\w*\s+i\s+valgperioden\s+(\d{4})\s*-\s*(\d{4})", re.IGNORECASE)
NUMBER_WORDS = {"en": 1, "et": 1, "én": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7,
                "otte": 8, "ni": 9, "ti": 10}
_NUM = r"(\d+|" + "|".join(NUMBER_WORDS) + r")"
MEMBERS = [re.compile(rf"udpeger\s+{_NUM}\b", re.I), re.compile(rf"^\s*{_NUM}\b", re.I)]
CHAIRS = re.compile(rf"heraf\s+{_NUM}\s+(?:til\s+)?formand", re.I)
SUBSTITUTES = re.compile(rf"{_NUM}\s+suppleant", re.I)
EQUALITY = re.compile(r"ligestilling", re.I)
END = re.compile(r"^(for flere oplysninger|\d+\.\s)", re.I)


@dataclass(slots=True)
class SeatRow:
    """One outside body as the table states it."""

    area: str
    name: str
    members: int
    chair_seats: int
    substitutes: int
    equality: bool
    rules: str


@dataclass(slots=True)
class SeatTable:
    """The table: its election period as printed (first and last year) and its rows."""

    first_year: int
    last_year: int
    rows: list[SeatRow]


def _number(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text.lower()]


def read_seats(text: str) -> tuple[int, int, int, bool]:
    """(members, chair seats, substitutes, equality requirement) from the seat column's prose."""
    members = 0
    for pattern in MEMBERS:
        match = pattern.search(text)
        if match:
            members = _number(match.group(1))
            break
    chair = CHAIRS.search(text)
    substitutes = SUBSTITUTES.search(text)
    return (members, _number(chair.group(1)) if chair else 0, _number(substitutes.group(1)) if substitutes else 0,
            bool(EQUALITY.search(text)))


def _cells(line: str) -> list[str] | None:
    """The cells of a table row, or None for a line that is not one."""
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|"):
        cells = [c.strip() for c in stripped.strip("|").split("|")]
        return None if all(set(c) <= set("-: ") for c in cells) else cells
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    return None


def find_table(text: str) -> SeatTable | None:
    """The first appointments table in ``text``, or None when it has none."""
    match = TITLE.search(text)
    if not match:
        return None
    rows: list[SeatRow] = []
    area = ""
    started = False
    for line in text[match.end():].splitlines()[1:]:
        stripped = line.strip()
        if not stripped:
            continue
        if END.match(stripped):
            break
        cells = _cells(line)
        if cells is None:
            if started and len(stripped) > 80:
                break
            area = stripped if started else area
            continue
        name, seats = cells[0], " ".join(c for c in cells[1:] if c)
        if not started:  # the header row ("Udvalg 2018-2022 | Antal medlemmer ...")
            started = True
            if "antal" in seats.lower() or not seats:
                continue
        if not seats:  # an area heading printed as a row with an empty second cell
            area = name
            continue
        members, chairs, substitutes, equality = read_seats(seats)
        rows.append(SeatRow(area, name, members, chairs, substitutes, equality, seats))
    return SeatTable(int(match.group(1)), int(match.group(2)), rows) if rows else None
