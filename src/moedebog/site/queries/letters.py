"""The letter page: a consultation or other letter sent to the councils, with its themes' items.

Letters carry no closed parts: they were sent to every council. The items on the same themes
are filtered through ``site.visibility`` like everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from moedebog.archive import models
from moedebog.archive.services.keys import slugify
from moedebog.site import visibility
from moedebog.site.queries.items import THEME_ITEMS, ThemeThread
from moedebog.site.visibility import ANONYMOUS, Viewer


@dataclass(slots=True)
class LetterPage:
    letter: models.Letter
    themes: list[ThemeThread]


def find_letter(day: str, slug: str) -> models.Letter | None:
    if day == "udateret":
        candidates = models.Letter.objects.filter(date__isnull=True)
    else:
        try:
            candidates = models.Letter.objects.filter(date=date.fromisoformat(day))
        except ValueError:
            return None
    return next((x for x in candidates.order_by("pk") if slugify(str(x))[:80] == slug), None)


def letter_page(letter: models.Letter, viewer: Viewer = ANONYMOUS) -> LetterPage:
    visible = visibility.items(viewer)
    themes = []
    for topic in letter.topics.order_by("label"):
        items = visible.filter(topics=topic)
        total = items.count()
        if total:
            recent = list(items.select_related("meeting", "meeting__body").order_by("-meeting__start")[:THEME_ITEMS])
            themes.append(ThemeThread(topic, recent, total))
    return LetterPage(letter, themes)
