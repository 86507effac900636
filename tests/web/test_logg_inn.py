"""Logging in with a local account."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import Client

from tests.web.conftest import PASSORD, SOLSIKKEN, Installasjon

pytestmark = pytest.mark.django_db


def test_the_form_is_norwegian(client: Client) -> None:
    html = client.get("/logg-inn/").content.decode()
    assert '<html lang="nb">' in html
    assert "E-postadresse" in html and "Passord" in html
    assert 'autocomplete="current-password"' in html


def test_a_right_password_logs_in_and_goes_on(client: Client, installasjon: Installasjon) -> None:
    svar = client.post(
        "/logg-inn/",
        {"username": "leser@example.no", "password": PASSORD, "next": f"/virksomhet/{SOLSIKKEN}/"},
    )
    assert svar.status_code == 302
    assert svar["Location"] == f"/virksomhet/{SOLSIKKEN}/"
    assert client.get(f"/virksomhet/{SOLSIKKEN}/").status_code == 200


def test_a_wrong_password_says_so_without_telling_which_part(
    client: Client, installasjon: Installasjon
) -> None:
    svar = client.post("/logg-inn/", {"username": "leser@example.no", "password": "feil"})
    assert svar.status_code == 200
    assert "Feil e-postadresse eller passord." in svar.content.decode()
    svar = client.post("/logg-inn/", {"username": "ingen@example.no", "password": PASSORD})
    assert "Feil e-postadresse eller passord." in svar.content.decode()


def test_a_link_elsewhere_is_not_followed(client: Client, installasjon: Installasjon) -> None:
    svar = client.post(
        "/logg-inn/",
        {"username": "leser@example.no", "password": PASSORD, "next": "https://example.com/"},
    )
    assert svar.status_code == 302
    assert not svar["Location"].startswith("https://example.com")


def test_passwords_are_stored_with_argon2(installasjon: Installasjon) -> None:
    assert identify_hasher(installasjon.leser.password).algorithm == "argon2"


def test_the_form_needs_its_csrf_token(installasjon: Installasjon) -> None:
    klient = Client(enforce_csrf_checks=True)
    svar = klient.post("/logg-inn/", {"username": "leser@example.no", "password": PASSORD})
    assert svar.status_code == 403


def test_guessing_is_stopped_after_ten_wrong_passwords(
    client: Client, installasjon: Installasjon
) -> None:
    for _ in range(10):
        svar = client.post("/logg-inn/", {"username": "leser@example.no", "password": "feil"})
    # The eleventh try, even with the right password, waits: the account is locked for a while.
    svar = client.post("/logg-inn/", {"username": "leser@example.no", "password": PASSORD})
    assert svar.status_code == 429
    assert "For mange forsøk" in svar.content.decode()
    # Another account from the same machine is not locked.
    svar = client.post("/logg-inn/", {"username": "admin@example.no", "password": PASSORD})
    assert svar.status_code == 302


def test_a_right_password_resets_the_count(client: Client, installasjon: Installasjon) -> None:
    for _ in range(9):
        client.post("/logg-inn/", {"username": "leser@example.no", "password": "feil"})
    assert (
        client.post("/logg-inn/", {"username": "leser@example.no", "password": PASSORD}).status_code
        == 302
    )
    client.post("/logg-ut/")
    for _ in range(9):
        client.post("/logg-inn/", {"username": "leser@example.no", "password": "feil"})
    assert (
        client.post("/logg-inn/", {"username": "leser@example.no", "password": PASSORD}).status_code
        == 302
    )
