"""The archive's data model: the project's memory of every meeting, item, person and source document.

Every row has a natural key (a body's path, a meeting's body and start, an item's meeting and number,
a person's name and municipality, a source document's hash) so that importing is idempotent: the
importer finds rows by these keys and updates them in place instead of adding duplicates.
Field labels are Danish because the admin shows them to the secretariat.
"""

from __future__ import annotations

from django.db import models


class Municipality(models.Model):
    """A municipality (kommune); members of KKR are affiliated with one."""

    name = models.CharField("navn", max_length=100)
    key = models.CharField("nøgle", max_length=100, unique=True, help_text="navnet med små bogstaver")

    class Meta:
        verbose_name = "kommune"
        verbose_name_plural = "kommuner"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Body(models.Model):
    """A council or committee that meets: KKR Midtjylland, a municipality's Byråd or one of its udvalg."""

    class Kind(models.TextChoices):
        KKR = "kkr", "Kommunekontaktråd"
        COUNCIL = "council", "Kommunalbestyrelse/byråd"
        COMMITTEE = "committee", "Udvalg"
        ORGANIZATION = "organization", "Organisation"
        OTHER = "other", "Andet"

    name = models.CharField("navn", max_length=200)
    path = models.CharField(
        "sti",
        max_length=400,
        unique=True,
        help_text="permanent nøgle, fx 'kkr-midtjylland' eller 'greve-kommune/byraadet'",
    )
    kind = models.CharField("art", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self", verbose_name="hører under", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name="kommune", null=True, blank=True, on_delete=models.PROTECT, related_name="bodies"
    )
    historic = models.BooleanField("historisk", default=False)
    ref = models.CharField("ekstern id", max_length=100, blank=True, db_index=True)

    class Meta:
        verbose_name = "organ"
        verbose_name_plural = "organer"
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name


class Term(models.Model):
    """An election period (valgperiode), e.g. 2022-2025."""

    name = models.CharField("navn", max_length=20, unique=True)
    start = models.DateField("start")
    end = models.DateField("slut")

    class Meta:
        verbose_name = "valgperiode"
        verbose_name_plural = "valgperioder"
        ordering = ["start"]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    """A person, matched across meetings by name and municipality."""

    name = models.CharField("navn", max_length=200)
    municipality = models.ForeignKey(
        Municipality, verbose_name="kommune", null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    key = models.CharField("nøgle", max_length=320, unique=True, help_text="navn|kommune med små bogstaver")

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "personer"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.municipality}" if self.municipality else self.name


class Membership(models.Model):
    """A person's seat in a body during one election period, derived from attendance lists."""

    person = models.ForeignKey(Person, verbose_name="person", on_delete=models.CASCADE, related_name="memberships")
    body = models.ForeignKey(Body, verbose_name="organ", on_delete=models.CASCADE, related_name="memberships")
    term = models.ForeignKey(Term, verbose_name="valgperiode", on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField("rolle", max_length=200, blank=True)

    class Meta:
        verbose_name = "medlemskab"
        verbose_name_plural = "medlemskaber"
        constraints = [models.UniqueConstraint(fields=["person", "body", "term"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.person} i {self.body} ({self.term})"


class Case(models.Model):
    """A case (sag) within a body's numbering; items of many meetings may share it."""

    body = models.ForeignKey(Body, verbose_name="organ", on_delete=models.PROTECT, related_name="cases")
    number = models.CharField("sagsnummer", max_length=100)
    title = models.CharField("titel", max_length=500, blank=True)

    class Meta:
        verbose_name = "sag"
        verbose_name_plural = "sager"
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["body", "number"], name="case_unique")]

    def __str__(self) -> str:
        return self.number


class Meeting(models.Model):
    """One meeting of a body; its agenda and minutes documents merge into it."""

    class State(models.TextChoices):
        PLANNED = "planned", "Planlagt"
        AGENDA_DRAFT = "agenda_draft", "Dagsorden under udarbejdelse"
        AGENDA_PUBLISHED = "agenda_published", "Dagsorden offentliggjort"
        HELD = "held", "Afholdt"
        MINUTES_DRAFT = "minutes_draft", "Referat under udarbejdelse"
        MINUTES_APPROVED = "minutes_approved", "Referat godkendt"
        PUBLISHED = "published", "Referat offentliggjort"

    body = models.ForeignKey(Body, verbose_name="organ", on_delete=models.PROTECT, related_name="meetings")
    start = models.DateTimeField("starttidspunkt", db_index=True)
    time_known = models.BooleanField("klokkeslæt kendt", default=True)
    end = models.DateTimeField("sluttidspunkt", null=True, blank=True)
    location = models.CharField("sted", max_length=300, blank=True)
    name = models.CharField("betegnelse", max_length=200, blank=True)
    state = models.CharField("status", max_length=20, choices=State.choices, default=State.PLANNED)
    public = models.BooleanField("offentlig", default=True, help_text="kun offentlige møder vises for offentligheden")
    ref = models.CharField("ekstern id", max_length=100, blank=True, db_index=True)
    term = models.ForeignKey(Term, verbose_name="valgperiode", null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        verbose_name = "møde"
        verbose_name_plural = "møder"
        ordering = ["-start"]
        constraints = [models.UniqueConstraint(fields=["body", "start"], name="meeting_unique")]

    def __str__(self) -> str:
        return f"{self.body} {self.start:%d-%m-%Y}"


class Heading(models.Model):
    """A numbered heading of the agenda ("3. Regionalpolitiske sager"), kept also when it has no items."""

    meeting = models.ForeignKey(Meeting, verbose_name="møde", on_delete=models.CASCADE, related_name="headings")
    number = models.CharField("nummer", max_length=10)
    title = models.CharField("titel", max_length=500)

    class Meta:
        verbose_name = "overskrift"
        verbose_name_plural = "overskrifter"
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="heading_unique")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class AgendaItem(models.Model):
    """An agenda item (dagsordenspunkt); a closed item (lukket punkt) has public=False."""

    meeting = models.ForeignKey(Meeting, verbose_name="møde", on_delete=models.CASCADE, related_name="items")
    number = models.CharField("nummer", max_length=20)
    order = models.PositiveIntegerField("rækkefølge", default=0)
    title = models.CharField("titel", max_length=1000)
    heading = models.ForeignKey(
        Heading, verbose_name="overskrift", null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    case = models.ForeignKey(
        Case, verbose_name="sag", null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    handlers = models.CharField("sagsbehandlere", max_length=200, blank=True)
    public = models.BooleanField("offentligt", default=True)
    ref = models.CharField("ekstern id", max_length=100, blank=True, db_index=True)

    class Meta:
        verbose_name = "dagsordenspunkt"
        verbose_name_plural = "dagsordenspunkter"
        ordering = ["meeting", "order"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="item_unique")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Section(models.Model):
    """A titled part of an item's text, with its kind from the glossary (background, decision, ...)."""

    class Kind(models.TextChoices):
        BACKGROUND = "background", "Baggrund"
        RECOMMENDATION = "recommendation", "Indstilling"
        PRESENTATION = "presentation", "Sagsfremstilling"
        SUMMARY = "summary", "Resume"
        DECISION = "decision", "Beslutning"
        HISTORY = "history", "Sagens forløb"
        OTHER = "other", "Andet"

    item = models.ForeignKey(AgendaItem, verbose_name="punkt", on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveIntegerField("rækkefølge")
    kind = models.CharField("art", max_length=20, choices=Kind.choices)
    title = models.CharField("overskrift", max_length=500, blank=True)
    text = models.TextField("tekst", blank=True)

    class Meta:
        verbose_name = "afsnit"
        verbose_name_plural = "afsnit"
        ordering = ["item", "order"]
        constraints = [models.UniqueConstraint(fields=["item", "order"], name="section_unique")]

    def __str__(self) -> str:
        return self.title or self.get_kind_display()


class Attachment(models.Model):
    """An attachment (bilag) of an item."""

    item = models.ForeignKey(AgendaItem, verbose_name="punkt", on_delete=models.CASCADE, related_name="attachments")
    order = models.PositiveIntegerField("rækkefølge")
    title = models.CharField("titel", max_length=1000)
    ref = models.CharField("ekstern id", max_length=100, blank=True)
    text = models.TextField("tekst", blank=True, help_text="bilagets tekst, når den er hentet")

    class Meta:
        verbose_name = "bilag"
        verbose_name_plural = "bilag"
        ordering = ["item", "order"]
        constraints = [models.UniqueConstraint(fields=["item", "order"], name="attachment_unique")]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    """A person's attendance at a meeting, in the group the minutes put them in."""

    class Group(models.TextChoices):
        PRESENT = "present", "Deltagere"
        ABSENT = "absent", "Afbud"
        OFFICIALS = "officials", "Embedsmænd"
        SECRETARIAT = "secretariat", "Sekretariat"
        OTHER = "other", "Øvrige"

    meeting = models.ForeignKey(Meeting, verbose_name="møde", on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, verbose_name="person", on_delete=models.PROTECT, related_name="attendance")
    group = models.CharField("gruppe", max_length=20, choices=Group.choices)
    role = models.CharField("rolle", max_length=200, blank=True)
    group_title = models.CharField("gruppens navn", max_length=200, blank=True)

    class Meta:
        verbose_name = "fremmøde"
        verbose_name_plural = "fremmøde"
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="attendance_unique")]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_group_display()}"


class ItemAbsence(models.Model):
    """A person absent for one item only (for example because of disqualification, inhabilitet)."""

    item = models.ForeignKey(AgendaItem, verbose_name="punkt", on_delete=models.CASCADE, related_name="absences")
    person = models.ForeignKey(Person, verbose_name="person", on_delete=models.PROTECT, related_name="item_absences")
    reason = models.CharField("årsag", max_length=200, blank=True)

    class Meta:
        verbose_name = "fravær på punkt"
        verbose_name_plural = "fravær på punkter"
        constraints = [models.UniqueConstraint(fields=["item", "person"], name="item_absence_unique")]


class Letter(models.Model):
    """A letter such as a consultation sent to the councils; kept for search and threads."""

    body = models.ForeignKey(
        Body, verbose_name="organ", null=True, blank=True, on_delete=models.PROTECT, related_name="letters"
    )
    date = models.DateField("dato", null=True, blank=True)
    name = models.CharField("titel", max_length=500, blank=True)
    subject = models.CharField("emne", max_length=500, blank=True)
    deadline = models.DateField("svarfrist", null=True, blank=True)
    sender = models.CharField("afsender", max_length=300, blank=True)
    signatories = models.JSONField("underskrivere", default=list, blank=True)
    sections = models.JSONField("afsnit", default=list, blank=True)

    class Meta:
        verbose_name = "brev"
        verbose_name_plural = "breve"
        ordering = ["-date"]

    def __str__(self) -> str:
        return self.subject or self.name or f"Brev {self.pk}"


class SourceDocument(models.Model):
    """A file that was imported (or failed to import), identified by the hash of its bytes."""

    class Status(models.TextChoices):
        IMPORTED = "imported", "Indlæst"
        FAILED = "failed", "Fejlet"

    sha256 = models.CharField("SHA-256", max_length=64, unique=True)
    name = models.CharField("filnavn", max_length=1000)
    size = models.BigIntegerField("størrelse", default=0)
    format = models.CharField("format", max_length=30, blank=True)
    kind = models.CharField("dokumentart", max_length=20, blank=True)
    supplement = models.BooleanField(
        "tillæg", default=False,
        help_text="en tillægsdagsorden eller et lukket referat: lægges til mødet i stedet for at erstatte punkterne")
    parser_version = models.CharField("parserversion", max_length=20, blank=True)
    imported_at = models.DateTimeField("indlæst", auto_now=True)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.IMPORTED)
    error = models.TextField("fejl", blank=True)
    warnings = models.JSONField("advarsler", default=list, blank=True)
    meeting = models.ForeignKey(
        Meeting, verbose_name="møde", null=True, blank=True, on_delete=models.SET_NULL, related_name="sources"
    )
    letter = models.ForeignKey(
        Letter, verbose_name="brev", null=True, blank=True, on_delete=models.SET_NULL, related_name="sources"
    )

    class Meta:
        verbose_name = "kildedokument"
        verbose_name_plural = "kildedokumenter"
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return self.name


class ForwardPlanEntry(models.Model):
    """A line of "Punkter til næste møde", linked to the later item that realises it when known."""

    item = models.ForeignKey(AgendaItem, verbose_name="punkt", on_delete=models.CASCADE, related_name="plan_entries")
    order = models.PositiveIntegerField("rækkefølge")
    text = models.CharField("tekst", max_length=1000)
    target_date = models.DateField("planlagt til", null=True, blank=True)
    realized_by = models.ForeignKey(
        AgendaItem,
        verbose_name="behandlet som",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="planned_by",
    )

    class Meta:
        verbose_name = "punkt til næste møde"
        verbose_name_plural = "punkter til næste møde"
        ordering = ["item", "order"]
        constraints = [models.UniqueConstraint(fields=["item", "order"], name="plan_entry_unique")]
        # a new meeting looks up the entries planned for its date: without this, every import
        # scanned all the forward plans of the archive
        indexes = [models.Index(fields=["target_date"], name="plan_entry_target_date")]

    def __str__(self) -> str:
        return self.text


class Topic(models.Model):
    """A theme that recurs across meetings and years (e.g. "Rammeaftale"), found from titles."""

    key = models.CharField("nøgle", max_length=100, unique=True, help_text="ordstammen")
    label = models.CharField("tema", max_length=200)
    items = models.ManyToManyField(AgendaItem, verbose_name="punkter", related_name="topics", blank=True)
    letters = models.ManyToManyField(Letter, verbose_name="breve", related_name="topics", blank=True)

    class Meta:
        verbose_name = "tema"
        verbose_name_plural = "temaer"
        ordering = ["label"]

    def __str__(self) -> str:
        return self.label
