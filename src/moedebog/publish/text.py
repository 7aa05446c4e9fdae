"""Document → plain text in the shape of the extracted KKR minutes (seed 000).

One paragraph per line with blank lines between them, list items and table rows on
consecutive lines, the table of contents as "3.1. Title.....<tab>8". It is the format the
text reader and the segmenter read best, so it is also the cheapest corpus format.
"""

from __future__ import annotations

from collections.abc import Iterator

from moedebog.documents.records import Document, Item
from moedebog.publish import model, paging


def render_text(doc: Document) -> str:
    """The whole document as text, ending with a newline."""
    blocks = list(_letter(doc) if doc.kind == "letter" or (doc.sections and not doc.items) else _meeting(doc))
    return "\n\n".join(b for b in blocks if b) + "\n"


def _meeting(doc: Document) -> Iterator[str]:
    parts = model.outline(doc)
    yield model.title_line(doc)
    if doc.body:
        yield model.front_body(doc)
    if doc.start:
        yield f"Dato: {model.danish_date(doc.start)}"
    if doc.location:
        yield f"Sted: {model.clean(doc.location)}"
    if model.has_mission(doc):
        yield from ("Mission", model.MISSION, "Vision", model.VISION)
    yield _toc(doc, parts)
    if doc.participants:
        yield model.PARTICIPANTS_TITLE
        for group in model.participant_groups(doc):
            yield group.title
            yield "\n".join(model.participant_line(p) for p in group.people)
    for part in parts:
        if part.heading is not None:
            yield model.heading_label(part.heading)
        for item in part.items:
            yield from _item(item)


def _toc(doc: Document, parts: list[model.Part]) -> str:
    participants, part_pages, item_pages = paging.toc_pages(doc, parts)
    lines = []
    if participants is not None:
        lines.append(f"{model.PARTICIPANTS_TITLE}.....\t{participants}")
    for index, part in enumerate(parts):
        if part.heading is not None:
            lines.append(f"{model.heading_label(part.heading)}.....\t{part_pages[index]}")
        lines.extend(f"{model.item_label(item)}.....\t{item_pages[id(item)]}" for item in part.items)
    return "\n".join(lines)


def _item(item: Item) -> Iterator[str]:
    yield model.item_label(item)
    case = model.case_line(item)
    if case:
        yield case
    for section in item.sections:
        if model.section_title(section):
            yield model.section_title(section)
        yield from text_blocks(section.text, item)
    extra = model.extra_attachments(item)
    if extra:
        yield model.ATTACHMENTS_TITLE
        yield from (f"{model.ATTACHMENT_MARK} {model.clean(a.title)}" for a in extra)


def text_blocks(text: str, item: Item | None = None) -> list[str]:
    """Paragraphs apart, list items and table rows together; indented attachment titles stay
    right under the "./.." line they belong to (a blank line would end that list)."""
    out: list[str] = []
    for block in model.blocks(text, item.attachments if item else None):
        if block.kind == "p":
            out.extend(block.lines)
        elif block.kind == "indent":
            lines = "\n".join("\t" + line for line in block.lines)
            if out:
                out[-1] += "\n" + lines
            else:
                out.append(lines)
        elif block.kind == "ul":
            out.append("\n".join("- " + line for line in block.lines))
        else:
            out.append("\n".join(block.lines))
    return out


def _letter(doc: Document) -> Iterator[str]:
    if not doc.sections:
        yield from (model.clean(doc.sender), f"Dato: {model.danish_date(doc.date, False)}" if doc.date else "")
        if doc.subject:
            yield "# " + model.clean(doc.subject)
        if doc.deadline:
            yield f"Svarfrist: senest den {model.danish_date(doc.deadline, False)}"
        if doc.signatories:
            yield "Med venlig hilsen"
            yield from (model.clean(name) for name in doc.signatories)
        return
    for section in doc.sections:
        if section.title:
            yield "# " + model.clean(section.title)
        yield from text_blocks(section.text)
