"""One earlier version as it was:
/virksomhet/<orgnr>/oppfolgingsplan/tilfelle/<id>/versjoner/<nr>/."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.test import Client

from tests.web.conftest import egendata as egendata  # the fixture, registered here too
from tests.web.oppfolgingsplan_hjelp import INNHOLD, ROLLER_UTEN_TILGANG, Sak, lagre, revisjon
from tests.web.oppfolgingsplan_hjelp import sak as sak  # the fixture

HVA = "så en versjon av oppfølgingsplanen"


def test_an_earlier_version_is_shown_as_it_was(client: Client, sak: Sak) -> None:
    lagre(sak)
    lagre(sak, replace(INNHOLD, arbeidsoppgaver="Bare kontorarbeid"))
    client.force_login(sak.egendata.leder)
    html = client.get(sak.url("versjon", 1)).content.decode()
    assert "Versjon 1 av oppfølgingsplanen for Bjørn Berg</h1>" in html
    assert "Pedagogisk arbeid med de minste barna<br>Stell og påkledning" in html
    assert "Bare kontorarbeid" not in html
    assert "Det finnes en nyere versjon av planen" in html
    assert "Denne versjonen er ikke delt med den ansatte." in html
    # The measures as a table with its headers.
    assert '<th class="aksel-table__header-cell" scope="col">Hvem</th>' in html
    assert "Hev-senk stellebord på avdelingen</td>" in html
    assert f'href="{sak.url("versjonsfil_pdf", 1)}"' in html
    assert revisjon(HVA) == ["1002"]
    html = client.get(sak.url("versjon", 2)).content.decode()
    assert "Bare kontorarbeid" in html and "nyere versjon" not in html


def test_a_version_that_does_not_exist_is_404(client: Client, sak: Sak) -> None:
    lagre(sak)
    client.force_login(sak.egendata.leder)
    assert client.get(sak.url("versjon", 2)).status_code == 404


@pytest.mark.parametrize("rolle", ROLLER_UTEN_TILGANG)
def test_other_roles_get_404(client: Client, sak: Sak, rolle: str) -> None:
    lagre(sak)
    client.force_login(sak.egendata.bruker(rolle))
    assert client.get(sak.url("versjon", 1)).status_code == 404
