"""The administrators' page: waiting requests, granted or refused with one click."""

from __future__ import annotations

import pytest
from django.test import Client

from naervaer.web.virksomheter.models import Tilgang, Tilgangsforesporsel
from tests.web.conftest import SMAABYGG, SOLSIKKEN, Installasjon
from tests.web.test_side import side, tekst

pytestmark = pytest.mark.django_db


@pytest.fixture
def foresporsel(installasjon: Installasjon) -> Tilgangsforesporsel:
    return Tilgangsforesporsel.objects.create(
        bruker=installasjon.uten_rett, virksomhet_id=SOLSIKKEN, begrunnelse="Leder Blå"
    )


def test_the_administrator_sees_waiting_requests(
    client: Client, installasjon: Installasjon, foresporsel: Tilgangsforesporsel
) -> None:
    client.force_login(installasjon.admin)
    t = tekst(client.get(f"/virksomhet/{SOLSIKKEN}/tilgang/").content)
    assert "Ulla (uten.rett@example.no) ba om tilgang" in t
    assert "Begrunnelse: Leder Blå" in t
    assert "Gi tilgang til Ulla" in t
    # Requests belong to their virksomhet: Småbygg has none.
    assert "Ingen venter på svar." in tekst(client.get(f"/virksomhet/{SMAABYGG}/tilgang/").content)


def test_one_click_grants_the_right(
    client: Client, installasjon: Installasjon, foresporsel: Tilgangsforesporsel
) -> None:
    client.force_login(installasjon.admin)
    svar = client.post(
        f"/virksomhet/{SOLSIKKEN}/tilgang/{foresporsel.pk}/", {"svar": "innvilg"}, follow=True
    )
    assert "Ulla kan nå se sykefraværsstatistikken." in tekst(svar.content)
    foresporsel.refresh_from_db()
    assert foresporsel.status == "INNVILGET" and foresporsel.behandlet_av == installasjon.admin
    assert Tilgang.objects.get(bruker=installasjon.uten_rett).rolle == "STATISTIKK"
    client.force_login(installasjon.uten_rett)
    assert "Solsikken barnehage AS 8,1 %" in side(client, SOLSIKKEN)


def test_a_refusal_gives_no_right(
    client: Client, installasjon: Installasjon, foresporsel: Tilgangsforesporsel
) -> None:
    client.force_login(installasjon.admin)
    client.post(f"/virksomhet/{SOLSIKKEN}/tilgang/{foresporsel.pk}/", {"svar": "avslaa"})
    foresporsel.refresh_from_db()
    assert foresporsel.status == "AVSLATT"
    assert Tilgang.objects.get(bruker=installasjon.uten_rett).rolle == "ANSATT"


def test_a_stranger_asking_gets_a_tie_when_granted(
    client: Client, installasjon: Installasjon
) -> None:
    foresporsel = Tilgangsforesporsel.objects.create(
        bruker=installasjon.fremmed, virksomhet_id=SOLSIKKEN
    )
    client.force_login(installasjon.admin)
    client.post(f"/virksomhet/{SOLSIKKEN}/tilgang/{foresporsel.pk}/", {"svar": "innvilg"})
    tilgang = Tilgang.objects.get(bruker=installasjon.fremmed)
    assert tilgang.virksomhet_id == SOLSIKKEN and tilgang.rolle == "STATISTIKK"


def test_only_administrators_may_answer(
    client: Client, installasjon: Installasjon, foresporsel: Tilgangsforesporsel
) -> None:
    client.force_login(installasjon.leser)
    assert client.get(f"/virksomhet/{SOLSIKKEN}/tilgang/").status_code == 403
    svar = client.post(f"/virksomhet/{SOLSIKKEN}/tilgang/{foresporsel.pk}/", {"svar": "innvilg"})
    assert svar.status_code == 403
    foresporsel.refresh_from_db()
    assert foresporsel.status == "VENTER"
    # An administrator of another virksomhet cannot reach this request through their own.
    client.force_login(installasjon.admin)
    svar = client.post(f"/virksomhet/{SMAABYGG}/tilgang/{foresporsel.pk}/", {"svar": "innvilg"})
    assert svar.status_code == 404
    client.force_login(installasjon.fremmed)
    assert client.get(f"/virksomhet/{SOLSIKKEN}/tilgang/").status_code == 404


def test_an_answered_request_cannot_be_answered_again(
    client: Client, installasjon: Installasjon, foresporsel: Tilgangsforesporsel
) -> None:
    client.force_login(installasjon.admin)
    url = f"/virksomhet/{SOLSIKKEN}/tilgang/{foresporsel.pk}/"
    client.post(url, {"svar": "avslaa"})
    assert client.post(url, {"svar": "innvilg"}).status_code == 404
    assert Tilgang.objects.get(bruker=installasjon.uten_rett).rolle == "ANSATT"
