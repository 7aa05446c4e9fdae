"""Visual lines → paragraph lines, the shape the segmenter reads.

A line continues the paragraph above unless something says it starts a new one: a vertical
gap larger than the page's line pitch, a list marker, a change of size or weight, an
indentation change, a line above that ended early (its successor's first word would have
fitted), or a table-of-contents line above that ended with its page number. When in doubt
it splits: a paragraph cut in two still reads as the same section text, while a section
title glued to its text is lost.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from statistics import median

from moedebog.documents.readers.pdflayout.lines import BULLETS, Line, PageText
from moedebog.documents.readers.pdflayout.tables import columns, table_rows
from moedebog.documents.readers.pdflayout.wrap import join_wrapped

#: Line pitch as a multiple of the loose line height, until a page shows its own.
DEFAULT_PITCH = 1.1
#: A gap this much larger than the pitch is paragraph spacing.
GAP_FACTOR = 1.2

_TOC_END = re.compile(r"(?:\.\s?){3,}\s*\d{1,4}$")
_LEADER = re.compile(r"\s*(?:\.\s?){4,}\.?\s*(?=\t|$)")
_LEADER_NUMBER = re.compile(r"\s*(?:\.\s?){4,}\.?\s*(\d{1,4})$")
_SENTENCE_END = re.compile(r"[.!?:]$")


class Assembler:
    """Feed pages in order; get paragraph lines as soon as they are complete."""

    def __init__(self) -> None:
        self.right = 0.0
        self.left = float("inf")
        self.pitch = DEFAULT_PITCH
        self.learned: float | None = None
        self.sizes: Counter[float] = Counter()
        self.para: list[Line] = []
        self.table: list[Line] = []

    def page(self, page: PageText) -> Iterator[str]:
        self._learn(page.lines)
        for line in page.lines:
            yield from self._add(line)

    def finish(self) -> Iterator[str]:
        yield from self._flush()

    def _learn(self, lines: list[Line]) -> None:
        """Update the text column's right edge, the line pitch and the body size from this page."""
        plain = [line for line in lines if not line.is_row]
        for line in plain:
            self.sizes[round(line.size * 2) / 2] += sum(len(c.text) for c in line.cells)
        if plain:
            self.right = max(self.right, max(line.x1 for line in plain))
            self.left = min(self.left, min(line.x0 for line in plain))
        samples = sorted(
            (a.base - b.base) / a.size for a, b in pairwise(plain)
            if abs(a.size - b.size) < 0.5 and 0.8 * a.size < a.base - b.base < 2.5 * a.size)
        # The pitch is the smallest gap that recurs: paragraph spacing only ever adds to it. A page
        # of one-line paragraphs shows only paragraph gaps, so the smallest pitch seen so far wins.
        for i, gap in enumerate(samples[:-1]):
            if samples[i + 1] <= gap * 1.04:
                found = median(s for s in samples if s <= gap * 1.04)
                self.pitch = found if self.learned is None else min(self.learned, found)
                self.learned = self.pitch
                break

    def _add(self, line: Line) -> Iterator[str]:
        if self.table:
            if self._continues_table(line):
                self.table.append(line)
                return
            yield from self._flush()
        if line.is_row:
            yield from self._flush()
            self.table = [line]
        elif self.para and self._continues(line):
            self.para.append(line)
        else:
            yield from self._flush()
            self.para = [line]

    def _gap_ok(self, prev: Line, line: Line, factor: float = GAP_FACTOR) -> bool:
        gap = prev.base - line.base
        return 0 < gap <= self.pitch * prev.size * factor + 0.5

    def _continues_table(self, line: Line) -> bool:
        last = self.table[-1]
        if line.page != last.page:
            return line.is_row and line.page == last.page + 1
        if line.is_row:
            return 0 < last.base - line.base <= 3.0 * last.size
        if line.marker or not self._gap_ok(last, line, 1.05):
            return False
        # A cell's wrapped text: one fragment at line distance, starting where a cell starts.
        starts = {round(c.x0) for row in self.table[-4:] for c in row.cells}
        if any(abs(line.x0 - x) <= 2 for x in starts):
            return True
        cols = columns(self.table)
        return len(cols) > 1 and line.x0 > cols[0][1]

    def _continues(self, line: Line) -> bool:
        prev, first = self.para[-1], self.para[0]
        if line.marker or _TOC_END.search(prev.text):
            return False
        if abs(line.size - prev.size) > 0.12 * prev.size or line.bold != prev.bold:
            return False
        if line.page == prev.page and not self._gap_ok(prev, line):
            return False
        if line.page != prev.page and _SENTENCE_END.search(prev.text) and line.text[:1].isupper():
            return False  # no gap to judge across a page break; a split paragraph costs nothing
        lead = line.cells[0]
        if self.right - prev.x1 > (lead.word_x1 - lead.x0) + 0.3 * line.size:
            return False  # the next word would have fitted: the line above ended its paragraph
        expected = prev.x0 if len(self.para) > 1 else first.text_x0
        if abs(line.x0 - expected) <= 0.6 * line.size:
            return True
        if len(self.para) == 1 and not first.marker and line.x0 < first.x0:
            return True  # first-line indent
        return bool(first.marker) and first.text_x0 == first.x0 and line.x0 > first.x0  # "• text" inline

    def _flush(self) -> Iterator[str]:
        if self.table:
            for row in table_rows(self.table):
                yield _LEADER.sub(".....", _LEADER_NUMBER.sub(r".....\t\1", row))
            self.table = []
        if self.para:
            yield (self._heading_mark(self.para) or self._indent(self.para[0])) + paragraph_text(self.para)
            self.para = []

    def _indent(self, first: Line) -> str:
        """A tab for a paragraph set in from the margin (an indented list of attachment titles
        after "./..", in KL's Word templates); not for centred lines."""
        inset = first.x0 - self.left
        if first.marker or inset < 1.2 * first.size or inset > 0.35 * (self.right - self.left):
            return ""
        return "\t"

    def _heading_mark(self, para: list[Line]) -> str:
        """Markdown marks for a short paragraph set larger or bolder than the body text.

        The segmenter needs no marks for agenda titles, but a letter's headings are only known
        by them.
        """
        first = para[0]
        if len(para) > 2 or first.marker or not self.sizes or sum(len(x.text) for x in para) > 150:
            return ""
        if _TOC_END.search(para[-1].text):
            return ""
        body = self.sizes.most_common(1)[0][0]
        if first.size >= body * 1.25:
            return "# "
        if first.size >= body * 1.08:
            return "## "
        return "### " if all(x.bold for x in para) else ""


def paragraph_text(lines: list[Line]) -> str:
    """One paragraph's lines joined, with its list marker and TOC leader normalised."""
    text = ""
    for line in lines:
        text = join_wrapped(text, " ".join(line.text.split()))
    marker = lines[0].marker
    if marker:
        text = ("- " if marker in BULLETS else marker + " ") + text
    return _LEADER_NUMBER.sub(r".....\t\1", text)
