"""A body's meeting template: the standard headings and items every new agenda starts from.

KKR's template is the one of the seeds: headings 1-7, "1.1 Godkendelse af referat" of the previous
meeting, "2.1 Orientering", "6.1" with the forward plan (whose lines the archive's thread logic
reads back into forward-plan entries) and "7.1 Eventuelt". Other bodies get a shorter municipal
template. Pure data and text: the service that applies a template owns the database work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december")


def long_date(day: date) -> str:
    """ "5. februar 2020", as the documents write dates in running text."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True, slots=True)
class StandardItem:
    """An item the template puts under a heading; texts may use {body}, {previous_meeting} and {plan}."""

    heading: str
    title: str
    sections: tuple[tuple[str, str, str], ...] = ()  # (kind, title, text)
    role: str = ""  # "approval", "orientation", "plan", "other_business"


@dataclass(frozen=True, slots=True)
class Template:
    headings: tuple[tuple[str, str], ...]
    items: tuple[StandardItem, ...]
    #: The heading under which items from the previous meeting's forward plan arrive.
    planned_heading: str
    extra: dict[str, str] = field(default_factory=dict)


PLAN_INTRO = "Der er foreløbig følgende punkter til næste møde:"

KKR = Template(
    headings=(
        ("1", "Godkendelse af referat"),
        ("2", "Siden sidst"),
        ("3", "Regionalpolitiske sager"),
        ("4", "Udpegninger"),
        ("5", "KKR"),
        ("6", "Punkter til næste møde"),
        ("7", "Eventuelt"),
    ),
    items=(
        StandardItem("1", "Godkendelse af referat fra {previous_meeting}", (
            ("background", "Baggrund", "Referatet fra {previous_meeting} er udsendt til medlemmerne."),
            ("recommendation", "Indstilling", "Det indstilles, at {body} godkender referatet."),
        ), role="approval"),
        StandardItem("2", "Orientering", (
            ("background", "Baggrund", "{body}s formandskab og sekretariatet orienterer om aktuelle sager."),
            ("recommendation", "Indstilling", "Det indstilles, at {body} tager orienteringen til efterretning."),
        ), role="orientation"),
        StandardItem("6", "Foreløbig oversigt over sager til {body}s næste møde", (
            ("background", "Baggrund", "Her er en foreløbig oversigt over sagerne til {body}s næste møde."),
            ("recommendation", "Indstilling",
             "Det indstilles, at {body} tager den foreløbige sagsoversigt til efterretning."),
            ("presentation", "Sagsfremstilling", "{plan}"),
        ), role="plan"),
        StandardItem("7", "Eventuelt", role="other_business"),
    ),
    planned_heading="3",
)

MUNICIPAL = Template(
    headings=(
        ("1", "Godkendelse af referat"),
        ("2", "Meddelelser"),
        ("3", "Sager til beslutning"),
        ("4", "Punkter til næste møde"),
        ("5", "Eventuelt"),
    ),
    items=(
        StandardItem("1", "Godkendelse af referat fra {previous_meeting}", (
            ("recommendation", "Indstilling", "Det indstilles, at {body} godkender referatet."),
        ), role="approval"),
        StandardItem("2", "Meddelelser", (
            ("recommendation", "Indstilling", "Det indstilles, at {body} tager meddelelserne til efterretning."),
        ), role="orientation"),
        StandardItem("4", "Foreløbig oversigt over sager til {body}s næste møde", (
            ("presentation", "Sagsfremstilling", "{plan}"),
        ), role="plan"),
        StandardItem("5", "Eventuelt", role="other_business"),
    ),
    planned_heading="3",
)


def template_for(body_kind: str) -> Template:
    return KKR if body_kind == "kkr" else MUNICIPAL


def plan_text(titles: list[str]) -> str:
    """The forward-plan section: an intro line and one "- " line per planned item, the form the
    archive's thread logic reads back into forward-plan entries."""
    return "\n\n".join([PLAN_INTRO, "\n".join(f"- {t}" for t in titles)]) if titles else PLAN_INTRO


def fill(text: str, body: str, previous: date | None, plan: list[str] | None = None) -> str:
    """The template text for this meeting: "møde i KKR Midtjylland den 5. februar 2025" names the
    previous meeting, or "forrige møde i ..." when the archive has none."""
    previous_meeting = f"møde i {body} den {long_date(previous)}" if previous else f"forrige møde i {body}"
    return text.format(body=body, previous_meeting=previous_meeting, plan=plan_text(plan or []))


_APPROVAL_TITLE = re.compile(r"godkendelse\s+af\s+referat", re.IGNORECASE)
_APPROVES = re.compile(r"godkend", re.IGNORECASE)
_REFUSES = re.compile(r"\bikke\b[^.]{0,40}godkend|\budsat|\bafvis", re.IGNORECASE)


def is_approval_item(number: str, title: str) -> bool:
    """Item 1.1, "Godkendelse af referat ...": its decision approves the previous minutes."""
    return number == "1.1" and bool(_APPROVAL_TITLE.search(title))


def approves(decision: str) -> bool:
    """ "Referatet blev godkendt." approves; "Referatet blev ikke godkendt" or "Udsat" does not."""
    return bool(_APPROVES.search(decision)) and not _REFUSES.search(decision)
