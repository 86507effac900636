"""What a version changed:
/virksomhet/<orgnr>/oppfolgingsplan/tilfelle/<id>/versjoner/<nr>/endringer/."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.test import Client

from naervaer.oppfolging.plan import Tiltak
from tests.web.conftest import egendata as egendata  # the fixture, registered here too
from tests.web.oppfolgingsplan_hjelp import (
    INNHOLD,
    ROLLER_UTEN_TILGANG,
    Sak,
    dager,
    lagre,
    revisjon,
)
from tests.web.oppfolgingsplan_hjelp import sak as sak  # the fixture

HVA = "så endringene i oppfølgingsplanen"


def test_the_changed_parts_before_and_after(client: Client, sak: Sak) -> None:
    lagre(sak)
    kortere = INNHOLD.tiltak[1]
    lagre(
        sak,
        replace(
            INNHOLD,
            ikke_na="",
            evalueres=dager(28),
            tiltak=(replace(kortere, innen=dager(21)), Tiltak("Ny stol", "HR", dager(3))),
        ),
    )
    client.force_login(sak.egendata.leder)
    html = client.get(sak.url("endringer", 2)).content.decode()
    assert "Hva ble endret i versjon 2</h1>" in html
    ikke_na = html[html.index(">Kan ikke gjøres nå</h2>") :]
    assert "<dt>Før</dt><dd>Løfte barn opp på stellebordet</dd>" in ikke_na
    assert '<dt>Nå</dt><dd><span class="plan-svak">Tomt</span></dd>' in ikke_na
    assert f"<dd>{dager(21):%d.%m.%Y}</dd>" in html and f"<dd>{dager(28):%d.%m.%Y}</dd>" in html
    assert ">Arbeidsoppgavene</h2>" not in html  # unchanged parts are left out
    tiltak = html[html.index('id="endring-tiltak"') :]
    assert "Nye tiltak" in tiltak and "Ny stol – HR" in tiltak
    assert "Endrede tiltak" in tiltak
    assert (
        f"innen {dager(14):%d.%m.%Y}; nå Lederen og den ansatte, innen {dager(21):%d.%m.%Y}"
        in tiltak
    )
    assert "Fjernede tiltak" in tiltak and "Hev-senk stellebord på avdelingen – Lederen" in tiltak
    assert revisjon(HVA) == ["1002"]


def test_version_1_has_nothing_before_it(client: Client, sak: Sak) -> None:
    lagre(sak)
    client.force_login(sak.egendata.leder)
    assert client.get(sak.url("endringer", 1)).status_code == 404
    assert client.get(sak.url("endringer", 3)).status_code == 404


@pytest.mark.parametrize("rolle", ROLLER_UTEN_TILGANG)
def test_other_roles_get_404(client: Client, sak: Sak, rolle: str) -> None:
    lagre(sak)
    lagre(sak, replace(INNHOLD, som_for="Annet"))
    client.force_login(sak.egendata.bruker(rolle))
    assert client.get(sak.url("endringer", 2)).status_code == 404
