"""Drop running headers, footers and page numbers.

A line is page furniture when it sits in the top or bottom band of the page and either
looks like a page number ("5", "Side 3 af 12", "3/12") or repeats, digits aside, at the same
height on another page ("KKR Midtjylland | 08-04-2025"). Repetition is judged over the pages
seen so far plus a short lookahead, so the stream stays page by page and the first page's
header is caught too.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator

from moedebog.documents.readers.pdflayout.lines import Line, PageText

#: Share of the page height at the top and at the bottom where headers and footers live.
BAND = 0.085
#: How many pages ahead a header may first repeat.
LOOKAHEAD = 2

_PAGE_NUMBER = re.compile(
    r"^(?:-\s*)?(?:side|page|s\.)?\s*\d{1,4}\s*(?:(?:af|of|/|ud af)\s*\d{1,4})?(?:\s*-)?$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


def _band(line: Line, page: PageText) -> str | None:
    if line.base + line.size >= page.height * (1 - BAND):
        return "top"
    if line.base <= page.height * BAND:
        return "bottom"
    return None


def _key(line: Line, band: str) -> tuple[str, int, str]:
    text = _DIGITS.sub("#", " ".join((line.marker + " " + line.text).split()))
    return band, round(line.base / 4), text


def _keys(page: PageText) -> set[tuple[str, int, str]]:
    keys = set()
    for line in page.lines:
        band = _band(line, page)
        if band is not None:
            keys.add(_key(line, band))
    return keys


def drop_furniture(pages: Iterable[PageText]) -> Iterator[PageText]:
    """The same pages without their running headers, footers and page numbers."""
    seen: Counter[tuple[str, int, str]] = Counter()
    window: deque[PageText] = deque()
    for page in pages:
        seen.update(_keys(page))
        window.append(page)
        if len(window) > LOOKAHEAD:
            yield _clean(window.popleft(), seen)
    while window:
        yield _clean(window.popleft(), seen)


def _clean(page: PageText, seen: Counter[tuple[str, int, str]]) -> PageText:
    kept = []
    for line in page.lines:
        band = _band(line, page)
        if band is not None:
            text = (line.marker + " " + line.text).strip()
            if _PAGE_NUMBER.match(text) or seen[_key(line, band)] >= 2:
                continue
        kept.append(line)
    page.lines = kept
    return page
