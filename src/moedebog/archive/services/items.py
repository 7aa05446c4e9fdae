"""Write a document's headings and items into a meeting, merging with what the archive has.

Precedence: minutes are authoritative for the items' text; an agenda imported after the minutes only
fills in what is missing. A re-issue of the same kind of document replaces the items' text and
drops items the corrected document no longer has. Rows are compared before they are written, so
that a merge touches only what changed, and new meetings are written with bulk inserts.
"""

from __future__ import annotations

import re

from moedebog.archive import models
from moedebog.archive.services import loading
from moedebog.archive.services.people import PeopleWriter
from moedebog.archive.services.rows import insert_rows
from moedebog.documents.records import Document, Item
from moedebog.documents.segmenter.lines import normalize_title

#: How sources mark a closed item's title ("Lukket: Borgersag", "Lukket punkt: Borgersag").
_CLOSED_PREFIX = re.compile(r"^\s*lukket(\s+punkt)?\s*[:.–-]\s*", re.IGNORECASE)


def similar_titles(a: str, b: str) -> bool:
    """Same item: equal titles, one a prefix of the other, or most words shared (a closed item's
    prefix, which differs between sources, aside)."""
    x, y = normalize_title(_CLOSED_PREFIX.sub("", a)), normalize_title(_CLOSED_PREFIX.sub("", b))
    if x == y or x.startswith(y) or y.startswith(x):
        return True
    wx, wy = set(x.split()), set(y.split())
    return bool(wx and wy) and len(wx & wy) / len(wx | wy) >= 0.5


_SUPPLEMENT = re.compile(r"tillæg|supplerende|lukket|ekstra", re.IGNORECASE)


def is_supplement(document: Document) -> bool:
    """A publication that adds to a meeting's main one instead of replacing it."""
    return bool(document.name and _SUPPLEMENT.search(document.name))


class ItemWriter:
    def __init__(
        self,
        meeting: models.Meeting,
        body: models.Body,
        document: Document,
        previous_kinds: set[str],
        people: PeopleWriter,
        warnings: list[str],
        new: bool = False,
        main_kinds: set[str] | None = None,
    ) -> None:
        self.meeting = meeting
        self.body = body
        self.document = document
        self.previous_kinds = previous_kinds
        self.people = people
        self.warnings = warnings
        self.new = new  # the meeting was created in this transaction: it has no headings or items yet
        self.items: list[models.AgendaItem] = []
        self._cases: dict[str, models.Case] = {}
        self._headings: dict[str, models.Heading] = {}
        # the minutes win over the agenda; an agenda after the minutes only fills gaps
        self.authoritative = not (document.kind == "agenda" and "minutes" in previous_kinds)
        # a corrected re-issue replaces the meeting's items; a supplement (tillægsdagsorden, lukket
        # referat) only adds its own, and is never what a later main publication re-issues
        # (``main_kinds``: the kinds of the meeting's earlier documents that were not supplements)
        main = previous_kinds if main_kinds is None else main_kinds
        self.reissue = bool(main) and main == {document.kind} and not is_supplement(document)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    # ------------------------------------------------------------------ headings and cases
    def _write_headings(self) -> None:
        """The document's headings (and those its items name), created in one insert, retitled where needed."""
        existing = {} if self.new else {h.number: h for h in self.meeting.headings.all()}
        wanted: dict[str, str] = {}
        for parsed in self.document.headings:
            wanted.setdefault(parsed.number, parsed.title[:500])
        for item in self.document.items:
            if item.heading:
                wanted.setdefault(item.heading.number, item.heading.title[:500])
        listed = {parsed.number for parsed in self.document.headings}
        new = [models.Heading(meeting=self.meeting, number=n, title=t) for n, t in wanted.items() if n not in existing]
        models.Heading.objects.bulk_create(new)
        for number, title in wanted.items():
            row = existing.get(number)
            if row is not None and number in listed and self.authoritative and row.title != title:
                row.title = title
                row.save(update_fields=["title"])
        existing.update((h.number, h) for h in new)
        self._headings = existing

    def _preload_cases(self) -> None:
        """Every case the document names, found or created with two queries."""
        titles: dict[str, str] = {}
        for item in self.document.items:
            if item.case_number:
                titles.setdefault(item.case_number[:100], item.title[:500])
        if not titles:
            return
        found = {c.number: c for c in models.Case.objects.filter(body=self.body, number__in=titles)}
        missing = [models.Case(body=self.body, number=n, title=t) for n, t in titles.items() if n not in found]
        if missing:
            models.Case.objects.bulk_create(missing, ignore_conflicts=True)
            found = {c.number: c for c in models.Case.objects.filter(body=self.body, number__in=titles)}
        self._cases.update(found)

    def _case(self, item: Item) -> models.Case | None:
        if not item.case_number:
            return None
        number = item.case_number[:100]
        case = self._cases.get(number)
        if case is None:
            case, _ = models.Case.objects.get_or_create(
                body=self.body, number=number, defaults={"title": item.title[:500]}
            )
            self._cases[number] = case
        return case

    # ------------------------------------------------------------------ items
    def write(self) -> int:
        """Write every item; returns how many were created."""
        self._write_headings()
        self._preload_cases()
        existing = {} if self.new else {i.number: i for i in self.meeting.items.all()}
        self._check_contradiction(existing)
        new: list[tuple[models.AgendaItem, Item]] = []
        for order, parsed in enumerate(self.document.items):
            row = existing.pop(parsed.number, None)
            values = self._values(parsed, order)
            if row is None:
                row = models.AgendaItem(meeting=self.meeting, number=parsed.number[:20], **values)
                new.append((row, parsed))
            else:
                self._update(row, parsed, values)
            self.items.append(row)
        if new:
            models.AgendaItem.objects.bulk_create([row for row, _ in new])
            self._bulk_children(new)
        self._leftovers(existing)
        return len(new)

    def _values(self, parsed: Item, order: int) -> dict[str, object]:
        heading = self._headings.get(parsed.heading.number) if parsed.heading else None
        return {
            "order": order,
            "title": parsed.title[:1000],
            "heading": heading,
            "case": self._case(parsed),
            "handlers": "/".join(parsed.handlers)[:200],
            "public": parsed.public,
            "ref": (parsed.ref or "")[:100],
        }

    def _check_contradiction(self, existing: dict[str, models.AgendaItem]) -> None:
        shared = [p for p in self.document.items if p.number in existing]
        if not shared:
            if existing and self.document.items:
                self.warn("Dokumentets punkter har andre numre end mødets punkter i arkivet; de er lagt til mødet")
            return
        differing = [p for p in shared if not similar_titles(p.title, existing[p.number].title)]
        for parsed in differing:
            self.warn(
                f"Punkt {parsed.number} hedder «{existing[parsed.number].title}» i arkivet, "
                f"men «{parsed.title}» i dette dokument"
            )
        if len(differing) * 2 > len(shared):
            self.warn("Dokumentets punkter svarer ikke til mødets punkter i arkivet; kontrollér at det er samme møde")

    def _update(self, row: models.AgendaItem, parsed: Item, values: dict[str, object]) -> None:
        if self.authoritative:
            changed = [k for k, v in values.items() if getattr(row, k) != v]
            for key in changed:
                setattr(row, key, values[key])
            if changed:
                row.save(update_fields=changed)
            self._replace_sections(row, parsed)
            self._replace_attachments(row, parsed)
        else:
            if not row.sections.exists():
                self._replace_sections(row, parsed)
            if not row.attachments.exists():
                self._replace_attachments(row, parsed)
            if row.case_id is None and values["case"] is not None:
                row.case = values["case"]  # type: ignore[assignment]
                row.save(update_fields=["case"])
        self._absences(row, parsed)

    def _replace_sections(self, row: models.AgendaItem, parsed: Item) -> None:
        wanted = [(s.kind, s.title[:500], s.text) for s in parsed.sections]
        have = list(row.sections.order_by("order").values_list("kind", "title", "text"))
        if have == wanted:
            return
        row.sections.all().delete()
        models.Section.objects.bulk_create(
            models.Section(item=row, order=n, kind=k, title=t, text=x) for n, (k, t, x) in enumerate(wanted)
        )

    def _replace_attachments(self, row: models.AgendaItem, parsed: Item) -> None:
        wanted = [(a.title[:1000], (a.ref or "")[:100]) for a in parsed.attachments]
        have = list(row.attachments.order_by("order").values_list("title", "ref"))
        if have == wanted:
            return
        row.attachments.all().delete()
        models.Attachment.objects.bulk_create(
            models.Attachment(item=row, order=n, title=t, ref=r) for n, (t, r) in enumerate(wanted)
        )

    def _absences(self, row: models.AgendaItem, parsed: Item) -> None:
        if not parsed.absences:
            return
        have = set(row.absences.values_list("person_id", flat=True))
        for absence in parsed.absences:
            person = self.people.person(absence.name, None)
            if person.pk not in have:
                models.ItemAbsence.objects.create(item=row, person=person, reason=(absence.reason or "")[:200])
                have.add(person.pk)

    def _bulk_children(self, new: list[tuple[models.AgendaItem, Item]]) -> None:
        """The new items' sections, attachments and absences, in plain multi-row inserts (see ``rows``)."""
        sections, attachments, absences = [], [], []
        for row, parsed in new:
            # unsaved instances of what is inserted: handed to threads, search and hooks (see loading)
            own_sections = [models.Section(item=row, order=n, kind=s.kind, title=s.title[:500], text=s.text)
                            for n, s in enumerate(parsed.sections)]
            own_attachments = [models.Attachment(item=row, order=n, title=a.title[:1000], ref=(a.ref or "")[:100])
                               for n, a in enumerate(parsed.attachments)]
            own_absences: dict[int, models.ItemAbsence] = {}
            for absence in parsed.absences:
                person = self.people.person(absence.name, None)
                own_absences.setdefault(person.pk, models.ItemAbsence(
                    item=row, person=person, reason=(absence.reason or "")[:200]))
            loading.attach(row, own_sections, own_attachments, list(own_absences.values()))
            sections += own_sections
            attachments += own_attachments
            absences += own_absences.values()
        insert_rows(models.Section, ("item_id", "order", "kind", "title", "text"),
                    [(s.item_id, s.order, s.kind, s.title, s.text) for s in sections], returning=False)
        insert_rows(models.Attachment, ("item_id", "order", "title", "ref", "text"),
                    [(a.item_id, a.order, a.title, a.ref, a.text) for a in attachments], returning=False)
        models.ItemAbsence.objects.bulk_create(absences)

    def _leftovers(self, existing: dict[str, models.AgendaItem]) -> None:
        if not existing or not self.document.items:
            return
        kept = len(self.document.items)
        if self.reissue and kept >= len(existing):
            # the corrected document covers at least as many items as it dropped: it replaces them
            models.AgendaItem.objects.filter(pk__in=[i.pk for i in existing.values()]).delete()
            return
        for number in sorted(existing):
            self.warn(f"Punkt {number} findes i mødet i arkivet, men ikke i dette dokument")
