"""Write generated meetings to files in every published format, for round-trip tests and benchmarks.

Text, HTML, DOCX and PDF come from the publisher (moedebog.publish, imported only when one of
them is asked for, since PDF rendering pulls in heavy libraries); FirstAgenda JSON comes from the
demo's own renderer. File names start with the document's index so a test can pair each file
with the record it was made from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from moedebog.demo.committee import generate_committee_meetings
from moedebog.demo.firstagenda_json import render_firstagenda_json
from moedebog.demo.kkr import generate_meetings
from moedebog.documents.records import Document

FORMATS = ("txt", "html", "json", "docx", "pdf")

#: Format → name of the moedebog.publish function that renders it (json is rendered here).
PUBLISH_FUNCTIONS = {"txt": "render_text", "html": "render_html", "docx": "render_docx", "pdf": "render_pdf"}

Renderer = Callable[[Document], str | bytes]


def renderer(fmt: str) -> Renderer:
    """The function that turns a record into a file of format ``fmt``."""
    if fmt == "json":
        return render_firstagenda_json
    if fmt not in PUBLISH_FUNCTIONS:
        raise ValueError(f"ukendt format: {fmt} (kendte: {', '.join(FORMATS)})")
    from moedebog import publish

    return getattr(publish, PUBLISH_FUNCTIONS[fmt])


def corpus_documents(n: int, seed: int = 0, committee_meetings: int = 0) -> list[Document]:
    """The records ``write_corpus`` writes: ``n`` KKR meetings, then any committee meetings."""
    docs = generate_meetings(n, seed)
    if committee_meetings:
        docs += generate_committee_meetings(committee_meetings, seed)
    return docs


def file_stem(index: int, doc: Document) -> str:
    """'00012_kkr-midtjylland_2020-02-05_minutes': index first, so files sort in generation order."""
    body = re.sub(r"[^a-z0-9æøå]+", "-", (doc.body or "ukendt").lower()).strip("-")
    day = (doc.start or "")[:10] or "udateret"
    return f"{index:05d}_{body}_{day}_{doc.kind}"


def write_documents(docs: Iterable[Document], out_dir: str | Path,
                    formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write each record in each format; returns the paths, record by record, in ``formats`` order."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    renderers = {fmt: renderer(fmt) for fmt in formats}
    paths: list[Path] = []
    for index, doc in enumerate(docs):
        stem = file_stem(index, doc)
        for fmt, render in renderers.items():
            path = out / f"{stem}.{fmt}"
            content = render(doc)
            if isinstance(content, str):
                path.write_text(content, encoding="utf-8")
            else:
                path.write_bytes(content)
            paths.append(path)
    return paths


def write_corpus(out_dir: str | Path, n: int, formats: Sequence[str] = FORMATS, seed: int = 0,
                 committee_meetings: int = 0) -> list[Path]:
    """Generate ``n`` KKR meetings (plus any committee meetings) and write them in every format."""
    return write_documents(corpus_documents(n, seed, committee_meetings), out_dir, formats)


def index_of(path: str | Path) -> int:
    """The record index a corpus file name starts with."""
    return int(Path(path).name.split("_", 1)[0])
