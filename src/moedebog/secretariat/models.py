"""What the workflow adds to the archive: who may do what for which body, the audit trail,
items that are still drafts, and the files uploaded as attachments.

The archive's own tables stay as they are (the importer and the public site read them); these
tables only point at them. Audit entries keep the names of the user and the meeting as text,
so that the trail stays readable after an account or a meeting is deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from moedebog.archive.models import AgendaItem, Attachment, Body, ForwardPlanEntry, Meeting


class Assignment(models.Model):
    """A user's role for one body: the secretariat prepares its meetings, a member reads its drafts."""

    class Role(models.TextChoices):
        SECRETARIAT = "secretariat", _("Sekretariat")
        MEMBER = "member", _("Medlem")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("bruger"), on_delete=models.CASCADE,
                             related_name="body_assignments")
    body = models.ForeignKey(Body, verbose_name=_("organ"), on_delete=models.CASCADE, related_name="assignments")
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("rolle i organ")
        verbose_name_plural = _("roller i organer")
        constraints = [models.UniqueConstraint(fields=["user", "body", "role"], name="assignment_unique")]
        permissions = [
            ("prepare_meetings", _("Kan forberede og offentliggøre møder i sine organer")),
            ("read_drafts", _("Kan læse udkast og lukkede punkter i sine organer")),
            ("administer", _("Kan tildele roller og arbejde i alle organer")),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} i {self.body}"


class AuditEntry(models.Model):
    """One change: who, when, what (a Danish sentence), and the values before and after.

    ``before`` and ``after`` map Danish field labels to values as text, so that the history
    screen can show them without knowing the models.
    """

    at = models.DateTimeField(_("tidspunkt"), default=timezone.now, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("bruger"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    user_name = models.CharField(_("brugernavn"), max_length=150)
    action = models.CharField(_("handling"), max_length=40, db_index=True)
    summary = models.CharField(_("hvad"), max_length=500)
    body = models.ForeignKey(Body, verbose_name=_("organ"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    meeting = models.ForeignKey(Meeting, verbose_name=_("møde"), null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="audit_entries")
    meeting_label = models.CharField(_("mødets navn"), max_length=300, blank=True)
    object_type = models.CharField(_("art"), max_length=40, blank=True)
    object_id = models.BigIntegerField(_("id"), null=True, blank=True)
    before = models.JSONField(_("før"), null=True, blank=True)
    after = models.JSONField(_("efter"), null=True, blank=True)

    class Meta:
        verbose_name = _("historik")
        verbose_name_plural = _("historik")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%d-%m-%Y %H:%M} {self.user_name}: {self.summary}"


class DraftItem(models.Model):
    """Marks an item that is still a draft, such as one brought in from the previous meeting's
    forward plan: the agenda cannot be published until the secretariat has made it ready."""

    item = models.OneToOneField(AgendaItem, verbose_name=_("punkt"), on_delete=models.CASCADE, related_name="draft")
    plan_entry = models.ForeignKey(ForwardPlanEntry, verbose_name=_("planlagt som"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("udkast til punkt")
        verbose_name_plural = _("udkast til punkter")

    def __str__(self) -> str:
        return str(self.item)


class AttachmentFile(models.Model):
    """The uploaded file behind an attachment, kept under MOEDEBOG_FILES by its SHA-256."""

    attachment = models.OneToOneField(Attachment, verbose_name=_("bilag"), on_delete=models.CASCADE,
                                      related_name="file")
    name = models.CharField(_("filnavn"), max_length=255)
    content_type = models.CharField(_("filtype"), max_length=100, blank=True)
    size = models.BigIntegerField(_("størrelse"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    path = models.CharField(_("sti"), max_length=300, help_text=_("relativ til MOEDEBOG_FILES"))

    class Meta:
        verbose_name = _("bilagsfil")
        verbose_name_plural = _("bilagsfiler")

    def __str__(self) -> str:
        return self.name
