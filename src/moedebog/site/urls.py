"""Addresses of the public archive. Fixed Danish prefixes first; body paths, which may hold
slashes ("greve-kommune/byraadet"), last, so that no body can shadow a page of the site."""

from __future__ import annotations

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path, re_path

from moedebog.site.pagecache import cached_page
from moedebog.site.permalinks import BODY_PATH, DAY_KEY
from moedebog.site.sitemaps import SITEMAPS
from moedebog.site.views import downloads, feeds, pages, robots

B = rf"(?P<path>{BODY_PATH})"
D = rf"(?P<day>{DAY_KEY})"

urlpatterns = [
    path("", pages.front, name="front"),
    path("soeg/", pages.search, name="search"),
    path("soeg/moeder.ics", feeds.search_calendar, name="search-calendar"),
    path("soeg/moeder.atom", feeds.search_meetings, name="search-meetings-feed"),
    path("soeg/beslutninger.atom", feeds.search_decisions, name="search-decisions-feed"),
    path("kalender/", pages.calendar_today, name="calendar"),
    path("kalender/<int:year>/<int:month>/", pages.calendar_month, name="calendar-month"),
    re_path(r"^personer/(?P<place>[a-z0-9-]+)/(?P<name>[a-z0-9-]+)/$", pages.person, name="person"),
    re_path(r"^temaer/(?P<key>[^/]+)/$", pages.topic, name="topic"),
    re_path(r"^breve/(?P<day>\d{4}-\d{2}-\d{2}|udateret)/(?P<slug>[a-z0-9-]+)/$", pages.letter, name="letter"),
    path("robots.txt", robots.robots, name="robots"),
    path("sitemap.xml", cached_page(sitemap_views.index), {"sitemaps": SITEMAPS,
                                                          "sitemap_url_name": "sitemap-section"}),
    path("sitemap-<section>.xml", cached_page(sitemap_views.sitemap), {"sitemaps": SITEMAPS},
         name="sitemap-section"),
    re_path(rf"^{B}/moeder\.ics$", feeds.body_calendar, name="body-calendar"),
    re_path(rf"^{B}/moeder\.atom$", feeds.body_meetings, name="body-meetings-feed"),
    re_path(rf"^{B}/beslutninger\.atom$", feeds.body_decisions, name="body-decisions-feed"),
    re_path(rf"^{B}/sager/(?P<number>[^\s]+)$", pages.case, name="case"),
    re_path(rf"^{B}/{D}/$", pages.meeting, name="meeting"),
    re_path(rf"^{B}/{D}/filer/(?P<prefix>[0-9a-f]{{16}})$", downloads.source, name="source"),
    re_path(rf"^{B}/{D}/(?P<name>dagsorden|referat)\.(?P<fmt>pdf|docx|html)$", downloads.generated,
            name="generated"),
    re_path(rf"^{B}/{D}/(?P<number>[^/]+)$", pages.item, name="item"),
    re_path(rf"^{B}/$", pages.body, name="body"),
]
