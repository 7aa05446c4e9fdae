"""Typed records for a parsed meeting document.

These are the documents layer's output and the project's interchange format (see
docs/document.schema.json). They are plain dataclasses, deliberately separate from the
archive's ORM models, so that parsing can be tested and reused without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Document kinds. A letter is a non-meeting document such as a consultation invitation.
KINDS = ("agenda", "minutes", "letter", "unknown")

#: Section kinds from the glossary in DESIGN.md; the original title is always kept beside it.
SECTION_KINDS = ("background", "recommendation", "presentation", "summary", "decision", "history", "other")

#: Participant groups, in the order documents list them.
PARTICIPANT_GROUPS = ("present", "absent", "officials", "secretariat", "other")


@dataclass(slots=True)
class Heading:
    """A numbered heading of the agenda ("3. Regionalpolitiske sager"), with or without items."""

    number: str
    title: str


@dataclass(slots=True)
class Section:
    """One titled part of an item's text: kind from the glossary, original title, full text."""

    kind: str
    title: str
    text: str


@dataclass(slots=True)
class Attachment:
    """An attachment (bilag) named by an item; ``ref`` is the source system's id where known."""

    title: str
    ref: str | None = None


@dataclass(slots=True)
class ItemAbsence:
    """A person recorded as absent for one item only (FirstAgenda's per-item attendees)."""

    name: str
    reason: str | None = None


@dataclass(slots=True)
class Item:
    """An agenda item ("3.1. Tværkommunale samarbejder om klima") with its sections."""

    number: str
    title: str
    heading: Heading | None = None
    case_number: str | None = None
    handlers: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    public: bool = True
    absences: list[ItemAbsence] = field(default_factory=list)
    ref: str | None = None

    def decision(self) -> str | None:
        """The item's decision text, or None when it has none (an agenda, or not yet decided)."""
        texts = [s.text for s in self.sections if s.kind == "decision" and s.text.strip()]
        return "\n\n".join(texts) if texts else None


@dataclass(slots=True)
class Participant:
    """A person named in the attendance list, in the group the document put them in."""

    name: str
    affiliation: str | None = None
    group: str = "present"
    role: str | None = None
    group_title: str | None = None


@dataclass(slots=True)
class Document:
    """Everything a reader could recover from one source document.

    Meeting documents fill the meeting fields (start, location, items, headings, participants);
    letters fill date, subject, deadline, sender and signatories. ``warnings`` lists what the
    reader noticed and could not resolve, in Danish, for the secretary who reads the summary.
    """

    kind: str = "unknown"
    format: str = "unknown"
    body: str | None = None
    organization: str | None = None
    name: str | None = None
    start: str | None = None
    end: str | None = None
    location: str | None = None
    items: list[Item] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    date: str | None = None
    subject: str | None = None
    deadline: str | None = None
    sender: str | None = None
    signatories: list[str] = field(default_factory=list)
    #: The text of a letter (or of a document with no agenda structure), split at its headings.
    sections: list[Section] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ref: str | None = None
    pages: int | None = None

    def warn(self, message: str) -> None:
        """Record a warning once; readers may notice the same thing more than once."""
        if message not in self.warnings:
            self.warnings.append(message)
