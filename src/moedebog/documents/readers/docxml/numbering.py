"""Automatic numbering of a DOCX file, replayed to recover the visible labels ("3.1.", "•").

Word stores list numbers as rules (numbering.xml), not as text. A paragraph points at a
``w:num`` (numId) and a level; the ``w:num`` points at an abstract definition whose levels give
the format ("%1.%2."), the number style and the start value. Counters run per abstract
definition (lists sharing one continue each other), a ``startOverride`` restarts them, and
numbering a level resets the levels below it — which is how "3." followed by "3.1." arises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


@dataclass(slots=True)
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # 1-based level after which this level restarts; 0: never
    legal: bool = False
    style: str | None = None


@dataclass(slots=True)
class Instance:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)  # ilvl → start value
    levels: dict[int, Level] = field(default_factory=dict)  # full level overrides


class Numbering:
    """Replays list numbering in document order; ``label`` is called once per numbered paragraph."""

    def __init__(self, root: etree._Element | None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.instances: dict[str, Instance] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.applied: set[tuple[str, int]] = set()
        if root is None:
            return
        for el in root.iter(f"{W}abstractNum"):
            aid = el.get(f"{W}abstractNumId")
            if aid is not None:
                self.abstracts[aid] = {lvl: level for lvl, level in _levels(el)}
        for el in root.iter(f"{W}num"):
            nid = el.get(f"{W}numId")
            ref = el.find(f"{W}abstractNumId")
            if nid is None or ref is None:
                continue
            inst = Instance(ref.get(f"{W}val") or "")
            for ov in el.iter(f"{W}lvlOverride"):
                ilvl = _int(ov.get(f"{W}ilvl"), 0)
                start = ov.find(f"{W}startOverride")
                if start is not None:
                    inst.overrides[ilvl] = _int(start.get(f"{W}val"), 1)
                for lvl, level in _levels(ov):
                    inst.levels[lvl] = level
            self.instances[nid] = inst

    def level_for_style(self, num_id: str, style_id: str | None) -> int | None:
        """The level whose ``w:pStyle`` names the paragraph's style (style-linked lists)."""
        inst = self.instances.get(num_id)
        if inst is None or style_id is None:
            return None
        for ilvl, level in self.abstracts.get(inst.abstract, {}).items():
            if level.style == style_id:
                return ilvl
        return None

    def _level(self, inst: Instance, ilvl: int) -> Level | None:
        return inst.levels.get(ilvl) or self.abstracts.get(inst.abstract, {}).get(ilvl)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the list's counter and return the visible label: "3.1.", "a)", "•" or ""."""
        inst = self.instances.get(num_id)
        if inst is None or num_id == "0" or not 0 <= ilvl < 9:
            return None
        level = self._level(inst, ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(inst.abstract, [None] * 9)
        for lvl, start in inst.overrides.items():
            if (num_id, lvl) not in self.applied and 0 <= lvl < 9:
                self.applied.add((num_id, lvl))
                counters[lvl] = start - 1
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            below = self._level(inst, deeper)
            # lvlRestart N: restart when level N or a higher one is used; 0: never; absent: always
            if below is None or below.restart is None or (below.restart != 0 and ilvl + 1 <= below.restart):
                counters[deeper] = None
        if level.fmt == "bullet":
            return "•"
        if level.fmt == "none":
            return ""

        def value(m: re.Match[str]) -> str:
            lvl = int(m.group(1)) - 1
            ref = self._level(inst, lvl) or Level()
            count = counters[lvl]
            if count is None:
                count = ref.start
            fmt = "decimal" if level.legal else ref.fmt
            return format_number(count, fmt)

        return _PLACEHOLDER.sub(value, level.text)


def format_number(n: int, fmt: str) -> str:
    """One counter value in a Word number format."""
    if fmt in ("lowerLetter", "upperLetter"):
        k = max(n, 1)
        letter = chr(ord("a") + (k - 1) % 26) * ((k - 1) // 26 + 1)  # Word: a..z, aa..zz
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        out, k = "", max(min(n, 3999), 1)
        for value, sym in _ROMAN:
            while k >= value:
                out, k = out + sym, k - value
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _levels(parent: etree._Element) -> list[tuple[int, Level]]:
    out = []
    for el in parent.findall(f"{W}lvl"):
        ilvl = _int(el.get(f"{W}ilvl"), 0)
        level = Level()
        for tag, attr in (("numFmt", "fmt"), ("lvlText", "text"), ("pStyle", "style")):
            child = el.find(f"{W}{tag}")
            if child is not None and child.get(f"{W}val") is not None:
                setattr(level, attr, child.get(f"{W}val"))
        start = el.find(f"{W}start")
        if start is not None:
            level.start = _int(start.get(f"{W}val"), 1)
        restart = el.find(f"{W}lvlRestart")
        if restart is not None:
            level.restart = _int(restart.get(f"{W}val"), 0)
        legal = el.find(f"{W}isLgl")
        level.legal = legal is not None and legal.get(f"{W}val") not in ("0", "false")
        out.append((ilvl, level))
    return out


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
