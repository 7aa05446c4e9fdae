"""Document → DOCX with python-docx, in the layout of KL's Word templates.

Agenda headings and items are numbered automatically through two styles linked to a
multilevel list (as KL's templates do) when their numbers run 1, 2, 3 / 3.1, 3.2 without
gaps; otherwise the numbers are written as text. The table of contents is a real TOC field
whose cached entries ("3.1. Title<tab>8") carry estimated page numbers; Word recomputes them
when the field is updated. The running header and page numbers live in the header and footer.
"""

from __future__ import annotations

import io
from typing import Any

from moedebog.documents.records import Document, Item
from moedebog.publish import model, paging, wordxml

HEADING_STYLE = "Dagsordenoverskrift"
ITEM_STYLE = "Punktoverskrift"


def render_docx(doc: Document) -> bytes:
    """The document as a .docx file."""
    import docx
    from docx.shared import Cm, Pt

    word = docx.Document()
    for section in word.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin, section.right_margin = Cm(2.5), Cm(2.2)
        section.top_margin, section.bottom_margin = Cm(2.6), Cm(2.4)
        section.different_first_page_header_footer = True
    normal = word.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(10)
    _header_footer(word, model.running_header(doc))
    if doc.kind == "letter" or (doc.sections and not doc.items):
        _letter(word, doc)
    else:
        _meeting(word, doc)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _header_footer(word: Any, header: str) -> None:
    section = word.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    footer = section.footer.paragraphs[0]
    footer.add_run("Side ")
    wordxml.add_simple_field(footer, "PAGE", "1")
    footer.add_run(" af ")
    wordxml.add_simple_field(footer, "NUMPAGES", "1")


def _para(word: Any, text: str, style: str | None = None, bold: bool = False, size: float | None = None,
          page_break: bool = False) -> Any:
    from docx.shared import Pt

    p = word.add_paragraph()
    if style:
        p._p.style = _style_id(word, style)
    run = p.add_run(model.clean(text))
    if bold:
        run.bold = True
    if size:
        run.font.size = Pt(size)
    if page_break:
        p.paragraph_format.page_break_before = True
    return p


def _style_id(word: Any, name: str) -> str:
    """The style's id, looked up once per document: python-docx resolves a style name by scanning
    every style on each paragraph, which made that lookup most of the rendering time."""
    cache = word.__dict__.setdefault("_moedebog_style_ids", {})
    if name not in cache:
        cache[name] = word.styles[name].style_id
    return cache[name]


def _numbering_fits(parts: list[model.Part]) -> bool:
    """True when automatic numbering reproduces every heading and item number exactly."""
    for index, part in enumerate(parts, start=1):
        if part.heading is None or part.heading.number != str(index):
            return False
        for n, item in enumerate(part.items, start=1):
            if item.number != f"{index}.{n}":
                return False
    return True


def _meeting(word: Any, doc: Document) -> None:
    parts = model.outline(doc)
    automatic = bool(parts) and _numbering_fits(parts)
    if automatic:
        _add_numbered_styles(word)
    _front(word, doc)
    _toc(word, doc, parts)
    if doc.participants:
        _para(word, model.PARTICIPANTS_TITLE, "Heading 1", page_break=True)
        for group in model.participant_groups(doc):
            _para(word, group.title, "Heading 2")
            for person in group.people:
                _para(word, model.participant_line(person))
    for part in parts:
        first = True
        if part.heading is not None:
            if automatic:
                _para(word, part.heading.title, HEADING_STYLE, page_break=True)
            else:
                _para(word, model.heading_label(part.heading), "Heading 1", page_break=True)
            first = False
        for item in part.items:
            _item(word, item, automatic, page_break=not first)
            first = False


def _add_numbered_styles(word: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    num_id = wordxml.add_outline_numbering(word, "Dagsordenoverskrift", "Punktoverskrift")
    for name, base, ilvl in ((HEADING_STYLE, "Heading 1", 0), (ITEM_STYLE, "Heading 2", 1)):
        style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = word.styles[base]
        wordxml.link_style_numbering(style, num_id, ilvl)


def _front(word: Any, doc: Document) -> None:
    _para(word, model.title_line(doc), bold=True, size=22)
    if doc.body:
        _para(word, model.front_body(doc), bold=True, size=15)
    if doc.start:
        _para(word, f"Dato: {model.danish_date(doc.start)}")
    if doc.location:
        _para(word, f"Sted: {doc.location}")
    if model.has_mission(doc):
        _para(word, "Mission", bold=True)
        _para(word, model.MISSION)
        _para(word, "Vision", bold=True)
        _para(word, model.VISION)


def _toc(word: Any, doc: Document, parts: list[model.Part]) -> None:
    entries: list[tuple[str, int]] = []
    participants, part_pages, item_pages = paging.toc_pages(doc, parts)
    if participants is not None:
        entries.append((model.PARTICIPANTS_TITLE, participants))
    for index, part in enumerate(parts):
        if part.heading is not None:
            entries.append((model.heading_label(part.heading), part_pages[index]))
        entries.extend((model.item_label(item), item_pages[id(item)]) for item in part.items)
    if not entries:
        return
    for n, (label, page) in enumerate(entries):
        p = word.add_paragraph()
        wordxml.add_right_tab(p)
        if n == 0:
            p.paragraph_format.page_break_before = True
            wordxml.add_field_char(p, "begin")
            wordxml.add_instruction(p, 'TOC \\o "1-2" \\h \\z \\u')
            wordxml.add_field_char(p, "separate")
        p.add_run(f"{model.clean(label)}\t{page}")
        if n == len(entries) - 1:
            wordxml.add_field_char(p, "end")


def _item(word: Any, item: Item, automatic: bool, page_break: bool) -> None:
    if automatic:
        _para(word, model.item_title(item), ITEM_STYLE, page_break=page_break)
    else:
        _para(word, model.item_label(item), "Heading 2", page_break=page_break)
    case = model.case_line(item)
    if case:
        _para(word, case)
    for section in item.sections:
        if model.section_title(section):
            _para(word, model.section_title(section), "Heading 3")
        _blocks(word, section.text, item)
    extra = model.extra_attachments(item)
    if extra:
        _para(word, model.ATTACHMENTS_TITLE, "Heading 3")
        for attachment in extra:
            _para(word, f"{model.ATTACHMENT_MARK} {attachment.title}")


def _blocks(word: Any, text: str, item: Item | None = None) -> None:
    for block in model.blocks(text, item.attachments if item else None):
        if block.kind == "p":
            for line in block.lines:
                _para(word, line)
        elif block.kind == "indent":
            for line in block.lines:
                _para(word, "\t" + line)
        elif block.kind == "ul":
            for line in block.lines:
                _para(word, line, "List Bullet")
        else:
            _table(word, block.lines)


def _table(word: Any, lines: list[str]) -> None:
    rows = [line.split("\t") for line in lines]
    width = max(len(r) for r in rows)
    table = word.add_table(rows=len(rows), cols=width)
    table.style = word.styles["Table Grid"]
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=False):
            cell.text = model.clean(text)


def _letter(word: Any, doc: Document) -> None:
    if not doc.sections:
        if doc.sender:
            _para(word, doc.sender)
        if doc.date:
            _para(word, f"Dato: {model.danish_date(doc.date, False)}")
        if doc.subject:
            _para(word, doc.subject, "Heading 2")
        if doc.deadline:
            _para(word, f"Svarfrist: senest den {model.danish_date(doc.deadline, False)}")
        if doc.signatories:
            _para(word, "Med venlig hilsen")
            for name in doc.signatories:
                _para(word, name)
        return
    for section in doc.sections:
        if section.title:
            _para(word, section.title, "Heading 2")
        _blocks(word, section.text)
