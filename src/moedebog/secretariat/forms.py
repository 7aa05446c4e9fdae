"""Forms of the secretariat's screens: Danish labels, validation of what a form can check alone.

Sections and decisions come as repeated fields (one per section or item) and are read by the
views; everything else is an ordinary Django form.
"""

from __future__ import annotations

from datetime import datetime, time

from django import forms
from django.utils.translation import gettext_lazy as _

from moedebog.archive import models

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class MeetingForm(forms.Form):
    body = forms.ModelChoiceField(queryset=models.Body.objects.none(), label=_("Organ"))
    day = forms.DateField(label=_("Dato"), widget=DATE)
    at = forms.TimeField(label=_("Klokkeslæt"), widget=TIME, initial=time(10, 0))
    location = forms.CharField(label=_("Sted"), max_length=300, required=False)
    name = forms.CharField(label=_("Betegnelse"), max_length=200, required=False,
                           help_text=_("fx «Ekstraordinært møde»; kan være tom"))
    prepare = forms.BooleanField(label=_("Start dagsordenen fra skabelonen med det samme"), required=False,
                                 initial=True)

    def __init__(self, *args: object, bodies: object = None, editing: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["body"]
            del self.fields["prepare"]
        else:
            self.fields["body"].queryset = bodies

    def start(self) -> datetime:
        return datetime.combine(self.cleaned_data["day"], self.cleaned_data["at"])


class ItemForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=1000)
    case_number = forms.CharField(label=_("Sagsnummer"), max_length=100, required=False,
                                  help_text=_("fx SAG-2025-01234"))
    handlers = forms.CharField(label=_("Sagsbehandlere (initialer)"), max_length=200, required=False,
                               help_text=_("fx chbo/jhp"))
    closed = forms.BooleanField(label=_("Lukket punkt"), required=False,
                                help_text=_("vises ikke for offentligheden"))


class NewItemForm(ItemForm):
    heading = forms.ModelChoiceField(queryset=models.Heading.objects.none(), label=_("Under overskrift"))

    def __init__(self, *args: object, meeting: models.Meeting | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if meeting is not None:
            self.fields["heading"].queryset = meeting.headings.all()
        self.order_fields(["heading", "title", "case_number", "handlers", "closed"])


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("Fil"))
    title = forms.CharField(label=_("Titel"), max_length=1000, required=False,
                            help_text=_("tom: filens navn"))


class ParticipantForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    affiliation = forms.CharField(label=_("Kommune"), max_length=200, required=False)
    group = forms.ChoiceField(label=_("Gruppe"), choices=models.Attendance.Group.choices)
    group_title = forms.CharField(label=_("Gruppens overskrift"), max_length=200, required=False,
                                  help_text=_("fx «Fra KD-net» eller «Fra KL-sekretariatet»"))
    role = forms.CharField(label=_("Rolle"), max_length=200, required=False,
                           help_text=_("fx «Chefkonsulent, referent»"))


class RoleForm(forms.Form):
    username = forms.CharField(label=_("Brugernavn"), max_length=150)
    body = forms.ModelChoiceField(queryset=models.Body.objects.all(), label=_("Organ"))
    role = forms.ChoiceField(label=_("Rolle"), choices=())

    def __init__(self, *args: object, **kwargs: object) -> None:
        from moedebog.secretariat.models import Assignment

        super().__init__(*args, **kwargs)
        self.fields["role"].choices = Assignment.Role.choices
