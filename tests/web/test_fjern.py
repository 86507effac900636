"""Taking a user's access away, on the administrators' page."""

from __future__ import annotations

import pytest
from django.test import Client

from naervaer.web.virksomheter.models import Tilgang
from tests.web.conftest import SMAABYGG, SOLSIKKEN, Installasjon
from tests.web.test_side import tekst

pytestmark = pytest.mark.django_db


def tilgang_for(bruker: object, orgnr: str = SOLSIKKEN) -> Tilgang:
    return Tilgang.objects.get(bruker=bruker, virksomhet_id=orgnr)


def test_the_page_lists_everyone_with_access(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.admin)
    t = tekst(client.get(f"/virksomhet/{SOLSIKKEN}/tilgang/").content)
    assert "Ada (admin@example.no) · administrator" in t
    assert "Leif (leser@example.no) · ser statistikken" in t
    assert "Ulla (uten.rett@example.no) · ansatt" in t
    # Only this virksomhet's people: Siri is tied to the sykehjem.
    assert "sykehjem@example.no" not in t


def test_one_click_takes_access_away(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.admin)
    fjernes = tilgang_for(installasjon.leser)
    svar = client.post(f"/virksomhet/{SOLSIKKEN}/tilgang/fjern/{fjernes.pk}/", follow=True)
    assert "Leif har ikke lenger tilgang til Solsikken barnehage AS." in tekst(svar.content)
    assert not Tilgang.objects.filter(pk=fjernes.pk).exists()
    client.force_login(installasjon.leser)
    assert client.get(f"/virksomhet/{SOLSIKKEN}/").status_code == 404


def test_the_last_administrator_stays(client: Client, installasjon: Installasjon) -> None:
    client.force_login(installasjon.admin)
    egen = tilgang_for(installasjon.admin)
    svar = client.post(f"/virksomhet/{SOLSIKKEN}/tilgang/fjern/{egen.pk}/", follow=True)
    assert "Virksomheten må ha minst én administrator." in tekst(svar.content)
    assert Tilgang.objects.filter(pk=egen.pk).exists()


def test_only_the_virksomhets_administrators_may(
    client: Client, installasjon: Installasjon
) -> None:
    fjernes = tilgang_for(installasjon.uten_rett)
    client.force_login(installasjon.leser)
    svar = client.post(f"/virksomhet/{SOLSIKKEN}/tilgang/fjern/{fjernes.pk}/")
    assert svar.status_code == 403
    # An administrator of Småbygg cannot reach Solsikken's people through Småbygg.
    client.force_login(installasjon.admin)
    svar = client.post(f"/virksomhet/{SMAABYGG}/tilgang/fjern/{fjernes.pk}/")
    assert svar.status_code == 404
    client.force_login(installasjon.fremmed)
    assert client.post(f"/virksomhet/{SOLSIKKEN}/tilgang/fjern/{fjernes.pk}/").status_code == 404
    assert client.get(f"/virksomhet/{SOLSIKKEN}/tilgang/fjern/{fjernes.pk}/").status_code == 405
    assert Tilgang.objects.filter(pk=fjernes.pk).exists()
