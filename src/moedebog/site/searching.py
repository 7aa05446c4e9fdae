"""The search page's request and answer, independent of the engine behind them.

``SearchRequest.from_params`` reads the page's query string (Danish parameter names, so shared
links read naturally: ``/soeg/?q=rammeaftale&organ=kkr-midtjylland&aar=2020``); ``run`` hands it
to the archive's search engine and returns hits whose items are checked once more against
``site.visibility``, so a result the engine should not have given can still never be shown.
The same request drives the search page, the per-search feeds and the per-search calendar.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import quote_plus, urlencode

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from moedebog.archive import models

PAGE_SIZE = 10
#: Values a facet shows, the most frequent first (years: the newest); an archive may span decades.
FACET_SHOWN = 12
MAX_PAGE = 500
SORTS = ("relevans", "nyeste", "aeldste")
#: Section kinds a search can be limited to (the archive's, plus attachments' text).
KINDS = {**dict(models.Section.Kind.choices), "attachment": _("Bilag")}
#: Kinds of record a search finds; the page's "type" filter.
RECORD_LABELS = {"item": _("Punkt"), "meeting": _("Møde"), "case": _("Sag"), "person": _("Person"), "letter": _("Brev")}


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _int(text: str | None, low: int, high: int) -> int | None:
    try:
        value = int(text) if text else None
    except ValueError:
        return None
    return value if value is not None and low <= value <= high else None


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """What the reader asked for; every field optional, every bad value ignored rather than an error."""

    q: str = ""
    body: str = ""
    year: int | None = None
    start: date | None = None
    end: date | None = None
    kind: str = ""
    record: str = ""
    case: str = ""
    person: str = ""
    sort: str = "relevans"
    page: int = 1

    @classmethod
    def from_params(cls, params) -> SearchRequest:
        kind = params.get("art", "")
        sort = params.get("sortering", "")
        return cls(
            q=" ".join(params.get("q", "").split())[:500],
            body=params.get("organ", "")[:400],
            year=_int(params.get("aar"), 1900, 9999),
            start=_date(params.get("fra")),
            end=_date(params.get("til")),
            kind=kind if kind in KINDS else "",
            record=params.get("type", "") if params.get("type", "") in RECORD_LABELS else "",
            case=params.get("sag", "").strip()[:100],
            person=" ".join(params.get("person", "").split())[:200],
            sort=sort if sort in SORTS else "relevans",
            page=_int(params.get("side"), 1, MAX_PAGE) or 1,
        )

    def params(self, **changes: object) -> dict[str, str]:
        """The query string's parameters, with ``changes`` applied (a page link, a facet link)."""
        r = replace(self, **changes) if changes else self
        out = {
            "q": r.q, "organ": r.body, "aar": str(r.year or ""), "fra": r.start.isoformat() if r.start else "",
            "til": r.end.isoformat() if r.end else "", "art": r.kind, "type": r.record, "sag": r.case,
            "person": r.person, "sortering": "" if r.sort == "relevans" else r.sort,
            "side": "" if r.page == 1 else str(r.page),
        }
        return {k: v for k, v in out.items() if v}

    def query_string(self, **changes: object) -> str:
        return urlencode(self.params(**changes))

    @property
    def empty(self) -> bool:
        return not (self.q or self.filters)

    @property
    def filters(self) -> bool:
        return bool(self.body or self.year or self.start or self.end or self.kind or self.record or self.case
                    or self.person)


@dataclass(slots=True)
class Hit:
    """One result, whatever it is (item, meeting, case, person, letter), ready to show and link."""

    kind: str
    title: str
    url: str
    snippet: SafeString
    body: str = ""
    start: datetime | None = None
    section_kind: str = ""
    item: models.AgendaItem | None = None
    meeting: models.Meeting | None = None

    @property
    def kind_label(self) -> str:
        return RECORD_LABELS.get(self.kind, "")

    @property
    def section_label(self) -> str:
        return str(KINDS.get(self.section_kind, ""))


#: The order of the query string's parameters (as ``SearchRequest.params`` writes them).
PARAM_ORDER = ("q", "organ", "aar", "fra", "til", "art", "type", "sag", "person", "sortering", "side")


@dataclass(slots=True)
class FacetValue:
    """One value of a facet. Its link is made only when the page shows it: a facet may have
    hundreds of values (years, in an archive that spans centuries) of which the page shows twelve,
    and a query string costs more than the rest of a value."""

    value: str
    label: str
    count: int
    selected: bool
    base: dict[str, str]  # the request's parameters on page 1, shared by every value
    param: str

    @property
    def query(self) -> str:
        """The query string that selects this value, or, when it is selected, removes it; the same
        as ``SearchRequest.query_string`` with that change, without a new request per value. Written
        out rather than by ``urlencode`` (7 µs a value, 1.4 µs this way): a page has up to 48 such
        links, all quoting the same few values of ``base``."""
        parts = []
        for k in PARAM_ORDER:
            if k == self.param:
                if not self.selected and self.value:
                    parts.append(f"{k}={_quoted(self.value)}")
            elif v := self.base.get(k):
                parts.append(f"{k}={_quoted(v)}")
        return "&".join(parts)


@lru_cache(maxsize=4096)
def _quoted(text: str) -> str:
    """A query string's value as ``urlencode`` quotes it (the parameters' names need no quoting)."""
    return quote_plus(text)


@dataclass(slots=True)
class Facet:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)


@dataclass(slots=True)
class Results:
    request: SearchRequest
    total: int
    hits: list[Hit]
    facets: list[Facet]

    @property
    def pages(self) -> int:
        return min(MAX_PAGE, (self.total + PAGE_SIZE - 1) // PAGE_SIZE)

    @property
    def first(self) -> int:
        return (self.request.page - 1) * PAGE_SIZE + 1 if self.hits else 0

    @property
    def last(self) -> int:
        return self.first + len(self.hits) - 1 if self.hits else 0


def run(request: SearchRequest, page_size: int = PAGE_SIZE) -> Results:
    """Search public records (always as an anonymous reader: results are shared by link and feed)."""
    from moedebog.site import search_engine

    return search_engine.search(request, page_size)
