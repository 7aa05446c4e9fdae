"""What every renderer needs from a Document, decided once: labels, dates, the agenda outline,
participant groups, attachments not named in the text, and section text cut into blocks.

Renderers differ only in markup; keeping these decisions here means HTML, PDF, DOCX and text
show the same document, which the round-trip tests rely on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from moedebog.documents.records import Attachment, Document, Heading, Item, Participant, Section

KIND_LABELS = {"agenda": "DAGSORDEN", "minutes": "REFERAT", "letter": "BREV", "unknown": "DOKUMENT"}
DEFAULT_GROUP_TITLES = {
    "present": "Deltagere",
    "absent": "Afbud",
    "officials": "Embedsmænd",
    "secretariat": "Sekretariat",
    "other": "Øvrige",
}
MISSION = ("KL bidrager til at udvikle og fastholde et stærkt lokalt demokrati. KL varetager kommunernes "
           "fælles interesser og er kommunernes samlede forhandlingsorganisation, videnscenter og forum for "
           "fælles initiativer og beslutninger.")
VISION = ("KL opnår, med et helhedsperspektiv på opgaveløsningen, indflydelse og resultater på kommunernes "
          "vegne, til gavn for borgerne og samfundet.")
PARTICIPANTS_TITLE = "Deltagerfortegnelse"
ATTACHMENTS_TITLE = "Bilag"
ATTACHMENT_MARK = "./."

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
#: Characters XML 1.0 forbids, plus lone surrogates: python-docx and lxml refuse them.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(text: str | None) -> str:
    """A string safe for any output format: no control characters, no lone surrogates."""
    return _UNSAFE.sub("", text or "")


def danish_date(value: str | None, with_time: bool = True) -> str:
    """ISO "2020-02-05T10:00" → "05-02-2020 10:00", the documents' own format; other text as is."""
    if not value:
        return ""
    m = _ISO.match(value)
    if not m:
        return clean(value)
    year, month, day, hour, minute = m.groups()
    out = f"{day}-{month}-{year}"
    if with_time and hour is not None:
        out += f" {hour}:{minute}"
    return out


def year(doc: Document) -> str:
    m = _ISO.match(doc.start or doc.date or "")
    return m.group(1) if m else ""


def title_line(doc: Document) -> str:
    """ "REFERAT 2020", as the front page has it."""
    return " ".join(p for p in (KIND_LABELS.get(doc.kind, "DOKUMENT"), year(doc)) if p)


def running_header(doc: Document) -> str:
    """ "KKR Midtjylland | 05-02-2020", the header on every page."""
    parts = [clean(doc.body or doc.organization or doc.sender), danish_date(doc.start or doc.date, False)]
    return " | ".join(p for p in parts if p)


def has_mission(doc: Document) -> bool:
    """KL's mission and vision appear in KKR documents only."""
    return (doc.body or "").upper().startswith("KKR") and doc.kind in ("agenda", "minutes")


def front_body(doc: Document) -> str:
    """The body's name on the front page: in capitals in KKR documents ("KKR MIDTJYLLAND"), as
    printed; readers turn those capitals back into the name."""
    body = clean(doc.body)
    return body.upper() if has_mission(doc) else body


#: A section without a title (FirstAgenda's decision field) is printed under the usual title of its kind.
DEFAULT_SECTION_TITLES = {"background": "Baggrund", "recommendation": "Indstilling", "summary": "Resume",
                          "decision": "Beslutning", "history": "Sagsforløb"}


def section_title(section: Section) -> str:
    return clean(section.title) or DEFAULT_SECTION_TITLES.get(section.kind, "")


def item_label(item: Item) -> str:
    return f"{clean(item.number)}. {item_title(item)}" if item.number else item_title(item)


def heading_label(heading: Heading) -> str:
    return f"{clean(heading.number)}. {clean(heading.title)}" if heading.number else clean(heading.title)


def case_line(item: Item) -> str:
    """ "SAG-2019-07153 snm/chbo"."""
    return " ".join(p for p in (clean(item.case_number), "/".join(clean(h) for h in item.handlers)) if p)


@dataclass(slots=True)
class Part:
    """One heading of the agenda with its items; ``heading`` is None for items without one."""

    heading: Heading | None
    items: list[Item] = field(default_factory=list)


def outline(doc: Document) -> list[Part]:
    """Headings in document order with their items; items keep their relative order."""
    parts: list[Part] = []
    by_number: dict[str, Part] = {}
    for heading in doc.headings:
        if heading.number not in by_number:
            by_number[heading.number] = Part(heading)
            parts.append(by_number[heading.number])
    for item in doc.items:
        key = item.heading.number if item.heading else None
        if key is None:
            if not parts or parts[-1].heading is not None:
                parts.append(Part(None))
            parts[-1].items.append(item)
            continue
        if key not in by_number:
            by_number[key] = Part(item.heading)
            parts.append(by_number[key])
        by_number[key].items.append(item)
    return parts


@dataclass(slots=True)
class Group:
    title: str
    group: str
    people: list[Participant] = field(default_factory=list)


def participant_groups(doc: Document) -> list[Group]:
    """Participants grouped by their group title, in the order the document lists them."""
    groups: list[Group] = []
    for p in doc.participants:
        title = clean(p.group_title) or DEFAULT_GROUP_TITLES.get(p.group, p.group)
        if not groups or groups[-1].title != title:
            groups.append(Group(title, p.group))
        groups[-1].people.append(p)
    return groups


def participant_line(p: Participant) -> str:
    """ "Nils Borring, Favrskov", or "Chefkonsulent Christian Budde (referent)" for officials.

    The role is written back the way the documents print it: a job title in front of the name,
    anything else ("referent") in brackets after it.
    """
    name = clean(p.name)
    roles = [r.strip() for r in clean(p.role).split(",") if r.strip()]
    if roles and roles[0][:1].isupper() and roles[0].lower() != "referent":
        name = f"{roles.pop(0)} {name}"
    if p.affiliation:
        name += f", {clean(p.affiliation)}"
    if roles:
        name += f" ({', '.join(roles)})"
    return name


_CLOSED = re.compile(r"^lukket\s*(?:punkt)?\s*[:\-–]", re.IGNORECASE)


def item_title(item: Item) -> str:
    """The title as printed: a closed item says so in front ("Lukket punkt: ..."), as the
    documents do, so that readers can tell it is closed."""
    title = clean(item.title)
    if not item.public and not _CLOSED.match(title):
        title = f"Lukket punkt: {title}"
    return title


_MARKS = re.compile(r"^(?:[-•*]\s*)?(?:\./\.\.?)?\s*")


def extra_attachments(item: Item) -> list[Attachment]:
    """Attachments that no line of the section texts names (they get a "Bilag" list).

    A title counts as named only on a line of its own ("./. Title", "- Title", an indented
    title after "./.."), the forms readers take attachment titles from; a mention inside a
    sentence does not make it an attachment when read back.
    """
    named = set()
    for section in item.sections:
        for line in section.text.split("\n"):
            named.add(" ".join(_MARKS.sub("", line.strip()).split()).rstrip("."))
    return [a for a in item.attachments if " ".join(a.title.split()).rstrip(".") not in named]


@dataclass(slots=True)
class Block:
    """A run of section text with one shape: paragraph, bullet list or table."""

    kind: str  # "p", "indent", "ul", "table"
    lines: list[str]


_MANY_MARK = re.compile(r"^(?:[-•*]\s*)?\./\.\.")


def blocks(text: str, attachments: list[Attachment] | None = None) -> list[Block]:
    """Section text (one paragraph per line) → paragraphs, bullet lists and tables.

    After a "./.." mark (several attachments follow), the attachment titles are indented, as
    KL's templates set them; that indentation is what tells a reader they are titles.
    """
    titles = {" ".join(a.title.split()).rstrip(".") for a in attachments or []}
    run = False
    out: list[Block] = []
    for raw in clean(text).split("\n"):
        line = raw.strip()
        if not line:
            continue
        if "\t" in line:
            line = raw.strip(" \r")  # a leading tab is an empty first cell
        if run and " ".join(line.split()).rstrip(".") in titles:
            if out and out[-1].kind == "indent":
                out[-1].lines.append(line)
            else:
                out.append(Block("indent", [line]))
            continue
        run = bool(_MANY_MARK.match(line))
        if line.startswith(("- ", "• ")) or line in ("-", "•"):
            kind, line = "ul", line[2:].strip()
        elif "\t" in line:
            kind = "table"
        else:
            kind = "p"
        if kind != "p" and out and out[-1].kind == kind:
            out[-1].lines.append(line)
        else:
            out.append(Block(kind, [line]))
    return out
