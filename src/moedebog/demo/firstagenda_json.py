"""Render a meeting record as a FirstAgenda Publication API answer (``/api/agenda/dagsorden/{id}``).

The output copies the shape of the Greve samples key for key, including the fields that are
nearly always null, and writes each item's text in Greve's usual HTML template: the decision
first under <h3>Beslutning</h3>, then <h3>Fremstilling</h3> with one <h4> per section, then
<h3>Sagens forløb</h3>. Closed items get the "Lukket: " title and a bare body, as on the real
sites. Ids are derived from the record, so the same record always gives the same file.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from moedebog.documents.records import Document, Item, Section

ZERO_GUID = "00000000-0000-0000-0000-000000000000"
TIMEZONE = ZoneInfo("Europe/Copenhagen")
SITE = "https://dagsordener.soelund.dk"


def stable_guid(*parts: object) -> str:
    """A GUID that depends only on ``parts``, for records that carry no source id."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "moedebog-demo:" + "|".join(str(p) for p in parts)))


def local_time(start: str | None) -> str | None:
    """'2024-09-11T16:30' → '2024-09-11T16:30:00+02:00' (Danish time, as FirstAgenda writes it)."""
    if not start:
        return None
    moment = datetime.fromisoformat(start)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=TIMEZONE)
    return moment.isoformat(timespec="seconds")


def text_html(text: str, emphasis: bool = False) -> str:
    """Section text (one paragraph per line, '- ' lists, tab-separated tables) → Greve-style HTML."""
    out: list[str] = []
    lines = [line for line in text.split("\n") if line.strip()]
    index = 0
    wrap = (lambda s: f"<em>{s}</em>") if emphasis else (lambda s: s)
    while index < len(lines):
        line = lines[index]
        if line.startswith("- "):
            entries = []
            while index < len(lines) and lines[index].startswith("- "):
                entries.append(f"    <li>{wrap(escape(lines[index][2:]))}</li>")
                index += 1
            out.append('<ul style="list-style-type: disc;">\n' + "\n".join(entries) + "\n</ul>")
            continue
        if "\t" in line:
            rows = []
            while index < len(lines) and "\t" in lines[index]:
                cells = "".join(f"<td>{escape(c)}</td>" for c in lines[index].split("\t"))
                rows.append(f"<tr>{cells}</tr>")
                index += 1
            out.append("<table>" + "".join(rows) + "</table>")
            continue
        out.append(f"<p>{wrap(escape(line))}</p>")
        index += 1
    return "\n".join(out)


def item_html(item: Item) -> str:
    """One item's Felter[0].Html in Greve's usual template."""
    if not item.public:
        return "<div>" + "".join(text_html(s.text) for s in item.sections) + "</div>"
    decisions = [s for s in item.sections if s.kind == "decision"]
    history = [s for s in item.sections if s.kind == "history"]
    body = [s for s in item.sections if s.kind not in ("decision", "history")]
    parts = ["<div><div id='sagsfremstillingContainer'>\r\n\r\n"]
    for section in decisions:
        html = text_html(section.text).replace("<p>", '<p class="xsltFirstParagraph">', 1)
        parts.append(f"<div><h3>{escape(section.title)}</h3>\r\n<span>{html}<br></span>\r\n</div>\r\n")
    if body:
        subsections = "\n".join(_subsection(s) for s in body)
        parts.append(f"<h3>Fremstilling</h3>\r\n<span class='ukendt'>{subsections}</span>\r\n\r\n")
    for section in history:
        parts.append(f"<h3>{escape(section.title)}</h3>\r\n<span class='sagsforloeb'>{_history(section.text)}"
                     "</span>\r\n")
    parts.append("\r\n\r\n</div></div>")
    return "".join(parts)


def _subsection(section: Section) -> str:
    return f"<h4>{escape(section.title)}</h4>\n{text_html(section.text, section.kind == 'recommendation')}"


def _history(text: str) -> str:
    """'DD-MM-YYYY Udvalg' lines open each earlier handling, as in Greve's 'Sagens forløb'."""
    first, _, rest = text.partition("\n")
    rest = rest.strip("\n")
    html = text_html(rest).replace("<p>", '<p class="xsltFirstParagraph">', 1)
    return f"<u>{escape(first)}</u><br>\n{html}<br>\n"


def item_dict(doc: Document, item: Item, sorting: int, meeting_id: str) -> dict[str, Any]:
    item_id = item.ref or stable_guid(meeting_id, item.number, item.title)
    document_id = stable_guid(item_id, "pdf")
    title = item.title if item.public or item.title.startswith("Lukket") else f"Lukket: {item.title}"
    return {
        "Lydfiler": None,
        "Ressourcer": None,
        "Felter": [{"Navn": "", "Html": item_html(item), "Tekst": None, "Id": ZERO_GUID,
                    "Link": f"{SITE}/Vis/Pdf/bilag/{document_id}", "DocumentId": document_id}],
        "Presentations": None,
        "ItemDecision": None,
        "SagsNummer": item.case_number,
        "Navn": title,
        "Punktnummer": item.number,
        "Bilag": [{"HarPdfVersion": "true", "Order": 0, "Navn": a.title,
                   "Id": a.ref or stable_guid(item_id, a.title)} for a in item.attachments],
        "Documents": None,
        "Id": item_id,
        "IntegrationUid": ZERO_GUID,
        "CorporationUid": ZERO_GUID,
        "AgendaUid": meeting_id,
        "Number": item.number,
        "Sorting": sorting,
        "IsOpen": False,  # Greve sets this to false on open and closed items alike
        "CaseNumber": item.case_number,
        "SourceId": None,
        "Caption": title,
        "CasePresentationUid": None,
        "ExternalAgendaItemAttendees": [
            {"Name": a.name, "Email": None, "AttendanceType": 2, "Reason": a.reason, "AgendaItemUid": item_id}
            for a in item.absences
        ],
    }


def meeting_dict(doc: Document) -> dict[str, Any]:
    """The whole API answer as a dict, keys in the order the real API sends them."""
    meeting_id = doc.ref or stable_guid(doc.body, doc.start, doc.kind)
    when = local_time(doc.start)
    members = [p for p in doc.participants if p.group in ("present", "absent")]
    return {
        "Dagsordenpunkter": [item_dict(doc, item, n, meeting_id)
                             for n, item in enumerate(doc.items, start=1)],
        "Udvalg": {"Id": stable_guid(doc.organization, doc.body), "Navn": doc.body, "Historisk": False},
        "Moede": {
            "Id": ZERO_GUID,
            "MeetingBeginUtc": when,
            "MeetingEndUtc": local_time(doc.end),
            "ReleasedDate": None,
            "Dato": when,
            "Sted": doc.location,
            "Afsluttet": doc.kind == "minutes",
            "Moededeltagere": [
                {"Name": p.name, "Absent": p.group == "absent", "ParticipationCancelled": False,
                 "AttendanceType": 0}
                for p in members
            ],
            "Navn": doc.name or ("Referat" if doc.kind == "minutes" else "Dagsorden"),
            "Description": "",
            "ElasticSearchResults": None,
            "IsSupplementaryAgenda": False,
        },
        "TillaegsDagsorden": False,
        "Id": meeting_id,
        "Lydfiler": None,
    }


def render_firstagenda_json(doc: Document) -> str:
    """The record as FirstAgenda JSON text (indented, UTF-8 characters unescaped, like the samples)."""
    return json.dumps(meeting_dict(doc), ensure_ascii=False, indent=2)
