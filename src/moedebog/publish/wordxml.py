"""Raw WordprocessingML that python-docx has no API for: fields, tab stops, list numbering.

Built with lxml elements (never by pasting strings of record text into XML), so record text
cannot break the markup.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

#: Our numbering definitions get ids far above those in python-docx's template.
ABSTRACT_ID = "9001"
NUM_ID = "9001"
#: Right edge of the text column on A4 with our margins, in twentieths of a point.
RIGHT_TAB = 9300


def _el(tag: str, **attrs: str) -> Any:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def add_field_char(paragraph: Any, kind: str) -> None:
    """A complex field boundary (begin/separate/end) at the end of the paragraph."""
    run = paragraph.add_run()
    run._r.append(_el("w:fldChar", fldCharType=kind))


def add_instruction(paragraph: Any, instruction: str) -> None:
    run = paragraph.add_run()
    instr = _el("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)


def add_simple_field(paragraph: Any, instruction: str, shown: str) -> None:
    """A field such as PAGE with a cached result, as Word writes them."""
    add_field_char(paragraph, "begin")
    add_instruction(paragraph, instruction)
    add_field_char(paragraph, "separate")
    paragraph.add_run(shown)
    add_field_char(paragraph, "end")


def add_right_tab(paragraph: Any) -> None:
    """A right-aligned tab stop at the margin with a dotted leader (TOC page numbers)."""
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Twips

    paragraph.paragraph_format.tab_stops.add_tab_stop(Twips(RIGHT_TAB), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


def add_outline_numbering(document: Any, heading_style: str, item_style: str) -> str:
    """Define the "1." / "1.1." multilevel list and link it to the two styles; returns the numId.

    KL's templates number agenda headings and items through their styles like this, so the
    text of a heading holds only its title.
    """
    numbering = document.part.numbering_part.element
    abstract = _el("w:abstractNum", abstractNumId=ABSTRACT_ID)
    abstract.append(_el("w:multiLevelType", val="multilevel"))
    for ilvl, (style, text) in enumerate(((heading_style, "%1."), (item_style, "%1.%2."))):
        lvl = _el("w:lvl", ilvl=str(ilvl))
        lvl.append(_el("w:start", val="1"))
        lvl.append(_el("w:numFmt", val="decimal"))
        lvl.append(_el("w:pStyle", val=style))
        lvl.append(_el("w:lvlText", val=text))
        lvl.append(_el("w:lvlJc", val="left"))
        ppr = _el("w:pPr")
        ppr.append(_el("w:ind", left="851", hanging="851"))
        lvl.append(ppr)
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = _el("w:num", numId=NUM_ID)
    num.append(_el("w:abstractNumId", val=ABSTRACT_ID))
    numbering.append(num)
    return NUM_ID


def link_style_numbering(style: Any, num_id: str, ilvl: int) -> None:
    """Give a paragraph style a list level, so its paragraphs are numbered automatically."""
    num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = int(num_id)
