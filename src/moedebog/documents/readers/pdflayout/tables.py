"""Rebuild a table from consecutive visual lines that have column gaps.

Columns are the union of overlapping cell extents; rows start where the vertical gap is
larger than inside a wrapped cell (tables with cell padding) or, in tables without padding,
where a line has text in the first column. A cell that wraps over several lines is joined
into one cell, so "Optagelse 2019/2020 (øgning i" / "fh. til 2018/2019)" stays one cell.
"""

from __future__ import annotations

from itertools import pairwise

from moedebog.documents.readers.pdflayout.lines import Fragment, Line
from moedebog.documents.readers.pdflayout.wrap import join_wrapped


def columns(lines: list[Line]) -> list[tuple[float, float]]:
    """Horizontal extents of the table's columns, left to right."""
    spans = sorted((c.x0, c.x1) for line in lines for c in _cells(line))
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1] + 1.0:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(a, b) for a, b in merged]


def _cells(line: Line) -> list[Fragment]:
    """The line's cells, with a set-apart number marker counted as its own cell."""
    if line.marker and line.marker_x0 is not None and not line.is_bullet:
        first = line.cells[0]
        marker = Fragment(line.marker, line.marker_x0, first.x0 - 1.0, first.base, first.size, first.bold)
        return [marker, *line.cells]
    return line.cells


def _column_of(frag: Fragment, cols: list[tuple[float, float]]) -> int:
    for i, (x0, x1) in enumerate(cols):
        if frag.x0 <= x1 and frag.x1 >= x0:
            return i
    return len(cols) - 1


def table_rows(lines: list[Line]) -> list[str]:
    """The table's rows as tab-separated cell texts."""
    cols = columns(lines)
    placements = [[(_column_of(c, cols), c.text) for c in _cells(line)] for line in lines]
    if any(len({col for col, _ in placed}) < len(placed) for placed in placements):
        # Cells of different rows overlap across columns: no grid to recover, keep lines as rows.
        return ["\t".join(text for _, text in placed) for placed in placements]
    gaps = [a.base - b.base for a, b in pairwise(lines) if a.page == b.page]
    tight = min(gaps) if gaps else 0.0
    padded = bool(gaps) and max(gaps) > tight * 1.2
    rows: list[list[list[str]]] = []
    prev: Line | None = None
    for line, placed in zip(lines, placements, strict=True):
        new_row = prev is None or prev.page != line.page
        if not new_row and prev is not None:
            if padded:
                new_row = prev.base - line.base > tight * 1.1
            else:
                new_row = any(col == 0 for col, _ in placed) and bool(rows[-1][0])
        if new_row:
            rows.append([[] for _ in cols])
        for col, text in placed:
            rows[-1][col].append(text)
        prev = line
    return ["\t".join(_join(parts) for parts in row).rstrip("\t") for row in rows]


def _join(parts: list[str]) -> str:
    text = ""
    for part in parts:
        text = join_wrapped(text, part)
    return text
