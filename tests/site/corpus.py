"""The archive the site tests run against: invented meetings, two real seeds and a letter, plus
planted secrets — a closed item, a non-public meeting, a draft agenda, draft minutes — each
carrying a word found nowhere else, so a test can prove the word never reaches an anonymous
reader through any page, search, feed, calendar, sitemap or download."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from moedebog.demo import corpus_documents, write_documents
from moedebog.documents.records import Document, Heading, Item, Participant, Section
from tests.conftest import seed

#: Words planted in what an anonymous reader must never see.
CLOSED_WORD = "xylofonkvartet"
SECRET_WORD = "zebraflotille"
DRAFT_WORD = "kamelkaravane"
DRAFT_DECISION_WORD = "pingvinparade"
SECRET_PERSON = "Hemmelig Hansen"
SECRETS = (CLOSED_WORD, SECRET_WORD, DRAFT_WORD, DRAFT_DECISION_WORD, SECRET_PERSON)
#: A section that tries to become markup on the page.
HOSTILE = '<script>alert("hacked")</script><img src=x onerror=alert(1)> <b>fed</b>'


@dataclass(slots=True)
class Planted:
    """Where the secrets were put (body path, local date, item number)."""

    closed: tuple[str, str, str]
    secret_meeting: tuple[str, str]
    draft_meeting: tuple[str, str]
    draft_minutes: tuple[str, str]
    hostile: tuple[str, str, str]


def _day(doc: Document) -> str:
    return (doc.start or "")[:10]


def _slug_body(doc: Document) -> str:
    from moedebog.archive.services.keys import slugify

    return slugify(doc.body or "")


def documents() -> tuple[list[Document], dict[str, Document]]:
    docs = corpus_documents(8, seed=5, committee_meetings=6)
    kkr = [d for d in docs if d.body == "KKR Midtjylland"]
    committees = [d for d in docs if d.body != "KKR Midtjylland"]
    minutes = [d for d in kkr if d.kind == "minutes"]
    closed_doc, hostile_doc, draft_minutes = minutes[0], minutes[1], minutes[2]
    at = next(n for n, i in enumerate(closed_doc.items) if i.heading and int(i.heading.number) > 4)
    closed_doc.items.insert(at, Item(
        number="4.9", title="Personalesag om xylofonkvartet", heading=Heading("4", "Udpegninger"),
        sections=[Section("presentation", "Sagsfremstilling", f"Fortroligt om {CLOSED_WORD}.")], public=False))
    hostile_doc.items[0].sections.insert(0, Section("background", "Baggrund", HOSTILE))
    for item in draft_minutes.items:
        for section in item.sections:
            if section.kind == "decision":
                section.text += f" Udkast: {DRAFT_DECISION_WORD}."
    secret, draft = committees[0], committees[1]
    secret.items[0].title = f"Drøftelse af {SECRET_WORD}"
    secret.participants.append(Participant(SECRET_PERSON, "Sølund", "present", None, "Deltagere"))
    draft.items[0].title = f"Forslag om {DRAFT_WORD}"
    return docs, {"closed": closed_doc, "hostile": hostile_doc, "draft_minutes": draft_minutes,
                  "secret": secret, "draft": draft}


def write(folder: Path) -> tuple[list[Path], dict[str, Document]]:
    docs, marked = documents()
    paths = write_documents(docs, folder, ["txt"])
    for prefix in ("000", "001", "003"):  # real minutes 2020, agenda 2016, the letter of February 2020
        source = seed(prefix)
        shutil.copy(source, folder / source.name)
        paths.append(folder / source.name)
    return paths, marked


def build(folder: Path) -> Planted:
    """Import the corpus and make the secrets secret, as the secretariat would in the admin."""
    from moedebog.archive import models
    from moedebog.archive.services.batch import import_paths

    paths, marked = write(folder)
    summary = import_paths(paths, progress=False)
    assert not summary.failed, summary.failures

    def meeting(doc: Document) -> models.Meeting:
        return models.Meeting.objects.get(body__path=_slug_body(doc), start__date=_day(doc))

    secret = meeting(marked["secret"])
    secret.public = False
    secret.save()
    draft = meeting(marked["draft"])
    draft.state = models.Meeting.State.AGENDA_DRAFT
    draft.save()
    draft_minutes = meeting(marked["draft_minutes"])
    draft_minutes.state = models.Meeting.State.MINUTES_DRAFT
    draft_minutes.save()
    closed = marked["closed"]
    hostile = marked["hostile"]
    return Planted(
        closed=(_slug_body(closed), _day(closed), "4.9"),
        secret_meeting=(_slug_body(marked["secret"]), _day(marked["secret"])),
        draft_meeting=(_slug_body(marked["draft"]), _day(marked["draft"])),
        draft_minutes=(_slug_body(marked["draft_minutes"]), _day(marked["draft_minutes"])),
        hostile=(_slug_body(hostile), _day(hostile), hostile.items[0].number),
    )
