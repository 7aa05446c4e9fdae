"""Find every meeting a FirstAgenda site publishes: the committee list, then the search year by year.

The udvalgsliste inlines each committee's meetings, but sites differ in what it covers: some keep
committees of older election periods in it (as historical groups), others drop them. The search
(``soeg``) finds meetings by year whatever their committee, so it is the second source; the two are
merged by meeting Id, the committee list winning (its summary is the fingerprint). Years are
searched from next year downwards, past the oldest year the committee list knows, until several
years in a row are empty. A site without the search (404) is synced from its committee list alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import date

from moedebog.connectors.firstagenda import api
from moedebog.connectors.http import Client, FetchError

#: Stop searching further back after this many empty years in a row below the oldest known year.
EMPTY_YEARS = 3
OLDEST_YEAR = 1995
PAGE_SIZE = 200
MAX_PAGES = 500


@dataclass(slots=True)
class Discovery:
    meetings: dict[str, api.Listed] = field(default_factory=dict)
    committees: int = 0
    from_list: int = 0
    from_search_only: int = 0
    years: list[int] = field(default_factory=list)
    search_supported: bool = True
    failures: list[tuple[str, str]] = field(default_factory=list)
    complete: bool = True  # False when a listing failed: some meetings may be missing

    def ordered(self) -> list[api.Listed]:
        """Meetings oldest first, so that earlier handlings of a case are in the archive first; of one
        meeting's publications the main one first, so that a tillægsdagsorden or lukket referat is
        merged into the meeting it adds to rather than taken for its main publication."""
        return sorted(self.meetings.values(), key=lambda m: (m.start or "", m.secondary, m.guid))


def discover(client: Client, pool: Executor, search: bool = True, from_year: int | None = None,
             this_year: int | None = None) -> Discovery:
    found = Discovery()
    try:
        committees = api.committees(client.get_json(api.COMMITTEES_PATH))
    except (FetchError, ValueError) as exc:
        found.failures.append((client.url(api.COMMITTEES_PATH), _reason(exc)))
        found.complete = False
        committees = []
    found.committees = len(committees)
    for committee in committees:
        for meeting in committee.meetings:
            found.meetings.setdefault(meeting.guid, meeting)
    found.from_list = len(found.meetings)
    if search:
        _search_years(client, pool, found, from_year, this_year or date.today().year)
    return found


def _search_years(client: Client, pool: Executor, found: Discovery, from_year: int | None, this_year: int) -> None:
    """Next year down to the oldest year known (or ``from_year``), then on while years still have meetings."""
    first = this_year + 1
    oldest_known = min((m.year for m in found.meetings.values() if m.year), default=this_year)
    last = from_year if from_year is not None else max(min(oldest_known, first), OLDEST_YEAR)
    batch = list(range(first, last - 1, -1))
    empty_run = 0
    while batch:
        for year, outcome in zip(batch, pool.map(lambda y: _search_year(client, y), batch), strict=True):
            found.years.append(year)
            if isinstance(outcome, list):
                _merge(found, outcome)
                empty_run = 0 if outcome else empty_run + 1
            elif isinstance(outcome, FetchError) and outcome.status == 404 and len(found.years) == 1:
                found.search_supported = False  # this site has no search: the committee list is all there is
                return
            else:
                found.failures.append((client.url(api.search_path(year, 0, PAGE_SIZE)), _reason(outcome)))
                found.complete = False
        lowest = batch[-1]
        if from_year is not None or empty_run >= EMPTY_YEARS or lowest <= OLDEST_YEAR:
            break
        batch = list(range(lowest - 1, max(lowest - 1 - EMPTY_YEARS, OLDEST_YEAR - 1), -1))


def _search_year(client: Client, year: int) -> list[api.Listed] | FetchError | ValueError:
    """Every meeting of one year, page by page; an error is returned, not raised, for the report."""
    meetings: list[api.Listed] = []
    start = 0
    try:
        for _ in range(MAX_PAGES):
            page = api.search_page(client.get_json(api.search_path(year, start, PAGE_SIZE)))
            meetings.extend(page.meetings)
            start += page.entries
            more = page.more or (page.total is not None and start < page.total)
            if not page.entries or not more:
                break
    except (FetchError, ValueError) as exc:
        return exc
    return meetings


def _merge(found: Discovery, meetings: Iterable[api.Listed]) -> None:
    for meeting in meetings:
        if meeting.guid not in found.meetings:
            found.meetings[meeting.guid] = meeting
            found.from_search_only += 1


def _reason(exc: Exception) -> str:
    return exc.reason if isinstance(exc, FetchError) else str(exc)

