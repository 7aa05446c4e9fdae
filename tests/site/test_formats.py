"""Pure pieces of the site: permalink keys, iCalendar text and Atom XML (no database)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace
from xml.etree import ElementTree as ET

from moedebog.site import atom, ical
from moedebog.site.permalinks import DayKey, parse_day


def test_day_keys_round_trip_and_refuse_nonsense() -> None:
    assert parse_day("2020-02-05") == DayKey(date(2020, 2, 5))
    assert str(parse_day("2020-02-05-1400")) == "2020-02-05-1400"
    for bad in ("2020-02-30", "2020-13-01", "2020-02-05-2500", "2020-02-05-1260", "20-02-05", "x"):
        assert parse_day(bad) is None


def test_ical_escapes_and_folds_by_octets() -> None:
    assert ical.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "SUMMARY:" + "æøå" * 40
    folded = ical.fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line


def _meeting(**kw):
    body = SimpleNamespace(name="KKR Midtjylland", path="kkr-midtjylland")
    defaults = dict(body=body, name="", start=datetime(2020, 2, 5, 9, 0, tzinfo=UTC), end=None, time_known=True,
                    location="Aarhus Rådhus, Rådhuspladsen 2")
    defaults.update(kw)
    return SimpleNamespace(**defaults)


def test_ical_calendar_has_stable_uids_and_utc_times(settings) -> None:
    text = ical.calendar("Møder i KKR", [_meeting(), _meeting(time_known=False)], lambda m: "https://x/m/", "x")
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "UID:kkr-midtjylland/20200205T090000Z@x" in text
    assert "DTSTART:20200205T090000Z" in text and "DTSTART;VALUE=DATE:20200205" in text
    assert "LOCATION:Aarhus Rådhus\\, Rådhuspladsen 2" in text
    assert text.count("BEGIN:VEVENT") == 2 and "\n" not in text.replace("\r\n", "")


def test_atom_is_well_formed_whatever_the_text() -> None:
    entries = [atom.Entry("tag:x,2000:a", 'Titel <med> & "tegn"\x0b', "https://x/a",
                          datetime(2020, 2, 5, tzinfo=UTC), "Beslutning\x00 om <b>x</b>")]
    data = atom.feed("Nye beslutninger", "https://x/f", "https://x/f", "https://x/", entries,
                     datetime(2020, 2, 5, tzinfo=UTC))
    root = ET.fromstring(data)
    ns = {"a": atom.ATOM}
    assert root.tag == f"{{{atom.ATOM}}}feed"
    assert root.find("a:entry/a:title", ns).text == 'Titel <med> & "tegn"'
    assert root.find("a:entry/a:summary", ns).text == "Beslutning om <b>x</b>"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "da"
