"""Safe rich text for section bodies: what the editor sends is never stored as HTML.

The editor sends HTML; it is flattened by the documents layer's hostile-HTML reader (scripts,
styles, event handlers, hidden elements and attributes never become text) into the records'
text convention: paragraphs separated by a blank line, list entries as "- " lines, table rows
as tab-separated lines. That text is what the archive stores and every renderer escapes, so no
markup a user typed can reach a page. ``to_html`` turns the text back into the few elements
the editor shows. Pure functions: no Django.
"""

from __future__ import annotations

import html
import re

from moedebog.documents.htmltext import html_blocks
from moedebog.publish.model import blocks

MAX_CHARS = 200_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANKS = re.compile(r"\n{3,}")


def from_html(markup: str) -> str:
    """Editor HTML → section text (safe by construction: only text survives)."""
    parts: list[tuple[str, str]] = []  # (kind, line)
    for block in html_blocks(markup[: MAX_CHARS * 4]):
        text = block.text.strip()
        if not text:
            continue
        if block.kind == "item":
            parts.append(("li", "- " + " ".join(text.split())))
        elif block.kind == "row":
            parts.append(("tr", "\t".join(" ".join(c.split()) for c in text.split("\t"))))
        else:
            parts.extend(("p", " ".join(line.split())) for line in text.split("\n") if line.strip())
    out: list[str] = []
    for index, (kind, line) in enumerate(parts):
        if index:
            out.append("\n" if kind != "p" and parts[index - 1][0] == kind else "\n\n")
        out.append(line)
    return "".join(out)[:MAX_CHARS]


def from_plain(text: str) -> str:
    """Text typed into a plain text area: line ends normalised, control characters removed,
    no more than one blank line between paragraphs."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()[:MAX_CHARS]


def to_html(text: str) -> str:
    """Section text → the editor's HTML (paragraphs, bullet lists, tables), all text escaped."""
    out: list[str] = []
    for block in blocks(text):
        if block.kind == "ul":
            out.append("<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in block.lines) + "</ul>")
        elif block.kind == "table":
            rows = ("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in line.split("\t")) + "</tr>"
                    for line in block.lines)
            out.append("<table><tbody>" + "".join(rows) + "</tbody></table>")
        else:
            out.extend(f"<p>{html.escape(line)}</p>" for line in block.lines)
    return "".join(out)
