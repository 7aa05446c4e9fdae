"""A small, polite and stubborn HTTP client for public meeting sites.

Why the standard library (urllib) and not httpx: the sync talks to a site a few requests at a time on
purpose, so blocking requests in a handful of threads are all the concurrency it needs; urllib already
follows redirects and keeps cookies (http.cookiejar is thread-safe), and it adds no dependency to an
installation that must run on a municipality's locked-down server. What httpx would add — connection
pooling and HTTP/2 — saves a TLS handshake per request, which is noise next to importing a meeting.

What this module adds on top of urllib is what public FirstAgenda sites demand:

- the anonymous session cookie: ``start_session`` loads ``/`` first, and an answer that lands on the
  cookie page (``/Home/AnonymousAuthentication?callback=...``) or is HTML where JSON or a PDF was
  expected renews the session once (one thread renews, the others wait) and the request is repeated;
- retries with exponential backoff (and jitter) on 5xx, 429, timeouts, dropped connections and
  truncated bodies, honouring Retry-After up to a limit; a 4xx other than 408/429 is final;
- a polite limit on concurrent requests across all threads (a semaphore);
- a cap on the size of an answer and a total deadline, so a hostile or broken site cannot exhaust
  memory or hang the sync;
- errors that say in Danish what failed and why (``FetchError``), for the closing report.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import random
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import Message
from http.cookiejar import CookieJar
from typing import Any
from urllib.parse import urljoin, urlsplit

from moedebog import __version__

#: Statuses worth asking again for: the server or something in front of it was overloaded.
TRANSIENT_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504, 507, 509, 520, 521, 522, 523, 524})
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_SESSION_MARKERS = ("anonymousauthentication", "/cookie")


@dataclass(frozen=True, slots=True)
class ClientOptions:
    """How hard and how politely to fetch; the CLI exposes concurrency, timeout and retries."""

    concurrency: int = 4
    timeout: float = 30.0
    retries: int = 4
    backoff: float = 0.5
    max_backoff: float = 30.0
    max_bytes: int = 250 * 1024 * 1024
    user_agent: str = f"moedebog/{__version__} (arkivering af offentlige dagsordener)"


class FetchError(Exception):
    """A request that failed for good, after the retries it deserved."""

    def __init__(self, url: str, reason: str, status: int | None = None, attempts: int = 1) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.attempts = attempts


class _Transient(Exception):
    """A failure worth retrying; carries the reason and an optional server-requested delay."""

    def __init__(self, reason: str, status: int | None = None, delay: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.delay = delay


class _SessionWanted(Exception):
    """The answer is the site's cookie page, not what was asked for."""


@dataclass(slots=True)
class Response:
    url: str
    status: int
    content_type: str
    body: bytes
    redirected: bool
    data: Any = None  # the decoded JSON, when JSON was expected

    def looks_like_html(self) -> bool:
        head = self.body[:512].lstrip().lower()
        return "html" in self.content_type or head.startswith((b"<!doctype html", b"<html"))


@dataclass(slots=True)
class ClientStats:
    """Counters for the closing report; updated under a lock from the fetching threads."""

    requests: int = 0
    retries: int = 0
    sessions: int = 0
    bytes: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, **counts: int) -> None:
        with self.lock:
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only; never to file:, ftp: or anything else a site might name."""

    max_redirections = 10

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme not in ("http", "https"):
            return None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Client:
    """Fetch from one site; safe to share between threads."""

    def __init__(self, base_url: str, options: ClientOptions | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.options = options or ClientOptions()
        self.cookies = CookieJar()
        handlers: list[urllib.request.BaseHandler] = [urllib.request.HTTPCookieProcessor(self.cookies), _Redirects()]
        if (urlsplit(self.base_url).hostname or "") in _LOOPBACK:
            handlers.append(urllib.request.ProxyHandler({}))  # a proxy cannot reach our loopback anyway
        self._opener = urllib.request.build_opener(*handlers)
        self._slots = threading.BoundedSemaphore(max(1, self.options.concurrency))
        self._session_lock = threading.Lock()
        self._session_generation = 0
        self._closed = threading.Event()
        self.stats = ClientStats()

    def close(self) -> None:
        """Stop: requests not yet sent and retries still waiting fail at once (after an interruption)."""
        self._closed.set()

    def url(self, path: str) -> str:
        return urljoin(self.base_url + "/", path.lstrip("/")) if not path.startswith("http") else path

    # ------------------------------------------------------------------ session
    def start_session(self) -> None:
        """Load the front page so that the anonymous session cookie is set before the API is asked."""
        with contextlib.suppress(FetchError):  # many sites need no session; the API answers will tell
            self._request_with_retries(self.url("/"), expect=None)
        self.stats.add(sessions=1)

    def _renew_session(self, seen: int) -> None:
        with self._session_lock:
            if self._session_generation == seen:  # another thread may have renewed it meanwhile
                self.start_session()
                self._session_generation += 1

    # ------------------------------------------------------------------ requests
    def get(self, path: str, expect: str | None = None) -> Response:
        """GET with retries; ``expect`` "json" or "pdf" lets the cookie page be recognised."""
        url = self.url(path)
        for renewal in range(3):
            generation = self._session_generation
            try:
                return self._request_with_retries(url, expect)
            except _SessionWanted:
                if renewal == 2:
                    break
                self._renew_session(generation)
        raise FetchError(url, "sitet svarer fortsat med sin cookie-side eller en HTML-side i stedet for data; "
                              "den anonyme session kunne ikke oprettes")

    def get_json(self, path: str) -> Any:
        """The JSON answer; a truncated or invalid body is retried like a dropped connection."""
        return self.get(path, expect="json").data

    def _request_with_retries(self, url: str, expect: str | None) -> Response:
        attempts = self.options.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                response = self._request(url, expect)
                if expect == "json":
                    response.data = _decode_json(response)
                return response
            except _Transient as exc:
                if attempt == attempts:
                    raise FetchError(url, f"{exc.reason} (opgivet efter {attempts} forsøg)", exc.status,
                                     attempts) from None
                self.stats.add(retries=1)
                if self._closed.wait(self._delay(attempt, exc.delay)):
                    raise FetchError(url, "afbrudt") from None
        raise AssertionError("unreachable")

    def _delay(self, attempt: int, requested: float | None) -> float:
        if requested is not None:
            return min(max(requested, 0.0), self.options.max_backoff)
        base = self.options.backoff * (2 ** (attempt - 1))
        return min(base * random.uniform(0.5, 1.5), self.options.max_backoff)

    def _request(self, url: str, expect: str | None) -> Response:
        accept = {"json": "application/json", "pdf": "application/pdf"}.get(expect or "", "*/*")
        request = urllib.request.Request(url, headers={"User-Agent": self.options.user_agent, "Accept": accept})
        with self._slots:
            if self._closed.is_set():
                raise FetchError(url, "afbrudt")
            self.stats.add(requests=1)
            try:
                with self._opener.open(request, timeout=self.options.timeout) as answer:
                    body = self._read(answer, url)
                    final = answer.geturl()
                    response = Response(final, answer.status, answer.headers.get("Content-Type", "").lower(),
                                        body, final != url)
            except urllib.error.HTTPError as exc:
                exc.close()
                if exc.code in TRANSIENT_STATUSES:
                    raise _Transient(f"serveren svarede {exc.code}", exc.code, _retry_after(exc.headers)) from None
                raise FetchError(url, f"serveren svarede {exc.code}", exc.code) from None
            except TimeoutError:
                raise _Transient(f"intet svar inden for {self.options.timeout:g} s") from None
            except http.client.IncompleteRead:
                raise _Transient("svaret blev afbrudt undervejs") from None
            except (ConnectionError, http.client.HTTPException) as exc:
                raise _Transient(f"forbindelsen svigtede ({type(exc).__name__})") from None
            except urllib.error.URLError as exc:
                raise _url_error(url, exc) from None
        self.stats.add(bytes=len(response.body))
        if expect is not None and _is_session_page(response, expect):
            raise _SessionWanted()
        return response

    def _read(self, answer: Any, url: str) -> bytes:
        """The body in chunks, refusing oversized answers and servers that trickle forever."""
        deadline = time.monotonic() + max(self.options.timeout * 10, 60.0)
        length = answer.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > self.options.max_bytes:
            raise FetchError(url, f"svaret er for stort ({int(length)} bytes)")
        chunks: list[bytes] = []
        size = 0
        while chunk := answer.read(256 * 1024):
            size += len(chunk)
            if size > self.options.max_bytes:
                raise FetchError(url, f"svaret er for stort (over {self.options.max_bytes} bytes)")
            if time.monotonic() > deadline:
                raise _Transient("svaret kom for langsomt")
            chunks.append(chunk)
        return b"".join(chunks)


def _retry_after(headers: Message | None) -> float | None:
    value = (headers.get("Retry-After") or "").strip() if headers is not None else ""
    return float(value) if value.isdigit() else None


def _url_error(url: str, exc: urllib.error.URLError) -> Exception:
    """Name resolution and refused connections may pass; a malformed address will not."""
    reason = exc.reason
    if isinstance(reason, TimeoutError):
        return _Transient("intet svar (timeout)")
    if isinstance(reason, OSError):
        return _Transient(f"kan ikke forbinde ({reason.strerror or type(reason).__name__})")
    return FetchError(url, f"ugyldig forespørgsel ({reason})")


def _is_session_page(response: Response, expect: str) -> bool:
    """The cookie page by its address, or HTML where JSON was expected or a redirect ended in HTML."""
    path = urlsplit(response.url).path.lower()
    if any(marker in path for marker in _SESSION_MARKERS):
        return True
    if not response.looks_like_html():
        return False
    return expect == "json" or response.redirected


def _decode_json(response: Response) -> Any:
    try:
        return json.loads(response.body.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _Transient("svaret er ikke gyldig UTF-8") from None
    except json.JSONDecodeError as exc:
        raise _Transient(f"ufuldstændigt eller ugyldigt JSON-svar ({exc.msg}, tegn {exc.pos} af "
                         f"{len(response.body)})") from None
    except RecursionError:
        raise _Transient("JSON-svaret er for dybt indlejret") from None
