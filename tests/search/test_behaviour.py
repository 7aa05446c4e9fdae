"""What search does, on a real archive: one suite, run on SQLite and again on PostgreSQL.

Every assertion names hits by stable keys (body path, meeting date, item number), so the same
expectations hold on both backends: that is how the suite proves they behave the same.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest

from moedebog.archive import models
from moedebog.search import search
from tests.search.conftest import keys

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("corpus")]

KKR = "kkr-midtjylland"
SIKREDE = (KKR, "2025-04-08", "3.6")
PAEDAGOG = (KKR, "2020-02-05", "3.4")
RAMME_2020 = (KKR, "2020-02-05", "3.5")
RAMME_2016 = (KKR, "2016-11-22", "3.4")
BYRAAD = "greve-kommune/byraad-2022-2025"


def top(text: str, n: int = 3, **kwargs: object) -> list[tuple]:
    return keys(search(text, **kwargs))[:n]


# --------------------------------------------------------------------------------------------- words

def test_all_words_must_match() -> None:
    result = search("sikrede institutioner venteliste")
    assert keys(result)[0] == SIKREDE
    assert result.total == len(result.hits)  # few items have all three words
    assert search("sikrede institutioner xyzzyord").total == 0


def test_stemming_finds_other_inflections() -> None:
    assert SIKREDE in top("institution sikret", 5)
    assert RAMME_2016 in keys(search("rammeaftalerne", page_size=50))


def test_exact_phrase() -> None:
    assert SIKREDE in top('"sikrede institutioner"')
    assert SIKREDE not in keys(search('"institutioner sikrede"', page_size=50))


def test_or() -> None:
    either = set(keys(search("sundhedsreformen OR praksisplan", page_size=100)))
    reform = set(keys(search("sundhedsreformen", page_size=100)))
    plan = set(keys(search("praksisplan", page_size=100)))
    assert either == reform | plan and reform - plan and plan - reform


def test_exclusion() -> None:
    all_hits = set(keys(search("rammeaftale", page_size=100)))
    without = set(keys(search("rammeaftale -udviklingsområder", page_size=100)))
    assert RAMME_2020 in all_hits and RAMME_2020 not in without and without < all_hits
    assert RAMME_2020 not in keys(search('rammeaftale -"forslag til udviklingsområder"', page_size=100))


def test_exclusion_alone_with_a_filter() -> None:
    result = search("-rammeaftale år:2020", page_size=100)
    assert result.total > 0 and RAMME_2020 not in keys(result) and PAEDAGOG in keys(result)


def test_prefix() -> None:
    assert PAEDAGOG in top("pædagogudd*")
    assert SIKREDE in top("institutioner* venteli*")


# --------------------------------------------------------------------------------------------- Danish

def test_case_and_danish_letters() -> None:
    assert top("pædagoguddannelsen") == top("PAEDAGOGUDDANNELSEN") == top("Pædagoguddannelsen")
    assert PAEDAGOG in top("paedagoguddannelsen")
    assert top("Udviklingsplan Aarhus Ø") == top("udviklingsplan århus oe")


def test_stop_words_are_ignored() -> None:
    assert top("sikrede og institutioner i regionen") == top("sikrede institutioner regionen")


def test_compound_parts_find_the_compound() -> None:
    assert PAEDAGOG in keys(search("uddannelse", page_size=50))
    assert (KKR, "2025-04-08", "3.4") in top("uddannelse", 10)  # "uddannelsesområdet" in the title
    assert PAEDAGOG in top("dimensionering pædagog")


def test_case_number_as_typed() -> None:
    result = search("SAG-2019-07153", page_size=50)
    assert result.total and all(k[1] == "2020-02-05" for k in keys(result))
    assert keys(search("sag-2019-07153")) == keys(result)
    assert search("SAG-2019-07154").total == 0


def test_dates_as_typed() -> None:
    spelled = search("5. februar 2020", page_size=50)
    assert {k[1] for k in keys(spelled)} == {"2020-02-05"}
    assert keys(search("05-02-2020", page_size=50)) == keys(spelled)
    assert keys(search("2020-02-05", page_size=50)) == keys(spelled)


def test_month_and_attendance() -> None:
    result = search("fraværende februar 2020")
    assert result.hits and result.hits[0].kind == "meeting" and result.hits[0].key()[:2] == (KKR, "2020-02-05")
    assert "fraværende" in result.hits[0].snippet.html().lower()


# --------------------------------------------------------------------------------------------- filters

def test_body_filter() -> None:
    result = search("orientering body:greve", page_size=100)
    assert result.total and all(k[0].startswith("greve-kommune/") for k in keys(result))
    aarhus = search('udvalg:"teknisk udvalg"', page_size=100)
    assert aarhus.total and {k[0] for k in keys(aarhus)} == {"teknisk-udvalg"}
    assert keys(search("orientering", body="greve", page_size=100)) == keys(result)


def test_year_and_date_range() -> None:
    assert {k[1][:4] for k in keys(search("rammeaftale år:2020", page_size=100))} == {"2020"}
    ranged = search("orientering", date_from=date(2020, 1, 1), date_to=date(2021, 12, 31), page_size=100)
    assert ranged.total and all("2020" <= k[1][:4] <= "2021" for k in keys(ranged))
    assert keys(search("orientering fra:2020-01-01 til:2021-12-31", page_size=100)) == keys(ranged)


def test_section_kind_filter_searches_that_kind_only() -> None:
    decided = search("rammeaftale type:beslutning", page_size=100)
    assert decided.total and all(h.section_kind == "decision" for h in decided.hits)
    assert all(h.kind == "item" for h in decided.hits)
    # words only in a background section are not found among decisions
    assert search("sikrede institutioner venteliste type:beslutning").total == 0
    assert search("sikrede institutioner venteliste type:sagsfremstilling").total == 1


def test_record_kind_filter() -> None:
    meetings = search("februar 2020 type:møde")
    assert meetings.total and all(h.kind == "meeting" for h in meetings.hits)


def test_case_filter() -> None:
    result = search("sag:SAG-2019-07153", page_size=100)
    assert result.total >= 10 and {k[1] for k in keys(result)} == {"2020-02-05"}
    assert keys(search("klima", case="SAG-2019-07153")) == keys(search("klima sag:sag-2019-07153"))


def test_person_filter() -> None:
    result = search("person:\"Frands Fischer\"", page_size=100)
    kinds = {h.kind for h in result.hits}
    assert "person" in kinds and "meeting" in kinds
    assert all("Fischer" in (h.title + h.snippet.html()) or h.kind != "person" for h in result.hits)


def test_filters_only_list_by_date() -> None:
    result = search("type:beslutning år:2024", page_size=100)
    starts = [h.meeting_start for h in result.hits]
    assert result.total and starts == sorted(starts, reverse=True) and result.sort == "date"


# --------------------------------------------------------------------------------------------- results

def test_items_first_with_meeting_body_date_and_permalink() -> None:
    result = search("rammeaftale", page_size=20)
    kinds = [h.kind for h in result.hits]
    assert kinds[0] == "item"
    hit = next(h for h in result.hits if h.key() == RAMME_2020)
    assert hit.body == "KKR Midtjylland" and hit.meeting_start.date() == date(2020, 2, 5)
    assert hit.url == "/kkr-midtjylland/2020-02-05/3.5" and hit.item_number == "3.5"
    letters = [h for h in result.hits if h.kind == "letter"]
    assert letters and letters[0].url.startswith("/breve/")


def test_facets_count_the_results() -> None:
    result = search("orientering", page_size=5)
    years = {v.value: v.count for v in result.facets["year"]}
    records = {v.value: v.count for v in result.facets["record"]}
    assert sum(records.values()) == result.total
    assert sum(years.values()) <= result.total  # people have no date
    bodies = {v.value: v.count for v in result.facets["body"]}
    assert bodies[KKR] == search("orientering body:kkr-midtjylland").total
    kinds = {v.value: v.count for v in result.facets["kind"]}
    assert kinds["decision"] == search("orientering type:beslutning").total


def test_facets_count_across_their_own_filter() -> None:
    result = search("orientering år:2020")
    assert len(result.facets["year"]) > 1  # the other years are offered
    assert {v.value for v in result.facets["body"]} == {KKR}


def test_sort_by_date() -> None:
    newest = search("rammeaftale", sort="date", page_size=50)
    starts = [h.meeting_start or h.hits for h in newest.hits if h.kind == "item"]
    assert starts == sorted(starts, reverse=True)
    oldest = search("rammeaftale", sort="oldest", page_size=50)
    assert keys(oldest)[0][1] <= keys(newest)[0][1]


def test_pages() -> None:
    first, second = search("orientering", page=1), search("orientering", page=2)
    assert first.total == second.total > 10 and first.pages >= 2
    ids = [(h.kind, h.object_id) for h in first.hits + second.hits]
    assert len(ids) == len(set(ids)) == 20
    assert search("orientering", page=999).hits == []


def test_snippets_mark_the_words() -> None:
    hit = search("sikrede institutioner venteliste").hits[0]
    html = hit.snippet.html()
    assert "<mark>venteliste" in html and "<mark>institutioner</mark>" in html and "<mark>eventuelle" not in html
    compound = next(h for h in search("uddannelse", page_size=50).hits if h.key() == PAEDAGOG)
    assert "<mark>pædagoguddannelsen</mark>" in compound.snippet.html()


@pytest.mark.parametrize("text", ['"unbalanced', "OR", "-", "***", "type:", "(((", '"', "år:abc", "a OR OR b",
                                  "fra:2020-13-45", "'; DROP TABLE archive_agendaitem; --", 'NEAR("a b")',
                                  "col:x", "{title}: a", "a AND b NOT c", "x" * 500, "ø" * 50, "\x00", "💥"])
def test_malformed_queries_never_fail(text: str) -> None:
    search(text)
    assert models.AgendaItem.objects.exists()


def test_plain_words_from_unbalanced_quote() -> None:
    assert keys(search('"sikrede institutioner venteliste')) == keys(search("sikrede institutioner venteliste"))


# --------------------------------------------------------------------------------------------- privacy

CLOSED_WORDS = "Tune Plejecenter grundkøbsaftalen"


def _closed_item() -> models.AgendaItem:
    return models.AgendaItem.objects.get(title__contains="grundkøbsaftalen")


def test_closed_items_are_never_public() -> None:
    closed = _closed_item()
    assert not closed.public
    public = search(CLOSED_WORDS, page_size=100)
    assert (BYRAAD, "2024-04-17", closed.number) not in keys(public)
    internal = search(CLOSED_WORDS, private=True, page_size=100)
    assert (BYRAAD, "2024-04-17", closed.number) in keys(internal)
    # no trace in counts, facets or snippets
    lukket = search("lukket", page_size=100)
    assert all("Lukket" not in h.title for h in lukket.hits)
    everything = search("body:byraad-2022-2025", page_size=100)
    closed_count = models.AgendaItem.objects.filter(meeting__body__path=BYRAAD, public=False).count()
    items = models.AgendaItem.objects.filter(meeting__body__path=BYRAAD).count()
    assert {v.value: v.count for v in everything.facets["record"]}["item"] == items - closed_count
    assert search("body:byraad-2022-2025", private=True).facets["record"][0].count == items


def test_staff_users_see_closed_items() -> None:
    class Staff:
        is_active = is_staff = True

    closed = _closed_item()
    assert (BYRAAD, "2024-04-17", closed.number) in keys(search(CLOSED_WORDS, user=Staff(), page_size=100))


def test_a_meeting_that_is_not_public_disappears() -> None:
    meeting = models.Meeting.objects.get(body__path=KKR, start__date=date(2020, 2, 5))
    before = search("pædagoguddannelsen")
    assert PAEDAGOG in keys(before)
    meeting.public = False
    meeting.save()
    after = search("pædagoguddannelsen")
    assert PAEDAGOG not in keys(after) and after.total < before.total
    assert "2020" not in {v.value for v in search("dimensionering").facets["year"]}
    assert search("5. februar 2020").total == 0
    assert PAEDAGOG in keys(search("pædagoguddannelsen", private=True))


def test_draft_decisions_are_not_public() -> None:
    meeting = models.Meeting.objects.get(body__path=KKR, start__date=date(2020, 2, 5))
    decision = models.Section.objects.filter(item__meeting=meeting, item__number="3.4", kind="decision").first()
    assert decision is not None
    decision.text = "Et ganske særligt ord: blåbærgrød."
    decision.save()
    assert PAEDAGOG in keys(search("blåbærgrød"))
    meeting.state = models.Meeting.State.MINUTES_DRAFT
    meeting.save()
    assert search("blåbærgrød").total == 0
    assert PAEDAGOG in keys(search("pædagoguddannelsen"))  # the item itself is still public
    assert PAEDAGOG in keys(search("blåbærgrød", private=True))
    assert search("blåbærgrød", private=True).total == 1  # one row per item for each audience


# --------------------------------------------------------------------------------------------- CLI

def test_cli_json() -> None:
    from django.conf import settings

    from moedebog.config import database_url

    env = {**os.environ, "DATABASE_URL": database_url(settings.DATABASES["default"])}
    out = subprocess.run([sys.executable, "-m", "moedebog", "search", "sikrede", "institutioner", "--json"],
                         capture_output=True, text=True, env=env, check=False)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["total"] >= 1 and set(data["facets"]) >= {"body", "year", "kind"}
    assert set(data["hits"][0]) >= {"body", "meeting_start", "item_number", "title", "section_kind", "snippet",
                                    "url"}
    assert data["hits"][0]["url"] == "/kkr-midtjylland/2025-04-08/3.6"
