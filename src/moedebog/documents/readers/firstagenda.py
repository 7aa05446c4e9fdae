"""FirstAgenda Publication meeting JSON (``GET /api/agenda/dagsorden/{id}``) → Document.

The API answer is already structured, so this reader only maps fields; the work is in being
tolerant (every field may be missing, null or of the wrong type in some site's answer) and in
judging the document kind from the content: sites call a held meeting "Dagsorden" as often as
"Referat", so a record is minutes exactly when some item carries decision text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from moedebog.documents.errors import DocumentError
from moedebog.documents.itemhtml import parse_item_html
from moedebog.documents.municipalities import organization_from_url
from moedebog.documents.records import Attachment, Document, Item, ItemAbsence, Participant, Section
from moedebog.documents.sectionkinds import section_kind
from moedebog.documents.source import Source
from moedebog.documents.textdecode import decode

#: Names by which a publication says it adds to a meeting's main one (see archive.services.items).
_SUPPLEMENT_NAME = re.compile(r"tillæg|supplerende|lukket|ekstra", re.IGNORECASE)
_CLOSED = re.compile(r"^\s*lukket\s*(?:punkt)?\s*:", re.IGNORECASE)
_LOCAL_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?")
_NULL_GUID = "00000000-0000-0000-0000-000000000000"


def read(source: Source, on_item: Callable[[Item], None] | None = None) -> Document:
    """Read one meeting; the registry hands items to ``on_item`` after this returns."""
    data = load_json(source.read())
    if not isinstance(data, dict) or not isinstance(data.get("Dagsordenpunkter"), list | None) \
            or not any(key in data for key in ("Dagsordenpunkter", "Moede")):
        raise DocumentError(_not_a_meeting(data))
    return meeting_document(data)


def load_json(data: bytes) -> Any:
    """Decode and parse, turning every way JSON can be broken into a short Danish reason."""
    try:
        return json.loads(decode(data).lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        raise DocumentError(f"ugyldig JSON: {exc.msg} (linje {exc.lineno}, kolonne {exc.colno})") from None
    except RecursionError:
        raise DocumentError("ugyldig JSON: for dybt indlejret") from None


def _not_a_meeting(data: Any) -> str:
    if isinstance(data, dict) and "Udvalg" in data and isinstance(data["Udvalg"], dict) \
            and "Moede" not in data and all(isinstance(v, list) for v in data["Udvalg"].values()):
        return "JSON-filen er en FirstAgenda-udvalgsliste, ikke et møde"
    if isinstance(data, dict) and "Dagsordner" in data:
        return "JSON-filen er et FirstAgenda-søgeresultat, ikke et møde"
    return "JSON-filen er ikke et FirstAgenda-møde (mangler Dagsordenpunkter)"


def meeting_document(meeting: dict[str, Any]) -> Document:
    """Map one parsed meeting answer to a Document."""
    committee = _dict(meeting.get("Udvalg"))
    moede = _dict(meeting.get("Moede"))
    document = Document(format="firstagenda-json")
    document.body = _text(committee.get("Navn"))
    document.name = _text(moede.get("Navn"))
    if (meeting.get("TillaegsDagsorden") is True or moede.get("IsSupplementaryAgenda") is True) \
            and not _SUPPLEMENT_NAME.search(document.name or ""):
        # flagged as a supplement under a plain name: say so in the name, which is what the
        # archive goes by when it merges a supplement into its meeting instead of replacing items
        document.name = f"Tillægsdagsorden – {document.name}" if document.name else "Tillægsdagsorden"
    document.start = local_time(moede.get("Dato")) or local_time(moede.get("MeetingBeginUtc"))
    document.end = local_time(moede.get("MeetingEndUtc"))
    document.location = _text(moede.get("Sted"))
    ref = _text(meeting.get("Id"))
    document.ref = ref if ref and ref != _NULL_GUID else None
    document.participants = _participants(moede.get("Moededeltagere"))
    held = moede.get("Afsluttet") is True
    date = document.start[:10] if document.start else None
    raw_items = [i for i in _list(meeting.get("Dagsordenpunkter")) if isinstance(i, dict)]
    ordered = sorted(enumerate(raw_items), key=lambda pair: (_sort_key(pair[1].get("Sorting")), pair[0]))
    for index, (_, raw) in enumerate(ordered, start=1):
        document.items.append(_item(raw, index, document.body, date, held))
    settle_kind(document)
    document.organization = _organization(raw_items)
    return document


def _organization(raw_items: list[dict[str, Any]]) -> str | None:
    """The municipality, read from the site address in the items' links (the JSON never names it)."""
    for raw in raw_items:
        for field in _list(raw.get("Felter")):
            link = _text(field.get("Link")) if isinstance(field, dict) else None
            if link and (name := organization_from_url(link)):
                return name
    return None


def local_time(value: Any) -> str | None:
    """"2024-04-17T19:00:00+02:00" → "2024-04-17T19:00": the wall-clock time the site states.

    The offset is dropped, not applied: the time as written is Danish local time. A value in
    UTC ("...Z") is converted to Danish time when the time zone database is available.
    """
    text = _text(value)
    if not text:
        return None
    if text.endswith(("Z", "z")):
        converted = _from_utc(text)
        if converted:
            return converted
    match = _LOCAL_TIME.match(text)
    if not match:
        return None
    day, time = match.groups()
    try:
        datetime.strptime(day, "%Y-%m-%d")
    except ValueError:
        return None
    return f"{day}T{time}" if time else day


def _from_utc(text: str) -> str | None:
    try:
        from zoneinfo import ZoneInfo

        moment = datetime.fromisoformat(text.replace("z", "Z").replace("Z", "+00:00"))
        return moment.astimezone(ZoneInfo("Europe/Copenhagen")).strftime("%Y-%m-%dT%H:%M")
    except (ValueError, KeyError, OSError, ImportError):
        return None


def _participants(value: Any) -> list[Participant]:
    people = []
    for raw in _list(value):
        person = _dict(raw)
        name = _text(person.get("Name"))
        if not name:
            continue
        absent = person.get("Absent") is True or person.get("ParticipationCancelled") is True
        people.append(Participant(name=name, group="absent" if absent else "present"))
    return people


def _item(raw: dict[str, Any], index: int, body: str | None, date: str | None, held: bool) -> Item:
    title = _text(raw.get("Navn")) or _text(raw.get("Caption")) or ""
    number = _text(raw.get("Punktnummer")) or _text(raw.get("Number")) or str(index)
    closed = bool(_CLOSED.match(title))
    number = "".join(number.split()).rstrip(".") or str(index)  # "3." and "3" are the same item
    item = Item(number=number, title=title, public=not closed)
    item.case_number = _text(raw.get("SagsNummer")) or _text(raw.get("CaseNumber"))
    ref = _text(raw.get("Id"))
    item.ref = ref if ref and ref != _NULL_GUID else None
    # A closed item's only text is what the site published about its outcome.
    untitled = "decision" if closed and held else "other"
    for field in _list(raw.get("Felter")):
        item.sections.extend(_field_sections(_dict(field), title, body, date, untitled))
    bilag = [b for b in (_dict(x) for x in _list(raw.get("Bilag"))) if _text(b.get("Navn"))]
    bilag.sort(key=lambda b: _sort_key(b.get("Order")))
    item.attachments = [Attachment(title=_text(b.get("Navn")) or "", ref=_text(b.get("Id"))) for b in bilag]
    for raw_absence in _list(raw.get("ExternalAgendaItemAttendees")):
        absence = _dict(raw_absence)
        name = _text(absence.get("Name"))
        if name:
            item.absences.append(ItemAbsence(name=name, reason=_text(absence.get("Reason"))))
    return item


def _field_sections(field: dict[str, Any], title: str, body: str | None, date: str | None,
                    untitled: str) -> list[Section]:
    """One field's sections; a field's own name titles text that has no heading of its own."""
    html = field.get("Html")
    if isinstance(html, str) and html.strip():
        sections = parse_item_html(html, title=title, body=body, date=date, untitled=untitled)
    else:
        text = field.get("Tekst")
        text = text if isinstance(text, str) else ""
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
        joined = "\n\n".join(p for p in paragraphs if p)
        sections = [Section(kind=untitled, title="", text=joined)] if joined else []
    name = _text(field.get("Navn"))
    if name and sections and not sections[0].title:
        sections[0].title = name
        sections[0].kind = section_kind(name) or sections[0].kind
    return sections


def settle_kind(document: Document) -> None:
    """Minutes when any item has decision text; an agenda keeps no (empty) decision sections."""
    decided = any(item.decision() for item in document.items)
    document.kind = "minutes" if decided else "agenda"
    if not decided:
        for item in document.items:
            item.sections = [s for s in item.sections if s.kind != "decision"]
    # A held meeting still called "Dagsorden" is common and needs no warning; the opposite is odd.
    if not decided and "referat" in (document.name or "").casefold():
        document.warn(f"mødet hedder \"{document.name}\", men intet punkt har en beslutning; "
                      "læst som dagsorden")


def _sort_key(value: Any) -> float:
    if isinstance(value, bool):
        return float("inf")
    try:
        number = float(value) if isinstance(value, int | float) else float(str(value))
    except (TypeError, ValueError, OverflowError):
        return float("inf")
    return number if number == number else float("inf")  # NaN sorts last


def _text(value: Any) -> str | None:
    """A trimmed string, or None for missing, empty or non-scalar values."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
