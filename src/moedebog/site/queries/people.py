"""The person page: memberships, attendance per year (present and absent), items naming them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models.functions import ExtractYear

from moedebog.archive import models
from moedebog.archive.services.keys import slugify
from moedebog.site import searching, visibility
from moedebog.site.visibility import ANONYMOUS, Viewer

NO_MUNICIPALITY = "uden-kommune"
MENTION_LIMIT = 20


@dataclass(slots=True)
class YearAttendance:
    year: int
    present: int
    absent: int

    @property
    def total(self) -> int:
        return self.present + self.absent


@dataclass(slots=True)
class PersonPage:
    person: models.Person
    memberships: list[models.Membership]
    years: list[YearAttendance]
    meetings: list[models.Attendance]
    absences: list[models.ItemAbsence]
    mentions: list[models.AgendaItem]


def find_person(place: str, name: str, viewer: Viewer = ANONYMOUS) -> models.Person | None:
    """The person by the slugs in their address; only people a reader can meet in a visible meeting."""
    people = models.Person.objects.select_related("municipality")
    if place == NO_MUNICIPALITY:
        candidates = people.filter(municipality__isnull=True)
    else:
        ids = [m.pk for m in models.Municipality.objects.all() if slugify(m.name) == place]
        candidates = people.filter(municipality_id__in=ids)
    ids = [pk for pk, full in candidates.values_list("pk", "name") if slugify(full) == name]
    seen = visibility.attendance(viewer).filter(person_id__in=ids).values_list("person_id", flat=True)
    return candidates.filter(pk__in=seen).order_by("pk").first()


def person_page(person: models.Person, viewer: Viewer = ANONYMOUS) -> PersonPage:
    attendance = visibility.attendance(viewer).filter(person=person)
    counts: dict[int, dict[str, int]] = defaultdict(lambda: {"present": 0, "absent": 0})
    for year, group in attendance.filter(group__in=("present", "absent")).annotate(
            y=ExtractYear("meeting__start")).values_list("y", "group"):
        counts[year][group] += 1
    years = [YearAttendance(y, c["present"], c["absent"]) for y, c in sorted(counts.items())]
    meetings = list(attendance.select_related("meeting", "meeting__body").order_by("-meeting__start")[:50])
    absences = list(person.item_absences.filter(visibility.item_filter("item__", viewer))
                    .select_related("item", "item__meeting", "item__meeting__body"))
    mentions = [hit.item for hit in mentioning(person) if hit.item is not None]
    memberships = list(person.memberships.select_related("body", "term").order_by("-term__start", "body__name"))
    return PersonPage(person, memberships, years, meetings, absences, mentions)


def mentioning(person: models.Person) -> list[searching.Hit]:
    """The newest public items whose text names the person, found by the search engine (a phrase
    search on the index, not a scan of every section)."""
    request = searching.SearchRequest(person=person.name, record="item", sort="nyeste")
    return searching.run(request, page_size=MENTION_LIMIT).hits
