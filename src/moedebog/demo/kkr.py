"""Synthetic KKR Midtjylland meetings: the standard seven headings, recurring cases, attendance.

The generator walks through a calendar from 2016 on and keeps state between meetings the way a
secretariat does: cases come back under the same case number until they are settled, the
forward-plan item lists what the next meeting really contains, and the council changes at each
election. One ``random.Random(seed)`` drives everything, so a seed always gives the same records
and ``generate_meetings(10)`` is the start of ``generate_meetings(20)``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from moedebog.demo import compose, people
from moedebog.demo.dates import kkr_calendar, long_date, term_start
from moedebog.demo.themes import (
    APPOINTMENT_BODIES,
    APPROVAL_DECISIONS,
    GENERIC_PRESENTATION,
    KKR_MATTERS,
    KKR_THEMES,
    NOTED_DECISIONS,
    ORIENTATION_NOTES,
    ORIENTATIONS,
    OTHER_BUSINESS_DECISIONS,
    Theme,
)
from moedebog.documents.records import Attachment, Document, Heading, Item, Participant, Section

BODY = "KKR Midtjylland"
ORGANIZATION = "KL"

#: The template's headings; 4 and 5 often have no items.
STANDARD_HEADINGS = (
    ("1", "Godkendelse af referat"),
    ("2", "Siden sidst"),
    ("3", "Regionalpolitiske sager"),
    ("4", "Udpegninger"),
    ("5", "KKR"),
    ("6", "Punkter til næste møde"),
    ("7", "Eventuelt"),
)

#: How a recurring case's title changes as it comes back.
STAGE_SUFFIXES = ("", " – status", " – opfølgning", " – endelig behandling")

#: Share of generated meetings published as agendas rather than minutes.
AGENDA_SHARE = 0.35


@dataclass(slots=True)
class Case:
    """A subject that stays on the council's table for a few meetings under one case number."""

    theme: Theme
    number: str
    handlers: list[str]
    title: str
    meetings_left: int
    stage: int = 0
    attachments: list[str] = field(default_factory=list)

    def current_title(self) -> str:
        return self.title + STAGE_SUFFIXES[min(self.stage, len(STAGE_SUFFIXES) - 1)]


def section(kind: str, title: str, text: str) -> Section:
    return Section(kind=kind, title=title, text=text)


def referent_role(title: str, referent: bool) -> str:
    """A minute taker's role as the records keep it ('Chefkonsulent Navn (referent)' in print)."""
    return f"{title}, referent" if referent else title


class KkrGenerator:
    """Holds the state that carries over from one meeting to the next."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.names = people.NameBook(self.rng)
        self.calendar = kkr_calendar(self.rng)
        self.term = -1
        self.members: list[people.Person] = []
        self.directors: list[people.Person] = []
        self.staff = people.secretariat(self.rng, self.names)
        self.staff_year = 2016
        self.year_case: dict[int, str] = {}
        self.active: list[Case] = []
        self.next_day = next(self.calendar)
        self.planned: list[Case] = []
        self.previous_day = date(2015, 11, 24)

    # -- state that changes with time ------------------------------------------------------------

    def _roll_year(self, day: date) -> None:
        if term_start(day.year) != self.term:
            self.term = term_start(day.year)
            self.names.keep_only([p.name for p in self.members + self.staff])
            self.members = people.kkr_members(self.rng, self.names, self.members or None)
            self.directors = people.kd_net(self.rng, self.names)
        if day.year != self.staff_year:
            self.staff_year = day.year
            if self.rng.random() < 0.3:  # one consultant leaves, another arrives
                index = self.rng.randrange(1, len(self.staff))
                name = self.names.new()
                title = self.staff[index].title
                self.staff[index] = people.Person(name, None, title, people.initials_of(name))

    def _case_number(self, year: int) -> str:
        return f"SAG-{year}-{self.rng.randint(100, 99999):05d}"

    def _meeting_case(self, year: int) -> str:
        """The secretariat files the standard items of a year's meetings under one case."""
        if year not in self.year_case:
            self.year_case[year] = self._case_number(year)
        return self.year_case[year]

    def _values(self, year: int) -> dict[str, object]:
        rng = self.rng
        return {"y": year, "y1": year + 1, "y3": year + 3, "pct": rng.choice((2, 3, 4, 5)),
                "mio": rng.randint(4, 60), "antal": rng.choice((10, 12, 20, 24, 30, 40, 3000, 3800))}

    def _new_case(self, year: int) -> Case:
        busy = {c.theme.key for c in self.active}
        themes = [t for t in KKR_THEMES if t.key not in busy] or list(KKR_THEMES)
        theme = self.rng.choice(themes)
        handlers = [s.initials for s in self.rng.sample(self.staff[1:], self.rng.randint(1, 2))]
        title = compose.fill(self.rng.choice(theme.titles), self._values(year))
        attachments = [compose.fill(a, self._values(year))
                       for a in compose.pick(self.rng, theme.attachments, 0, 2)]
        case = Case(theme, self._case_number(year), handlers, title, self.rng.randint(1, 4),
                    attachments=attachments)
        self.active.append(case)
        return case

    def _plan(self, year: int) -> list[Case]:
        """Choose the cases of a meeting: most open cases come back, new ones fill up to 3-7 items."""
        chosen = [c for c in self.active if self.rng.random() < 0.8]
        target = self.rng.randint(3, 7)
        while len(chosen) < target:
            chosen.append(self._new_case(year))
        return chosen[:target]

    # -- one meeting -----------------------------------------------------------------------------

    def meeting(self) -> Document:
        day = self.next_day
        self._roll_year(day)
        cases = self.planned or self._plan(day.year)
        self.next_day = next(self.calendar)
        titled = [(case, case.current_title()) for case in cases]
        for case in cases:
            case.meetings_left -= 1
            case.stage += 1
        self.active = [c for c in self.active if c.meetings_left > 0]
        self.planned = self._plan(self.next_day.year)
        doc = self._document(day, titled)
        self.previous_day = day
        return agenda_of(doc) if self.rng.random() < AGENDA_SHARE else doc

    def _document(self, day: date, cases: list[tuple[Case, str]]) -> Document:
        headings = [Heading(number, title) for number, title in STANDARD_HEADINGS]
        by_number = {h.number: h for h in headings}
        items: list[Item] = []

        def add(heading: str, title: str, case: str, handlers: list[str], sections: list[Section],
                attachments: Sequence[str] = (), public: bool = True) -> None:
            number = f"{heading}.{sum(1 for i in items if i.heading is by_number[heading]) + 1}"
            items.append(Item(number=number, title=title, heading=by_number[heading], case_number=case,
                              handlers=list(handlers), sections=sections,
                              attachments=[Attachment(a) for a in attachments], public=public))

        year_case = self._meeting_case(day.year)
        referents = [s for s in self.staff[1:3]]
        referent = referents[0].initials
        add("1", f"Godkendelse af referat fra møde i {BODY} den {long_date(self.previous_day)}", year_case,
            [referent], self._approval(day))
        add("2", "Orientering", year_case, [self.staff[0].initials, referent], self._orientation(day))
        for case, title in cases:
            add("3", title, case.number, case.handlers, self._case_sections(case, day.year),
                case.attachments)
        if self.rng.random() < 0.5:
            public = self.rng.random() >= 0.3
            add("4", f"Udpegning til {self.rng.choice(APPOINTMENT_BODIES)}", year_case, [referent],
                self._appointment(public), public=public)
        if self.rng.random() < 0.4:
            matter = compose.fill(self.rng.choice(KKR_MATTERS), {"y1": day.year + 1})
            add("5", matter, year_case, [self.staff[0].initials], self._matter())
        add("6", f"Foreløbig oversigt over sager til {BODY}s næste møde", year_case, [referent],
            self._forward_plan())
        add("7", "Eventuelt", year_case, [referent],
            [section("decision", "Beslutning", self.rng.choice(OTHER_BUSINESS_DECISIONS))])
        return Document(kind="minutes", body=BODY, organization=ORGANIZATION, name="Referat",
                        start=f"{day.isoformat()}T10:00", location=self.rng.choice(people.VENUES),
                        items=items, headings=headings, participants=self._participants())

    # -- sections of the standard items -----------------------------------------------------------

    def _approval(self, day: date) -> list[Section]:
        sent = long_date(self.previous_day.replace(day=min(self.previous_day.day + 5, 28)))
        return [
            section("background", "Baggrund",
                    f"{BODY} holdt møde den {long_date(self.previous_day)}. Referatet blev udsendt den "
                    f"{sent} og ligger på KL's hjemmeside."),
            section("recommendation", "Indstilling", f"Det indstilles, at {BODY} godkender referatet."),
            section("decision", "Beslutning", self.rng.choice(APPROVAL_DECISIONS)),
        ]

    def _orientation(self, day: date) -> list[Section]:
        subjects = compose.pick(self.rng, ORIENTATIONS, 2, 4)
        dated = [f"{s} den {long_date(day.replace(day=self.rng.randint(1, day.day)))}" for s in subjects]
        body = []
        for subject in dated:
            body.append(subject)
            body.append(self.rng.choice(ORIENTATION_NOTES))
        return [
            section("background", "Baggrund",
                    f"{BODY}s formandskab orienterer bl.a. om:\n\n" + compose.bullets(dated)),
            section("recommendation", "Indstilling",
                    f"Det indstilles, at {BODY} tager orienteringen til efterretning."),
            section("presentation", "Sagsfremstilling", compose.blocks(body)),
            section("decision", "Beslutning", self.rng.choice(NOTED_DECISIONS)),
        ]

    def _case_sections(self, case: Case, year: int) -> list[Section]:
        rng, theme, values = self.rng, case.theme, self._values(year)
        sentences = [compose.fill(t, values) for t in compose.pick(rng, theme.background, 1, 3)]
        split = rng.randint(1, len(sentences)) if len(sentences) > 1 and rng.random() < 0.5 else len(sentences)
        background = [" ".join(sentences[:split]), " ".join(sentences[split:])]
        background = [b for b in background if b]
        actions = [compose.fill(a, values) for a in compose.pick(rng, theme.recommendation, 1, 3)]
        presentation: list[str] = []
        own = [compose.fill(t, values) for t in compose.pick(rng, theme.presentation, 2, 4)]
        shared = compose.pick(rng, GENERIC_PRESENTATION, 2, 4)
        paragraphs = own[:1] + shared + own[1:] if rng.random() < 0.5 else own + shared
        while paragraphs:
            take = 2 if len(paragraphs) > 1 and rng.random() < 0.4 else 1  # real paragraphs run long
            if presentation and theme.subheads and rng.random() < 0.3:
                presentation.append(rng.choice(theme.subheads))
            presentation.append(" ".join(paragraphs[:take]))
            paragraphs = paragraphs[take:]
        if rng.random() < 0.4:
            presentation.append("Der er især fokus på:")
            presentation.append(compose.bullets(compose.pick(rng, theme.bullets, 2, 4)))
        if theme.table and rng.random() < 0.5:
            presentation.append("Nedenfor ses forslaget sammenholdt med det nuværende niveau:")
            presentation.append("\n".join(compose.fill(row, values) for row in theme.table))
        presentation.extend(f"./. {title}" for title in case.attachments)
        return [
            section("background", "Baggrund", compose.blocks(background)),
            section("recommendation", "Indstilling", compose.recommendation(BODY, actions)),
            section("presentation", "Sagsfremstilling", compose.blocks(presentation)),
            section("decision", "Beslutning", compose.fill(rng.choice(theme.decisions), values)),
        ]

    def _appointment(self, public: bool) -> list[Section]:
        member = self.rng.choice(self.members)
        candidate = f"{member.name}, {member.municipality}"
        return [
            section("background", "Baggrund",
                    "Et medlem er udtrådt, og KKR skal udpege en afløser for resten af valgperioden."),
            section("recommendation", "Indstilling", f"Det indstilles, at {BODY} udpeger et nyt medlem."),
            section("decision", "Beslutning",
                    f"{BODY} udpegede {candidate}." if public else f"{BODY} traf beslutning i sagen."),
        ]

    def _matter(self) -> list[Section]:
        return [
            section("background", "Baggrund", self.rng.choice((
                "Formandskabet lægger op til en drøftelse af, hvordan KKR bedst tilrettelægger arbejdet.",
                "Sekretariatet giver en kort status på aktuelle sager i KL og KKR.",
            ))),
            section("recommendation", "Indstilling", f"Det indstilles, at {BODY} drøfter sagen."),
            section("decision", "Beslutning", f"{BODY} drøftede sagen."),
        ]

    def _forward_plan(self) -> list[Section]:
        titles = [case.current_title() for case in self.planned]
        return [
            section("background", "Baggrund",
                    f"Næste møde i {BODY} holdes den {long_date(self.next_day)}. "
                    "Her er en foreløbig oversigt over sagerne."),
            section("recommendation", "Indstilling",
                    compose.recommendation(BODY, ["tager den foreløbige sagsoversigt til efterretning",
                                                  "drøfter, om der er andre sager til dagsordenen"])),
            section("presentation", "Sagsfremstilling",
                    f"Der er foreløbig følgende punkter til mødet den {long_date(self.next_day)}:\n\n"
                    + compose.bullets(titles)),
            section("decision", "Beslutning", self.rng.choice(NOTED_DECISIONS)),
        ]

    def _participants(self) -> list[Participant]:
        rng = self.rng
        present, absent = [], []
        for member in self.members:
            (absent if rng.random() < 0.2 else present).append(member)
        out = [Participant(m.name, m.municipality, "present", None, "Deltagere") for m in present]
        out += [Participant(m.name, m.municipality, "absent", None, "Afbud") for m in absent]
        out += [Participant(p.name, p.municipality, "officials", None, "Fra KD-net")
                for p in rng.sample(self.directors, rng.randint(1, len(self.directors)))]
        referents = {id(s) for s in self.staff[1:3]}
        out += [Participant(s.name, None, "secretariat", referent_role(s.title or "", id(s) in referents),
                            "Fra KL-sekretariatet") for s in self.staff]
        return out


def agenda_of(minutes: Document) -> Document:
    """The agenda of a meeting: the same items without decisions and without attendance.

    Agendas go out before the meeting, so they can never carry a decision; deriving them from
    the minutes guarantees that for every generated agenda.
    """
    items = [
        Item(number=i.number, title=i.title, heading=i.heading, case_number=i.case_number,
             handlers=list(i.handlers), sections=[s for s in i.sections if s.kind != "decision"],
             attachments=list(i.attachments), public=i.public, absences=[], ref=i.ref)
        for i in minutes.items
    ]
    return Document(kind="agenda", format=minutes.format, body=minutes.body,
                    organization=minutes.organization, name="Dagsorden", start=minutes.start,
                    end=minutes.end, location=minutes.location,
                    items=items, headings=list(minutes.headings), ref=minutes.ref)


def generate_meetings(n: int, seed: int = 0) -> list[Document]:
    """``n`` KKR Midtjylland meetings in date order, each published as minutes or as an agenda."""
    generator = KkrGenerator(seed)
    return [generator.meeting() for _ in range(n)]
