"""Letters: documents with no agenda structure, such as a consultation sent to the councils.

From the paragraphs of a letter we recover its date, subject, the deadline for answers, the
sender and who signed it, and keep its text as sections split at its headings so that it can be
searched.
"""

from __future__ import annotations

import re

from moedebog.documents.dates import find_date, parse_date
from moedebog.documents.records import Document, Section
from moedebog.documents.segmenter.head import nice_body

_LETTER_CUES = re.compile(r"^(med venlig hilsen|venlig hilsen|mvh|kære\b|til\s+\S|på .* vegne)", re.I)
_SUBJECT_FIELD = re.compile(r"^(vedr\.?|vedrørende|emne|om)\s*:\s*(?P<value>.+)$", re.I)
_DATE_FIELD = re.compile(r"^(dato|date)\s*:\s*(?P<value>.+)$", re.I)
_DEADLINE = re.compile(
    r"(senest|inden|høringsfrist(?:en)?|svarfrist(?:en)?|frist(?:en)?(?: for [^.]{0,60})?)\s*"
    r"(?:er|:)?\s*(?:den|d\.|til|på)?\s*",
    re.I,
)
_POSTCODE = re.compile(r"^\d{4}\s+[A-ZÆØÅ][\wæøå .-]+$")
_GREETING = re.compile(r"^(med venlig hilsen|venlig hilsen|mvh|med venlig hilsen og tak)\W*$", re.I)
_PERSON = re.compile(r"^[A-ZÆØÅ][\wæøåéü.'-]+(?:\s+[A-ZÆØÅ][\wæøåéü.'-]+){1,4}$")
_ROLE_BODY = re.compile(r"\b(?:for|i)\s+(?P<body>(?:KKR|Kommunekontaktråd|KL|[A-ZÆØÅ][\wæøå-]+ Kommune)[\wæøå -]*)$")


def looks_like_letter(lines: list[str]) -> bool:
    return any(_LETTER_CUES.match(line) for line in lines)


def read_letter(lines: list[tuple[str, bool]], doc: Document) -> None:
    """Fill the letter fields of ``doc`` from its paragraphs, each given as (text, is_heading)."""
    texts = [t for t, _ in lines]
    doc.kind = "letter" if looks_like_letter(texts) else "unknown"
    date_index = _find_date(texts, doc)
    _find_subject(lines, date_index, doc)
    _find_deadline(texts, doc)
    _find_sender(texts, doc)
    _find_signatories(texts, doc)
    doc.sections = _sections(lines)


def _find_date(texts: list[str], doc: Document) -> int:
    for i, text in enumerate(texts[:60]):
        m = _DATE_FIELD.match(text)
        if m and (iso := parse_date(m.group("value"))):
            doc.date = iso
            return i
    for i, text in enumerate(texts[:60]):
        found = find_date(text)
        if found and len(text) <= 60:
            doc.date = found[0]
            return i
    return -1


def _find_subject(lines: list[tuple[str, bool]], date_index: int, doc: Document) -> None:
    for text, _ in lines[:80]:
        m = _SUBJECT_FIELD.match(text)
        if m:
            doc.subject = m.group("value").strip()
            break
    headings = [(i, t) for i, (t, h) in enumerate(lines) if h]
    if headings:
        doc.name = headings[0][1]
    if doc.subject is None:
        after = [t for i, t in headings if i > date_index]
        doc.subject = after[0] if after else (headings[0][1] if headings else None)


def _find_deadline(texts: list[str], doc: Document) -> None:
    for text in texts:
        for m in _DEADLINE.finditer(text):
            found = find_date(text[m.end(): m.end() + 40])
            if found and found[1] == 0:
                doc.deadline = found[0]
                return


def _find_sender(texts: list[str], doc: Document) -> None:
    for i, text in enumerate(texts[:40]):
        if _POSTCODE.match(text):
            j = i
            while j > 0 and texts[j - 1] and not texts[j - 1].lower().startswith("til ") and i - j < 4:
                j -= 1
            if j < i:
                doc.sender = texts[j]
            return


def _find_signatories(texts: list[str], doc: Document) -> None:
    for i, text in enumerate(texts):
        if not _GREETING.match(text):
            continue
        for line in texts[i + 1: i + 12]:
            if _PERSON.match(line) and len(line) <= 60:
                doc.signatories.append(line)
            elif m := _ROLE_BODY.search(line):
                doc.body = doc.body or nice_body(m.group("body").strip())
            elif len(line) > 80:
                break
        return


def _sections(lines: list[tuple[str, bool]]) -> list[Section]:
    sections: list[Section] = []
    title, parts = "", []
    for text, is_heading in lines:
        if is_heading:
            if parts or title:
                sections.append(Section("other", title, "\n\n".join(parts)))
            title, parts = text, []
        else:
            parts.append(text)
    if parts or title:
        sections.append(Section("other", title, "\n\n".join(parts)))
    return sections
