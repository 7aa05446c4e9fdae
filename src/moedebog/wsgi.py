"""The WSGI application that `moedebog serve` (gunicorn) or any other WSGI server runs."""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "moedebog.settings")

from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()
