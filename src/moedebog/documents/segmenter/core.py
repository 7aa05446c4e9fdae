"""The segmenter: paragraphs of a meeting document → head, participants, headings, items, sections.

It is one pass over the lines, with at most a line of lookahead, so that a document of any size
is segmented in memory bounded by its largest item: finished items go to ``on_item`` at once.
Every clue is used: the table of contents (which headings and items exist, their exact titles),
numbered heading and item lines checked against it, case-number lines, the standard section
titles, and — when the body lost its item titles, as Word exports sometimes do — the order of the
table of contents aligned with the places where a new item's sections begin.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from moedebog.documents.records import Attachment, Document, Heading, Item, ItemAbsence, Section
from moedebog.documents.sectionkinds import section_kind
from moedebog.documents.segmenter.head import HeadReader
from moedebog.documents.segmenter.letter import read_letter
from moedebog.documents.segmenter.lines import (
    BULLET_CHARS,
    clean,
    is_bullet,
    is_indented,
    normalize_title,
    without_bullet,
)
from moedebog.documents.segmenter.participants import LIST_TITLES, group_of, parse_participant
from moedebog.documents.segmenter.toc import TocEntry, parse_toc_line

ItemSink = Callable[[Item], None]

_HEADING = re.compile(r"^(?:punkt\s+)?(?P<num>\d{1,2})\.?\s+(?P<title>\S.*)$", re.IGNORECASE)
_ITEM = re.compile(r"^(?:punkt\s+)?(?P<num>\d{1,2}\.\d{1,3})\.?\s+(?P<title>\S.*)$", re.IGNORECASE)
_CASE_NUMBER = (
    r"(?:[A-ZÆØÅ]{2,5}-\d{4}-\d{3,}|\d{2}/\d{3,}(?:-\d+)?|\d{2}-\d{4,}|"
    r"\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2})"
)
_CASE_LINE = re.compile(
    rf"^(?:(?:sagsnr|sagsnummer|sags nr|sag nr|sag|j\.\s?nr|journalnr)\.?\s*:?\s*)?(?P<case>{_CASE_NUMBER})"
    r"(?:\s+(?P<handlers>[A-Za-zæøåÆØÅ]{2,6}(?:\s*/\s*[A-Za-zæøåÆØÅ]{2,6})*))?\s*$",
    re.IGNORECASE,
)
_ATTACHMENT_MARK = re.compile(r"^(?:[-•*]\s*)?\./\.(?P<many>\.?)\s*(?P<title>.*)$")
_CLOSED_TITLE = re.compile(r"^lukket\s*(?:punkt)?\s*[:\-–]\s*", re.IGNORECASE)
_BOILERPLATE_HEADS = {"Mission", "Vision"}
_LONGEST_LIST_TITLE = max(map(len, LIST_TITLES))
#: First characters of the lines the plain-text path hands on: ".", "Mission"/"Vision", "Punkt".
_SPECIAL_FIRST = frozenset(".MVPp")
_TABLE_ROW = "\t"
#: A table-of-contents line has a tab, dotted leaders or table bars; other lines skip that parser.
#: Tabs and leaders are found with ``in``; this pattern only looks at the line's start.
_MAYBE_TOC_START = re.compile(r"\s*(?:\||#*\s*(?:indhold|dagsordenens punkter))", re.IGNORECASE)
#: The largest step between two page numbers of a table of contents (a 200-page item is rare).
_MAX_PAGE_JUMP = 200
#: Lines that announce a table of contents.
_TOC_TITLES = {"indholdsfortegnelse", "indhold", "dagsordenens punkter", "indholdsfortegnelse for dagsorden"}
#: "Fraværende: Anna Holm (A), Bo Lund (V)" — attendance given inline, for the meeting or one item.
_INLINE_ATTENDANCE = re.compile(
    r"^(?P<label>fraværende|afbud|forfald|til stede|deltagere|fremmødte)\s*:\s*(?P<names>.+)$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r",\s*|\s+og\s+")
#: Section titles are short ("Beslutning i Økonomiudvalget den 16-03-2026" is among the longest).
_MAX_SECTION_TITLE = 90
#: Unstructured text is collected for letters; past this many paragraphs it is a document we
#: cannot segment, and we stop holding it.
_LETTER_LIMIT = 20000


class Segmenter:
    """Consumes cleaned paragraphs one at a time; ``finish`` completes the document."""

    def __init__(self, document: Document, on_item: ItemSink | None = None) -> None:
        self.doc = document
        self.sink = on_item or document.items.append
        self.head = HeadReader(document)
        # table of contents
        self.toc: list[TocEntry] = []
        self.last_page: int | None = None  # the last page number in ``toc``
        self.in_toc = False
        self.toc_done = False
        self.toc_wrap: tuple[str, str, str] | None = None
        self.toc_items: dict[str, TocEntry] = {}
        self.toc_headings: dict[str, TocEntry] = {}
        self.toc_order: list[str] = []
        # participants
        self.in_participants = False
        self.group: str | None = None
        self.group_title: str | None = None
        self.seen_people: set[tuple[str, str | None]] = set()
        # body
        self.heading: Heading | None = None
        self.body_headings: list[Heading] = []
        self.body_heading_numbers: set[str] = set()
        self.item: Item | None = None
        self.stage = "none"  # title | case | body
        self.parts: list[str] = []
        self.section: Section | None = None
        self.last_was_list = False
        self.title_target: str | None = None
        self.attachment_run = False
        self.seen_numbers: set[str] = set()
        self.lost_titles = False
        self.boundary = False
        self.items_started = 0
        self.tentative: tuple[str, str] | None = None
        self.decision_text = False
        self.last_top = 0  # the last top-level number seen (heading, or item in single-number documents)
        # letters
        self.loose: list[tuple[str, bool]] = []
        self.pending_boiler: str | None = None

    # ---------------------------------------------------------------- driving
    def feed(self, raw: str) -> None:
        """Take one paragraph."""
        self.feed_all((raw,))

    def feed_all(self, lines: Iterable[str], cleaner: Callable[[str], str] = clean) -> None:
        """Take paragraphs in order. One loop over a whole batch, because most lines are blank
        or plain text inside an item's sections, and for those the cost of a method call per
        line would be most of the work; everything else goes through ``_dispatch``.

        ``cleaner`` is clean() or a cheaper equivalent for these lines (lines.cleaner_for)."""
        for raw in lines:
            if not raw:
                self.attachment_run = False
                continue
            line = cleaner(raw)
            if not line:
                self.attachment_run = False
                continue
            first = line[0]
            if self.stage != "body" or self.pending_boiler is not None or self.tentative is not None \
                    or first.isdigit() or (first in _SPECIAL_FIRST and (
                        line == "." or line in _BOILERPLATE_HEADS or line.startswith(("Punkt ", "punkt ")))):
                if self.pending_boiler is None and line not in _BOILERPLATE_HEADS:
                    self._line(raw, line)  # what _dispatch does with such a line, without its call
                else:
                    self._dispatch(raw, line)
                continue
            # inside an item's sections (most of any document): only a section title or text
            if len(line) <= _MAX_SECTION_TITLE and (kind := section_kind(line)) is not None:
                self._section_start(kind, line.strip(" .:*#"))
                continue
            section = self.section
            if section is None or self.attachment_run or (first in "FfAa" and ":" in line) or "./." in line[:6] \
                    or (section.kind == "other" and section.title):
                self._text(raw, line)  # may be attendance or an attachment
                continue
            # a plain paragraph: what _text does for it, inlined (the item exists in stage "body")
            listy = (first in BULLET_CHARS and line[1:2] in (" ", "\t")) or _TABLE_ROW in line
            parts = self.parts
            if parts:
                parts.append("\n" if listy and self.last_was_list else "\n\n")
            parts.append(line)
            self.last_was_list = listy

    def _dispatch(self, raw: str, line: str) -> None:
        """A non-blank line outside the plain-text path: boilerplate, head, TOC, structure."""
        if self.pending_boiler is not None:
            held, self.pending_boiler = self.pending_boiler, None
            if line.startswith("KL "):
                return
            self._line(held, held)
        if line in _BOILERPLATE_HEADS and (self.item is None or self.stage == "body"):
            self.pending_boiler = line
            return
        self._line(raw, line)

    def _line(self, raw: str, line: str) -> None:
        if not self.items_started and not self.toc and len(self.loose) < _LETTER_LIMIT:
            # until the document shows agenda structure it may be a letter: keep its paragraphs
            self.loose.append((line, raw.lstrip().startswith("#")))
        if not self.toc_done and (self.in_toc or _maybe_toc(raw)) and self._toc(raw, line):
            return
        if self.item is None and not self.in_participants and self.head.feed(line):
            return
        if line == ".":
            self.boundary = True
            return
        if self.item is None and not self.items_started and self._participants(line):  # only before items
            return
        if self.tentative is not None:
            self._resolve_tentative(line)
        if self.stage == "title" and self.title_target is not None and self._continue_title(line):
            return
        first = line[0]
        if (first.isdigit() or (first in "pP" and line[:6].lower() == "punkt ")) and self._heading_or_item(line):
            return
        if self.item is not None and self.stage in ("title", "case") and self._case(line):
            return
        kind = section_kind(line) if len(line) <= _MAX_SECTION_TITLE else None
        if kind is not None:
            self._section_start(kind, line.strip(" .:*#"))
            return
        self._text(raw, line)

    def finish(self) -> Document:
        doc = self.doc
        if self.pending_boiler is not None:
            self._line(self.pending_boiler, self.pending_boiler)
        if self.tentative is not None:
            self._resolve_tentative("")
        self._close_item()
        doc.headings = [Heading(e.number, e.title) for e in self.toc if e.number and e.number in self.toc_headings]
        if not doc.headings:
            doc.headings = self.body_headings
        if self.items_started == 0 and not self.toc:
            doc.headings = []
            if doc.start and not doc.date:
                doc.date, doc.start = doc.start[:10], None
            read_letter(self.loose, doc)
            return doc
        missing = [n for n in self.toc_order if n not in self.seen_numbers]
        for number in missing:
            doc.warn(f"Punkt {number} står i indholdsfortegnelsen, men findes ikke i dokumentets tekst")
        if self.lost_titles:
            doc.warn("Punkternes titler mangler i teksten; punkterne er fundet ved at sammenholde "
                     "afsnittene med indholdsfortegnelsen")
        if doc.kind == "unknown" and (self.items_started or self.toc):
            doc.kind = "minutes" if self.decision_text else "agenda"
        elif doc.kind == "agenda" and self.decision_text:
            doc.warn("Dokumentet kalder sig en dagsorden, men indeholder beslutninger; det er læst som et referat")
            doc.kind = "minutes"
        return doc

    # ---------------------------------------------------------------- table of contents
    def _toc(self, raw: str, line: str) -> bool:
        if not self.toc and len(line) <= 40 and normalize_title(line) in _TOC_TITLES:
            self.in_toc = True  # announced: entries separated by plain spaces are accepted too
            return True
        entry = parse_toc_line(raw, self.in_toc, line)
        if isinstance(entry, TocEntry) and not self._plausible_page(entry):
            entry = None  # "1.1. Godkendelse af referat fra mødet den 8. juni 2021": a year, not a page
        wrapped, self.toc_wrap = self.toc_wrap, None
        if entry is None:
            if self.in_toc and wrapped is None and (m := _ITEM.match(line) or _HEADING.match(line)):
                # a PDF may wrap a long entry: "3.7. Afrapportering ... om udsatte" + "gravide ... 19"
                self.toc_wrap = (m.group("num"), m.group("title"), raw)
                return True
            if self.in_toc:
                self._end_toc()
            if wrapped is not None:
                self._line(wrapped[2], clean(wrapped[2]))
            return False
        self.in_toc = True
        if isinstance(entry, TocEntry):
            if wrapped is not None:
                if entry.number is None:
                    entry = TocEntry(wrapped[0], f"{wrapped[1]} {entry.title}", entry.page)
                else:
                    self.toc.append(TocEntry(wrapped[0], wrapped[1], None))
            self.toc.append(entry)
            if entry.page is not None:
                self.last_page = entry.page
        return True

    def _plausible_page(self, entry: TocEntry) -> bool:
        """Pages in a table of contents never go down and do not jump by hundreds."""
        last = self.last_page
        if entry.page is None or last is None:
            return True
        return last <= entry.page <= last + _MAX_PAGE_JUMP

    def _end_toc(self) -> None:
        self.in_toc = False
        self.toc_done = True
        numbered = [e for e in self.toc if e.number]
        dotted = any(e.is_item for e in numbered)
        for e in numbered:
            assert e.number is not None
            if e.is_item or not dotted:
                if e.number in self.toc_items:
                    self.doc.warn(f"Indholdsfortegnelsen har to punkter med nummer {e.number}")
                    continue
                self.toc_items[e.number] = e
                self.toc_order.append(e.number)
            else:
                self.toc_headings[e.number] = e

    # ---------------------------------------------------------------- participants
    def _participants(self, line: str) -> bool:
        if self.item is not None or self.items_started:
            return False
        if ":" in line and (m := _INLINE_ATTENDANCE.match(line)) and len(line) <= 400:
            group = group_of(m.group("label")) or "other"
            for name in _NAME_SPLIT.split(m.group("names")):
                person = parse_participant(name, group, m.group("label").capitalize())
                if person is not None and (person.name.lower(), None) not in self.seen_people:
                    self.seen_people.add((person.name.lower(), None))
                    self.doc.participants.append(person)
            return True
        # lower() never shortens a line: a longer one without a ':' to drop is no list title
        if (len(line) <= _LONGEST_LIST_TITLE or line[-1] == ":") and line.lower().rstrip(":") in LIST_TITLES:
            self.in_participants = True
            self.group = None
            return True
        # group_of's own first test, spared the call on a member's "Name, Municipality" line
        group = group_of(line) if len(line) <= 60 and "," not in line else None
        if group is not None and (self.in_participants or self.doc.kind != "letter"):
            if not self.in_participants and not (self.toc or self.head.kind_seen):
                return False
            self.in_participants = True
            self.group, self.group_title = group, line.rstrip(":")
            return True
        if not self.in_participants or self.group is None:
            return False
        if self._ends_participants(line):
            self.in_participants = False
            return False
        person = parse_participant(line, self.group, self.group_title)
        if person is None:
            return True
        key = (person.name.lower(), (person.affiliation or "").lower())
        if key in self.seen_people:
            self.doc.warn(f"Deltageren {person.name} står flere gange i deltagerlisten")
            return True
        self.seen_people.add(key)
        self.doc.participants.append(person)
        return True

    # ---------------------------------------------------------------- headings and items
    def _ends_participants(self, line: str) -> bool:
        """The first heading or item (or a case line or section title) ends the participant list."""
        first = line[:1]
        numbered = first.isdigit() or first in ("p", "P")  # _may_be_numbered, inlined: one call per line
        if (numbered and _ITEM.match(line)) or (_may_be_case(line) and _CASE_LINE.match(line)) \
                or section_kind(line) is not None:
            return True
        m = _HEADING.match(line) if numbered else None
        if not m:
            return False
        num, title = m.group("num"), m.group("title")
        entry = self.toc_headings.get(num) or self.toc_items.get(num)
        if entry is not None:
            return _same_title(title, entry.title)
        return not self.toc and num == str(self.last_top + 1) and _heading_like(title)

    def _heading_or_item(self, line: str) -> bool:
        if len(line) > 300:
            return False
        m = _ITEM.match(line)
        if m and self._accept_item(m.group("num"), m.group("title")):
            self._start_item(m.group("num"), m.group("title"))
            return True
        m = _HEADING.match(line)
        if not m or "." in m.group("num"):
            return False
        num, title = m.group("num"), m.group("title").strip()
        if self.toc_items and num in self.toc_items and not self.toc_headings:
            if _same_title(title, self.toc_items[num].title):
                self._start_item(num, title)
                return True
            return False
        if self.toc_headings:
            if num in self.toc_headings and _same_title(title, self.toc_headings[num].title):
                self._start_heading(num, title)
                return True
            return False
        if self.toc:
            return False
        if num == str(self.last_top + 1) and _heading_like(title):
            self.tentative = (num, title)
            return True
        return False

    def _accept_item(self, num: str, title: str) -> bool:
        if num in self.toc_items:
            return _same_title(title, self.toc_items[num].title) or self._next_expected(num)
        if self.toc_items:
            return False
        major, minor = num.split(".")
        current = self.heading.number if self.heading else None
        if current is not None and major != current and not (current.isdigit() and int(major) == int(current) + 1):
            return False
        if self.item is not None and self.item.number.split(".")[0] == major:
            last_minor = self.item.number.split(".")[-1]
            if last_minor.isdigit() and int(minor) != int(last_minor) + 1:
                return False
        return len(title) <= 250 and not title.endswith(",")

    def _next_expected(self, num: str) -> bool:
        unseen = [n for n in self.toc_order if n not in self.seen_numbers]
        return bool(unseen) and unseen[0] == num

    def _resolve_tentative(self, line: str) -> None:
        """A lone "N. Title" without a table of contents is an item when a case number or a
        section follows it (municipal agendas number items 1, 2, 3), else a heading."""
        assert self.tentative is not None
        num, title = self.tentative
        self.tentative = None
        if line and (_CASE_LINE.match(line) or section_kind(line) is not None):
            self._start_item(num, title)
        else:
            self._start_heading(num, title)

    def _start_heading(self, num: str, title: str) -> None:
        self._close_item()
        toc = self.toc_headings.get(num)
        self.heading = Heading(num, toc.title if toc else _strip_title(title))
        self.last_top = int(num)
        if num not in self.body_heading_numbers:
            self.body_heading_numbers.add(num)
            self.body_headings.append(self.heading)

    def _start_item(self, num: str, title: str) -> None:
        self._close_item()
        toc = self.toc_items.get(num)
        title = _strip_title(title)
        self.title_target = None
        if toc is not None and not (title == toc.title and normalize_title(title)):
            # (the body's title is usually the table of contents' own: then nothing to compare)
            same = _same_title(title, toc.title)
            if same and normalize_title(title) != normalize_title(toc.title):
                if normalize_title(toc.title).startswith(normalize_title(title)):
                    self.title_target = normalize_title(toc.title)
            elif not same:
                self.doc.warn(f"Punkt {num} hedder «{title}» i teksten, men «{toc.title}» i indholdsfortegnelsen")
        self._open_item(num, title)

    def _open_item(self, num: str, title: str) -> None:
        major = num.split(".")[0]
        heading = self.heading
        if "." in num:
            toc_heading = self.toc_headings.get(major)
            if toc_heading is not None and (heading is None or heading.number != major):
                heading = Heading(major, toc_heading.title)
                self.heading = heading
            elif heading is not None and heading.number != major:
                heading = None
        else:
            heading = None
        if "." not in num:
            self.last_top = int(num)
        public = not (title[:1] in ("l", "L") and _CLOSED_TITLE.match(title))  # "Lukket punkt: ..."
        if not self.in_toc:
            self.toc_done = True  # a table of contents never follows the first item
        if num in self.seen_numbers:
            self.doc.warn(f"To punkter har nummeret {num}")
        self.seen_numbers.add(num)
        self.item = Item(num, title, heading, public=public)
        self.items_started += 1
        self.stage = "title"
        self.section = None
        self.parts = []
        self.boundary = False
        self.attachment_run = False

    def _continue_title(self, line: str) -> bool:
        """Join a title that a PDF wrapped onto the next line, when the TOC shows it continues."""
        if self.title_target is None or self.item is None:
            return False
        joined = normalize_title(self.item.title + " " + line)
        if self.title_target.startswith(joined):
            self.item.title = self.item.title + " " + line
            if joined == self.title_target:
                self.title_target = None
            return True
        self.title_target = None
        return False

    def _case(self, line: str) -> bool:
        m = _CASE_LINE.match(line) if _may_be_case(line) else None
        if not m or self.item is None:
            return False
        self.item.case_number = m.group("case").upper() if m.group("case")[0].isalpha() else m.group("case")
        handlers = m.group("handlers")
        self.item.handlers = [h.strip().lower() for h in handlers.split("/")] if handlers else []
        self.stage = "case"
        return True

    # ---------------------------------------------------------------- sections and text
    def _section_start(self, kind: str, title: str) -> None:
        starts_item = self.item is None or (self.lost_titles and self._new_lost_item(kind, title))
        if starts_item and not self._lost_item():
            self._text(title, title)
            return
        assert self.item is not None
        self._close_section()
        self.section = Section(kind, title, "")
        self.stage = "body"
        self.last_was_list = False
        self.attachment_run = False

    def _new_lost_item(self, kind: str, title: str) -> bool:
        """In a body without item titles, a section kind seen again in the item starts the next."""
        if not self.lost_titles or self.item is None:
            return False
        if self.boundary:
            return True
        seen = {(s.kind, s.title.lower() if s.kind == "other" else "") for s in self.item.sections}
        if self.section is not None:
            seen.add((self.section.kind, self.section.title.lower() if self.section.kind == "other" else ""))
        return (kind, title.lower() if kind == "other" else "") in seen

    def _lost_item(self) -> bool:
        """Start the next table-of-contents item whose title the body lost; False if none is left."""
        unseen = [n for n in self.toc_order if n not in self.seen_numbers]
        if not unseen:
            return False
        self._close_item()
        self.lost_titles = True
        number = unseen[0]
        self._open_item(number, self.toc_items[number].title)
        return True

    def _text(self, raw: str, line: str) -> None:
        item = self.item
        if item is None:
            return
        if self.section is None:
            self.section = Section("presentation", "", "")
        self.stage = "body"
        if line[0] in "FfAa" and ":" in line and (m := _INLINE_ATTENDANCE.match(line)) \
                and m.group("label").lower() in ("fraværende", "afbud", "forfald") and len(line) <= 300:
            for name in _NAME_SPLIT.split(m.group("names")):
                name = name.strip(" .")
                if name:
                    item.absences.append(ItemAbsence(name, m.group("label").capitalize()))
        if self.attachment_run or "./." in line[:6] or (self.section.kind == "other" and self.section.title):
            self._attachment(raw, line)
        listy = is_bullet(line) or _TABLE_ROW in line
        if self.parts:
            self.parts.append("\n" if listy and self.last_was_list else "\n\n")
        self.parts.append(line)
        self.last_was_list = listy

    def _attachment(self, raw: str, line: str) -> None:
        assert self.item is not None
        m = _ATTACHMENT_MARK.match(line) if "./." in line[:6] else None
        if m:
            title = m.group("title").strip()
            self.attachment_run = bool(m.group("many"))
            if title and len(title) <= 150 and not (len(title) > 60 and title.endswith(".") and " " in title[:-1]
                                                     and title.count(" ") > 8):
                self.item.attachments.append(Attachment(_attachment_title(title)))
            return
        if self.attachment_run and (is_bullet(line) or is_indented(raw)) and len(line) <= 150:
            self.item.attachments.append(Attachment(_attachment_title(without_bullet(line))))
            return
        self.attachment_run = False
        section = self.section
        if section is not None and section.kind == "other" and section.title.lower() == "bilag" and len(line) <= 200:
            self.item.attachments.append(Attachment(_attachment_title(without_bullet(line))))

    def _close_section(self) -> None:
        if self.section is None or self.item is None:
            return
        self.section.text = "".join(self.parts)
        if self.section.kind == "decision" and self.section.text.strip():
            self.decision_text = True
        if not (self.section.kind == "decision" and not self.section.text and self.doc.kind == "agenda"):
            self.item.sections.append(self.section)
        self.section = None
        self.parts = []
        self.last_was_list = False

    def _close_item(self) -> None:
        if self.item is None:
            return
        self._close_section()
        item, self.item = self.item, None
        self.stage = "none"
        self.title_target = None
        self.sink(item)


_TRAILING_LEADERS_PAGE = re.compile(r"\s*(?:\.{2,}|…+)\s*\d*\s*$")


def _maybe_toc(raw: str) -> bool:
    """Whether ``raw`` may be a table-of-contents line (a tab, leaders, a table, a TOC title)."""
    return "\t" in raw or "..." in raw or "…" in raw or _MAYBE_TOC_START.match(raw) is not None


def _may_be_numbered(line: str) -> bool:
    """Whether _ITEM or _HEADING can match: they start with a digit or "punkt" (no other
    character matches 'p' when case is ignored)."""
    return line[:1].isdigit() or line[:1] in ("p", "P")


def _may_be_case(line: str) -> bool:
    """Whether _CASE_LINE can match. Every case-number shape has a '-' or a '/', and a case line
    starts with a label ("Sagsnr.", "J.nr."), a digit, or two to five letters and a '-'
    ("SAG-2019-07153"): a participant "Ulla Sørensen, Ringkøbing-Skjern" is ruled out without
    running the pattern (in the list of a minutes' participants, every line is asked)."""
    if "-" not in line and "/" not in line:
        return False
    first = line[:1]
    return first.isdigit() or first in _CASE_LABEL_FIRST or 2 <= line.find("-") <= 5


#: The first characters of _CASE_LINE's labels when case is ignored ('ſ' matches 's' then).
_CASE_LABEL_FIRST = frozenset("sSſjJ")


def _strip_title(title: str) -> str:
    """The title without dotted leaders and a page number; only a title with ".." or "…" has them."""
    if ".." in title or "…" in title:
        title = _TRAILING_LEADERS_PAGE.sub("", title)
    return title.strip()


def _same_title(body_title: str, toc_title: str) -> bool:
    """Titles match when equal after normalising, or one continues the other (wrapping, or a
    title the TOC shortened). A numbered sentence in the body does not match."""
    a, b = normalize_title(body_title), normalize_title(toc_title)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return len(shorter) >= min(12, len(longer)) and longer.startswith(shorter)


def _heading_like(title: str) -> bool:
    return len(title) <= 90 and title[:1].isupper() and not title.endswith((".", ",", ";", ":"))


def _attachment_title(text: str) -> str:
    return text.strip().rstrip(".").strip()


def segment(lines: Iterable[str], document: Document, on_item: ItemSink | None = None,
            cleaner: Callable[[str], str] = clean) -> Document:
    """Segment the paragraphs ``lines`` into ``document`` (which the reader created and named).

    Items go to ``on_item`` as they are completed, or to ``document.items`` without one.
    ``cleaner``: see Segmenter.feed_all.
    """
    segmenter = Segmenter(document, on_item)
    segmenter.feed_all(lines, cleaner)
    return segmenter.finish()
