"""The sitemap: every page an anonymous reader may open, for search engines.

Built on django.contrib.sitemaps, which splits large archives into an index of files of at most
50 000 addresses; each queryset starts from ``site.visibility`` like every other public query.
"""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap

from moedebog.archive import models
from moedebog.site import permalinks, visibility


class BodySitemap(Sitemap):
    def items(self):
        return visibility.bodies().order_by("path")

    def location(self, body: models.Body) -> str:
        return permalinks.body_url(body)


class MeetingSitemap(Sitemap):
    def items(self):
        return visibility.meetings().select_related("body").order_by("body__path", "start")

    def location(self, meeting: models.Meeting) -> str:
        return permalinks.meeting_url(meeting)

    def lastmod(self, meeting: models.Meeting):
        return meeting.start


class ItemSitemap(Sitemap):
    def items(self):
        return (visibility.items().select_related("meeting", "meeting__body")
                .only("number", "meeting__start", "meeting__body__path").order_by("meeting_id", "order"))

    def location(self, item: models.AgendaItem) -> str:
        return permalinks.item_url(item)


class CaseSitemap(Sitemap):
    def items(self):
        return (models.Case.objects.filter(visibility.item_filter("items__")).select_related("body").distinct()
                .order_by("body__path", "number"))

    def location(self, case: models.Case) -> str:
        return permalinks.case_url(case)


class PersonSitemap(Sitemap):
    def items(self):
        people = models.Person.objects.filter(visibility.attendance_filter("attendance__"))
        return people.select_related("municipality").distinct().order_by("key")

    def location(self, person: models.Person) -> str:
        return permalinks.person_url(person)


SITEMAPS = {"organer": BodySitemap, "moeder": MeetingSitemap, "punkter": ItemSitemap, "sager": CaseSitemap,
            "personer": PersonSitemap}
