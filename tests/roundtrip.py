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
_SPACE = re.compile(r"\s+")


def norm(text: str | None) -> str:
    """Whitespace-insensitive form of a text: lines stripped and collapsed, empty lines dropped."""
    lines = (_SPACE.sub(" ", line).strip() for line in (text or "").splitlines())
    return "\n".join(line for line in lines if line)


def section_texts(item: Item) -> list[tuple[str, str]]:
    """(kind, text) per section, grouped by kind; formats may order the kinds differently
    (FirstAgenda puts the decision first, KKR last)."""
    pairs = [(s.kind, norm(s.text)) for s in item.sections]
    return sorted(pairs, key=lambda pair: pair[0])


def _short(text: str, limit: int = 160) -> str:
    text = text.replace("\n", "⏎")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def item_differences(expected: Item, got: Item, fmt: str) -> Iterator[str]:
    where = f"punkt {expected.number}"
    if got.title != expected.title and not (not expected.public and got.title == f"Lukket: {expected.title}"):
        yield f"{where}: titel {got.title!r}, ventet {expected.title!r}"
    if got.case_number != expected.case_number:
        yield f"{where}: sagsnummer {got.case_number!r}, ventet {expected.case_number!r}"
    if fmt not in NO_HANDLERS and got.handlers != expected.handlers:
        yield f"{where}: initialer {got.handlers!r}, ventet {expected.handlers!r}"
    if got.public != expected.public:
        yield f"{where}: public {got.public}, ventet {expected.public}"
    if not expected.public:
        return  # closed items: only what the source publishes, which is a renderer's choice
    want, have = section_texts(expected), section_texts(got)
    if [k for k, _ in have] != [k for k, _ in want]:
        yield f"{where}: afsnit {[k for k, _ in have]}, ventet {[k for k, _ in want]}"
    for (kind, text), (got_kind, got_text) in zip(want, have, strict=False):
        if kind == got_kind and strip_markers(text) != strip_markers(got_text):
            yield f"{where}: {kind}-tekst {_short(got_text)!r}, ventet {_short(text)!r}"
    want_att = [a.title for a in expected.attachments]
    have_att = [a.title for a in got.attachments]
    if have_att != want_att:
        yield f"{where}: bilag {have_att!r}, ventet {want_att!r}"


def strip_markers(text: str) -> str:
    """Section text without its './.' attachment lines: readers may keep or drop them."""
    return "\n".join(line for line in text.split("\n") if not line.startswith("./."))


def differences(expected: Document, got: Document, fmt: str) -> list[str]:
    """Every way ``got`` (parsed from a file of format ``fmt``) differs from ``expected``."""
    out: list[str] = []
    if got.kind != expected.kind:
        out.append(f"kind {got.kind!r}, ventet {expected.kind!r}")
    if got.start != expected.start:
        out.append(f"start {got.start!r}, ventet {expected.start!r}")
    want = [i.number for i in expected.items]
    have = [i.number for i in got.items]
    if have != want:
        out.append(f"punktnumre {have}, ventet {want}")
    by_number = {i.number: i for i in got.items}
    for item in expected.items:
        if item.number in by_number:
            out.extend(item_differences(item, by_number[item.number], fmt))
    for item in got.items:
        if item.decision() and expected.kind == "agenda":
            out.append(f"punkt {item.number}: en dagsorden med beslutning")
    return out
