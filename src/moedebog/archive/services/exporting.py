"""Archive rows back to documents-layer records, for rendering and re-issuing a meeting.

The site (public versions) and the secretariat (complete versions) both turn an item row into an
Item; they differ only in which rows they pass and whether decisions and absences belong in it.
"""

from __future__ import annotations

from moedebog.archive import models
from moedebog.archive.services import loading
from moedebog.documents import records


def item_record(row: models.AgendaItem, headings: dict[int, records.Heading], minutes: bool,
                absences: bool = False) -> records.Item:
    """One item row (with case, sections and attachments prefetched) as a record; an agenda
    (``minutes`` False) carries no decision sections."""
    sections = [records.Section(s.kind, s.title, s.text) for s in loading.sections(row)
                if minutes or s.kind != models.Section.Kind.DECISION]
    return records.Item(
        number=row.number, title=row.title, heading=headings.get(row.heading_id),
        case_number=row.case.number if row.case else None,
        handlers=[h for h in row.handlers.split("/") if h], sections=sections,
        attachments=[records.Attachment(a.title, a.ref or None) for a in loading.attachments(row)],
        public=row.public,
        absences=[records.ItemAbsence(a.person.name, a.reason or None) for a in loading.absences(row)]
        if absences and minutes else [],
    )
