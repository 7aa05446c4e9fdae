"""FirstAgenda Publication's public API: its addresses, and its listings read into plain records.

Pure functions (no network, no database) so that every shape a site may send can be tested on its
own. The listings are read tolerantly: any field may be missing, null or of another type, and a
meeting whose Id is not a GUID is skipped (the Id becomes part of a URL and of a file name).

The udvalgsliste groups committees (``{"Udvalg": {"<group>": [committee, ...]}}``, groups being
election periods or "historiske udvalg" on some sites) and inlines each committee's meetings. The
search (``soeg``) answers ``{"Dagsordner": [...], "AntalResultater": n, "MoreToBeSearched": bool}``;
its entries are meeting summaries that name their committee in one of several ways, all accepted.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from moedebog.documents.readers.firstagenda import local_time

COMMITTEES_PATH = "/api/agenda/udvalgsliste"
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_NULL_GUID = "00000000-0000-0000-0000-000000000000"
_SECONDARY = re.compile(r"till(æ|ae)g|lukket", re.IGNORECASE)


def meeting_path(guid: str) -> str:
    return f"/api/agenda/dagsorden/{quote(guid)}"


def search_path(year: int, start: int, limit: int) -> str:
    return (f"/api/agenda/soeg/?request.kriterie.moedeDato={year}"
            f"&request.paging.startIndex={start}&request.paging.limit={limit}")


def attachment_path(document_id: str) -> str:
    return f"/vis/pdf/bilag/{quote(document_id)}?redirectDirectlyToPdf=true"


def guid(value: Any) -> str | None:
    """A GUID in lower case, or None (also for FirstAgenda's all-zero placeholder)."""
    if not isinstance(value, str) or not _GUID.match(value.strip()):
        return None
    text = value.strip().lower()
    return None if text == _NULL_GUID else text


@dataclass(frozen=True, slots=True)
class Listed:
    """One meeting as a listing shows it; the fingerprint changes when the listing's summary does."""

    guid: str
    committee: str
    committee_id: str | None
    historic: bool
    start: str | None
    name: str
    origin: str  # "udvalgsliste" or "soeg"
    fingerprint: str
    secondary: bool = False  # a supplementary agenda (tillægsdagsorden) or closed minutes (lukket referat)

    @property
    def year(self) -> int | None:
        return int(self.start[:4]) if self.start and self.start[:4].isdigit() else None


@dataclass(frozen=True, slots=True)
class Committee:
    guid: str | None
    name: str
    group: str
    historic: bool
    meetings: tuple[Listed, ...]


def fingerprint(summary: dict[str, Any], committee: str, committee_id: str | None) -> str:
    """SHA-256 of the summary as listed (keys sorted) and its committee: a rename or a new state
    ("Afsluttet", "Referat", a new place or time) means the meeting must be fetched again."""
    canonical = json.dumps({"committee": committee, "committee_id": committee_id, "summary": summary},
                           sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def listed(summary: Any, committee: str, committee_id: str | None, historic: bool, origin: str) -> Listed | None:
    """A meeting summary → Listed, or None when it has no usable Id."""
    if not isinstance(summary, dict):
        return None
    meeting_id = next((g for key in ("Id", "DagsordenId", "MoedeId", "AgendaId")
                       if (g := guid(summary.get(key)))), None)
    if meeting_id is None:
        return None
    start = local_time(summary.get("Dato")) or local_time(summary.get("MeetingBeginUtc")) \
        or local_time(summary.get("MoedeDato"))
    name = _text(summary.get("Navn")) or ""
    secondary = summary.get("IsSupplementaryAgenda") is True or bool(_SECONDARY.search(name))
    return Listed(meeting_id, committee, committee_id, historic, start, name, origin,
                  fingerprint(summary, committee, committee_id), secondary)


def committees(data: Any) -> list[Committee]:
    """The udvalgsliste answer → committees with their meetings (groups in the site's order)."""
    groups = data.get("Udvalg") if isinstance(data, dict) else None
    if isinstance(groups, list):  # some answers skip the grouping
        groups = {"": groups}
    if not isinstance(groups, dict):
        raise ValueError("udvalgslisten mangler 'Udvalg'")
    out: list[Committee] = []
    for group, entries in groups.items():
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict):
                continue
            name = _text(entry.get("Navn")) or "Ukendt udvalg"
            committee_id = guid(entry.get("Id"))
            historic = entry.get("Historisk") is True or "histor" in str(group).casefold()
            meetings = tuple(m for raw in _list(entry.get("Moeder"))
                             if (m := listed(raw, name, committee_id, historic, "udvalgsliste")))
            out.append(Committee(committee_id, name, str(group), historic, meetings))
    return out


@dataclass(frozen=True, slots=True)
class SearchPage:
    meetings: tuple[Listed, ...]
    entries: int  # entries on the page, usable or not: how far to page on
    total: int | None
    more: bool


def search_page(data: Any) -> SearchPage:
    """One page of the soeg answer."""
    if not isinstance(data, dict) or "Dagsordner" not in data or not isinstance(data["Dagsordner"], list | None):
        raise ValueError("søgesvaret mangler 'Dagsordner'")
    entries = _list(data.get("Dagsordner"))
    meetings = []
    for raw in entries:
        if not isinstance(raw, dict):
            continue
        committee, committee_id, historic = _search_committee(raw)
        if (meeting := listed(raw, committee, committee_id, historic, "soeg")) is not None:
            meetings.append(meeting)
    total = data.get("AntalResultater")
    return SearchPage(tuple(meetings), len(entries), total if isinstance(total, int) else None,
                      data.get("MoreToBeSearched") is True)


def _search_committee(raw: dict[str, Any]) -> tuple[str, str | None, bool]:
    committee = raw.get("Udvalg")
    if isinstance(committee, dict):
        return (_text(committee.get("Navn")) or "Ukendt udvalg", guid(committee.get("Id")),
                committee.get("Historisk") is True)
    name = (_text(committee) or _text(raw.get("UdvalgNavn")) or _text(raw.get("Udvalgsnavn"))
            or _text(raw.get("CommitteeName")) or "Ukendt udvalg")
    return name, guid(raw.get("UdvalgId")) or guid(raw.get("CommitteeId")), raw.get("Historisk") is True


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
