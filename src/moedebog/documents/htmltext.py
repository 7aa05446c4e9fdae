"""Hostile HTML → a flat list of text blocks (headings, paragraphs, list items, table rows).

Both HTML consumers need the same thing: FirstAgenda item HTML becomes sections, other HTML
becomes paragraph lines for the segmenter. Flattening the DOM once, here, keeps the sanitising
rules in one place: the parser never touches the network or expands DTD entities, scripts,
styles, frames, images and hidden elements never contribute text, attributes are never read as
text, and the walk is iterative so that deep nesting cannot exhaust the Python stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

#: Elements whose content is never text a reader should see.
SKIPPED = frozenset({
    "script", "style", "iframe", "frame", "frameset", "noscript", "template", "object", "embed",
    "applet", "svg", "math", "head", "title", "img", "picture", "video", "audio", "canvas", "map",
    "input", "select", "textarea", "option", "link", "meta", "base",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Elements that end the paragraph before them and start a new one.
BLOCKS = frozenset({
    "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "blockquote",
    "address", "pre", "figure", "figcaption", "caption", "dl", "dt", "dd", "hr", "form", "fieldset",
    "legend", "details", "summary", "center", "body", "html", "ul", "ol", "li", "table", "thead",
    "tbody", "tfoot", "tr", "td", "th", "button", "label",
}) | HEADINGS

_DATA_URI = re.compile(r"data:[\w/+.-]{0,100};base64,[A-Za-z0-9+/=\s]*", re.IGNORECASE)
_LONG_ATTRIBUTE = re.compile(r"""=\s*(?:"[^"]{50000,}"|'[^']{50000,}')""")
_PROLOG = re.compile(r"\A\s*(?:<\?xml[^>]{0,500}\?>\s*)?(?:<!DOCTYPE[^\[>]{0,1000}(?:\[.*?\]\s*)?>)?",
                     re.IGNORECASE | re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_BREAK = "\x00"  # stands for <br>; control characters are removed from the source, so it is unique


@dataclass(slots=True)
class Block:
    """One unit of text in reading order.

    ``kind`` is "heading" (``level`` 1-6), "paragraph", "item" (a list item; ``level`` is the list
    depth, ``marker`` "-" or "3." / "b."), or "row" (a table row; cells joined by tabs).
    A paragraph's text keeps line breaks from <br> as "\\n"; a blank line (<br><br>) ends it.
    ``classes`` are those of the element that holds the text, for source-specific markers.
    ``group`` numbers the outermost list or table an item or row belongs to, so that two lists
    in a row stay two lists.
    """

    kind: str
    text: str
    level: int = 0
    marker: str = ""
    classes: str = ""
    group: int = 0


def _parser() -> etree.HTMLParser:
    return etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False,
                            encoding="utf-8", default_doctype=False)


def clean_source(html: str) -> str:
    """Remove what must not reach the parser: inline base64 payloads, huge attribute values,
    an XML prolog or DOCTYPE with an internal subset (entity definitions), control characters."""
    html = _CONTROL.sub("", html)
    html = _PROLOG.sub("", html, count=1)
    html = _DATA_URI.sub("data:,", html)
    return _LONG_ATTRIBUTE.sub('=""', html)


def parse_html(html: str) -> etree._Element | None:
    """Parse an HTML document or fragment; None when there is nothing to parse."""
    cleaned = clean_source(html)
    if not cleaned.strip():
        return None
    try:
        return etree.fromstring(cleaned.encode("utf-8", errors="replace"), _parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def html_blocks(html: str | None) -> list[Block]:
    """The text blocks of an HTML string (empty for None, empty or unparsable input)."""
    if not html:
        return []
    root = parse_html(html)
    return [] if root is None else element_blocks(root)


def element_text(element: etree._Element) -> str:
    """All visible text inside one element, whitespace collapsed to single spaces."""
    parts = [" ".join(b.text.split()) for b in element_blocks(element)]
    return " ".join(p for p in parts if p)


def _hidden(element: etree._Element) -> bool:
    get = element.get
    if get("hidden") is not None or (get("aria-hidden") or "").lower() == "true":
        return True
    style = get("style")
    return bool(style and _DISPLAY_NONE.search(style))


class _Flattener:
    """Walks the tree once, keeping an inline buffer and the list/table/heading context."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.pieces: list[str] = []
        self.classes: list[str] = [""]
        self.lists: list[list[int | str]] = []  # [tag, counter, type]
        self.items: list[int] = []  # list depth of each open <li>
        self.tables: list[bool] = []  # per open table: is it a data table?
        self.cells: list[str] | None = None  # cells of the current data-table row
        self.in_cell = 0
        self.in_heading = 0
        self.group = 0

    # -- text -------------------------------------------------------------------------
    def text(self, value: str | None) -> None:
        if value:
            self.pieces.append(value)

    def _buffer(self) -> str:
        """The buffered inline text, normalised, and the buffer emptied."""
        raw = "".join(self.pieces)
        if _BREAK not in raw:  # one line (most buffers: often only the white space between tags)
            self.pieces = []
            return " ".join(raw.split())
        lines = [" ".join(line.split()) for line in raw.split(_BREAK)]
        out: list[str] = []
        for line in lines:
            if line or (out and out[-1]):
                out.append(line)
        while out and not out[-1]:
            out.pop()
        self.pieces = []
        return "\n".join(out)

    def flush(self) -> None:
        """End the current paragraph (or list item text) at a block boundary."""
        if self.in_heading or self.in_cell:
            self.pieces.append(" ")
            return
        if not self.pieces:  # most block boundaries follow another: nothing to normalise
            return
        text = self._buffer()
        if not text:
            return
        if self.items:
            self.blocks.append(Block("item", " ".join(text.split()), self.items[-1], self._marker(),
                                     classes=self.classes[-1], group=self.group))
        else:  # a blank line (<br><br>) separates paragraphs as much as </p><p> does
            for paragraph in text.split("\n\n"):
                self.blocks.append(Block("paragraph", paragraph, classes=self.classes[-1]))

    def _marker(self) -> str:
        if not self.lists:
            return "-"
        tag, counter, kind = self.lists[-1]
        if tag != "ol":
            return "-"
        number = int(counter)
        if kind == "a" and 1 <= number <= 26:
            return chr(ord("a") + number - 1) + "."
        if kind == "A" and 1 <= number <= 26:
            return chr(ord("A") + number - 1) + "."
        return f"{number}."

    # -- elements -----------------------------------------------------------------------
    def start(self, el: etree._Element, tag: str) -> None:
        if tag == "br":
            self.pieces.append(_BREAK)
            return
        if tag not in BLOCKS:
            return
        data_table = self.tables[-1] if self.tables else False
        if tag == "table":
            self.flush()
            self.tables.append(not self.in_cell and not _is_layout_table(el))
            if len(self.tables) == 1:
                self.group += 1
            return
        if data_table and not self.in_cell and tag == "tr":
            self.flush()
            self.cells = []
            return
        if data_table and tag in ("td", "th") and self.cells is not None and not self.in_cell:
            self.flush()
            self.in_cell = 1
            return
        if self.in_cell:
            self.in_cell += 1 if tag in ("td", "th") else 0
            self.flush()
            return
        self.flush()
        if tag in HEADINGS and not self.items:
            self.in_heading += 1
        elif tag in ("ul", "ol"):
            if not self.lists:
                self.group += 1
            self.lists.append([tag, _list_start(el) - 1, _list_type(el, tag)])
        elif tag == "li":
            if self.lists:
                self.lists[-1][1] = int(self.lists[-1][1]) + 1
            self.items.append(len(self.lists) or 1)
        self.classes.append(el.get("class") or "")

    def end(self, el: etree._Element, tag: str) -> None:
        if tag not in BLOCKS or tag == "br":
            return
        if tag == "table":
            self.flush()
            if self.tables:
                self.tables.pop()
            return
        data_table = self.tables[-1] if self.tables else False
        if data_table and tag in ("td", "th") and self.in_cell == 1 and self.cells is not None:
            text = self._buffer()
            self.cells.append(" ".join(text.split()).replace("\t", " "))
            self.in_cell = 0
            return
        if data_table and tag == "tr" and not self.in_cell and self.cells is not None:
            self.flush()
            if any(self.cells):
                self.blocks.append(Block("row", "\t".join(self.cells), group=self.group))
            self.cells = None
            return
        if self.in_cell:
            if tag in ("td", "th"):
                self.in_cell = max(1, self.in_cell - 1)
            self.flush()
            return
        if tag in HEADINGS and self.in_heading:
            self.in_heading -= 1
            if not self.in_heading:
                text = self._buffer()
                self.blocks.append(Block("heading", " ".join(text.split()), int(tag[1]),
                                         classes=el.get("class") or ""))
                self._pop_classes()
                return
        self.flush()
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "li" and self.items:
            self.items.pop()
        self._pop_classes()

    def _pop_classes(self) -> None:
        if len(self.classes) > 1:
            self.classes.pop()


def _list_start(el: etree._Element) -> int:
    try:
        return max(1, min(int(el.get("start") or 1), 100000))
    except ValueError:
        return 1


def _list_type(el: etree._Element, tag: str) -> str:
    if tag != "ol":
        return "-"
    kind = (el.get("type") or "").strip()
    style = (el.get("style") or "").lower()
    if kind == "a" or "lower-alpha" in style or "lower-latin" in style:
        return "a"
    if kind == "A" or "upper-alpha" in style or "upper-latin" in style:
        return "A"
    return "1"


def _is_layout_table(table: etree._Element) -> bool:
    """A table used for page layout holds headings or other tables; read it as ordinary blocks."""
    return next(table.iterdescendants("table", *HEADINGS), None) is not None


#: Tag (as lxml gives it) → the local name in lower case; bounded, as hostile pages may invent names.
_TAG_NAMES: dict[object, str] = {}


def _tag_name(raw: object) -> str:
    """"{ns}P" → "p"; comments and processing instructions (whose tag is not a string) → ""."""
    tag = raw.rsplit("}", 1)[-1].lower() if isinstance(raw, str) else ""
    if isinstance(raw, str) and len(_TAG_NAMES) < 512:
        _TAG_NAMES[raw] = tag
    return tag


def element_blocks(root: etree._Element) -> list[Block]:
    """Flatten one element (and everything inside it) into blocks, skipping unsafe content."""
    flat = _Flattener()
    walker = etree.iterwalk(root, events=("start", "end"))
    skipping: etree._Element | None = None
    names = _TAG_NAMES
    for event, el in walker:
        tag = names.get(el.tag)  # every element is seen twice, and a page uses few tag names
        if tag is None:
            tag = _tag_name(el.tag)
        if event == "start":
            if not tag or tag in SKIPPED or _hidden(el):
                walker.skip_subtree()
                skipping = el
                continue
            flat.start(el, tag)
            flat.text(el.text)
        else:
            if skipping is el:
                skipping = None
            elif tag:
                flat.end(el, tag)
            if el is not root:
                flat.text(el.tail)
    flat.in_cell = flat.in_heading = 0
    flat.flush()
    return flat.blocks
