"""The head of a meeting document: its kind, the body that meets, when and where.

KL's templates print "REFERAT 2020" / "DAGSORDEN 2016", the body in capitals, then "Dato:" and
"Sted:" lines; Word exports add bookmarks and a running header "KKR Midtjylland | 08-04-2025".
Municipal templates say "Mødedato", "Mødested", "Udvalg". All are recognised here.
"""

from __future__ import annotations

import re

from moedebog.documents.dates import parse_datetime
from moedebog.documents.records import Document

_KIND = re.compile(
    r"^(?P<kind>referat|beslutningsprotokol|protokol|dagsorden|tillægsdagsorden|ekstraordinær dagsorden"
    r"|åben dagsorden|åbent referat|lukket referat|lukket dagsorden)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_FIELD = re.compile(
    r"^(?P<key>dato|mødedato|tidspunkt|mødetidspunkt|tid|sted|mødested|lokale|mødelokale|udvalg|organ)"
    r"\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_RUNNING_HEADER = re.compile(r"^(?P<body>[^|]{3,80}?)\s*\|\s*(?P<date>\d{1,2}[-./]\d{1,2}[-./]\d{4})\s*$")
#: First letters of the kind words (no other character matches them when case is ignored).
_KIND_FIRST = frozenset("rbpdteål")
_YEAR_ONLY = re.compile(r"^\s*(?:\d{4})?\s*$")
_MINUTES_WORDS = ("referat", "beslutningsprotokol", "protokol")


def kind_of(line: str) -> tuple[str, str] | None:
    """("agenda" | "minutes", the name as printed) when the line names the document kind."""
    m = _KIND.match(line) if line[:1].lower() in _KIND_FIRST else None
    if not m or not _YEAR_ONLY.match(m.group("rest").strip(" -–:")):
        return None
    word = m.group("kind").lower()
    kind = "minutes" if any(w in word for w in _MINUTES_WORDS) else "agenda"
    return kind, line.strip()


def nice_body(text: str) -> str:
    """"KKR MIDTJYLLAND" → "KKR Midtjylland": capitals are typography, not the name."""
    text = " ".join(text.split())
    if not text.isupper():
        return text
    words = []
    for word in text.split(" "):
        words.append(word if len(word) <= 3 and word.isalpha() else word.capitalize())
    return " ".join(words)


def _plausible_body(line: str) -> bool:
    return 2 <= len(line) <= 80 and line[0].isalpha() and not line.endswith((".", ":")) and ":" not in line


class HeadReader:
    """Collects head facts line by line until the body starts."""

    def __init__(self, document: Document) -> None:
        self.doc = document
        self.expect_body = False
        self.kind_seen = False
        self.lines_seen = 0
        self.body_candidate: str | None = None  # a short first line: "Byrådet" above "Referat"

    def feed(self, line: str) -> bool:
        """Take a head line; True when it was consumed as a head fact."""
        doc = self.doc
        self.lines_seen += 1
        if line[:1].isdigit() and "|" not in line:
            # a numbered heading or item (asked here whenever no item is open): no kind word,
            # field name or body name starts with a digit, only a running header might
            return False
        found = kind_of(line)
        if found and not self.kind_seen:
            doc.kind, doc.name = found
            self.kind_seen = True
            self.expect_body = True
            if doc.body is None and self.body_candidate is not None:
                doc.body, self.expect_body = nice_body(self.body_candidate), False
            return True
        if self.lines_seen <= 2 and not self.kind_seen and _plausible_body(line):
            self.body_candidate = line
        m = _FIELD.match(line) if ":" in line else None
        if m:
            key, value = m.group("key").lower(), m.group("value").strip()
            if key in ("dato", "mødedato", "tidspunkt", "mødetidspunkt", "tid"):
                when = parse_datetime(value)
                if when and (doc.start is None or (len(when) > len(doc.start) and when.startswith(doc.start))):
                    doc.start = when
                elif when is None and doc.start and len(doc.start) == 10 and re.search(r"\d[:.]\d\d", value):
                    doc.start = parse_datetime(f"{doc.start[8:10]}-{doc.start[5:7]}-{doc.start[:4]} {value}")
            elif key in ("sted", "mødested", "lokale", "mødelokale"):
                doc.location = doc.location or value or None
            elif key in ("udvalg", "organ") and value:
                doc.body = doc.body or nice_body(value)
            self.expect_body = False
            return True
        m = _RUNNING_HEADER.match(line) if "|" in line else None
        if m:
            doc.body = doc.body or nice_body(m.group("body"))
            if doc.start is None:
                doc.start = parse_datetime(m.group("date"))
            return True
        if self.expect_body and doc.body is None and _plausible_body(line):
            doc.body = nice_body(line)
            self.expect_body = False
            return True
        return False
