"""PDF layout analysis in small stages: page text → visual lines → paragraphs.

pdfium gives characters and their boxes but no paragraphs. These stages rebuild what the
segmenter needs (one paragraph per line, tables as tab-separated cells) from positions:

1. ``page.read_page``: one pdfium text page → fragments → visual lines (``Line``).
2. ``furniture.drop_furniture``: drop running headers/footers and page numbers.
3. ``paragraphs.Assembler``: join wrapped lines, split on gaps, bullets, style changes,
   and rebuild tables (``tables``) into tab-separated rows.

Stages 2 and 3 are pure Python over ``Line`` records, so they are tested without pdfium.
"""

from moedebog.documents.readers.pdflayout.lines import Fragment, Line, PageText

__all__ = ["Fragment", "Line", "PageText"]
