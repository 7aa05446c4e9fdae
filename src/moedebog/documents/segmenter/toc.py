"""Table-of-contents lines in the three shapes extraction tools produce.

- dotted leaders:   "1.1. Godkendelse af referat ....... 5"
- tab separated:    "3.1.\tStatus på implementeringen af sundhedsreformen\t5"
- markdown tables:  "| 3.1. | Børnehus Midtjylland – aktiviteter og drift 2016-17 | 5 |"

Each becomes a TocEntry(number, title, page). Unnumbered entries ("Deltagerfortegnelse ..... 3")
have number None: they belong to the table but are not headings or items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from moedebog.documents.segmenter.lines import clean

NUMBER = r"(?P<num>\d{1,2}(?:\.\d{1,3})?)\.?"
#: Leaders and page: "....... 5", " … 5", "\t5". The title is the shortest that this can follow.
_TAIL = r"\s*(?:\.{3,}|…+|\t)[\s.…]*"
_END = _TAIL + r"\d{1,4}$"
#: Number, title, leaders, page. The plain form of the title is the lazy ``\S.*?`` (see the
#: tests), which tries the leaders after every character; the leaders can only start at a space,
#: a dot or '…', so the title runs possessively over other characters and the lookahead is
#: tried only there: the same match, several times faster on a long title.
_LEADER = re.compile(
    rf"^(?:{NUMBER}\s+)?(?P<title>\S(?:[^\s.…]++|(?!{_END})[^\S\n]|(?!{_END})[.…])*+){_TAIL}(?P<page>\d{{1,4}})$"
)
#: What may stand between a title and its page: every character ``\s`` matches, dots and '…'.
_WHITE = "".join(c for c in map(chr, range(0x110000)) if c.isspace())
_GAP = _WHITE + ".…"
_NUMBER_START = re.compile(rf"{NUMBER}\s+")


def leader_parts(line: str) -> tuple[str | None, str, str] | None:
    """(number, title, page) as ``_LEADER.match(line)`` groups them, or None.

    The pattern tries the leaders after every space and dot of the title; but they can only
    start in the run of spaces, dots and '…' before the page, so string methods find that run
    from the right, and when the run starts with leaders (the usual "Titel .....\t5") the
    title ends there. Any other line goes to the pattern itself."""
    body = line.rstrip("0123456789")
    title_end = len(body.rstrip(_GAP))
    gap = body[title_end:]
    rest = gap.lstrip(_WHITE)
    if 1 <= len(line) - len(body) <= 4 and gap and "\n" not in line \
            and ("\t" in gap[:len(gap) - len(rest)] or rest.startswith(("...", "…"))):
        m = _NUMBER_START.match(line)
        start = m.end() if m else 0
        if start < title_end and not line[start].isspace():
            return (m.group("num") if m else None), line[start:title_end], line[len(body):]
    m = _LEADER.match(line)
    return (m.group("num"), m.group("title"), m.group("page")) if m else None


_PLAIN = re.compile(rf"^{NUMBER}\s+(?P<title>\S.*?)\s+(?P<page>\d{{1,4}})$")
_NUM_ONLY = re.compile(rf"^{NUMBER}$")
_SEPARATOR_ROW = re.compile(r"^\|?[\s|:-]*\|[\s|:-]*$")
_PAGE_CELL = re.compile(r"\d{1,4}")
_NUMBERED_CELL = re.compile(rf"^{NUMBER}\s+(?P<title>.+)$")


@dataclass(slots=True)
class TocEntry:
    number: str | None
    title: str
    page: int | None

    @property
    def is_item(self) -> bool:
        return self.number is not None and "." in self.number


def parse_toc_line(raw: str, in_toc: bool, line: str | None = None) -> TocEntry | bool | None:
    """Parse one line as a TOC entry.

    Returns a TocEntry, True for a line that belongs to a TOC but carries no entry (a markdown
    table separator or an empty row), or None when the line is not part of a TOC. Lines with a
    number, a title and a page separated only by spaces are accepted only inside a TOC, because
    body text can look like that ("2. Lov om ... fra 2027"). ``line`` is ``clean(raw)`` when the
    caller has it already.
    """
    stripped = raw.strip()
    if stripped.startswith("|"):
        return _table_row(stripped)
    if line is None:
        line = clean(raw)
    if not line or not line[-1].isdigit():  # every entry outside a table ends with its page
        return None
    parts = leader_parts(line) if "\t" in raw or "..." in line or "…" in line else None
    if parts and (title := _title(parts[1])) and _plausible_title(title):
        return TocEntry(parts[0], title, int(parts[2]))
    if in_toc:
        m = _PLAIN.match(line)
        if m and (title := _title(m.group("title"))) and _plausible_title(title):
            return TocEntry(m.group("num"), title, int(m.group("page")))
    return None


def _table_row(row: str) -> TocEntry | bool | None:
    if _SEPARATOR_ROW.match(row):
        return True
    cells = [clean(c) for c in row.strip().strip("|").split("|")]
    cells = [c for c in cells]
    if not any(cells):
        return True
    if len(cells) >= 2 and _PAGE_CELL.fullmatch(cells[-1] or ""):
        page = int(cells[-1])
        rest = [c for c in cells[:-1] if c]
        if not rest:
            return None
        m = _NUM_ONLY.match(rest[0])
        if m and len(rest) >= 2:
            return TocEntry(m.group("num"), _title(" ".join(rest[1:])), page)
        m = _NUMBERED_CELL.match(rest[0])
        if m and len(rest) == 1:
            return TocEntry(m.group("num"), _title(m.group("title")), page)
        return TocEntry(None, _title(" ".join(rest)), page)
    return None


_TRAILING_LEADERS = re.compile(r"\s*(?:\.{2,}|…+)\s*$")


def _title(text: str) -> str:
    """The title without trailing leaders; only a title ending in '.' or '…' can have them."""
    text = text.strip()
    return _TRAILING_LEADERS.sub("", text).strip() if text.endswith((".", "…")) else text


def _plausible(title: str) -> bool:
    """A TOC title starts with a letter or digit and is not a sentence running on for lines."""
    return _plausible_title(_title(title))


def _plausible_title(t: str) -> bool:
    """_plausible for a title that _title has cleaned already."""
    return bool(t) and len(t) <= 250 and (t[0].isalnum() or t[0] in "\"'«(")
