"""Records of positioned text, and grouping fragments into visual lines.

Coordinates are PDF points with y growing upwards. ``size`` is the height of the font's
loose box (ascent to descent, about 1.16 em), which pdfium reports in page space; the font
size pdfium reports is in text space and lies when the page has a scaling matrix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Glyphs that mark list items in Word, LibreOffice and browser output (incl. Symbol-font PUA).
BULLETS = frozenset("•·▪■◦○‣⁃∙●◆◇►▸➢➤✓✔❖*-–—o\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf06e\uf0a8\uf071")
#: Bullets that are only a marker when set apart from the text; inline they may be a dash.
WEAK_BULLETS = frozenset("-–—o*")
_INLINE_BULLET = re.compile(r"^([•·▪■◦○‣⁃∙●◆◇►▸➢➤✓✔❖\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf06e\uf0a8\uf071])\s+(?=\S)")
#: A number or letter set apart in front of a title or list text: "3.1.", "1.", "a)", "(ii)".
NUMBER_MARKER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|[a-zA-Z][.)]|\(\w{1,4}\)|[ivxIVX]{1,5}\.)$")


@dataclass(slots=True)
class Fragment:
    """A run of text on one baseline with no column-sized gap inside."""

    text: str
    x0: float
    x1: float
    base: float
    size: float
    bold: bool = False
    #: Right edge of the first word: tells whether it would have fitted on the line above.
    word_x1: float = 0.0


@dataclass(slots=True)
class Line:
    """A visual line: fragments sharing a baseline, left to right.

    ``marker`` is a list bullet ("•") or number ("3.1.") split off the front; ``cells`` are
    the remaining fragments, more than one when the line has column gaps (a table row, a
    tab-aligned "Dato:  05-02-2020" pair, a TOC row with its page number).
    """

    cells: list[Fragment]
    page: int
    marker: str = ""
    marker_x0: float | None = None
    x0: float = field(init=False)
    x1: float = field(init=False)
    base: float = field(init=False)
    size: float = field(init=False)
    bold: bool = field(init=False)

    def __post_init__(self) -> None:
        first, last = self.cells[0], self.cells[-1]
        self.x0 = first.x0 if self.marker_x0 is None else self.marker_x0
        self.x1 = last.x1
        self.base = first.base
        self.size = max(c.size for c in self.cells)
        self.bold = first.bold

    @property
    def text_x0(self) -> float:
        """Where the text proper starts (after a marker): continuation lines align here."""
        return self.cells[0].x0

    @property
    def is_row(self) -> bool:
        return len(self.cells) > 1

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)

    @property
    def is_bullet(self) -> bool:
        return bool(self.marker) and self.marker in BULLETS


@dataclass(slots=True)
class PageText:
    """The visual lines of one page, top to bottom, with the page's size."""

    number: int
    width: float
    height: float
    lines: list[Line]


def group_lines(fragments: list[Fragment], page: int, column_gap: float) -> list[Line]:
    """Fragments (in any order) → visual lines top to bottom.

    Content-stream order is not reading order: browsers paint list bullets and table cells
    separately, so lines are rebuilt by baseline and sorted by x.
    """
    fragments.sort(key=lambda f: (-f.base, f.x0))
    rows: list[list[Fragment]] = []
    for frag in fragments:
        if rows:
            ref = rows[-1][0]
            if abs(ref.base - frag.base) <= 0.35 * min(ref.size, frag.size):
                rows[-1].append(frag)
                continue
        rows.append([frag])
    return [_make_line(row, page, column_gap) for row in rows]


def _make_line(row: list[Fragment], page: int, column_gap: float) -> Line:
    row.sort(key=lambda f: f.x0)
    merged: list[Fragment] = []
    for frag in row:
        if merged:
            prev = merged[-1]
            if frag.text == prev.text and abs(frag.x0 - prev.x0) < 1.0:
                continue  # text painted twice (fake bold, shadows)
            gap = frag.x0 - prev.x1
            if gap < column_gap * min(prev.size, frag.size):
                joiner = " " if gap > 0.12 * prev.size else ""
                prev.text += joiner + frag.text
                prev.x1 = max(prev.x1, frag.x1)
                continue
        merged.append(frag)
    return _split_marker(merged, page)


def _split_marker(cells: list[Fragment], page: int) -> Line:
    """Take a list bullet or a set-apart number off the front of the line."""
    first = cells[0]
    if len(cells) > 1 and first.text in BULLETS:
        return Line(cells[1:], page, marker=first.text, marker_x0=first.x0)
    if len(cells) == 2 and NUMBER_MARKER.match(first.text):
        return Line(cells[1:], page, marker=first.text, marker_x0=first.x0)
    m = _INLINE_BULLET.match(first.text)
    if m:
        rest = Fragment(first.text[m.end():], first.x0, first.x1, first.base, first.size, first.bold,
                        first.word_x1)
        return Line([rest, *cells[1:]], page, marker=m.group(1), marker_x0=first.x0)
    return Line(cells, page)
