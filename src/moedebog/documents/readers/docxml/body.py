"""word/document.xml → paragraph lines, streamed with iterparse.

Each top-level block of the body (paragraph, table, content control) is turned into lines when
its end tag arrives and is then freed, so memory is bounded by the largest block, not the file.

- paragraph text from ``w:t``; ``w:tab`` → tab; ``w:br``/``w:cr`` end a line (one paragraph
  per line is what the segmenter reads); deleted and hidden text is skipped;
- heading styles and outline levels → markdown "#" marks;
- automatic numbering → its visible label ("3.1. Title", "- " for bullets);
- tables → one line per row, cells separated by tabs (a one-column table is a frame: its
  paragraphs become lines);
- fields: instructions are skipped and results kept, so a TOC field gives its entry lines
  ("1.1.<tab>Godkendelse af referat<tab>3");
- text boxes → their own lines; headers, footers, comments and footnotes are other parts and
  are never read.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from lxml import etree

from moedebog.documents.errors import DocumentError
from moedebog.documents.readers.docxml.numbering import Numbering
from moedebog.documents.readers.docxml.styles import Styles

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_TXBX = f"{W}txbxContent"
#: Inline containers whose runs are part of the paragraph's text.
_INLINE = {f"{W}{t}" for t in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple", "moveTo", "dir",
                               "bdo", "sdt", "sdtContent")}
#: Block containers whose paragraphs and tables are part of the body.
_BLOCKS = {f"{W}{t}" for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo")}
_SYMBOLS = {"F0B7": "•", "F0A7": "▪", "F0D8": "➢", "F076": "❖", "F0FC": "✓", "2022": "•"}
#: Cells and paragraphs longer than this are cut: no meeting paragraph is a megabyte long.
MAX_LINE = 1_000_000


class BodyReader:
    """Turns body blocks into lines; keeps the state that crosses paragraphs (fields, numbering)."""

    def __init__(self, styles: Styles, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.fields: list[bool] = []  # one entry per open complex field: True while in its instruction

    # ------------------------------------------------------------------ blocks
    def block(self, el: etree._Element) -> Iterator[str]:
        tag = el.tag
        if tag == f"{W}p":
            yield from self.paragraph(el)
        elif tag == f"{W}tbl":
            yield from self.table(el)
        elif tag in _BLOCKS:
            for child in el:
                yield from self.block(child)

    def paragraph(self, p: etree._Element) -> Iterator[str]:
        boxes: list[str] = []
        parts: list[str] = []
        self._inline(p, parts, boxes)
        yield from boxes
        text = "".join(parts)[:MAX_LINE]
        lines = [line.rstrip() for line in text.split("\n")]
        if not any(line.strip() for line in lines):
            return
        prefix = self._prefix(p)
        first = True
        for line in lines:
            if not line.strip():
                continue
            yield (prefix + line.lstrip(" ")) if first and prefix else line
            first = False

    def _prefix(self, p: etree._Element) -> str:
        """Heading marks and the numbering label that go in front of the paragraph's text."""
        ppr = p.find(f"{W}pPr")
        style_id = num_id = None
        ilvl: int | None = None
        outline: int | None = None
        if ppr is not None:
            ps = ppr.find(f"{W}pStyle")
            style_id = ps.get(f"{W}val") if ps is not None else None
            num = ppr.find(f"{W}numPr")
            if num is not None:
                n, i = num.find(f"{W}numId"), num.find(f"{W}ilvl")
                num_id = n.get(f"{W}val") if n is not None else None
                ilvl = _int(i.get(f"{W}val")) if i is not None else None
            o = ppr.find(f"{W}outlineLvl")
            outline = _int(o.get(f"{W}val")) if o is not None else None
        style_id = style_id or self.styles.default
        if num_id is None:
            num_id, style_ilvl = self.styles.numbering(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        level = outline + 1 if outline is not None and 0 <= outline < 9 else self.styles.heading_level(style_id)
        prefix = "#" * level + " " if level else ""
        if num_id is not None and num_id != "0":
            if ilvl is None:
                ilvl = self.numbering.level_for_style(num_id, style_id) or 0
            label = self.numbering.label(num_id, ilvl)
            if label == "•":
                prefix += "- "
            elif label:
                prefix += label + " "
        return prefix

    def table(self, tbl: etree._Element) -> Iterator[str]:
        rows: list[list[list[str]]] = []
        for tr in tbl.iter(f"{W}tr"):
            if _owner_table(tr) is not tbl:
                continue  # rows of a nested table belong to its cell
            cells = []
            for tc in tr:
                if tc.tag == f"{W}tc":
                    cells.append([line for child in tc for line in self.block(child)])
                elif tc.tag in _BLOCKS:  # a content control around cells
                    cells.extend([line for child in c for line in self.block(child)]
                                 for c in tc.iter(f"{W}tc"))
            rows.append(cells)
        if max((len(r) for r in rows), default=0) <= 1:
            for cells in rows:  # a frame, not a table: keep its paragraphs
                for cell in cells:
                    yield from cell
            return
        for cells in rows:
            texts = [" ".join(_cell_line(line) for line in cell if line.strip()) for cell in cells]
            row = "\t".join(texts).rstrip("\t")
            if row.strip():
                yield row

    # ------------------------------------------------------------------ inline content
    def _inline(self, el: etree._Element, parts: list[str], boxes: list[str]) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{W}r":
                self._run(child, parts, boxes)
            elif tag in _INLINE:
                self._inline(child, parts, boxes)

    def _run(self, r: etree._Element, parts: list[str], boxes: list[str]) -> None:
        rpr = r.find(f"{W}rPr")
        if rpr is not None:
            vanish = rpr.find(f"{W}vanish")
            if vanish is not None and vanish.get(f"{W}val") not in ("0", "false", "off"):
                return
        for child in r:
            tag = child.tag
            if tag == f"{W}fldChar":
                kind = child.get(f"{W}fldCharType")
                if kind == "begin":
                    self.fields.append(True)
                elif kind == "separate" and self.fields:
                    self.fields[-1] = False
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if any(self.fields):
                continue  # a field instruction ("TOC \o", "PAGEREF _Toc123"), not text
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag in (f"{W}tab", f"{W}ptab"):
                parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{W}sym":
                parts.append(_SYMBOLS.get((child.get(f"{W}char") or "").upper(), ""))
            elif tag in (f"{W}drawing", f"{W}pict", f"{MC}AlternateContent"):
                self._text_boxes(child, boxes)

    def _text_boxes(self, el: etree._Element, boxes: list[str]) -> None:
        if el.tag == f"{MC}AlternateContent":
            # Choice and Fallback hold the same box twice (DrawingML and VML): read one.
            branches = [c for c in el if c.tag in (f"{MC}Choice", f"{MC}Fallback")]
            el = next((b for b in branches if any(True for _ in b.iter(_TXBX))), el)
        for box in el.iter(_TXBX):
            for child in box:
                boxes.extend(self.block(child))


def _cell_line(line: str) -> str:
    """A paragraph inside a table cell: no heading marks or tabs, which would break the row."""
    return line.lstrip("#").strip().replace("\t", " ")


def _owner_table(tr: etree._Element) -> etree._Element | None:
    parent = tr.getparent()
    while parent is not None and parent.tag != f"{W}tbl":
        parent = parent.getparent()
    return parent


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def body_lines(stream: BinaryIO, styles: Styles, numbering: Numbering, name: str = "word/document.xml"
               ) -> Iterator[str]:
    """The main document's paragraphs as lines, one body block at a time."""
    reader = BodyReader(styles, numbering)
    context = etree.iterparse(stream, events=("start", "end"), resolve_entities=False, no_network=True,
                              load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)
    depth = 0
    try:
        for event, el in context:
            if event == "start":
                depth += 1
                continue
            depth -= 1
            if depth != 2:
                continue  # only children of w:body (depth 3 while open) are handled, whole
            yield from reader.block(el)
            el.clear()
            parent = el.getparent()
            if parent is not None:
                while el.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        raise DocumentError(f"DOCX-filen er beskadiget ({name} er ikke gyldig XML: {exc})") from None
