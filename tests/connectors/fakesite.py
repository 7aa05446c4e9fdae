"""A fake FirstAgenda Publication site on 127.0.0.1, for the sync's tests and its benchmark.

Built from the demo's committee meetings rendered exactly as the API answers (the Greve samples'
shape), spread over three election periods: committees of the current period under their plain
names, older ones as "Økonomiudvalget 2018-2021" with ``Historisk: true``. The udvalgsliste holds only
the newest periods (as some real sites do); the oldest is found only through the search by year.
Like the real sites it can demand the anonymous session cookie (API calls without it are redirected
to /Home/AnonymousAuthentication), and it misbehaves on request: 500s, answers slower than the
client's timeout, truncated JSON, attachments that are not PDFs, sessions that expire mid-sync.
Nothing is ever fetched from outside 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import copy
import json
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from moedebog.demo.committee import CommitteeGenerator
from moedebog.demo.firstagenda_json import meeting_dict, stable_guid
from moedebog.documents.records import Document

ORGANIZATION = "Sølund Kommune"
COOKIE = "FirstAgendaAnonymous"


def period_of(year: int) -> tuple[int, int]:
    """The election period (first and last year) that contains ``year``: 2018-2021, 2022-2025, ..."""
    start = 2002 + (year - 2002) // 4 * 4
    return start, start + 3


def build_documents(meetings: int, items: int | None = None, seed: int = 0, first_year: int = 2016,
                    every: int = 1) -> list[Document]:
    """``meetings`` demo meetings in date order, every ``every``-th of those generated (to span more years);
    with ``items``, padded with items of further generated meetings (renumbered) so that there are
    exactly that many items in all."""
    generator = CommitteeGenerator(seed, ORGANIZATION, first_year)
    documents = [generator.meeting() for _ in range(meetings * every)][::every]
    if items is not None:
        have = sum(len(d.items) for d in documents)
        spare: list = []
        index = 0
        while have < items:
            if not spare:
                spare = generator.meeting().items[1:]  # skip "Godkendelse af dagsorden"
            document = documents[index % meetings]
            item = spare.pop()
            item.number = str(len(document.items) + 1)
            document.items.append(item)
            have += 1
            index += 1
        while have > items:
            document = max(documents, key=lambda d: len(d.items))
            document.items.pop()
            have -= 1
    return documents


def tiny_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with real text (Helvetica, WinAnsi), made by hand: fast enough for hundreds."""
    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = ("BT /F1 11 Tf 60 780 Td 30 TL " + " ".join(f"({escape(line)}) '" for line in lines) + " ET") \
        .encode("cp1252", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@dataclass
class Committee:
    guid: str
    name: str
    period: tuple[int, int]
    historic: bool


@dataclass
class FakeSite:
    """The site's data and behaviour; ``FakeServer`` serves it."""

    require_cookie: bool = True
    cookie_page_redirects_back: bool = False
    search_supported: bool = True
    listed_periods: int = 2
    page_cap: int = 50
    slow_seconds: float = 1.0
    latency: float = 0.0
    current: tuple[int, int] | None = None  # the election period whose committees are not historical
    active: int = 0
    max_active: int = 0
    meetings: dict[str, dict[str, Any]] = field(default_factory=dict)
    committee_of: dict[str, Committee] = field(default_factory=dict)
    not_pdf: set[str] = field(default_factory=set)
    faults: dict[str, deque[str]] = field(default_factory=dict)
    hits: Counter = field(default_factory=Counter)
    sessions: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _bodies: dict[str, bytes] = field(default_factory=dict)

    # ------------------------------------------------------------------ content
    @classmethod
    def from_documents(cls, documents: list[Document], **options: Any) -> FakeSite:
        site = cls(**options)
        site.current = period_of(max(int(d.start[:4]) for d in documents if d.start))
        for document in documents:
            site.add(document)
        return site

    def add(self, document: Document) -> str:
        document = copy.deepcopy(document)
        period = period_of(int(document.start[:4]))
        historic = self.current is not None and period != self.current
        name = f"{document.body} {period[0]}-{period[1]}" if historic else document.body
        document.body = name
        data = meeting_dict(document)
        committee = Committee(stable_guid("udvalg", name), name, period, historic)
        data["Udvalg"] = {"Id": committee.guid, "Navn": name, "Historisk": historic}
        guid = data["Id"]
        with self.lock:
            self.meetings[guid] = data
            self.committee_of[guid] = committee
            self._bodies.pop(guid, None)
        return guid

    def add_answer(self, data: dict[str, Any]) -> str:
        """A recorded API answer as it is (the real samples), its committee as the answer names it."""
        udvalg = data["Udvalg"]
        year = int(data["Moede"]["Dato"][:4])
        committee = Committee(udvalg["Id"], udvalg["Navn"], period_of(year), bool(udvalg.get("Historisk")))
        with self.lock:
            self.meetings[data["Id"]] = data
            self.committee_of[data["Id"]] = committee
            self._bodies.pop(data["Id"], None)
        return data["Id"]

    def update(self, guid: str, change: Callable[[dict[str, Any]], None]) -> None:
        """Change a meeting as the site would (new minutes, a corrected item), bytes and listing alike."""
        with self.lock:
            change(self.meetings[guid])
            self._bodies.pop(guid, None)

    def body(self, guid: str) -> bytes:
        with self.lock:
            if guid not in self._bodies:
                self._bodies[guid] = json.dumps(self.meetings[guid], ensure_ascii=False, indent=2).encode("utf-8")
            return self._bodies[guid]

    def attachment_ids(self) -> list[str]:
        return [b["Id"] for m in self.meetings.values() for i in m["Dagsordenpunkter"] for b in i["Bilag"]]

    def attachment(self, ref: str) -> tuple[str, bytes] | None:
        for meeting in self.meetings.values():
            for item in meeting["Dagsordenpunkter"]:
                for bilag in item["Bilag"]:
                    if bilag["Id"] == ref:
                        if ref in self.not_pdf:
                            return "application/msword", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
                        return "application/pdf", tiny_pdf([bilag["Navn"], f"Bilag til {item['Navn']}",
                                                            "Belysningsplan for skatepladsen", f"Dokument {ref}"])
        return None

    def summary(self, guid: str) -> dict[str, Any]:
        moede = self.meetings[guid]["Moede"]
        return {"Id": guid, "Dato": moede["Dato"], "MeetingBeginUtc": moede["MeetingBeginUtc"],
                "MeetingEndUtc": moede["MeetingEndUtc"], "Sted": moede["Sted"], "Afsluttet": moede["Afsluttet"],
                "Navn": moede["Navn"], "IsSupplementaryAgenda": moede["IsSupplementaryAgenda"]}

    def udvalgsliste(self) -> dict[str, Any]:
        periods = sorted({c.period for c in self.committee_of.values()}, reverse=True)[:self.listed_periods]
        groups: dict[str, dict[str, dict[str, Any]]] = {}
        for guid, committee in sorted(self.committee_of.items(), key=lambda kv: self.meetings[kv[0]]["Moede"]["Dato"]):
            if committee.period not in periods:
                continue
            group = groups.setdefault(f"Udvalg {committee.period[0]}-{committee.period[1]}", {})
            entry = group.setdefault(committee.guid, {"Id": committee.guid, "Navn": committee.name,
                                                      "Historisk": committee.historic, "Moeder": []})
            entry["Moeder"].append(self.summary(guid))
        return {"Udvalg": {name: list(entries.values()) for name, entries in groups.items()}}

    def search(self, year: int, start: int, limit: int) -> dict[str, Any]:
        found = sorted((g for g, m in self.meetings.items() if m["Moede"]["Dato"].startswith(f"{year}-")),
                       key=lambda g: (self.meetings[g]["Moede"]["Dato"], g))
        limit = min(limit, self.page_cap)
        page = found[start:start + limit]
        entries = []
        for guid in page:
            committee = self.committee_of[guid]
            entries.append({**self.summary(guid),
                            "Udvalg": {"Id": committee.guid, "Navn": committee.name, "Historisk": committee.historic}})
        return {"Dagsordner": entries, "AntalResultater": len(found), "MoreToBeSearched": start + limit < len(found)}

    # ------------------------------------------------------------------ misbehaviour
    def fail(self, target: str, *faults: str) -> None:
        """Queue faults for requests whose path starts with ``target`` (case-insensitive): "500", "timeout",
        "truncate" (the body cut short, Content-Length honest), "cut" (connection dropped mid-body),
        "cookie" (a redirect to the cookie page as if the session had expired)."""
        with self.lock:
            self.faults.setdefault(target.lower(), deque()).extend(faults)

    def next_fault(self, target: str) -> str | None:
        with self.lock:
            for prefix, queue in self.faults.items():
                if target.startswith(prefix) and queue:
                    return queue.popleft()
        return None

    def expire_sessions(self) -> None:
        with self.lock:
            self.sessions.clear()

    def hit(self, key: tuple[Any, ...]) -> None:
        with self.lock:
            self.hits[key] += 1

    def count(self, kind: str) -> int:
        return sum(n for key, n in self.hits.items() if key[0] == kind)


class _Handler(BaseHTTPRequestHandler):
    site: FakeSite
    server_version = "FakeFirstAgenda/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        site = self.site
        # a request counts as active while the site "thinks" (the latency), which lies strictly between
        # the client sending it and receiving the answer; counting until this thread has finished
        # writing would overlap the client's next request on a busy machine and see one too many
        with site.lock:
            site.active += 1
            site.max_active = max(site.max_active, site.active)
        try:
            if site.latency:
                time.sleep(site.latency)
        finally:
            with site.lock:
                site.active -= 1
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._route()

    def _route(self) -> None:
        site = self.site
        parts = urlsplit(self.path)
        path = parts.path.lower().rstrip("/") or "/"
        query = parse_qs(parts.query)
        if path == "/":
            site.hit(("front",))
            return self._session_page()
        if path == "/home/anonymousauthentication":
            site.hit(("cookie",))
            callback = query.get("callback", [""])[0]
            if site.cookie_page_redirects_back and callback.startswith("/"):
                return self._send(302, b"", "text/html", {"Location": callback, **self._new_cookie()})
            return self._session_page()
        if path.startswith("/blob/"):
            ref = path.removeprefix("/blob/").removesuffix(".pdf")
            answer = site.attachment(ref)
            return self._send(200, answer[1], answer[0]) if answer else self._send(404, b"", "text/plain")
        fault = site.next_fault(path if not path.startswith("/api/agenda/soeg") else f"{path}?{parts.query}")
        if fault == "cookie" or (site.require_cookie and not self._has_session()):
            site.hit(("redirected",))
            target = "/Home/AnonymousAuthentication?callback=" + quote(self.path, safe="")
            return self._send(302, b"", "text/html", {"Location": target})
        if fault == "500":
            return self._send(500, b"<html><body>Server Error</body></html>", "text/html")
        if fault == "timeout":
            time.sleep(site.slow_seconds)
        if path == "/api/agenda/udvalgsliste":
            site.hit(("udvalgsliste",))
            return self._json(site.udvalgsliste(), fault)
        if path == "/api/agenda/soeg":
            if not site.search_supported:
                return self._send(404, b"Not Found", "text/plain")
            year = int(query.get("request.kriterie.moedeDato", ["0"])[0])
            start = int(query.get("request.paging.startIndex", ["0"])[0])
            limit = int(query.get("request.paging.limit", ["10"])[0])
            site.hit(("soeg", year))
            return self._json(site.search(year, start, limit), fault)
        if path.startswith("/api/agenda/dagsorden/"):
            guid = path.rsplit("/", 1)[1]
            site.hit(("dagsorden", guid))
            if guid not in site.meetings:
                return self._send(404, b"null", "application/json")
            return self._bytes(site.body(guid), "application/json; charset=utf-8", fault)
        if path.startswith("/vis/pdf/bilag/"):
            ref = path.rsplit("/", 1)[1]
            site.hit(("bilag", ref))
            return self._send(302, b"", "text/html", {"Location": f"/blob/{ref}.pdf"})
        self._send(404, b"Not Found", "text/plain")

    # ------------------------------------------------------------------ helpers
    def _has_session(self) -> bool:
        cookies = self.headers.get("Cookie", "")
        tokens = {c.split("=", 1)[1] for c in cookies.split("; ") if c.startswith(f"{COOKIE}=")}
        with self.site.lock:
            return bool(tokens & self.site.sessions)

    def _new_cookie(self) -> dict[str, str]:
        token = f"t{time.monotonic_ns()}"
        with self.site.lock:
            self.site.sessions.add(token)
        return {"Set-Cookie": f"{COOKIE}={token}; Path=/; HttpOnly"}

    def _session_page(self) -> None:
        html = b"<!DOCTYPE html><html><head><title>Dagsordener</title></head><body>FirstAgenda</body></html>"
        self._send(200, html, "text/html; charset=utf-8", self._new_cookie())

    def _json(self, data: Any, fault: str | None) -> None:
        self._bytes(json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8", fault)

    def _bytes(self, body: bytes, content_type: str, fault: str | None) -> None:
        if fault == "truncate":
            return self._send(200, body[: len(body) // 2], content_type)
        if fault == "cut":
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 3])
            self.close_connection = True
            return None
        return self._send(200, body, content_type)

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


class FakeServer:
    """Serve a FakeSite on 127.0.0.1 (a free port) in a thread: ``with FakeServer(site) as url: ...``."""

    def __init__(self, site: FakeSite) -> None:
        handler = type("Handler", (_Handler,), {"site": site})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), name="fake-firstagenda",
                                       daemon=True)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> str:
        self.thread.start()
        return self.url

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
