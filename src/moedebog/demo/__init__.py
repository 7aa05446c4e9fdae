"""Synthetic but realistic meeting records, for demos, tests and benchmarks.

Everything is generated from a seed: the same seed always gives the same records, so tests can
compare a parsed file with the record it was rendered from. Nothing here is imported by the rest
of the product; the publisher is imported only when a corpus in its formats is written.
"""

from moedebog.demo.committee import generate_committee_meetings
from moedebog.demo.corpus import FORMATS, corpus_documents, write_corpus, write_documents
from moedebog.demo.firstagenda_json import render_firstagenda_json
from moedebog.demo.kkr import agenda_of, generate_meetings

__all__ = [
    "FORMATS",
    "agenda_of",
    "corpus_documents",
    "generate_committee_meetings",
    "generate_meetings",
    "render_firstagenda_json",
    "write_corpus",
    "write_documents",
]
