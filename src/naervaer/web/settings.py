"""Django settings, every one read from the environment.

- ``NAERVAER_DATA``: folder for the embedded database ``naervaer.sqlite3`` (default: ``data/`` in
  the repository root, or in the working directory when installed as a package).
- ``DATABASE_URL``: use this database instead (``postgres://user@host:5432/naervaer``).
- ``SECRET_KEY``: required for anything that signs; a development key only with
  ``NAERVAER_DEBUG`` on.
- ``NAERVAER_ALLOWED_HOSTS``: comma-separated host names.
- ``NAERVAER_MASKERINGSTERSKEL``: masking threshold in persons, 5 or more (default 5).
"""

from __future__ import annotations

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from naervaer.innstillinger import datamappe
from naervaer.statistikk.maskering import MINSTE_TERSKEL, Terskel


def _flagg(navn: str) -> bool:
    return os.environ.get(navn, "").strip().lower() in {"1", "true", "yes", "on", "ja"}


DEBUG = _flagg("NAERVAER_DEBUG")

NAERVAER_DATA = datamappe()

# Left empty without NAERVAER_DEBUG: Django then refuses, on first use, anything that signs, while
# commands that only use the database (statistikk last/vis) still run.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "naervaer-utvikling-ikke-for-produksjon"

ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("NAERVAER_ALLOWED_HOSTS", "").split(",") if h.strip()
]
if DEBUG and not ALLOWED_HOSTS:
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]

try:
    NAERVAER_MASKERINGSTERSKEL = Terskel(
        int(os.environ.get("NAERVAER_MASKERINGSTERSKEL") or MINSTE_TERSKEL)
    ).antall_personer
except ValueError as feil:
    raise ImproperlyConfigured(f"NAERVAER_MASKERINGSTERSKEL: {feil}") from feil

INSTALLED_APPS = [
    "naervaer.web.statistikk",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

ROOT_URLCONF = "naervaer.web.urls"
WSGI_APPLICATION = "naervaer.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.config(conn_max_age=600, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(NAERVAER_DATA / "naervaer.sqlite3"),
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "nb"
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
