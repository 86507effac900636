"""The plan's history: /virksomhet/<orgnr>/oppfolgingsplan/tilfelle/<id>/versjoner/."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.test import Client

from naervaer.web.oppfolgingsplan import lagring
from tests.web.conftest import egendata as egendata  # the fixture, registered here too
from tests.web.oppfolgingsplan_hjelp import INNHOLD, ROLLER_UTEN_TILGANG, Sak, lagre, revisjon
from tests.web.oppfolgingsplan_hjelp import sak as sak  # the fixture

HVA = "så versjonene av oppfølgingsplanen"


def test_every_version_newest_first_with_who_when_shared_and_agreed(
    client: Client, sak: Sak
) -> None:
    lagre(sak)
    lagring.del_med_ansatt(sak.tilfelle, 1, sak.egendata.leder)
    lagring.bekreft_enig(sak.tilfelle, 1, sak.bjorn)
    lagre(sak, replace(INNHOLD, som_for="Mer enn før"), sak.egendata.hr)
    client.force_login(sak.egendata.leder)
    html = client.get(sak.url("versjoner")).content.decode()
    andre, forste = html.index(">Versjon 2</a> (nyeste)"), html.index(">Versjon 1</a>")
    assert andre < forste
    kort2, kort1 = html[andre:forste], html[forste:]
    assert "av Hege" in kort2 and "<dd>Nei</dd>" in kort2
    assert "Hva ble endret fra versjon 1" in kort2
    assert "av Lars" in kort1 and "Ja, bekreftet" in kort1
    assert "Hva ble endret" not in kort1
    assert f'href="{sak.url("versjon", 1)}"' in html
    assert revisjon(HVA) == ["1002"]


def test_no_versions_yet(client: Client, sak: Sak) -> None:
    client.force_login(sak.egendata.hr)
    assert "Planen er ikke laget ennå." in client.get(sak.url("versjoner")).content.decode()


@pytest.mark.parametrize("rolle", ROLLER_UTEN_TILGANG)
def test_other_roles_get_404(client: Client, sak: Sak, rolle: str) -> None:
    lagre(sak)
    client.force_login(sak.egendata.bruker(rolle))
    assert client.get(sak.url("versjoner")).status_code == 404
    client.force_login(sak.bjorn)  # the employee sees shared versions only, on their own page
    assert client.get(sak.url("versjoner")).status_code == 404
    assert revisjon(HVA) == []
