"""One pdfium text page → positioned fragments → visual lines.

Speed matters (an archive has hundreds of thousands of pages), and every pdfium call goes
through ctypes, so this asks pdfium for the whole page text once and for character boxes
only where they decide something: the first and last character of each pdfium line, and
the characters on both sides of each space (a wide space is a column gap). That is about a
tenth of the calls a per-character loop needs.
"""

from __future__ import annotations

import ctypes
import re

import pypdfium2.raw as pdfium_c

from moedebog.documents.readers.pdflayout.lines import Fragment, Line, group_lines

#: A space wider than this many line heights separates columns (table cells, tab stops).
COLUMN_GAP = 0.8
#: Pages with more characters than this are skipped: no meeting page has them, a bomb might.
MAX_CHARS_PER_PAGE = 400_000

#: pdfium joins a line that ends in a hyphen to the next and marks the hyphen U+FFFE; the
#: line is cut there again so that positions stay per visual line.
_LINE = re.compile("[^\r\n\ufffe]+\ufffe?")
_SPACES = re.compile(r"[ \u00a0\u2002-\u200b\u3000]+")
_BOLD_NAME = re.compile(rb"bold|black|heavy|semibold|demi", re.IGNORECASE)


class _TextPage:
    """Cached loose boxes and font facts for one pdfium text page."""

    __slots__ = ("_bold", "_box", "_font", "_raw", "_rect")

    def __init__(self, raw: object) -> None:
        self._raw = raw
        self._rect = pdfium_c.FS_RECTF()
        self._box: dict[int, tuple[float, float, float, float]] = {}
        self._font = ctypes.create_string_buffer(128)
        self._bold: dict[bytes, bool] = {}

    def box(self, index: int) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) of the character's loose box: advance width × font height."""
        cached = self._box.get(index)
        if cached is None:
            r = self._rect
            pdfium_c.FPDFText_GetLooseCharBox(self._raw, index, r)
            cached = self._box[index] = (r.left, r.bottom, r.right, r.top)
        return cached

    def bold(self, index: int) -> bool:
        """Whether the character's font is bold, by weight or by the font's name."""
        if pdfium_c.FPDFText_GetFontWeight(self._raw, index) >= 600:
            return True
        n = pdfium_c.FPDFText_GetFontInfo(self._raw, index, self._font, len(self._font), None)
        name = self._font.value if n else b""
        known = self._bold.get(name)
        if known is None:
            known = self._bold[name] = bool(_BOLD_NAME.search(name.split(b"+")[-1]))
        return known


def page_text(raw_textpage: object) -> str:
    """The page's characters as one string whose indexes are pdfium's character indexes."""
    n = pdfium_c.FPDFText_CountChars(raw_textpage)
    if n <= 0:
        return ""
    buffer = (ctypes.c_ushort * (n + 1))()
    got = pdfium_c.FPDFText_GetText(raw_textpage, 0, n, buffer)
    text = ctypes.string_at(buffer, 2 * max(got - 1, 0)).decode("utf-16-le", errors="replace")
    if len(text) == n:
        return text
    # Characters outside the BMP or skipped characters shift the indexes: go one by one.
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(raw_textpage, i) or 0xFFFD) for i in range(n))


def read_fragments(raw_textpage: object, text: str) -> list[Fragment]:
    """Cut pdfium's lines at column-sized gaps into fragments with positions and style."""
    tp = _TextPage(raw_textpage)
    fragments: list[Fragment] = []
    for m in _LINE.finditer(text):
        start, end = m.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        piece_start = start
        first_space: int | None = None
        for sm in _SPACES.finditer(text, start, end):
            a, b = sm.span()
            left, right = tp.box(a - 1), tp.box(b)
            height = max(left[3] - left[1], right[3] - right[1], 1.0)
            if right[0] - left[2] > COLUMN_GAP * height:
                fragments.append(_fragment(tp, text, piece_start, a, first_space))
                piece_start, first_space = b, None
            elif first_space is None:
                first_space = a
        fragments.append(_fragment(tp, text, piece_start, end, first_space))
    return fragments


def _fragment(tp: _TextPage, text: str, start: int, end: int, first_space: int | None) -> Fragment:
    """A fragment's extent, baseline and style. Size and weight are taken from both ends, so
    that one tall bracket or one bold word at the start does not restyle the whole line."""
    x0, bottom, _, top = tp.box(start)
    last = tp.box(end - 1)
    word_x1 = tp.box(first_space - 1)[2] if first_space is not None else last[2]
    size = min(top - bottom, last[3] - last[1]) if end - 1 > start else top - bottom
    bold = tp.bold(start) and (end - 1 == start or tp.bold(end - 1))
    return Fragment(text[start:end].replace("\ufffe", "-"), x0, last[2], bottom, size, bold, word_x1)


def read_lines(raw_textpage: object, number: int) -> tuple[list[Line], int]:
    """The page's visual lines, and how many characters it has (0: no text layer)."""
    text = page_text(raw_textpage)
    if not text.strip() or len(text) > MAX_CHARS_PER_PAGE:
        return [], len(text)
    fragments = [f for f in read_fragments(raw_textpage, text) if f.size > 0.5]
    return group_lines(fragments, number, COLUMN_GAP), len(text)
