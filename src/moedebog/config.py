"""Every setting moedebog reads from the environment, declared once with its default and help.

Defaults work on a laptop: an embedded SQLite file in the working folder. Larger installations set
DATABASE_URL to PostgreSQL. A test checks that every setting here is documented in docs/settings.md.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlparse


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "DATABASE_URL",
        "sqlite:///moedebog.sqlite3",
        "Databasen: sqlite:///sti/til/fil.sqlite3 (relativ til arbejdsmappen) eller "
        "postgres://bruger:kode@vært:5432/database.",
    ),
    Setting(
        "MOEDEBOG_SECRET_KEY", "", "Djangos hemmelige nøgle; skal sættes i drift. Tom: en nøgle for udvikling bruges."
    ),
    Setting("MOEDEBOG_DEBUG", "0", "1 slår Djangos fejlsider til (kun til udvikling)."),
    Setting("MOEDEBOG_ALLOWED_HOSTS", "127.0.0.1,localhost", "Kommasepareret liste af værtsnavne."),
    Setting("MOEDEBOG_TIME_ZONE", "Europe/Copenhagen", "Tidszonen for mødetidspunkter uden zone."),
    Setting("MOEDEBOG_SESSION_IDLE_MINUTES", "60",
            "Minutter uden aktivitet før sekretariatets og medlemmernes login udløber."),
    Setting("MOEDEBOG_STATIC_ROOT", "var/static",
            "Mappen som `moedebog serve` samler stylesheets mv. i (med hash i navnet og komprimeret)."),
    Setting("MOEDEBOG_SOURCE_ROOT", ".",
            "Mappen som relative filnavne fra `moedebog import` regnes fra, når kildedokumenter hentes på sitet."),
    Setting("MOEDEBOG_PAGE_CACHE_SECONDS", "600",
            "Sekunder en offentlig side højst gemmes i cachen (ændringer i arkivet rydder den straks); 0 slår fra."),
    Setting("MOEDEBOG_SEARCH_CACHE_MB", "64",
            "Megabyte pr. webproces til søgeordenes træffere og point, så et ord der er søgt før, ikke scores "
            "igen (kun SQLite; ændringer i indekset rydder dem straks); 0 slår fra."),
    Setting("MOEDEBOG_PG_PREPARE", "1",
            "1: webarkivets faste forespørgsler forberedes på PostgreSQL-serveren; 0 bag en forbindelsespulje "
            "i transaktionstilstand (PgBouncer), som ikke tåler forberedte forespørgsler."),
    Setting("MOEDEBOG_PAGE_CACHE_DIR", "var/page-cache",
            "Mappen hvor webarkivets sidecache ligger (delt af alle arbejdsprocesser på maskinen)."),
    Setting("MOEDEBOG_FILES", "var/files",
            "Mappen hvor hentede filer (bilag som PDF) gemmes; relativ til arbejdsmappen."),
    Setting("MOEDEBOG_EMAIL_HOST", "localhost", "SMTP-serveren som høringer og påmindelser sendes gennem."),
    Setting("MOEDEBOG_EMAIL_PORT", "25", "SMTP-serverens port."),
    Setting("MOEDEBOG_EMAIL_USER", "", "Brugernavn på SMTP-serveren; tom: uden login."),
    Setting("MOEDEBOG_EMAIL_PASSWORD", "", "Adgangskode på SMTP-serveren."),
    Setting("MOEDEBOG_EMAIL_TLS", "0", "1: STARTTLS til SMTP-serveren."),
    Setting("MOEDEBOG_EMAIL_FROM", "moedebog@localhost", "Afsenderadressen på høringer og påmindelser."),
    Setting("MOEDEBOG_SITE_URL", "http://127.0.0.1:8000",
            "Sitets adresse udefra; bruges i de personlige svarlinks i høringsmails."),
    Setting("MOEDEBOG_HTTPS", "0",
            "1: sitet nås over HTTPS (bag en proxy med certifikatet): cookies kun over HTTPS og HSTS i et år."),
    Setting("MOEDEBOG_REMINDER_DAYS", "3",
            "Så mange dage før høringsfristen sender `moedebog remind` påmindelser til dem, der ikke har svaret."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """The setting's value from the environment, or its declared default."""
    setting = _BY_NAME[name]
    return os.environ.get(name, setting.default)


def path(name: str) -> str:
    """A folder setting as an absolute path (relative values count from the working folder)."""
    return str(Path(get(name)).expanduser().resolve())


def _test_sqlite_name() -> str:
    return str(Path(tempfile.gettempdir()) / f"moedebog-test-{os.getpid()}.sqlite3")


def database_url(settings: dict[str, object]) -> str:
    """The URL of a Django DATABASES entry: hands a test database to a subprocess."""
    if str(settings["ENGINE"]).endswith("sqlite3"):
        return f"sqlite:///{settings['NAME']}"
    user = settings.get("USER") or ""
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    port = f":{settings['PORT']}" if settings.get("PORT") else ""
    return f"postgres://{auth}{settings.get('HOST') or ''}{port}/{settings['NAME']}"


#: How much of a SQLite database file each connection maps into memory (address space, not memory:
#: the pages are the operating system's file cache).
SQLITE_MMAP_BYTES = 1 << 30


def database_config(url: str | None = None) -> dict[str, object]:
    """A Django DATABASES entry from a database URL."""
    url = url or get("DATABASE_URL")
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = unquote(url.split("sqlite://", 1)[1])
        if path.startswith("/") and not path.startswith("//"):
            path = path[1:]  # sqlite:///relative.db
        elif path.startswith("//"):
            path = path[1:]  # sqlite:////absolute/path.db
        name = path if path == ":memory:" else str(Path(path).expanduser().resolve())
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": name,
            # mmap: pages are read from the operating system's file cache, which every server process
            # shares, instead of copied into each connection's own 2 MB cache (a search joins tens of
            # thousands of index rows scattered over the file)
            "OPTIONS": {"timeout": 30, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                                                       f"PRAGMA mmap_size={SQLITE_MMAP_BYTES};"},
            # a file, not memory: tests that run the CLI in a subprocess must see the test database;
            # one per test run, in the temporary folder, so that concurrent runs never meet
            "TEST": {"NAME": None if name == ":memory:" else _test_sqlite_name()},
        }
    if parsed.scheme in ("postgres", "postgresql", "pgsql"):
        options = dict(parse_qsl(parsed.query))
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")) or "moedebog",
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "OPTIONS": options,
            "CONN_MAX_AGE": 60,
            # one test database per test run, so that two runs on one server never drop each other's
            "TEST": {"NAME": f"test_{unquote(parsed.path.lstrip('/')) or 'moedebog'}_{os.getpid()}"},
        }
    raise ValueError(f"ukendt database-URL: {url!r} (brug sqlite:/// eller postgres://)")
