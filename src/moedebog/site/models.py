"""The site's one table: the archive's generations, which key the page cache.

A generation is a random value per scope — "all" (every write), "shared" (rows every page may
show: bodies, people, municipalities, cases) and "body:<id>" (the meetings of one body) — that a
write replaces in its own transaction (see ``pagecache``), so a page cached before the write is
never served after it. Random rather than a counter: a database emptied and filled again can
never come back to a value that cached pages still carry.
"""

from __future__ import annotations

from django.db import models


class CacheGeneration(models.Model):
    scope = models.CharField("område", max_length=40, primary_key=True)
    value = models.BigIntegerField("værdi", default=0)

    class Meta:
        verbose_name = "arkivets generation"
        verbose_name_plural = "arkivets generationer"
