"""What a search returns: hits with their meeting, body and date, facets, and the page they are on.

Plain data with a JSON form, so the CLI, the web pages and the API show the same thing. A hit's
``url`` is a permalink path made from stable keys: the body's path, the meeting's date and the
item's number (/kkr-midtjylland/2020-02-05/3.1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from moedebog.search.query import Query
from moedebog.search.snippets import Snippet

KIND_LABELS = {
    "decision": "Beslutning", "recommendation": "Indstilling", "background": "Baggrund",
    "presentation": "Sagsfremstilling", "summary": "Resume", "history": "Sagens forløb", "other": "Andet",
    "attachment": "Bilag", "attendance": "Fremmøde", "membership": "Medlemskaber", "items": "Punkter",
}
RECORD_LABELS = {"item": "Punkter", "meeting": "Møder", "letter": "Breve", "case": "Sager", "person": "Personer"}


@dataclass(slots=True)
class Hit:
    kind: str  # item | meeting | letter | case | person
    title: str
    url: str
    body: str | None = None
    body_path: str | None = None
    meeting_start: datetime | None = None
    item_number: str | None = None
    section_kind: str | None = None
    snippet: Snippet = field(default_factory=Snippet)
    score: float = 0.0
    object_id: int = 0
    public: bool = True
    day: date | None = None  # the meeting's or the letter's date

    def key(self) -> tuple[str | None, str | None, str | None]:
        """A stable name for the hit: (body path, meeting date, item number) for items and meetings,
        ("brev", date, None) for letters, (kind, title, None) for cases and people."""
        day = self.day.isoformat() if self.day else None
        if self.kind in ("item", "meeting"):
            return self.body_path, day, self.item_number
        if self.kind == "letter":
            return "brev", day, None
        return self.kind, self.title, None

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind, "body": self.body,
            "meeting_start": self.meeting_start.isoformat() if self.meeting_start else None,
            "item_number": self.item_number, "title": self.title, "section_kind": self.section_kind,
            "snippet": self.snippet.html(), "url": self.url,
        }


@dataclass(slots=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(slots=True)
class Result:
    query: Query
    total: int = 0
    page: int = 1
    page_size: int = 10
    sort: str = "relevance"
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    def as_json(self) -> dict[str, object]:
        return {
            "total": self.total, "page": self.page, "pages": self.pages,
            "hits": [h.as_json() for h in self.hits],
            "facets": {name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
                       for name, values in self.facets.items()},
        }
