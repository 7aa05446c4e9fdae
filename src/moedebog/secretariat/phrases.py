"""The usual decision phrasings, offered as quick choices when the minutes are written.

Each is a sentence with the body as subject, as the seeds write them ("KKR Midtjylland tog
orienteringen til efterretning."); the secretary may add free text after it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

#: key → phrase; "{body}" is the body's name.
PHRASES: dict[str, object] = {
    "noted": _("{body} tog orienteringen til efterretning."),
    "endorsed": _("{body} tiltrådte indstillingen."),
    "approved": _("{body} godkendte indstillingen."),
    "minutes": _("Referatet blev godkendt."),
    "discussed": _("{body} drøftede sagen."),
    "endorsed_remarks": _("{body} tiltrådte indstillingen med de faldne bemærkninger."),
    "postponed": _("Sagen blev udsat."),
    "nothing": _("Intet."),
}


def choices(body: str) -> list[tuple[str, str]]:
    """(key, sentence) for a form's quick choices."""
    return [(key, str(text).format(body=body)) for key, text in PHRASES.items()]


def compose(body: str, choice: str, free_text: str) -> str:
    """The decision text: the chosen phrase, then the free text (unless it already starts with it)."""
    phrase = dict(choices(body)).get(choice, "")
    free_text = free_text.strip()
    if not phrase:
        return free_text
    if not free_text or free_text.startswith(phrase):
        return free_text or phrase
    return f"{phrase}\n\n{free_text}"
