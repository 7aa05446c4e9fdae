"""The import service against a real database: idempotent, merging, safe."""

from __future__ import annotations

import pytest

from moedebog.archive import models
from moedebog.archive.services.batch import import_paths
from moedebog.archive.services.importer import import_path
from moedebog.commands.stats import counts
from tests.conftest import CORPUS, seed

pytestmark = pytest.mark.django_db(transaction=True)


def snapshot() -> dict[str, object]:
    """Everything the archive holds that an import may change, in a comparable form."""
    return {
        "counts": counts(),
        "items": sorted(models.AgendaItem.objects.values_list("meeting_id", "number", "title", "case_id", "public")),
        "sections": sorted(models.Section.objects.values_list("item_id", "order", "kind", "title", "text")),
        "attendance": sorted(models.Attendance.objects.values_list("meeting_id", "person_id", "group", "role")),
        "meetings": sorted(models.Meeting.objects.values_list("body_id", "start", "location", "state")),
    }


def test_import_corpus_then_again_changes_nothing() -> None:
    first = import_paths([CORPUS / "seeds", CORPUS / "samples"], progress=False)
    assert first.failed == 1 and first.failures[0][0].endswith("README.md")
    assert first.meetings_created == 8 and first.letters == 1
    before = snapshot()
    again = import_paths([CORPUS / "seeds", CORPUS / "samples"], progress=False)
    assert again.unchanged == 9 and again.created == again.updated == 0
    assert snapshot() == before
    c = counts()
    assert (c["documents"], c["meetings"], c["letters"]) == (9, 8, 1)


def test_repeated_participant_is_one_person_with_one_attendance(minutes_2020) -> None:
    import_path(minutes_2020)
    meeting = models.Meeting.objects.get()
    assert meeting.attendance.count() == 28 + 9 + 1 + 4
    fischer = models.Person.objects.filter(name="Frands Fischer")
    assert fischer.count() == 1 and fischer.get().municipality.name == "Skanderborg"
    assert models.Membership.objects.filter(person=fischer.get(), term__name="2018-2021").count() == 1
    assert meeting.attendance.filter(group="secretariat", role="Chefkonsulent, referent").count() == 1


def test_agenda_then_minutes_become_one_meeting(agenda_2020, minutes_2020) -> None:
    a = import_path(agenda_2020)
    assert a.status == "created" and a.kind == "agenda"
    meeting = models.Meeting.objects.get()
    assert meeting.state == models.Meeting.State.AGENDA_PUBLISHED
    assert not models.Section.objects.filter(kind="decision").exists()
    m = import_path(minutes_2020)
    assert m.status == "updated" and m.kind == "minutes" and m.items_created == 0
    assert models.Meeting.objects.count() == 1
    meeting.refresh_from_db()
    assert meeting.state == models.Meeting.State.PUBLISHED
    assert meeting.sources.count() == 2
    assert models.Section.objects.filter(kind="decision", item__meeting=meeting).count() == 10
    assert meeting.attendance.count() == 42
    assert models.AgendaItem.objects.count() == 10


def test_minutes_then_agenda_keeps_the_decisions(agenda_2020, minutes_2020) -> None:
    import_path(minutes_2020)
    before = snapshot()
    result = import_path(agenda_2020)
    assert result.status == "updated"
    after = snapshot()
    assert after["sections"] == before["sections"] and after["items"] == before["items"]
    assert models.SourceDocument.objects.count() == 2


def test_corrected_reissue_updates_in_place(tmp_path, agenda_2020) -> None:
    import_path(agenda_2020)
    text = agenda_2020.read_text(encoding="utf-8")
    corrected = tmp_path / "rettet.txt"
    corrected.write_text(text.replace("Nær psykiatri efter Januarkonferencen", "Nær psykiatri efter konferencen")
                         .replace("Det indstilles, at sagen drøftes.", "Det indstilles, at sagen drøftes grundigt."),
                         encoding="utf-8")
    result = import_path(corrected)
    assert result.status == "updated"
    item = models.AgendaItem.objects.get(number="3.3")
    assert item.title == "Nær psykiatri efter konferencen"
    assert item.sections.get(kind="recommendation").text == "Det indstilles, at sagen drøftes grundigt."
    assert models.AgendaItem.objects.count() == 10 and models.Meeting.objects.count() == 1


def test_same_person_across_years() -> None:
    import_path(seed("000"))
    import_path(CORPUS / "seeds" / seed("000").name)  # unchanged
    assert models.Person.objects.filter(name="Frands Fischer").count() == 1


def test_failed_document_is_recorded_and_others_go_on(tmp_path, minutes_2020) -> None:
    bad = tmp_path / "tom.txt"
    bad.write_bytes(b"")
    nodate = tmp_path / "uden-dato.txt"
    nodate.write_text("DAGSORDEN\nKKR MIDTJYLLAND\n1.1. Punkt ..... 2\n\n1.1. Punkt\nBaggrund\nTekst.\n",
                      encoding="utf-8")
    summary = import_paths([bad, minutes_2020, nodate], progress=False)
    assert (summary.created, summary.failed) == (1, 2)
    errors = dict(summary.failures)
    assert errors[str(bad)] == "tom fil" and "dato" in errors[str(nodate)]
    failed = models.SourceDocument.objects.filter(status="failed")
    assert failed.count() == 2 and models.Meeting.objects.count() == 1
    assert not models.Meeting.objects.filter(body__name="KKR Midtjylland", items__title="Punkt").exists()


def test_failure_inside_the_transaction_leaves_nothing_half_written(monkeypatch, minutes_2020) -> None:
    from moedebog.archive.services import importer

    def explode(meeting, *args, **kwargs):
        raise RuntimeError("simulated crash after items were written")

    monkeypatch.setattr(importer.threads, "link_meeting", explode)
    with pytest.raises(RuntimeError):
        import_path(minutes_2020)
    assert counts()["meetings"] == 0 and counts()["items"] == 0 and models.Person.objects.count() == 0
    monkeypatch.undo()
    assert import_path(minutes_2020).status == "created"
    assert counts()["items"] == 10


def test_minutes_that_contradict_the_agenda_are_flagged(tmp_path, agenda_2020) -> None:
    import_path(agenda_2020)
    text = seed("000").read_text(encoding="utf-8")
    for old, new in (("Tværkommunale samarbejder om klima", "Ny vej til havnen"),
                     ("Resultatkontrakt 2020 mellem KKR Midtjylland og Erhvervshus Midtjylland", "Cykelstier"),
                     ("Nær psykiatri efter Januarkonferencen", "Skolestruktur"),
                     ("Dimensionering af pædagoguddannelsen", "Vandløb"),
                     ("Proces for Rammeaftale 2021-2022 samt forslag til udviklingsområder", "Affald"),
                     ("Orientering om aftale om akut hjælp til sårbare borgere (tidl. Sociolancen)", "Busdrift"),
                     ("Godkendelse af referat fra møde i KKR Midtjylland den 8. november 2019", "Havnebad"),
                     ("2.1. Orientering", "2.1. Kunst"), ("2.1. Orientering\t", "2.1. Kunst\t")):
        text = text.replace(old, new)
    other = tmp_path / "andet-referat.txt"
    other.write_text(text, encoding="utf-8")
    result = import_path(other)
    assert any("svarer ikke til mødets punkter" in w for w in result.warnings)


def test_supplementary_agenda_adds_without_dropping(tmp_path, agenda_2020) -> None:
    import_path(agenda_2020)
    supplement = tmp_path / "tillaeg.txt"
    supplement.write_text("TILLÆGSDAGSORDEN 2020\nKKR MIDTJYLLAND\nDato: 05-02-2020 10:00\n\n"
                          "3.7. Ekstra punkt om busdrift ..... 2\n\n3.7. Ekstra punkt om busdrift\n"
                          "SAG-2020-00001 jhp\nBaggrund\nEt nyt punkt.\n", encoding="utf-8")
    result = import_path(supplement)
    assert result.status == "updated", result
    assert models.AgendaItem.objects.count() == 11 and models.Meeting.objects.count() == 1


def test_corrected_reissue_that_drops_an_item(tmp_path, agenda_2020) -> None:
    import_path(agenda_2020)
    text = agenda_2020.read_text(encoding="utf-8")
    start = text.index("3.6. Orientering om aftale om akut hjælp til sårbare borgere (tidl. Sociolancen)\n\nSAG")
    end = text.index("4. Udpegninger", start)
    corrected = tmp_path / "uden-3.6.txt"
    corrected.write_text(text[:start] + text[end:], encoding="utf-8")
    assert import_path(corrected).status == "updated"
    assert not models.AgendaItem.objects.filter(number="3.6").exists()
    assert models.AgendaItem.objects.count() == 9


@pytest.mark.parametrize("supplement_first", [True, False])
def test_a_supplement_adds_to_its_meeting_in_either_order(supplement_first: bool) -> None:
    import copy
    import json

    from moedebog.archive.services.importer import import_bytes

    main = json.loads((CORPUS / "samples" / "greve_Byraad-2022-2025_2024-04-17_3204f037.json").read_text("utf-8"))
    supplement = copy.deepcopy(main)
    supplement["Id"] = "00000000-0000-4000-8000-00000000000a"
    supplement["TillaegsDagsorden"] = True
    extra = copy.deepcopy(main["Dagsordenpunkter"][0])
    extra.update(Id="00000000-0000-4000-8000-0000000000aa", Navn="Ekstra punkt om vinterberedskab", Punktnummer="99")
    supplement["Dagsordenpunkter"] = [extra]
    documents = [("supplement.json", supplement), ("main.json", main)]
    for name, data in documents if supplement_first else documents[::-1]:
        assert import_bytes(json.dumps(data).encode(), name, "Greve Kommune").status in ("created", "updated")
    meeting = models.Meeting.objects.get()
    numbers = set(meeting.items.values_list("number", flat=True))
    assert "99" in numbers and len(numbers) == len({i["Punktnummer"] for i in main["Dagsordenpunkter"]}) + 1
    assert meeting.ref == main["Id"] and meeting.name == main["Moede"]["Navn"]
    assert sorted(meeting.sources.values_list("supplement", flat=True)) == [False, True]


def test_closed_item_prefixes_of_different_sources_are_the_same_item() -> None:
    from moedebog.archive.services.items import similar_titles

    assert similar_titles("Lukket: Borgersag", "Lukket punkt: Borgersag")
    assert similar_titles("Lukket punkt - Personalesag", "lukket: personalesag")
    assert not similar_titles("Lukket: Borgersag", "Lukket punkt: Ejendomshandel i Nørreskov")
