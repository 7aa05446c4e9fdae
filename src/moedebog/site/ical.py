"""iCalendar (RFC 5545) for meeting calendars: a pure function from meetings to text.

Each meeting's UID is built from its natural key (body path and start), so a calendar program
that subscribed once recognises the same meeting after the archive is rebuilt or moved.
Times are written in UTC, which every calendar program converts to local time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from django.utils import timezone
from django.utils.translation import gettext

from moedebog.archive import models

PRODID = "-//moedebog//Mødebog//DA"


def escape_text(text: str) -> str:
    """TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11)."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """Lines longer than 75 octets are folded (RFC 5545 3.1), never inside a UTF-8 character."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(name: str, meetings: Iterable[models.Meeting], url_for: Callable[[models.Meeting], str],
             host: str = "moedebog") -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape_text(name)}", "X-WR-TIMEZONE:Europe/Copenhagen"]
    stamp = _utc(timezone.now())
    for meeting in meetings:
        title = meeting.name or meeting.body.name
        if meeting.name and meeting.body.name not in meeting.name:
            title = f"{meeting.body.name}: {meeting.name}"
        lines += ["BEGIN:VEVENT", f"UID:{meeting.body.path}/{_utc(meeting.start)}@{host}", f"DTSTAMP:{stamp}"]
        if meeting.time_known:
            lines.append(f"DTSTART:{_utc(meeting.start)}")
            if meeting.end and meeting.end > meeting.start:
                lines.append(f"DTEND:{_utc(meeting.end)}")
        else:
            lines.append(f"DTSTART;VALUE=DATE:{timezone.localtime(meeting.start):%Y%m%d}")
        summary = title if meeting.name else gettext("Møde i %(body)s") % {"body": title}
        lines.append(f"SUMMARY:{escape_text(summary)}")
        if meeting.location:
            lines.append(f"LOCATION:{escape_text(meeting.location)}")
        url = url_for(meeting)
        lines += [f"URL:{url}", f"DESCRIPTION:{escape_text(url)}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
