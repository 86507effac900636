"""Django settings, every one read from the environment.

- ``NAERVAER_DATA``: folder for the embedded database ``naervaer.sqlite3`` and the collected static
  files (default: ``data/`` in the repository root, or in the working directory when installed).
- ``DATABASE_URL``: use this database instead (``postgres://user@host:5432/naervaer``).
- ``SECRET_KEY``: required for anything that signs; a development key only with
  ``NAERVAER_DEBUG`` on.
- ``NAERVAER_DEBUG``: Django's debug mode, for development only.
- ``NAERVAER_HTTPS``: on (default) the site is served over HTTPS: secure cookies and HSTS. Off
  only for the local demo on http://127.0.0.1:8000.
- ``NAERVAER_BAK_PROXY``: on when a reverse proxy terminates TLS and sets X-Forwarded-Proto.
- ``NAERVAER_ALLOWED_HOSTS``: comma-separated host names.
- ``NAERVAER_MASKERINGSTERSKEL``: masking threshold in persons, 5 or more (default 5).
- ``NAERVAER_KOSTNAD_PER_DAG``, ``NAERVAER_KOSTNAD_KILDE``, ``NAERVAER_KOSTNAD_DATO``: the default
  cost of one lost dagsverk in the calculator, its source and date.
- ``NAERVAER_SAMTALE_INNHOLD``: a folder with the conversation guide's content of one's own.
- ``NAERVAER_EPOST_FRA``, ``NAERVAER_SMTP_VERT``, ``NAERVAER_SMTP_PORT``, ``NAERVAER_SMTP_BRUKER``,
  ``NAERVAER_SMTP_PASSORD``, ``NAERVAER_SMTP_TLS``: outgoing mail (access requests).
- ``NAERVAER_NETTADRESSE``: the site's address as users reach it (``https://naervaer.example.no``),
  for the links in reminder mails (default ``http://127.0.0.1:8000``).
- ``NAERVAER_OIDC_*``: log in through an OpenID Connect provider (ID-porten, Ansattporten); see
  ``docs/drift.md``.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from naervaer.innstillinger import datamappe
from naervaer.statistikk.maskering import MINSTE_TERSKEL, Terskel


def _flagg(navn: str, standard: bool = False) -> bool:
    verdi = os.environ.get(navn, "").strip().lower()
    if not verdi:
        return standard
    return verdi in {"1", "true", "yes", "on", "ja"}


def _liste(navn: str) -> list[str]:
    return [del_.strip() for del_ in os.environ.get(navn, "").split(",") if del_.strip()]


DEBUG = _flagg("NAERVAER_DEBUG")
HTTPS = _flagg("NAERVAER_HTTPS", standard=not DEBUG)

NAERVAER_DATA = datamappe()
# The front-end packages (Aksel, htmx) come from npm into node_modules beside pyproject.toml.
NODE_MODULES = Path(
    os.environ.get("NAERVAER_NODE_MODULES") or Path(__file__).resolve().parents[3] / "node_modules"
)

# Left empty without NAERVAER_DEBUG: Django then refuses, on first use, anything that signs, while
# commands that only use the database (statistikk last/vis) still run.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "naervaer-utvikling-ikke-for-produksjon"

ALLOWED_HOSTS = _liste("NAERVAER_ALLOWED_HOSTS")
if DEBUG and not ALLOWED_HOSTS:
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]

try:
    NAERVAER_MASKERINGSTERSKEL = Terskel(
        int(os.environ.get("NAERVAER_MASKERINGSTERSKEL") or MINSTE_TERSKEL)
    ).antall_personer
except ValueError as feil:
    raise ImproperlyConfigured(f"NAERVAER_MASKERINGSTERSKEL: {feil}") from feil

# NAV's figure from May 2026 (spec §9); an operator can set a newer one without a release.
NAERVAER_KOSTNAD_PER_DAG = os.environ.get("NAERVAER_KOSTNAD_PER_DAG", "4700")
NAERVAER_KOSTNAD_KILDE = os.environ.get(
    "NAERVAER_KOSTNAD_KILDE",
    "NAV, basert på SINTEFs beregning av tapt produksjon og merkostnader "
    "(uten lønn og sykepengerefusjon), justert for lønnsvekst",
)
NAERVAER_KOSTNAD_DATO = os.environ.get("NAERVAER_KOSTNAD_DATO", "2026-05-01")

# A folder of the conversation guide's content of the operator's own (a bransjeorganisasjon's
# questions), laid out like naervaer/samtale/innhold; empty: the content Nærvær ships.
NAERVAER_SAMTALE_INNHOLD = os.environ.get("NAERVAER_SAMTALE_INNHOLD", "")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "axes",
    "naervaer.web.kontoer",
    "naervaer.web.virksomheter",
    "naervaer.web.statistikk",
    "naervaer.web.kalkulator",
    "naervaer.web.samtale",
    "naervaer.web.egendata",
    "naervaer.web.revisjon",
    "naervaer.web.oppfolging",
    "naervaer.web.egenstatistikk",
    "naervaer.web.fravaer",
    "naervaer.web.paminnelser",
    "naervaer.web.tidligvarsel",
    "naervaer.web.oppfolgingsplan",
    "naervaer.web.personvern",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "naervaer.web.urls"
WSGI_APPLICATION = "naervaer.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).resolve().parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.config(conn_max_age=600, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(NAERVAER_DATA / "naervaer.sqlite3"),
            # WAL lets the web workers read while a load writes.
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;", "timeout": 20},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts ------------------------------------------------------------------------------------

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The own statistics are computed again in a thread after an import or a registration, so the
# answer does not wait for them; off, they are computed before the answer (as the tests want).
# SQLite lets one connection write at a time, so there the thread would only wait for, or be
# refused by, the next request: on the embedded default they are computed before the answer.
NAERVAER_EGNE_TALL_I_BAKGRUNNEN = _flagg(
    "NAERVAER_EGNE_TALL_I_BAKGRUNNEN", not DATABASES["default"]["ENGINE"].endswith("sqlite3")
)

# Personal absence data goes this many years after the case ended (regelverk.md, «Privacy»).
NAERVAER_OPPBEVARING_AAR = int(os.environ.get("NAERVAER_OPPBEVARING_AAR", "3"))

LOGIN_URL = "kontoer:logg_inn"
LOGIN_REDIRECT_URL = "kontoer:forside"
LOGOUT_REDIRECT_URL = "kontoer:logg_inn"

AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]

# OpenID Connect (ID-porten, Ansattporten): on when the provider's endpoints are configured.
OIDC_RP_CLIENT_ID = os.environ.get("NAERVAER_OIDC_KLIENT_ID", "")
OIDC_PAA = bool(OIDC_RP_CLIENT_ID)
# What the login button calls the provider: «Logg inn med ID-porten».
NAERVAER_OIDC_NAVN = os.environ.get("NAERVAER_OIDC_NAVN", "ID-porten")
if OIDC_PAA:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.insert(0, "naervaer.web.kontoer.oidc.OidcInnlogging")
    OIDC_RP_CLIENT_SECRET = os.environ.get("NAERVAER_OIDC_KLIENT_HEMMELIGHET", "")
    OIDC_RP_SIGN_ALGO = os.environ.get("NAERVAER_OIDC_SIGNERING", "RS256")
    OIDC_RP_SCOPES = os.environ.get("NAERVAER_OIDC_SCOPES", "openid profile")
    # ID-porten and Ansattporten require PKCE of every client.
    OIDC_USE_PKCE = True
    OIDC_PKCE_CODE_CHALLENGE_METHOD = "S256"
    try:
        OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["NAERVAER_OIDC_AUTORISERING"]
        OIDC_OP_TOKEN_ENDPOINT = os.environ["NAERVAER_OIDC_TOKEN"]
        OIDC_OP_USER_ENDPOINT = os.environ["NAERVAER_OIDC_BRUKERINFO"]
        OIDC_OP_JWKS_ENDPOINT = os.environ["NAERVAER_OIDC_JWKS"]
    except KeyError as mangler:
        raise ImproperlyConfigured(
            f"{mangler.args[0]} må settes når NAERVAER_OIDC_KLIENT_ID er satt"
        ) from mangler

# Guessing passwords: after 10 failures for one e-mail address from one address, that pair waits
# 15 minutes. Argon2 makes each guess cost the server CPU, so this also guards the machine.
AUTHENTICATION_BACKENDS.insert(0, "axes.backends.AxesStandaloneBackend")
AXES_FAILURE_LIMIT = int(os.environ.get("NAERVAER_INNLOGGING_FORSOK", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "kontoer/sperret.html"
AXES_VERBOSE = False
if _flagg("NAERVAER_BAK_PROXY"):
    AXES_IPWARE_PROXY_COUNT = 1
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# --- Mail ----------------------------------------------------------------------------------------

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("NAERVAER_SMTP_VERT", "localhost")
EMAIL_PORT = int(os.environ.get("NAERVAER_SMTP_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("NAERVAER_SMTP_BRUKER", "")
EMAIL_HOST_PASSWORD = os.environ.get("NAERVAER_SMTP_PASSORD", "")
EMAIL_USE_TLS = _flagg("NAERVAER_SMTP_TLS")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("NAERVAER_EPOST_FRA", "Nærvær <ikke-svar@localhost>")
# Links in reminder mails: a command run from cron has no request to take the host from.
NAERVAER_NETTADRESSE = os.environ.get("NAERVAER_NETTADRESSE", "http://127.0.0.1:8000").rstrip("/")

# --- Security ------------------------------------------------------------------------------------

SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60
# A shared PC: closing the browser logs out.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_SSL_REDIRECT = HTTPS and _flagg("NAERVAER_HTTPS_OMDIRIGER", standard=True)
SECURE_REDIRECT_EXEMPT = [r"^helse/$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if _flagg("NAERVAER_BAK_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
CSRF_TRUSTED_ORIGINS = _liste("NAERVAER_CSRF_TRUSTED_ORIGINS")

# No inline script or style anywhere: htmx is told not to add its indicator style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# --- Language, time and static files ------------------------------------------------------------

LANGUAGE_CODE = "nb"
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("NAERVAER_STATIC_ROOT") or NAERVAER_DATA / "static")
STATICFILES_DIRS: list[str | Path | tuple[str, str | Path]] = [
    Path(__file__).resolve().parent / "static",
    ("aksel", NODE_MODULES / "@navikt" / "ds-css" / "dist"),
    ("htmx", NODE_MODULES / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Serve straight from the sources when nothing is collected yet (tests, development).
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_MANIFEST_STRICT = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"konsoll": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["konsoll"], "level": "WARNING"},
}
