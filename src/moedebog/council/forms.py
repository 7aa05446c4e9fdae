"""Forms of the council screens: Danish labels; an agenda item is named as a secretary says it,
"2020-02-05 3.5" (the meeting's date and the item's number)."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from moedebog.archive import models as archive
from moedebog.council.models import Appointment
from moedebog.council.recipients import parse_lines

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ITEM_HELP = _("mødedato og punktnummer, fx «2020-02-05 3.5»; kan være tom")
_ITEM = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s+(\d+(?:\.\d+)*)\.?\s*$")


def find_item(body: archive.Body, text: str) -> archive.AgendaItem | None:
    """The body's item named "YYYY-MM-DD N.N"; ValidationError when it names none."""
    if not text.strip():
        return None
    match = _ITEM.match(text)
    if not match:
        raise forms.ValidationError(_("Skriv mødedato og punktnummer, fx «2020-02-05 3.5»."))
    day = date.fromisoformat(match.group(1))
    item = (archive.AgendaItem.objects.select_related("meeting")
            .filter(meeting__body=body, meeting__start__date=day, number=match.group(2)).first())
    if item is None:
        raise forms.ValidationError(_("Punktet findes ikke i arkivet."))
    return item


def item_label(item: archive.AgendaItem | None) -> str:
    return f"{item.meeting.start:%Y-%m-%d} {item.number}" if item else ""


class PeriodForm(forms.Form):
    body = forms.ModelChoiceField(queryset=archive.Body.objects.none(), label=_("Organ"))
    year = forms.IntegerField(label=_("Valgperiodens første år"), min_value=2002, max_value=2100)
    copy_from = forms.ModelChoiceField(queryset=archive.Term.objects.all(), required=False,
                                       label=_("Kopiér organer fra"), empty_label=_("(ingen)"))

    def __init__(self, *args: object, bodies: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies


class OutsideBodyForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=300)
    area = forms.CharField(label=_("Område"), max_length=200, required=False)
    members = forms.IntegerField(label=_("Medlemmer"), min_value=0, initial=1)
    chair_seats = forms.IntegerField(label=_("Heraf formandsposter"), min_value=0, initial=0)
    substitutes = forms.IntegerField(label=_("Suppleanter"), min_value=0, initial=0)
    equality = forms.BooleanField(label=_("Ligestillingskrav"), required=False)
    rules = forms.CharField(label=_("Regler og noter"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AppointForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    municipality = forms.CharField(label=_("Kommune"), max_length=100, required=False)
    role = forms.ChoiceField(label=_("Rolle"), choices=Appointment.Role.choices)
    gender = forms.ChoiceField(label=_("Køn"), choices=Appointment.Gender.choices, required=False)
    start = forms.DateField(label=_("Fra"), widget=DATE)
    end = forms.DateField(label=_("Til"), widget=DATE, required=False)
    item = forms.CharField(label=_("Besluttet i punkt"), required=False, help_text=ITEM_HELP)


class ConsultationForm(forms.Form):
    body = forms.ModelChoiceField(queryset=archive.Body.objects.none(), label=_("Afsender"))
    subject = forms.CharField(label=_("Emne"), max_length=500)
    text = forms.CharField(label=_("Tekst"), widget=forms.Textarea(attrs={"rows": 10}))
    deadline = forms.DateField(label=_("Høringsfrist"), widget=DATE)
    contact = forms.CharField(label=_("Kontaktperson"), max_length=500, required=False)
    recipients = forms.CharField(label=_("Høringsparter"), widget=forms.Textarea(attrs={"rows": 8}),
                                 help_text=_("én pr. linje: «Navn; e-mail». Uden adresse svarer parten pr. post."))

    def __init__(self, *args: object, bodies: object = None, editing: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["body"]
        else:
            self.fields["body"].queryset = bodies

    def clean_recipients(self) -> list[tuple[str, str]]:
        try:
            return parse_lines(self.cleaned_data["recipients"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None


class AnswerForm(forms.Form):
    text = forms.CharField(label=_("Jeres høringssvar"), widget=forms.Textarea(attrs={"rows": 10}))
    author = forms.CharField(label=_("Afgivet af"), max_length=300, required=False,
                             help_text=_("fx «Byrådet» eller navnet på den, der svarer"))
