"""Document → PDF through WeasyPrint, from the same HTML as render_html.

WeasyPrint is imported lazily (it is heavy and only the publishing side needs it). The HTML
has no external resources, and the URL fetcher allows no protocol at all, so rendering a
record can never reach the network or the file system.
"""

from __future__ import annotations

from moedebog.documents.records import Document
from moedebog.publish.html import render_html


def _no_fetch(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    raise ValueError(f"eksterne ressourcer hentes ikke: {url[:80]}")


def _fetcher() -> object:
    try:  # WeasyPrint ≥ 68 wants a URLFetcher instance
        from weasyprint.urls import URLFetcher

        return URLFetcher(allowed_protocols=())
    except (ImportError, TypeError):  # older versions take a plain function
        return _no_fetch


def render_pdf(doc: Document) -> bytes:
    """An A4 PDF with running header, page numbers and a table of contents with page numbers."""
    import weasyprint

    return weasyprint.HTML(string=render_html(doc), url_fetcher=_fetcher(), base_url=".").write_pdf()
