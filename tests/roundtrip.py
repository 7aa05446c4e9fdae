"""Compare a parsed record with the generated record it was rendered from.

Used by tests/test_demo.py and handy from a shell when a round trip fails: ``differences``
returns readable lines, one per mismatch, instead of a single assertion error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from moedebog.documents.records import Document, Item

#: Formats whose source has no handler initials after the case number.
NO_HANDLERS = {"json"}

#: Differences between conventions rather than lost content, reported to the owners and tolerated
#: by default so that the round trip still catches everything else. ``differences(strict=True)``
#: reports them too.
KNOWN = {
    "closed-prefix": "readers keep the source's 'Lukket: ' / 'Lukket punkt: ' prefix in a closed item's title",
    "bilag-section": "a 'Bilag' section of './.' lines becomes attachments and is also kept as an other section",
}
CLOSED_PREFIXES = ("Lukket: ", "Lukket punkt: ")
#: Formats without numbered headings (FirstAgenda has items only).
NO_HEADINGS = {"json"}
_SPACE = re.compile(r"\s+")


def norm(text: str | None) -> str:
    """Whitespace-insensitive form of a text: lines stripped and collapsed, empty lines dropped."""
    lines = (_SPACE.sub(" ", line).strip() for line in (text or "").splitlines())
    return "\n".join(line for line in lines if line)


def section_texts(item: Item, strict: bool = False) -> list[tuple[str, str]]:
    """(kind, text) per section, grouped by kind; formats may order the kinds differently
    (FirstAgenda puts the decision first, KKR last)."""
    sections = item.sections if strict else [s for s in item.sections if not _attachment_list(s)]
    pairs = [(s.kind, norm(s.text)) for s in sections]
    return sorted(pairs, key=lambda pair: pair[0])


def participants(doc: Document, fmt: str) -> list[tuple]:
    """What of the attendance a format can carry: FirstAgenda has members' names and absence only."""
    if fmt == "json":
        return [(p.name, p.group) for p in doc.participants if p.group in ("present", "absent")]
    return [(p.name, p.affiliation, p.group, p.role, p.group_title) for p in doc.participants]


def _attachment_list(section) -> bool:
    lines = [line.strip() for line in section.text.splitlines() if line.strip()]
    return section.title == "Bilag" and bool(lines) and all(line.startswith("./.") for line in lines)


def _same_title(expected: Item, got: Item, strict: bool) -> bool:
    if got.title == expected.title:
        return True
    return not strict and not expected.public and any(got.title == p + expected.title for p in CLOSED_PREFIXES)


def _few(values: list[str], limit: int = 6) -> str:
    return "[" + ", ".join(values[:limit]) + (", ..." if len(values) > limit else "") + "]"


def _short(text: str, limit: int = 160) -> str:
    text = text.replace("\n", "⏎")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def item_differences(expected: Item, got: Item, fmt: str, strict: bool = False) -> Iterator[str]:
    where = f"punkt {expected.number}"
    if not _same_title(expected, got, strict):
        yield f"{where}: titel {got.title!r}, ventet {expected.title!r}"
    if got.case_number != expected.case_number:
        yield f"{where}: sagsnummer {got.case_number!r}, ventet {expected.case_number!r}"
    if fmt not in NO_HANDLERS and got.handlers != expected.handlers:
        yield f"{where}: initialer {got.handlers!r}, ventet {expected.handlers!r}"
    if got.public != expected.public:
        yield f"{where}: public {got.public}, ventet {expected.public}"
    if not expected.public:
        return  # closed items: only what the source publishes, which is a renderer's choice
    want, have = section_texts(expected, strict), section_texts(got, strict)
    if [k for k, _ in have] != [k for k, _ in want]:
        yield f"{where}: afsnit {_few([k for k, _ in have], 10)}, ventet {_few([k for k, _ in want], 10)}"
    for (kind, text), (got_kind, got_text) in zip(want, have, strict=False):
        if kind == got_kind and strip_markers(text) != strip_markers(got_text):
            yield f"{where}: {kind}-tekst {_short(got_text)!r}, ventet {_short(text)!r}"
    want_att = [a.title for a in expected.attachments]
    have_att = [a.title for a in got.attachments]
    if have_att != want_att:
        yield f"{where}: bilag {_few(have_att, 4)}, ventet {_few(want_att, 4)}"


def strip_markers(text: str) -> str:
    """Section text without its './.' attachment lines: readers may keep or drop them."""
    return "\n".join(line for line in text.split("\n") if not line.startswith("./."))


def differences(expected: Document, got: Document, fmt: str, strict: bool = False) -> list[str]:
    """Every way ``got`` (parsed from a file of format ``fmt``) differs from ``expected``; with
    ``strict``, also the KNOWN convention differences."""
    out: list[str] = []
    if got.kind != expected.kind:
        out.append(f"kind {got.kind!r}, ventet {expected.kind!r}")
    if got.start != expected.start:
        out.append(f"start {got.start!r}, ventet {expected.start!r}")
    for field in ("body", "location"):
        if getattr(got, field) != getattr(expected, field):
            out.append(f"{field} {getattr(got, field)!r}, ventet {getattr(expected, field)!r}")
    if fmt not in NO_HEADINGS:
        have_h = [(h.number, h.title) for h in got.headings]
        want_h = [(h.number, h.title) for h in expected.headings]
        if have_h != want_h:
            out.append(f"overskrifter {have_h}, ventet {want_h}")
    have_p, want_p = participants(got, fmt), participants(expected, fmt)
    if have_p != want_p:
        missing = [p for p in want_p if p not in have_p][:3]
        extra = [p for p in have_p if p not in want_p][:3]
        out.append(f"deltagere: {len(have_p)}, ventet {len(want_p)}; mangler {missing}, uventede {extra}")
    want = [i.number for i in expected.items]
    have = [i.number for i in got.items]
    if have != want:
        missing = [n for n in want if n not in have]
        extra = [n for n in have if n not in want]
        out.append(f"punktnumre: {len(have)} af {len(want)}; mangler {_few(missing)}, uventede {_few(extra)}"
                   + ("" if missing or extra else f", rækkefølge {_few(have)}"))
    by_number = {i.number: i for i in got.items}
    for item in expected.items:
        if item.number in by_number:
            out.extend(item_differences(item, by_number[item.number], fmt, strict))
    for item in got.items:
        if item.decision() and expected.kind == "agenda":
            out.append(f"punkt {item.number}: en dagsorden med beslutning")
    return out
