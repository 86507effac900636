"""Deleting a period registered by mistake: /virksomhet/<orgnr>/fravaer/periode/<id>/slett/."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from naervaer.web.egendata.models import Fravaer
from tests.web.conftest import Egendata
from tests.web.fravaer_hjelp import ROLLER_UTEN_PERSONER, dager_siden, fravaer, lytt, revisjon, url


def test_it_works(client: Client, egendata: Egendata) -> None:
    f = fravaer(egendata.ansatte["1004"], dager_siden(2), dager_siden(1))
    client.force_login(egendata.hr)
    svar = client.get(url("slett", fravaer_id=f.pk))
    assert svar.status_code == 200
    tekst = svar.content.decode()
    assert "Slette fravær for David Eng?" in tekst
    assert f"{dager_siden(2):%d.%m.%Y}–{dager_siden(1):%d.%m.%Y}" in tekst
    assert Fravaer.objects.filter(pk=f.pk).exists()  # asking is not deleting
    assert revisjon("så fravær for å slette det") == ["1004"]


def test_deleting(client: Client, egendata: Egendata) -> None:
    ansatt = egendata.ansatte["1004"]
    f = fravaer(ansatt, dager_siden(2), dager_siden(1))
    client.force_login(egendata.leder)
    with lytt() as mottaker:
        svar = client.post(url("slett", fravaer_id=f.pk))
    assert svar.status_code == 302
    assert not Fravaer.objects.filter(pk=f.pk).exists()
    assert mottaker.ansatt_ids == [frozenset({ansatt.pk})]
    assert mottaker.sett == [[]]  # gone before the signal
    assert revisjon("slettet fravær") == ["1004"]
    assert "er slettet" in client.get(svar["Location"]).content.decode()


def test_an_imported_period_stays(client: Client, egendata: Egendata) -> None:
    f = Fravaer.objects.get(ansatt=egendata.ansatte["1002"], fra_dato=date(2025, 1, 6))
    client.force_login(egendata.hr)
    svar = client.post(url("slett", fravaer_id=f.pk))
    assert svar.status_code == 302
    assert "importert fra lønnssystemet" in client.get(svar["Location"]).content.decode()
    assert Fravaer.objects.filter(pk=f.pk).exists()


def test_the_leader_only_for_own_people(client: Client, egendata: Egendata) -> None:
    f = fravaer(egendata.ansatte["1006"], dager_siden(2), dager_siden(1))
    client.force_login(egendata.leder)
    assert client.post(url("slett", fravaer_id=f.pk)).status_code == 404
    assert Fravaer.objects.filter(pk=f.pk).exists()


@pytest.mark.parametrize("rolle", ROLLER_UTEN_PERSONER)
def test_roles_without_person_data_get_404(client: Client, egendata: Egendata, rolle: str) -> None:
    f = fravaer(egendata.ansatte["1001"], dager_siden(2), dager_siden(1))
    client.force_login(egendata.bruker(rolle))
    assert client.post(url("slett", fravaer_id=f.pk)).status_code == 404
    assert Fravaer.objects.filter(pk=f.pk).exists()
