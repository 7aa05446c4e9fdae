"""Publishing reaches search and the public record; withdrawing takes it away again. A meeting made
with the services renders to documents that read back into the same record."""

from __future__ import annotations

import pytest
from django.apps import apps

from moedebog.documents import Source, parse
from moedebog.publish import render_docx, render_html
from moedebog.secretariat.documents import meeting_document
from moedebog.secretariat.services import attendance, decisions, items, lifecycle, meetings
from tests.roundtrip import differences
from tests.secretariat.conftest import at


def _meeting(secretary, body):
    meeting = meetings.create_meeting(secretary, body, at(2025, 4, 8), "Scandic, Silkeborg")
    heading = meeting.headings.get(number="3")
    klima = items.add_item(secretary, meeting, heading, "Klimatilpasning i kommunerne", "SAG-2025-00042", "chbo/jhp")
    items.set_sections(secretary, klima, [
        ("background", "Baggrund", "Kommunerne samarbejder om klimatilpasning langs Gudenåen."),
        ("recommendation", "Indstilling", "Det indstilles, at KKR Midtjylland tiltræder samarbejdet."),
    ])
    secret = items.add_item(secretary, meeting, heading, "Fortrolig personalesag", "SAG-2025-00043", "snm",
                            public=False)
    items.set_sections(secretary, secret, [("background", "Baggrund", "Oplysninger om en medarbejder.")])
    for step in ("publish_agenda", "mark_held"):
        meeting = lifecycle.advance(secretary, meeting, step)
    attendance.add_participant(secretary, meeting, "Anders Kühnau", "Viborg", "present")
    attendance.add_participant(secretary, meeting, "Nils Borring", "Favrskov", "absent")
    attendance.add_participant(secretary, meeting, "Christian Budde", "", "secretariat", "Chefkonsulent, referent",
                               "Fra KL-sekretariatet")
    decisions.record_decisions(secretary, meeting, {
        klima.pk: "KKR Midtjylland tiltrådte indstillingen.", secret.pk: "KKR Midtjylland traf beslutning."})
    return meeting


def test_rendered_minutes_read_back(secretary, body) -> None:
    meeting = _meeting(secretary, body)
    for public in (False, True):
        expected = meeting_document(meeting, "minutes", public=public)
        assert ("Fortrolig personalesag" in {i.title for i in expected.items}) is not public
        for fmt, render, name in (("docx", render_docx, "x.docx"), ("html", render_html, "x.html")):
            content = render(expected)
            data = content.encode("utf-8") if isinstance(content, str) else content
            got = parse(Source.from_bytes(data, name))
            assert differences(expected, got, fmt) == [], (fmt, public)
    agenda = meeting_document(meeting, "agenda")
    assert not agenda.participants and not any(i.decision() for i in agenda.items)


@pytest.mark.skipif(not apps.is_installed("moedebog.search"), reason="søgning er ikke installeret")
def test_publishing_and_withdrawing_reach_search(secretary, body) -> None:
    from moedebog import search

    meeting = _meeting(secretary, body)

    def found(text: str) -> int:
        return search.search(text).total

    assert found("Gudenåen") == 1  # the agenda is published
    from moedebog.secretariat.services import attachments

    klima = meeting.items.get(title="Klimatilpasning i kommunerne")
    attachments.add_attachment(secretary, klima, "notat.txt", "Vandløbslaug og digelag mødes i Randers.".encode())
    assert found("digelag") == 1  # an attachment's text is searchable
    assert found("personalesag medarbejder") == 0  # a closed item never
    for step in ("approve_minutes", "publish_minutes"):
        meeting = lifecycle.advance(secretary, meeting, step)
    assert found("Gudenåen") == 1
    lifecycle.withdraw(secretary, meeting)
    assert found("Gudenåen") == 0
    lifecycle.republish(secretary, meeting)
    assert found("Gudenåen") == 1
