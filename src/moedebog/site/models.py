"""The site's one table: the archive's generation, which keys the page cache.

Any change to the archive replaces the value (see ``pagecache``), in the same transaction as the
change, so a page cached before it is never served after it. A random value rather than a counter:
a database emptied and filled again can never come back to a value that cached pages still carry.
"""

from __future__ import annotations

from django.db import models


class Generation(models.Model):
    value = models.BigIntegerField("værdi", default=0)

    class Meta:
        verbose_name = "arkivets generation"
        verbose_name_plural = "arkivets generation"
