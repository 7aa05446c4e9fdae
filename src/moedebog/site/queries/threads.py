"""Case and theme pages: every visible item of one case, or of one theme, across the years."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch

from moedebog.archive import models
from moedebog.site import visibility
from moedebog.site.visibility import ANONYMOUS, Viewer

TOPIC_PAGE_SIZE = 25


@dataclass(slots=True)
class CasePage:
    case: models.Case
    title: str
    items: list[models.AgendaItem]


def case_page(body_path: str, number: str, viewer: Viewer = ANONYMOUS) -> CasePage | None:
    """A case exists for a reader only through its visible items; its title is taken from the
    latest of them, since the stored title may come from a closed item."""
    case = models.Case.objects.select_related("body").filter(body__path=body_path, number=number).first()
    if case is None:
        return None
    decisions = visibility.decisions(viewer).order_by("order")
    items = list(
        visibility.items(viewer).filter(case=case)
        .select_related("meeting", "meeting__body")
        .prefetch_related(Prefetch("sections", queryset=decisions, to_attr="decisions"))
        .order_by("meeting__start", "order")
    )
    if not items:
        return None
    return CasePage(case, items[-1].title, items)


@dataclass(slots=True)
class TopicPage:
    topic: models.Topic
    page: Page
    letters: list[models.Letter]


def topic_page(key: str, page: int = 1, viewer: Viewer = ANONYMOUS) -> TopicPage | None:
    topic = models.Topic.objects.filter(key=key).first()
    if topic is None:
        return None
    items = (visibility.items(viewer).filter(topics=topic).select_related("meeting", "meeting__body")
             .order_by("-meeting__start", "order"))
    letters = list(topic.letters.order_by("-date"))
    paginator = Paginator(items, TOPIC_PAGE_SIZE)
    if paginator.count == 0 and not letters:
        return None
    return TopicPage(topic, paginator.get_page(page), letters)
