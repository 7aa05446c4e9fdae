"""Attachment text: any supported file → its plain text, chosen by content, never by name."""

from __future__ import annotations

import pytest

from moedebog.documents import DocumentError, Source
from moedebog.documents.plaintext import extract_text
from moedebog.publish import render_docx, render_html, render_pdf
from tests.sample_records import minutes


@pytest.mark.parametrize("render", [render_pdf, render_docx, render_html], ids=["pdf", "docx", "html"])
def test_text_of_rendered_documents(render) -> None:
    content = render(minutes())
    data = content.encode("utf-8") if isinstance(content, str) else content
    text = extract_text(Source.from_bytes(data, "bilag.bin"))
    assert "Tværkommunale samarbejder om klima" in text
    assert "<" not in text.split("\n")[0]


def test_plain_text_in_any_encoding() -> None:
    assert extract_text(Source.from_bytes("Årsrapport\r\n\r\nØkonomi".encode("cp1252"), "x")) == "Årsrapport\nØkonomi"


def test_unreadable_files_raise_document_error() -> None:
    with pytest.raises(DocumentError):
        extract_text(Source.from_bytes(b"%PDF-1.7\n" + b"\x00" * 200, "x.pdf"))
    with pytest.raises(DocumentError):
        extract_text(Source.from_bytes(b"PK\x03\x04" + b"\x00" * 100, "x.docx"))
