"""Which version of a document is rendered: the complete one for members, the public one for all.

The public version leaves closed items (lukkede punkter) out entirely, title included, as the
published minutes of the seeds do; headings stay, so the agenda keeps its standard outline. Pure:
a new record is returned and the caller's is left as it was.
"""

from __future__ import annotations

from dataclasses import replace

from moedebog.documents.records import Document


def public_version(doc: Document) -> Document:
    """The record without its closed items."""
    return replace(doc, items=[item for item in doc.items if item.public], headings=list(doc.headings),
                   participants=list(doc.participants))
