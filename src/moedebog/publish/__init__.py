"""Publishing: render a parsed or authored Document as HTML, PDF, DOCX or plain text.

Layer 3: depends on the documents layer only. The four renderers share one model of the
document (publish.model), so they show the same content, and what they write can be read
back by the documents layer's readers into an equal record (tested round trip).
"""

from __future__ import annotations

from moedebog.documents.records import Document

__all__ = ["render_docx", "render_html", "render_pdf", "render_text"]


def render_html(doc: Document) -> str:
    """The document as one self-contained HTML page."""
    from moedebog.publish.html import render_html as render

    return render(doc)


def render_pdf(doc: Document) -> bytes:
    """The document as an A4 PDF (WeasyPrint)."""
    from moedebog.publish.pdf import render_pdf as render

    return render(doc)


def render_docx(doc: Document) -> bytes:
    """The document as a Word file (python-docx)."""
    from moedebog.publish.docx import render_docx as render

    return render(doc)


def render_text(doc: Document) -> str:
    """The document as plain text, one paragraph per line."""
    from moedebog.publish.text import render_text as render

    return render(doc)
