"""Django settings, all derived from moedebog.config so that each is declared and documented once."""

from __future__ import annotations

from moedebog import config

SECRET_KEY = config.get("MOEDEBOG_SECRET_KEY") or "moedebog-development-key-not-for-production"
DEBUG = config.get("MOEDEBOG_DEBUG") == "1"
ALLOWED_HOSTS = [h.strip() for h in config.get("MOEDEBOG_ALLOWED_HOSTS").split(",") if h.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "moedebog.archive",
    "moedebog.secretariat",
    "django.contrib.sitemaps",
    "moedebog.site",
    "moedebog.search",
    "moedebog.connectors",
    "moedebog.council",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "moedebog.site.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "moedebog.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "OPTIONS": {
            # compiled once per language, with the fixed texts translated (moedebog.pretranslated)
            "loaders": [("moedebog.pretranslated.Loader", ["django.template.loaders.filesystem.Loader",
                                                           "django.template.loaders.app_directories.Loader"])],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
DATABASES = {"default": config.database_config()}
# keep connections between requests (per server thread): SQLite then keeps its page cache warm too
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk")]
TIME_ZONE = config.get("MOEDEBOG_TIME_ZONE")
USE_I18N = True
USE_TZ = True
STATIC_URL = "/static/"
STATIC_ROOT = config.path("MOEDEBOG_STATIC_ROOT")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "moedebog.site.staticstorage.StaticStorage"},
}
WHITENOISE_USE_FINDERS = True
MOEDEBOG_SOURCE_ROOT = config.path("MOEDEBOG_SOURCE_ROOT")
MOEDEBOG_PAGE_CACHE_SECONDS = int(config.get("MOEDEBOG_PAGE_CACHE_SECONDS") or 0)
# "pages": the public archive's rendered pages, in files shared by every worker process of a machine
# (moedebog.site.pagecache keys them by the archive's generation, so they are never stale)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": config.path("MOEDEBOG_PAGE_CACHE_DIR"),
        "TIMEOUT": MOEDEBOG_PAGE_CACHE_SECONDS or None,
        "OPTIONS": {"MAX_ENTRIES": 50000, "CULL_FREQUENCY": 4},
    },
}
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
LOGIN_URL = "/sekretariat/log-ind/"
LOGIN_REDIRECT_URL = "/sekretariat/"
#: The secretariat's sessions end after this much idle time (and after SESSION_COOKIE_AGE at the latest).
MOEDEBOG_SESSION_IDLE = int(config.get("MOEDEBOG_SESSION_IDLE_MINUTES")) * 60

# Email (consultations): Django's SMTP backend, configured from moedebog.config.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = config.get("MOEDEBOG_EMAIL_HOST")
EMAIL_PORT = int(config.get("MOEDEBOG_EMAIL_PORT"))
EMAIL_HOST_USER = config.get("MOEDEBOG_EMAIL_USER")
EMAIL_HOST_PASSWORD = config.get("MOEDEBOG_EMAIL_PASSWORD")
EMAIL_USE_TLS = config.get("MOEDEBOG_EMAIL_TLS") == "1"
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = config.get("MOEDEBOG_EMAIL_FROM")
#: The address of this site as recipients reach it, for the answer links in consultation emails.
MOEDEBOG_SITE_URL = config.get("MOEDEBOG_SITE_URL").rstrip("/")
#: Forms posted from the site's own public address pass the CSRF origin check even where the proxy
#: in front does not say the request came over HTTPS (Django compares the Origin with its own scheme).
CSRF_TRUSTED_ORIGINS = [MOEDEBOG_SITE_URL] if MOEDEBOG_SITE_URL.startswith(("http://", "https://")) else []
if config.get("MOEDEBOG_HTTPS") == "1":
    # Served over HTTPS by the proxy that holds the certificate: the login's session and CSRF
    # cookies never travel in clear, and browsers are told to come back over HTTPS only (sent on
    # requests the proxy marks as HTTPS, X-Forwarded-Proto). Plain http is the proxy's to redirect.
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
MOEDEBOG_REMINDER_DAYS = int(config.get("MOEDEBOG_REMINDER_DAYS"))
