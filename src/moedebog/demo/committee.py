"""Synthetic meetings of an ordinary municipal committee, shaped like FirstAgenda publications.

The records follow the municipal template that FirstAgenda sites show (see the Greve samples):
numbered items 1, 2, 3 ..., case numbers like "24-008531", the decision first, then Sagsprocedure,
Resume, Indstilling, Sagsbeskrivelse and the other sub-sections, sometimes a case history, closed
items with only a title and a note, attachments and per-item absences with source ids. The
municipality is fictional so that no invented decision is ever attributed to a real council.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from moedebog.demo import compose
from moedebog.demo import municipal_themes as mt
from moedebog.demo.dates import MONTHS, weekday_on_or_after
from moedebog.demo.kkr import agenda_of
from moedebog.demo.people import NameBook
from moedebog.documents.records import Attachment, Document, Item, ItemAbsence, Participant, Section

ORGANIZATION = "Sølund Kommune"


@dataclass(frozen=True, slots=True)
class Committee:
    name: str
    time: str
    place: str
    seats: int


COMMITTEES = (
    Committee("Byrådet", "19:00", "Byrådssalen", 21),
    Committee("Økonomiudvalget", "16:00", "Mødelokale 1", 7),
    Committee("Børne- og Skoleudvalget", "16:00", "Mødelokale 2", 7),
    Committee("Teknik- og Miljøudvalget", "15:00", "Mødelokale 3", 5),
    Committee("Kultur- og Fritidsudvalget", "16:30", "Mødelokale 1", 5),
    Committee("Social- og Sundhedsudvalget", "15:30", "Mødelokale 2", 7),
)

#: Share of held meetings that the site still calls "Dagsorden" (a real FirstAgenda quirk).
MISNAMED_MINUTES = 0.25


def guid(rng: random.Random) -> str:
    """A random-looking but seed-determined GUID, like FirstAgenda's ids."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


class CommitteeGenerator:
    """Meetings of all committees month by month, each committee with its own members."""

    def __init__(self, seed: int, organization: str = ORGANIZATION, first_year: int = 2022) -> None:
        self.rng = random.Random(seed)
        self.organization = organization
        names = NameBook(self.rng)
        self.members = {c.name: [names.new() for _ in range(c.seats)] for c in COMMITTEES}
        self.month = date(first_year, 1, 1)
        self.queue: list[tuple[Committee, date]] = []

    def _next_slot(self) -> tuple[Committee, date]:
        if not self.queue:
            month = self.month
            if month.month == 7:  # summer break
                month = month.replace(month=8)
            for committee in COMMITTEES:
                day = weekday_on_or_after(month.replace(day=self.rng.randint(2, 26)))
                self.queue.append((committee, day))
            self.queue.sort(key=lambda slot: slot[1])
            self.month = (month.replace(day=28) + timedelta(days=5)).replace(day=1)
        return self.queue.pop(0)

    def meeting(self) -> Document:
        committee, day = self._next_slot()
        rng = self.rng
        members = self.members[committee.name]
        absent = {m for m in members if rng.random() < 0.12}
        leaving = rng.choice(members) if rng.random() < 0.3 else None
        values = {"y": day.year, "y1": day.year + 1, "y3": day.year + 3, "mio": rng.randint(1, 40),
                  "pct": rng.randint(2, 12), "antal": rng.choice((12, 35, 140, 900, 2400)),
                  "udvalg": committee.name}
        items = [self._approve_agenda(committee, day)]
        for theme in rng.sample(mt.MUNICIPAL_THEMES, rng.randint(3, min(8, len(mt.MUNICIPAL_THEMES)))):
            items.append(self._case_item(theme, committee, day, values))
        for _ in range(rng.choice((0, 0, 1, 2))):
            items.append(self._closed_item(day))
        items.append(self._simple_item("Meddelelser", day, "Orientering fra formanden og administrationen.",
                                       "Taget til efterretning."))
        for number, item in enumerate(items, start=1):
            item.number = str(number)
            gone = absent | ({leaving} if leaving and number > len(items) // 2 else set())
            item.absences = [ItemAbsence(name, "Fraværende") for name in members if name in gone]
        participants = [Participant(name, None, "absent", None, "Afbud") if name in absent
                        else Participant(name, None, "present", None, "Deltagere") for name in members]
        minutes = Document(kind="minutes", body=committee.name, organization=self.organization,
                           name="Dagsorden" if rng.random() < MISNAMED_MINUTES else "Referat",
                           start=f"{day.isoformat()}T{committee.time}", location=committee.place, items=items,
                           participants=participants, ref=guid(rng))
        if rng.random() < 0.35:
            return agenda_of(minutes)
        return minutes

    def _case_number(self, year: int) -> str:
        return f"{year % 100:02d}-{self.rng.randint(1, 16000):06d}"

    def _approve_agenda(self, committee: Committee, day: date) -> Item:
        return Item(number="1", title="Godkendelse af dagsorden", case_number=self._case_number(day.year - 2),
                    ref=guid(self.rng), sections=[
                        Section("decision", "Beslutning", "Godkendt."),
                        Section("other", "Sagsprocedure", f"{committee.name}."),
                        Section("summary", "Resume", f"Godkendelse af dagsorden for mødet den "
                                                     f"{day.day}. {_month(day)} {day.year}."),
                        Section("recommendation", "Indstilling",
                                "Administrationen indstiller, at dagsordenen godkendes."),
                    ])

    def _simple_item(self, title: str, day: date, summary: str, decision: str) -> Item:
        return Item(number="", title=title, case_number=self._case_number(day.year - 2), ref=guid(self.rng),
                    sections=[Section("decision", "Beslutning", decision),
                              Section("summary", "Resume", summary)])

    def _closed_item(self, day: date) -> Item:
        rng = self.rng
        return Item(number="", title=rng.choice(mt.CLOSED_TITLES), case_number=self._case_number(day.year),
                    public=False, ref=guid(rng),
                    sections=[Section("decision", "Beslutning", rng.choice(mt.CLOSED_NOTES))])

    def _case_item(self, theme: mt.Theme, committee: Committee, day: date, values: dict[str, object]) -> Item:
        rng = self.rng
        sections = [Section("decision", "Beslutning", compose.fill(rng.choice(theme.decisions), values)),
                    Section("other", "Sagsprocedure", compose.fill(rng.choice(mt.PROCEDURES), values)),
                    Section("summary", "Resume", compose.paragraph(rng, theme.background, values, 1, 3))]
        actions = [compose.fill(a, values) for a in compose.pick(rng, theme.recommendation, 1, 2)]
        sections.append(Section("recommendation", "Indstilling", _recommend(actions)))
        description = [compose.fill(p, values) for p in compose.pick(rng, theme.presentation, 1, 3)]
        if rng.random() < 0.3:
            description.append(compose.bullets(compose.pick(rng, theme.bullets, 2, 3)))
        sections.append(Section("presentation", "Sagsbeskrivelse", compose.blocks(description)))
        economy = compose.fill(rng.choice(mt.ECONOMY), values)
        sections.append(Section("other", "Økonomiske konsekvenser", economy))
        for title, pool in (("Lovgrundlag", mt.LAW), ("Tidsplan", mt.SCHEDULE),
                            ("Kommunikation", mt.COMMUNICATION), ("Høring", mt.HEARING)):
            if rng.random() < 0.3:
                sections.append(Section("other", title, compose.fill(rng.choice(pool), values)))
        if committee.name in ("Økonomiudvalget", "Byrådet") and rng.random() < 0.5:
            earlier = day - timedelta(days=rng.randint(7, 20))
            sections.append(Section("history", "Sagens forløb",
                                    f"{earlier.strftime('%d-%m-%Y')} Teknik- og Miljøudvalget\n\n"
                                    f"{compose.fill(rng.choice(theme.decisions), values)}"))
        attachments = [Attachment(compose.fill(a, values), guid(rng))
                       for a in compose.pick(rng, theme.attachments, 0, len(theme.attachments))]
        return Item(number="", title=compose.fill(rng.choice(theme.titles), values),
                    case_number=self._case_number(day.year - rng.randint(0, 1)), sections=sections,
                    attachments=attachments, ref=guid(rng))


def _recommend(actions: list[str]) -> str:
    if len(actions) == 1:
        return f"Administrationen indstiller, at {actions[0]}."
    return "Administrationen indstiller, at:\n\n" + compose.bullets(actions)


def _month(day: date) -> str:
    return MONTHS[day.month - 1]


def generate_committee_meetings(n: int, seed: int = 0, organization: str = ORGANIZATION) -> list[Document]:
    """``n`` meetings of a municipality's committees in date order, as minutes or agendas."""
    generator = CommitteeGenerator(seed, organization)
    return [generator.meeting() for _ in range(n)]
