"""Document → HTML in the layout of KL's KKR agendas and minutes.

Every string from the record goes through ``_e`` (escape after removing control
characters); nothing from the record is ever placed in markup unescaped. The same HTML is
what ``render_pdf`` hands to WeasyPrint.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from moedebog.documents.records import Attachment, Document, Item
from moedebog.publish import model, paging
from moedebog.publish.style import stylesheet


def _e(text: str | None) -> str:
    return html.escape(model.clean(text), quote=True)


def _item_id(item: Item, index: int) -> str:
    return f"punkt-{index}"


def render_html(doc: Document) -> str:
    """The whole document as one HTML page (UTF-8, Danish, no external resources)."""
    title = " ".join(p for p in (model.title_line(doc).title(), model.clean(doc.body)) if p)
    head = (f'<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n<title>{_e(title)}</title>\n'
            f"<style>{stylesheet(model.running_header(doc))}</style>\n</head>\n<body>\n")
    return head + "\n".join(_body(doc)) + "\n</body>\n</html>\n"


def _body(doc: Document) -> Iterator[str]:
    if doc.kind == "letter" or (doc.sections and not doc.items):
        yield from _letter(doc)
        return
    yield from _front(doc)
    parts = model.outline(doc)
    ids = {id(item): _item_id(item, n) for n, item in enumerate(doc.items)}
    yield from _toc(doc, parts, ids)
    yield from _participants(doc)
    for index, part in enumerate(parts):
        yield f'<section class="part" id="del-{index}">'
        if part.heading is not None:
            yield f"<h2>{_e(model.heading_label(part.heading))}</h2>"
        for item in part.items:
            yield from _item(item, ids[id(item)])
        yield "</section>"


def _front(doc: Document) -> Iterator[str]:
    yield '<header class="front">'
    yield f'<p class="kind">{_e(model.title_line(doc))}</p>'
    if doc.body:
        yield f'<p class="body">{_e(model.front_body(doc))}</p>'
    if doc.start:
        yield f'<p class="meta">Dato: {_e(model.danish_date(doc.start))}</p>'
    if doc.location:
        yield f'<p class="meta">Sted: {_e(doc.location)}</p>'
    if model.has_mission(doc):
        yield '<div class="mission">'
        yield f'<p class="label">Mission</p>\n<p>{_e(model.MISSION)}</p>'
        yield f'<p class="label">Vision</p>\n<p>{_e(model.VISION)}</p>'
        yield "</div>"
    yield "</header>"


def _toc(doc: Document, parts: list[model.Part], ids: dict[int, str]) -> Iterator[str]:
    """Entries with dotted leaders and page numbers. On screen the numbers are estimates (the
    same as the DOCX file shows); in print WeasyPrint replaces them with the real ones."""
    if not parts and not doc.participants:
        return
    participants, part_pages, item_pages = paging.toc_pages(doc, parts)

    def entry(level: int, href: str, label: str, page: int) -> str:
        return (f'<p class="level-{level}"><a href="#{href}">{_e(label)}</a>'
                f'<span class="est"> ..... {page}</span></p>')

    yield '<nav class="toc">'
    if participants is not None:
        yield entry(1, "deltagere", model.PARTICIPANTS_TITLE, participants)
    for index, part in enumerate(parts):
        if part.heading is not None:
            yield entry(1, f"del-{index}", model.heading_label(part.heading), part_pages[index])
        for item in part.items:
            yield entry(2, ids[id(item)], model.item_label(item), item_pages[id(item)])
    yield "</nav>"


def _participants(doc: Document) -> Iterator[str]:
    if not doc.participants:
        return
    yield f'<section class="participants" id="deltagere">\n<h2>{_e(model.PARTICIPANTS_TITLE)}</h2>'
    for group in model.participant_groups(doc):
        yield f"<h3>{_e(group.title)}</h3>"
        for person in group.people:
            yield f"<p>{_e(model.participant_line(person))}</p>"
    yield "</section>"


def _item(item: Item, anchor: str) -> Iterator[str]:
    yield f'<article class="item" id="{anchor}">'
    yield f"<h3>{_e(model.item_label(item))}</h3>"
    case = model.case_line(item)
    if case:
        yield f'<p class="case">{_e(case)}</p>'
    for section in item.sections:
        if model.section_title(section):
            yield f"<h4>{_e(model.section_title(section))}</h4>"
        yield from text_blocks(section.text, item.attachments)
    extra = model.extra_attachments(item)
    if extra:
        yield f'<div class="attachments">\n<h4>{_e(model.ATTACHMENTS_TITLE)}</h4>'
        for attachment in extra:
            yield f"<p>{_e(model.ATTACHMENT_MARK)} {_e(attachment.title)}</p>"
        yield "</div>"
    yield "</article>"


def text_blocks(text: str, attachments: list[Attachment] | None = None) -> Iterator[str]:
    """Section text as paragraphs, bullet lists and tables."""
    for block in model.blocks(text, attachments):
        if block.kind in ("p", "indent"):
            css = ' class="indent"' if block.kind == "indent" else ""
            for line in block.lines:
                yield f"<p{css}>{_e(line)}</p>"
        elif block.kind == "ul":
            yield "<ul>" + "".join(f"<li>{_e(line)}</li>" for line in block.lines) + "</ul>"
        else:
            width = max(line.count("\t") for line in block.lines) + 1
            rows = []
            for line in block.lines:
                cells = line.split("\t")
                cells += [""] * (width - len(cells))
                rows.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>")
            yield "<table>" + "".join(rows) + "</table>"


def _letter(doc: Document) -> Iterator[str]:
    """A letter's text is its sections; the letter fields are read from that text, so they are
    only written out when a record has fields but no text."""
    if not doc.sections:
        yield from _letter_fields(doc)
        return
    for section in doc.sections:
        if section.title:
            yield f"<h2>{_e(section.title)}</h2>"
        yield from text_blocks(section.text)


def _letter_fields(doc: Document) -> Iterator[str]:
    if doc.sender:
        yield f"<p>{_e(doc.sender)}</p>"
    if doc.date:
        yield f"<p>Dato: {_e(model.danish_date(doc.date, False))}</p>"
    if doc.subject:
        yield f"<h2>{_e(doc.subject)}</h2>"
    if doc.deadline:
        yield f"<p>Svarfrist: senest den {_e(model.danish_date(doc.deadline, False))}</p>"
    if doc.signatories:
        yield "<p>Med venlig hilsen</p>"
        for name in doc.signatories:
            yield f"<p>{_e(name)}</p>"
