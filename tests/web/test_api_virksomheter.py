"""GET /api/v1/virksomheter: the user's virksomheter and the user's rights in each."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.web.conftest import SMAABYGG, SOLSIKKEN, SYKEHJEMMET, Installasjon
from tests.web.test_api_openapi import API, hent, ikke_lagret

pytestmark = pytest.mark.django_db

STI = f"{API}/virksomheter"


def test_an_administrator_sees_both_virksomheter_by_name(
    client: Client, installasjon: Installasjon
) -> None:
    client.force_login(installasjon.admin)
    svar, data = hent(client, STI)
    assert svar.status_code == 200
    assert ikke_lagret(svar)
    # «Småbygg» sorts before «Solsikken» (m before o).
    assert data == {
        "virksomheter": [
            {
                "orgnr": SMAABYGG,
                "navn": "Småbygg AS",
                "kan_se_statistikk": True,
                "er_administrator": True,
                "rolle": "ADMINISTRATOR",
            },
            {
                "orgnr": SOLSIKKEN,
                "navn": "Solsikken barnehage AS",
                "kan_se_statistikk": True,
                "er_administrator": True,
                "rolle": "ADMINISTRATOR",
            },
        ]
    }


def test_each_user_sees_only_their_own_ties(client: Client, installasjon: Installasjon) -> None:
    rettigheter = {
        installasjon.leser: [(SOLSIKKEN, True, False)],
        installasjon.uten_rett: [(SOLSIKKEN, False, False)],
        installasjon.sykehjem: [(SYKEHJEMMET, True, False)],
        installasjon.fremmed: [],
    }
    for bruker, forventet in rettigheter.items():
        client.force_login(bruker)
        _, data = hent(client, STI)
        funnet = [
            (v["orgnr"], v["kan_se_statistikk"], v["er_administrator"])
            for v in data["virksomheter"]
        ]
        assert funnet == forventet, bruker.email


def test_anonymous_gets_401(client: Client, installasjon: Installasjon) -> None:
    svar, data = hent(client, STI)
    assert svar.status_code == 401
    assert data == {"detail": "Du må logge inn for å bruke API-et."}
    assert ikke_lagret(svar)
