"""Settings come from the environment; Django stays out of the CLI until a command needs it."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from django.core.exceptions import ImproperlyConfigured

import naervaer.web

SETTINGS = Path(naervaer.web.__file__).with_name("settings.py")
REPO = SETTINGS.parents[3]


def les_settings(monkeypatch: pytest.MonkeyPatch, **miljo: str) -> ModuleType:
    for navn in (
        "NAERVAER_DATA",
        "DATABASE_URL",
        "SECRET_KEY",
        "NAERVAER_DEBUG",
        "NAERVAER_MASKERINGSTERSKEL",
        "NAERVAER_HTTPS",
        "NAERVAER_HTTPS_OMDIRIGER",
        "NAERVAER_ALLOWED_HOSTS",
        "NAERVAER_BAK_PROXY",
        "NAERVAER_OIDC_KLIENT_ID",
        "NAERVAER_OIDC_AUTORISERING",
        "NAERVAER_OIDC_TOKEN",
        "NAERVAER_OIDC_BRUKERINFO",
        "NAERVAER_OIDC_JWKS",
    ):
        monkeypatch.delenv(navn, raising=False)
    for navn, verdi in miljo.items():
        monkeypatch.setenv(navn, verdi)
    # A fresh copy of the module, so the settings Django runs with are left alone.
    spec = importlib.util.spec_from_file_location("naervaer_settings_under_test", SETTINGS)
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def test_it_works(monkeypatch: pytest.MonkeyPatch) -> None:
    s = les_settings(monkeypatch)
    assert s.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert s.DATABASES["default"]["NAME"] == str(REPO / "data" / "naervaer.sqlite3")
    assert s.LANGUAGE_CODE == "nb"
    assert s.TIME_ZONE == "Europe/Oslo"
    assert s.NAERVAER_MASKERINGSTERSKEL == 5


def test_the_data_folder_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    s = les_settings(monkeypatch, NAERVAER_DATA=str(tmp_path))
    assert s.DATABASES["default"]["NAME"] == str(tmp_path / "naervaer.sqlite3")


def test_database_url_switches_to_postgresql(monkeypatch: pytest.MonkeyPatch) -> None:
    s = les_settings(monkeypatch, DATABASE_URL="postgres://postgres@127.0.0.1:5432/naervaer")
    database = s.DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["NAME"] == "naervaer"
    assert database["HOST"] == "127.0.0.1"


def test_there_is_no_secret_key_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert les_settings(monkeypatch).SECRET_KEY == ""


def test_a_development_key_only_in_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    s = les_settings(monkeypatch, NAERVAER_DEBUG="1")
    assert s.DEBUG is True
    assert s.SECRET_KEY
    assert les_settings(monkeypatch, NAERVAER_DEBUG="1", SECRET_KEY="hemmelig").SECRET_KEY == (
        "hemmelig"
    )


def test_the_threshold_can_go_up(monkeypatch: pytest.MonkeyPatch) -> None:
    assert (
        les_settings(monkeypatch, NAERVAER_MASKERINGSTERSKEL="10").NAERVAER_MASKERINGSTERSKEL == 10
    )


def test_the_threshold_cannot_go_below_five(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ImproperlyConfigured, match="lavere enn 5"):
        les_settings(monkeypatch, NAERVAER_MASKERINGSTERSKEL="3")


def test_a_deployment_is_secure_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    s = les_settings(monkeypatch, SECRET_KEY="hemmelig")
    assert s.DEBUG is False
    assert s.SESSION_COOKIE_SECURE and s.CSRF_COOKIE_SECURE and s.SESSION_COOKIE_HTTPONLY
    assert s.SECURE_HSTS_SECONDS >= 365 * 24 * 60 * 60
    assert s.SECURE_SSL_REDIRECT
    assert s.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert s.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"] == ["'self'"]
    assert s.ALLOWED_HOSTS == []


def test_the_local_demo_can_run_on_plain_http(monkeypatch: pytest.MonkeyPatch) -> None:
    s = les_settings(monkeypatch, NAERVAER_HTTPS="0")
    assert not s.SESSION_COOKIE_SECURE and s.SECURE_HSTS_SECONDS == 0
    assert not s.SECURE_SSL_REDIRECT


def test_behind_a_proxy_the_forwarded_scheme_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    s = les_settings(monkeypatch, NAERVAER_BAK_PROXY="1")
    assert s.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")


def test_openid_connect_is_plugged_in_by_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    assert les_settings(monkeypatch).OIDC_PAA is False
    s = les_settings(
        monkeypatch,
        NAERVAER_OIDC_KLIENT_ID="naervaer",
        NAERVAER_OIDC_AUTORISERING="https://idp.example/authorize",
        NAERVAER_OIDC_TOKEN="https://idp.example/token",
        NAERVAER_OIDC_BRUKERINFO="https://idp.example/userinfo",
        NAERVAER_OIDC_JWKS="https://idp.example/jwks",
    )
    assert s.OIDC_PAA is True
    assert "mozilla_django_oidc" in s.INSTALLED_APPS
    # After django-axes, which must come first to count failed logins.
    assert s.AUTHENTICATION_BACKENDS[:2] == [
        "axes.backends.AxesStandaloneBackend",
        "naervaer.web.kontoer.oidc.OidcInnlogging",
    ]
    assert s.OIDC_USE_PKCE and s.OIDC_PKCE_CODE_CHALLENGE_METHOD == "S256"
    with pytest.raises(ImproperlyConfigured, match="NAERVAER_OIDC_TOKEN"):
        les_settings(
            monkeypatch,
            NAERVAER_OIDC_KLIENT_ID="naervaer",
            NAERVAER_OIDC_AUTORISERING="https://idp.example/authorize",
        )


def _kjor(kode: str, **miljo: str) -> subprocess.CompletedProcess[str]:
    # The embedded database in a folder of the test's own, whatever database the suite runs on.
    utelatt = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "NAERVAER_DATA"}
    env = {k: v for k, v in os.environ.items() if k not in utelatt} | miljo
    return subprocess.run(
        [sys.executable, "-c", kode], capture_output=True, text=True, env=env, check=True
    )


def test_the_cli_does_not_import_django() -> None:
    kjort = _kjor("import sys, naervaer.cli; print('django' in sys.modules)")
    assert kjort.stdout.strip() == "False"


def test_naervaer_runs_django_management_commands(tmp_path: Path) -> None:
    data = tmp_path / "ny" / "mappe"
    _kjor(
        "from naervaer.web.__main__ import main; main(['migrate', '-v0'])",
        NAERVAER_DATA=str(data),
    )
    assert (data / "naervaer.sqlite3").is_file()
