"""Giving a person access by e-mail; someone new to Nærvær gets an invitation by mail."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from naervaer.web.virksomheter.models import Tilgang
from tests.web.conftest import SOLSIKKEN, Installasjon, Postkasse
from tests.web.test_side import tekst

pytestmark = pytest.mark.django_db
STI = f"/virksomhet/{SOLSIKKEN}/tilgang/ny/"


def test_a_new_person_is_invited_and_chooses_a_password(
    client: Client, installasjon: Installasjon, postkasse: Postkasse
) -> None:
    client.force_login(installasjon.admin)
    svar = client.post(STI, {"epost": "Ny.Leder@Example.no", "rolle": "LEDER"}, follow=True)
    assert "ny.leder@example.no har fått tilgang som leder." in tekst(svar.content)
    ny = get_user_model().objects.get(email="ny.leder@example.no")
    assert not ny.has_usable_password()
    assert Tilgang.objects.get(bruker=ny, virksomhet_id=SOLSIKKEN).rolle == "LEDER"

    (brev,) = postkasse.til("ny.leder@example.no")
    assert brev["Subject"].strip() == "Du har fått tilgang til Solsikken barnehage AS i Nærvær"
    innhold = brev.get_content()
    lenke = re.search(r"http://testserver(/nytt-passord/\S+/)", innhold)
    assert lenke is not None

    anonym = Client()
    side = anonym.get(lenke.group(1), follow=True)
    assert "Velg passord" in tekst(side.content)
    skjema = side.redirect_chain[-1][0]
    passord = "fjellbekk-og-blåbær-2026"
    lagret = anonym.post(skjema, {"new_password1": passord, "new_password2": passord}, follow=True)
    assert "Passordet er lagret." in tekst(lagret.content)
    inne = anonym.post(
        "/logg-inn/", {"username": "ny.leder@example.no", "password": passord}, follow=True
    )
    assert "Sykefravær i Solsikken barnehage AS" in tekst(inne.content)
    # The link works once.
    brukt = Client().get(lenke.group(1), follow=True)
    assert "Lenken er brukt eller utløpt." in tekst(brukt.content)


def test_someone_known_gets_access_without_a_password_link(
    client: Client, installasjon: Installasjon, postkasse: Postkasse
) -> None:
    client.force_login(installasjon.admin)
    client.post(STI, {"epost": "sykehjem@example.no", "rolle": "VERNEOMBUD"})
    assert Tilgang.objects.get(bruker=installasjon.sykehjem, virksomhet_id=SOLSIKKEN).rolle == (
        "VERNEOMBUD"
    )
    (brev,) = postkasse.til("sykehjem@example.no")
    assert "nytt-passord" not in brev.get_content()


def test_someone_with_access_already_keeps_their_role(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.admin)
    svar = client.post(STI, {"epost": "leser@example.no", "rolle": "ANSATT"}, follow=True)
    assert "leser@example.no har allerede tilgang." in tekst(svar.content)
    assert Tilgang.objects.get(bruker=installasjon.leser).rolle == "STATISTIKK"


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        ({"epost": "ikke-en-adresse", "rolle": "HR"}, "Skriv en gyldig e-postadresse"),
        ({"epost": "ny@example.no", "rolle": "KONGE"}, "Velg en av rollene i listen."),
    ],
)
def test_bad_input_is_refused(
    client: Client, installasjon: Installasjon, data: dict[str, str], melding: str
) -> None:
    client.force_login(installasjon.admin)
    svar = client.post(STI, data, follow=True)
    assert melding in tekst(svar.content)
    assert not get_user_model().objects.filter(email="ny@example.no").exists()


def test_only_the_administrator_gives_access(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.leser)
    assert client.post(STI, {"epost": "ny@example.no", "rolle": "HR"}).status_code == 403
    assert not get_user_model().objects.filter(email="ny@example.no").exists()
