"""Paragraph styles of a DOCX file: which are headings, and which carry numbering.

KL's templates number agenda headings and items through their heading styles ("Overskrift 1"
with a multilevel list attached), so the visible "3.1." exists only in styles.xml and
numbering.xml, never in the text. Styles inherit through ``basedOn``; the chain is followed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"^(?:heading|overskrift|berschrift|rubrik)\s*(\d)$", re.IGNORECASE)
_TITLE_NAMES = {"title", "titel"}


@dataclass(slots=True)
class Style:
    style_id: str
    name: str
    based_on: str | None
    outline: int | None  # 0-based outline level, as Word stores it
    num_id: str | None
    ilvl: int | None


class Styles:
    """Lookups over styles.xml with inheritance resolved and cached."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, Style] = {}
        self.default: str | None = None
        self._level: dict[str, int | None] = {}
        self._numbering: dict[str, tuple[str | None, int | None]] = {}
        if root is None:
            return
        for el in root.iter(f"{W}style"):
            if el.get(f"{W}type") not in (None, "paragraph"):
                continue
            sid = el.get(f"{W}styleId")
            if not sid:
                continue
            name_el = el.find(f"{W}name")
            based = el.find(f"{W}basedOn")
            ppr = el.find(f"{W}pPr")
            outline = num_id = ilvl = None
            if ppr is not None:
                o = ppr.find(f"{W}outlineLvl")
                outline = _int(o.get(f"{W}val")) if o is not None else None
                num = ppr.find(f"{W}numPr")
                if num is not None:
                    n, i = num.find(f"{W}numId"), num.find(f"{W}ilvl")
                    num_id = n.get(f"{W}val") if n is not None else None
                    ilvl = _int(i.get(f"{W}val")) if i is not None else None
            self._styles[sid] = Style(sid, (name_el.get(f"{W}val") or "") if name_el is not None else "",
                                      based.get(f"{W}val") if based is not None else None, outline, num_id, ilvl)
            if el.get(f"{W}default") in ("1", "true"):
                self.default = sid

    def _chain(self, style_id: str | None) -> list[Style]:
        out: list[Style] = []
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen and len(out) < 20:
            seen.add(style_id)
            style = self._styles[style_id]
            out.append(style)
            style_id = style.based_on
        return out

    def heading_level(self, style_id: str | None) -> int | None:
        """1-based heading level of a paragraph style, or None for body styles."""
        if style_id is None:
            return None
        if style_id not in self._level:
            level = None
            for style in self._chain(style_id):
                m = _HEADING_NAME.match(style.name.strip()) or _HEADING_NAME.match(style.style_id)
                if m:
                    level = int(m.group(1))
                    break
                if style.name.strip().lower() in _TITLE_NAMES:
                    level = 1
                    break
                if style.outline is not None and 0 <= style.outline < 9:
                    level = style.outline + 1
                    break
            self._level[style_id] = level
        return self._level[style_id]

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a style attaches to its paragraphs, following ``basedOn``."""
        if style_id is None:
            return None, None
        if style_id not in self._numbering:
            num_id: str | None = None
            ilvl: int | None = None
            for style in self._chain(style_id):
                if num_id is None and style.num_id is not None:
                    num_id = style.num_id
                if ilvl is None and style.ilvl is not None:
                    ilvl = style.ilvl
            self._numbering[style_id] = (num_id, ilvl)
        return self._numbering[style_id]


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
