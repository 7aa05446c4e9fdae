"""Security headers on every response, no inline script or style anywhere (so the strict
Content-Security-Policy holds), and hostile text from imported documents shown as text."""

from __future__ import annotations

import re

import pytest

from moedebog.site import permalinks
from moedebog.site.middleware import CONTENT_SECURITY_POLICY
from tests.site.corpus import HOSTILE

pytestmark = pytest.mark.django_db

PAGES = ("/", "/kkr-midtjylland/", "/kkr-midtjylland/2020-02-05/", "/kkr-midtjylland/2020-02-05/3.1",
         "/kkr-midtjylland/sager/SAG-2019-07153", "/personer/skanderborg/frands-fischer/", "/kalender/2020/02/",
         "/soeg/?q=referat", "/findes-ikke/")


@pytest.mark.parametrize("url", PAGES)
def test_security_headers(client, site, url) -> None:
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    assert csp == CONTENT_SECURITY_POLICY
    for directive in ("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                      "base-uri 'none'", "form-action 'self'", "object-src 'none'"):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("url", PAGES)
def test_no_inline_script_style_or_handlers(client, site, url) -> None:
    html = client.get(url).content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)
    assert "javascript:" not in html


def test_hostile_section_text_is_escaped(client, site) -> None:
    body, day, number = site.hostile
    html = client.get(f"/{body}/{day}/{number}").content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>fed</b>" not in html
    assert "&lt;script&gt;alert(&quot;hacked&quot;)&lt;/script&gt;" in html
    assert HOSTILE.split("<b>")[0][:8] not in html  # "<script>" itself never appears raw


def test_static_files_have_headers_too(client, site) -> None:
    response = client.get("/static/site/site.css")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_only_safe_methods(client, site) -> None:
    assert client.post("/kkr-midtjylland/2020-02-05/").status_code in (403, 405)
    assert client.post("/soeg/", {"q": "x"}).status_code in (403, 405)


def test_search_input_is_escaped(client, site) -> None:
    html = client.get('/soeg/?q=<script>alert(1)</script>"&organ="><b>x').content.decode()
    assert "<script>alert(1)" not in html and '"><b>x' not in html


def test_permalink_of_an_item_quotes_odd_numbers(site) -> None:
    from moedebog.archive import models

    item = models.AgendaItem.objects.filter(public=True).first()
    item.number = "3 a/b"
    assert permalinks.item_url(item).endswith("/3%20a%2Fb")


def test_error_page_needs_no_database_and_tells_nothing(rf) -> None:
    """The 500 page is rendered without a request context (the database may be what failed)."""
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    html = response.content.decode()
    assert response.status_code == 500 and "Der opstod en fejl" in html and "Traceback" not in html


def _settings_in(env: dict[str, str], code: str) -> str:
    """What ``code`` prints in a fresh process with these settings (settings are read at start)."""
    import os
    import subprocess
    import sys

    full = ("import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'moedebog.settings'); "
            "django.setup(); from django.conf import settings; " + code)
    done = subprocess.run([sys.executable, "-c", full], env={**os.environ, **env}, capture_output=True, text=True,
                          check=True)
    return done.stdout.strip()


def test_https_makes_cookies_secure_and_sends_hsts() -> None:
    code = ("from django.test import RequestFactory; from django.http import HttpResponse; "
            "from django.middleware.security import SecurityMiddleware; "
            "r = SecurityMiddleware(lambda q: HttpResponse())(RequestFactory().get('/', secure=True)); "
            "print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, "
            "r.get('Strict-Transport-Security'), settings.CSRF_TRUSTED_ORIGINS)")
    on = _settings_in({"MOEDEBOG_HTTPS": "1", "MOEDEBOG_SITE_URL": "https://moeder.example.dk/"}, code)
    assert on == "True True max-age=31536000 ['https://moeder.example.dk']"
    off = _settings_in({"MOEDEBOG_HTTPS": "0", "MOEDEBOG_SITE_URL": "http://127.0.0.1:8000"}, code)
    assert off == "False False None ['http://127.0.0.1:8000']"
