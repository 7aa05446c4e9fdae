"""One FirstAgenda item's HTML (``Felter[].Html``) → titled sections.

The same item HTML appears in the JSON API and inside the public web pages, in several
templates: Greve's h3 Beslutning / h3 Fremstilling with h4 sub-sections / h3 Sagens forløb;
the older template with the decision first and no heading and h2 sections; headings written as
bold paragraphs; items with no headings at all. Rather than recognising templates, this reads
the heading outline: every heading opens a section at its level, a heading that only wraps
sub-headings (Fremstilling) gives no section of its own, and everything under "Sagens forløb"
is history whatever its own title says.

What is a decision needs context: "Beslutning i Økonomiudvalget den 16-03-2026" is this item's
decision at the Økonomiudvalg's meeting that day, but history when the meeting being read is
the city council's a week later. Callers pass the meeting's body and date so that the heading
can be compared with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from moedebog.documents.htmltext import Block, html_blocks
from moedebog.documents.records import Section
from moedebog.documents.sectionkinds import decision_heading, section_kind

#: FirstAgenda marks the first paragraph of each decision with this class, also in the older
#: template where the decision has no heading.
DECISION_MARK = "xsltFirstParagraph"
#: A heading longer than this that names no known section is a paragraph someone styled as one.
MAX_HEADING = 100
_ALNUM = re.compile(r"\w")


@dataclass(slots=True, eq=False)
class _Draft:
    title: str
    kind: str
    level: int
    blocks: list[Block] = field(default_factory=list)
    marked: bool = False
    container: bool = False


def parse_item_html(html: str | None, *, title: str | None = None, body: str | None = None,
                    date: str | None = None, untitled: str = "other") -> list[Section]:
    """Sections of one item's HTML.

    ``title`` is the item's title (the older template repeats it as the first line, which is
    dropped); ``body`` and ``date`` ("YYYY-MM-DD") are the meeting's, to tell this meeting's
    decision from earlier ones. ``untitled`` is the kind given to the text of an item that has
    no headings at all and no decision marker (FirstAgenda's closed items publish only their
    outcome that way).
    """
    return sections_from_blocks(html_blocks(html), title=title, body=body, date=date, untitled=untitled)


def sections_from_blocks(blocks: list[Block], *, title: str | None = None, body: str | None = None,
                         date: str | None = None, untitled: str = "other") -> list[Section]:
    """Sections from already flattened blocks (the HTML reader flattens page fragments itself)."""
    blocks = _drop_repeated_title(blocks, title)
    drafts: list[_Draft] = []
    stack: list[_Draft] = []
    for block in _normalise(blocks):
        heading = _as_heading(block, drafts[-1] if drafts else None)
        if heading is None:
            if not drafts:
                drafts.append(_Draft("", "", 0))
            drafts[-1].blocks.append(block)
            drafts[-1].marked |= DECISION_MARK in block.classes.split()
            continue
        level = heading[1]
        while stack and stack[-1].level >= level:
            stack.pop()
        if drafts and any(d is drafts[-1] for d in stack) and not _has_text(drafts[-1]):
            drafts[-1].container = True
        draft = _Draft(heading[0], _kind(heading[0], stack, body, date), level)
        stack.append(draft)
        drafts.append(draft)
    has_headings = any(d.level for d in drafts)
    sections: list[Section] = []
    for draft in drafts:
        text = _join(draft.blocks)
        if draft.container and not text:
            continue
        if not draft.title and not _ALNUM.search(text):
            continue
        kind = draft.kind
        if not kind:  # text before the first heading
            kind = "decision" if draft.marked else ("other" if has_headings else untitled)
        sections.append(Section(kind=kind, title=draft.title, text=text))
    return sections


def _drop_repeated_title(blocks: list[Block], title: str | None) -> list[Block]:
    if title and blocks and blocks[0].kind == "paragraph" and _same_text(blocks[0].text, title):
        return blocks[1:]
    return blocks


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _normalise(blocks: list[Block]) -> list[Block]:
    """Undo two authoring habits before reading the outline.

    A paragraph styled as a heading (long prose, no known title) becomes a paragraph again, and
    "<b>Baggrund</b><br>På baggrund af ..." is split into the title line and the rest, so that
    a section title written as a paragraph's first line is seen like one on its own line.
    """
    out: list[Block] = []
    for block in blocks:
        if block.kind == "heading" and section_kind(block.text) is None and _is_prose(block.text):
            out.append(Block("paragraph", block.text, classes=block.classes))
            continue
        first, sep, rest = block.text.partition("\n")
        if block.kind == "paragraph" and sep and rest.strip() and section_kind(first) is not None:
            out.append(Block("paragraph", first, classes=block.classes))
            out.append(Block("paragraph", rest.strip(), classes=block.classes))
        else:
            out.append(block)
    return out


def _as_heading(block: Block, current: _Draft | None) -> tuple[str, int] | None:
    """(title, level) when the block opens a section, else None.

    Real headings always do. A paragraph (usually bold, sometimes not even that) opens one
    only when its whole text is a known section title and the current section already has
    text: right after a heading it is a sub-heading of that section's text (Sagsbeskrivelse
    starting with a bold "Baggrund"), except after an empty decision heading, which an agenda
    leaves empty on purpose.
    """
    if block.kind == "heading":
        return block.text, block.level
    if block.kind == "paragraph" and "\n" not in block.text and section_kind(block.text) is not None:
        if current is None:
            return block.text, 7
        if _has_text(current) or current.kind == "decision":
            return block.text, current.level or 7
    return None


def _is_prose(text: str) -> bool:
    words = len(text.split())
    return len(text) > MAX_HEADING or (text.rstrip().endswith(".") and words > 8)


def _has_text(draft: _Draft) -> bool:
    return any(_ALNUM.search(b.text) for b in draft.blocks)


def _kind(title: str, stack: list[_Draft], body: str | None, date: str | None) -> str:
    """A heading's kind in its place in the outline (``stack`` holds its open ancestors)."""
    if any(d.kind == "history" for d in stack):
        return "history"
    kind = section_kind(title) if title else None
    if kind == "decision":
        return "decision" if _own_decision(title, body, date) else "history"
    if kind is not None:
        return kind
    if stack and stack[-1].kind == "decision":
        return "decision"
    return "other"


def _own_decision(title: str, body: str | None, date: str | None) -> bool:
    """Whether a decision heading records the decision of the meeting being read."""
    parsed = decision_heading(title)
    if parsed is None:
        return True
    committee, when = parsed
    if when and date:
        return when == date
    if committee and body:
        return same_body(committee, body)
    return True


_BODY_NOISE = re.compile(r"[\d\W_]+")


def same_body(a: str, b: str) -> bool:
    """Whether two spellings name the same committee ("Byrådet" and "Byråd 2022-2025")."""
    def words(name: str) -> list[str]:
        out = []
        for word in _BODY_NOISE.sub(" ", name.casefold()).split():
            for suffix in ("et", "en"):
                if len(word) > 4 and word.endswith(suffix):
                    word = word[: -len(suffix)]
                    break
            out.append(word)
        return out

    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False
    return wa == wb or " ".join(wa) in " ".join(wb) or " ".join(wb) in " ".join(wa)


def _join(blocks: list[Block]) -> str:
    """Section text: paragraphs apart by blank lines, list items and table rows line by line."""
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        text = block.text
        if block.kind == "item":
            text = "  " * max(0, block.level - 1) + f"{block.marker or '-'} {text}"
        elif not _ALNUM.search(text) and block.kind != "row":
            continue  # stray "." or "-" paragraphs carry nothing
        if parts:
            together = previous is not None and block.kind == previous.kind and block.group == previous.group
            parts.append("\n" if together and block.kind in ("item", "row") else "\n\n")
        parts.append(text)
        previous = block
    return "".join(parts).strip()
