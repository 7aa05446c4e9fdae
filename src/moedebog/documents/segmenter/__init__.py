"""The one segmenter shared by every text-like reader (text, markdown, PDF, DOCX, HTML).

Readers turn their format into paragraphs, one per line (tables as tab-separated cells,
headings may carry markdown '#' marks), and hand them here.
"""

from moedebog.documents.segmenter.core import segment

__all__ = ["segment"]
