"""Sync state: what each remote site listed, what was fetched, and what it became in the archive.

The state is what makes a sync incremental and resumable. A remote meeting is fetched again only when
its listing summary (its fingerprint) differs from the one recorded when it was last imported, or
when the last attempt failed; the row is written in the same transaction as the meeting's import, so
an interrupted sync leaves exactly the finished meetings recorded. Labels are Danish for the admin.
"""

from __future__ import annotations

from django.db import models

from moedebog.archive.models import AgendaItem, Meeting


class SyncSource(models.Model):
    """A remote site that is synced into the archive (one row per base URL)."""

    kind = models.CharField("system", max_length=30, default="firstagenda")
    base_url = models.CharField("adresse", max_length=500, unique=True)
    organization = models.CharField("kommune/organisation", max_length=200)
    created_at = models.DateTimeField("oprettet", auto_now_add=True)
    last_synced_at = models.DateTimeField(
        "sidst synkroniseret med ændringer", null=True, blank=True,
        help_text="en synkronisering der intet ændrer, skriver intet (heller ikke her)",
    )
    last_report = models.JSONField("seneste rapport", default=dict, blank=True)

    class Meta:
        verbose_name = "synkroniseringskilde"
        verbose_name_plural = "synkroniseringskilder"
        ordering = ["base_url"]

    def __str__(self) -> str:
        return self.base_url


class RemoteMeeting(models.Model):
    """One meeting (publication) on a remote site, by its GUID."""

    class Status(models.TextChoices):
        IMPORTED = "imported", "Indlæst"
        FAILED = "failed", "Kunne ikke hentes"
        REJECTED = "rejected", "Hentet, men afvist af importen"

    source = models.ForeignKey(SyncSource, verbose_name="kilde", on_delete=models.CASCADE, related_name="meetings")
    guid = models.CharField("id hos kilden", max_length=64)
    committee = models.CharField("udvalg", max_length=300, blank=True)
    start = models.CharField("mødetidspunkt som listet", max_length=32, blank=True)
    name = models.CharField("betegnelse", max_length=200, blank=True)
    origin = models.CharField("fundet i", max_length=20, blank=True, help_text="udvalgsliste eller soeg")
    fingerprint = models.CharField("fingeraftryk af listningen", max_length=64, blank=True)
    sha256 = models.CharField("SHA-256 af mødets JSON", max_length=64, blank=True)
    meeting = models.ForeignKey(Meeting, verbose_name="møde i arkivet", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="remote")
    status = models.CharField("status", max_length=20, choices=Status.choices)
    error = models.TextField("fejl", blank=True)
    fetched_at = models.DateTimeField("hentet", null=True, blank=True)

    class Meta:
        verbose_name = "fjernmøde"
        verbose_name_plural = "fjernmøder"
        ordering = ["source", "start"]
        constraints = [models.UniqueConstraint(fields=["source", "guid"], name="remote_meeting_unique")]

    def __str__(self) -> str:
        return f"{self.committee} {self.start} ({self.guid})"


class RemoteAttachment(models.Model):
    """An attachment's PDF as fetched from a remote site; its text lives in archive Attachment.text."""

    class Status(models.TextChoices):
        STORED = "stored", "Gemt"
        NO_TEXT = "no_text", "Gemt, uden tekst"
        NOT_PDF = "not_pdf", "Ikke en PDF"
        FAILED = "failed", "Fejlet"

    source = models.ForeignKey(SyncSource, verbose_name="kilde", on_delete=models.CASCADE,
                               related_name="attachments")
    guid = models.CharField("id hos kilden", max_length=64)
    status = models.CharField("status", max_length=20, choices=Status.choices)
    path = models.CharField("fil", max_length=500, blank=True, help_text="relativ til MOEDEBOG_FILES")
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    size = models.BigIntegerField("størrelse", default=0)
    content_type = models.CharField("indholdstype", max_length=200, blank=True)
    chars = models.PositiveIntegerField("tegn tekst", default=0)
    error = models.TextField("fejl", blank=True)
    fetched_at = models.DateTimeField("hentet", null=True, blank=True)

    class Meta:
        verbose_name = "hentet bilag"
        verbose_name_plural = "hentede bilag"
        constraints = [models.UniqueConstraint(fields=["source", "guid"], name="remote_attachment_unique")]

    def __str__(self) -> str:
        return self.guid


class CaseHistoryEntry(models.Model):
    """One earlier handling listed in an item's "Sagens forløb", linked to that item when archived.

    The archive links items of one body by their Case; a case history crosses bodies (a committee,
    then Økonomiudvalget, then the council), so the link is made here from the history's own lines:
    the date and body of each earlier handling and the item's case number.
    """

    item = models.ForeignKey(AgendaItem, verbose_name="punkt", on_delete=models.CASCADE,
                             related_name="history_entries")
    order = models.PositiveIntegerField("rækkefølge")
    date = models.DateField("dato")
    body_name = models.CharField("udvalg", max_length=300)
    text = models.TextField("beslutning dengang", blank=True)
    earlier = models.ForeignKey(AgendaItem, verbose_name="tidligere behandling", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="later_handlings")

    class Meta:
        verbose_name = "sagens forløb"
        verbose_name_plural = "sagens forløb"
        ordering = ["item", "order"]
        constraints = [models.UniqueConstraint(fields=["item", "order"], name="case_history_unique")]
        # each synced meeting looks up the entries that name its date: without this, every
        # meeting scanned the case histories of the whole archive
        indexes = [models.Index(fields=["date"], name="case_history_date")]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.body_name}"
