"""Any supported file → its plain text, one paragraph per line, for search.

Attachments (bilag) are reports, letters and spreadsheets turned into PDF or Word, not meeting
documents, so they are not segmented: the readers' own line extraction is used, chosen by the
content as everywhere in this layer. A file that cannot be read raises DocumentError.
"""

from __future__ import annotations

from collections.abc import Iterable

from moedebog.documents.errors import DocumentError, unreadable
from moedebog.documents.sniff import sniff
from moedebog.documents.source import Source

MAX_CHARS = 2_000_000


def extract_text(source: Source) -> str:
    """The file's text; empty for a PDF without a text layer (a scan)."""
    try:
        fmt = sniff(source.head())
    except OSError as exc:
        raise DocumentError(unreadable(exc)) from None
    try:
        lines = _lines(fmt, source)
        out: list[str] = []
        size = 0
        for line in lines:
            line = line.strip()
            if line:
                out.append(line)
                size += len(line) + 1
                if size > MAX_CHARS:
                    break
        return "\n".join(out)[:MAX_CHARS]
    except DocumentError:
        raise
    except MemoryError:
        raise DocumentError("filen kræver for meget hukommelse at læse") from None
    except Exception as exc:  # a reader bug must not lose the upload; say what happened
        raise DocumentError(f"uventet fejl under læsning som {fmt}: {type(exc).__name__}: {exc}") from None


def _lines(fmt: str, source: Source) -> Iterable[str]:
    if fmt == "pdf":
        from moedebog.documents.readers.pdf import extract_lines

        return extract_lines(source)
    if fmt == "docx":
        from moedebog.documents.readers.docx import extract_lines

        return extract_lines(source)
    data = source.read()
    if fmt == "html":
        from moedebog.documents.readers.html import decode_html, html_to_lines

        return html_to_lines(decode_html(data))
    from moedebog.documents.textdecode import decode

    return decode(data).splitlines()
