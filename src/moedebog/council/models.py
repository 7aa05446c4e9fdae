"""The register of appointments to outside bodies and the consultations of the municipalities.

Both hang off an archive ``Body`` (the KKR that appoints or consults), so that the secretariat's
roles for that body decide who may change them. Links to agenda items are nullable: the item that
decided an appointment or started a consultation may not be in the archive (yet).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from moedebog.archive.models import AgendaItem, Body, Letter, Person, Term


class OutsideBody(models.Model):
    """A board or committee the body appoints to in one election period, with its seats and rules."""

    body = models.ForeignKey(Body, verbose_name=_("udpeges af"), on_delete=models.CASCADE,
                             related_name="outside_bodies")
    term = models.ForeignKey(Term, verbose_name=_("valgperiode"), on_delete=models.PROTECT,
                             related_name="outside_bodies")
    area = models.CharField(_("område"), max_length=200, blank=True)
    name = models.CharField(_("navn"), max_length=300)
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)
    members = models.PositiveIntegerField(_("medlemmer"), default=1)
    chair_seats = models.PositiveIntegerField(_("heraf formandsposter"), default=0)
    substitutes = models.PositiveIntegerField(_("suppleanter"), default=0)
    equality = models.BooleanField(_("ligestillingskrav"), default=False)
    rules = models.TextField(_("regler og noter"), blank=True, help_text=_("som punktet beskriver pladserne"))
    decided_by = models.ForeignKey(AgendaItem, verbose_name=_("besluttet i punkt"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="outside_bodies")

    class Meta:
        verbose_name = _("udpegningsorgan")
        verbose_name_plural = _("udpegningsorganer")
        ordering = ["term__start", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["body", "term", "name"], name="outside_body_unique")]

    def __str__(self) -> str:
        return f"{self.name} ({self.term})"


class Appointment(models.Model):
    """One person's seat in an outside body: as member, chair or substitute, from when to when."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Medlem")
        CHAIR = "chair", _("Formand")
        SUBSTITUTE = "substitute", _("Suppleant")

    class Gender(models.TextChoices):
        UNKNOWN = "", _("Ikke oplyst")
        WOMAN = "f", _("Kvinde")
        MAN = "m", _("Mand")

    outside_body = models.ForeignKey(OutsideBody, verbose_name=_("organ"), on_delete=models.CASCADE,
                                     related_name="appointments")
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT,
                               related_name="appointments")
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    gender = models.CharField(_("køn"), max_length=1, choices=Gender.choices, blank=True,
                              help_text=_("til kontrol af ligestillingskravet"))
    start = models.DateField(_("fra"))
    end = models.DateField(_("til"), null=True, blank=True)
    decided_by = models.ForeignKey(AgendaItem, verbose_name=_("besluttet i punkt"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="appointments")
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("udpegning")
        verbose_name_plural = _("udpegninger")
        ordering = ["outside_body", "role", "start", "pk"]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()} i {self.outside_body.name}"

    def active_on(self, day: object) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)  # type: ignore[operator]


class Consultation(models.Model):
    """A consultation (høring): a letter to the municipalities that asks for answers by a deadline."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        SENT = "sent", _("Udsendt")
        CLOSED = "closed", _("Lukket")

    body = models.ForeignKey(Body, verbose_name=_("afsender"), on_delete=models.PROTECT,
                             related_name="consultations")
    subject = models.CharField(_("emne"), max_length=500)
    text = models.TextField(_("tekst"), blank=True)
    deadline = models.DateField(_("høringsfrist"))
    contact = models.CharField(_("kontaktperson"), max_length=500, blank=True)
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.DRAFT)
    reopened_until = models.DateField(_("genåbnet til"), null=True, blank=True)
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)
    sent_at = models.DateTimeField(_("udsendt"), null=True, blank=True)
    letter = models.OneToOneField(Letter, verbose_name=_("brev i arkivet"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="consultation")
    started_by = models.ForeignKey(AgendaItem, verbose_name=_("startet af punkt"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="consultations_started")
    concluded_by = models.ForeignKey(AgendaItem, verbose_name=_("afsluttet af punkt"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="consultations_concluded")

    class Meta:
        verbose_name = _("høring")
        verbose_name_plural = _("høringer")
        ordering = ["-deadline", "-pk"]

    def __str__(self) -> str:
        return self.subject

    def last_day(self) -> object:
        """The last day answers are taken: the deadline, or the day it was reopened until."""
        return max(self.deadline, self.reopened_until) if self.reopened_until else self.deadline

    def open_on(self, day: object) -> bool:
        return self.state == self.State.SENT and day <= self.last_day()  # type: ignore[operator]


class ConsultationFile(models.Model):
    """An attachment sent with the consultation, kept by hash like the secretariat's uploads."""

    consultation = models.ForeignKey(Consultation, verbose_name=_("høring"), on_delete=models.CASCADE,
                                     related_name="files")
    name = models.CharField(_("filnavn"), max_length=255)
    content_type = models.CharField(_("filtype"), max_length=100, blank=True)
    size = models.BigIntegerField(_("størrelse"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    path = models.CharField(_("sti"), max_length=300)

    class Meta:
        verbose_name = _("høringsbilag")
        verbose_name_plural = _("høringsbilag")

    def __str__(self) -> str:
        return self.name


class Recipient(models.Model):
    """A party asked to answer: a municipal council, the region, or anyone on the list."""

    consultation = models.ForeignKey(Consultation, verbose_name=_("høring"), on_delete=models.CASCADE,
                                     related_name="recipients")
    name = models.CharField(_("navn"), max_length=300)
    email = models.EmailField(_("e-mail"), blank=True)
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("påmindet"), null=True, blank=True)
    send_error = models.CharField(_("fejl ved afsendelse"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("høringspart")
        verbose_name_plural = _("høringsparter")
        ordering = ["consultation", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["consultation", "name"], name="recipient_unique")]

    def __str__(self) -> str:
        return self.name


class AnswerToken(models.Model):
    """A personal answer link: only the SHA-256 of the token is stored, so the database alone
    cannot be used to answer for anyone. Each belongs to one recipient and expires."""

    recipient = models.ForeignKey(Recipient, verbose_name=_("høringspart"), on_delete=models.CASCADE,
                                  related_name="tokens")
    digest = models.CharField(_("SHA-256"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)
    expires_at = models.DateTimeField(_("udløber"))

    class Meta:
        verbose_name = _("svarlink")
        verbose_name_plural = _("svarlinks")

    def __str__(self) -> str:
        return f"{self.recipient} ({self.expires_at:%d-%m-%Y})"


class Response(models.Model):
    """A recipient's answer, given through the link or recorded by the secretariat from a mail."""

    class Via(models.TextChoices):
        LINK = "link", _("Via svarlink")
        MAIL = "mail", _("Modtaget pr. post/mail, registreret af sekretariatet")

    recipient = models.OneToOneField(Recipient, verbose_name=_("høringspart"), on_delete=models.CASCADE,
                                     related_name="response")
    text = models.TextField(_("svar"))
    author = models.CharField(_("afgivet af"), max_length=300, blank=True)
    via = models.CharField(_("modtaget"), max_length=10, choices=Via.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("registreret af"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    received_at = models.DateTimeField(_("modtaget"), default=timezone.now)
    changed_at = models.DateTimeField(_("ændret"), default=timezone.now)

    class Meta:
        verbose_name = _("høringssvar")
        verbose_name_plural = _("høringssvar")

    def __str__(self) -> str:
        return f"{self.recipient}: {self.text[:60]}"
