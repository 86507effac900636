"""The employees to choose among while searching on the registration form:
/virksomhet/<orgnr>/fravaer/registrer/ansatte/ (htmx, POST)."""

from __future__ import annotations

import pytest
from django.test import Client

from naervaer.web.revisjon.models import Hendelse
from tests.web.conftest import Egendata
from tests.web.fravaer_hjelp import LEDERS_ANSATTE, ROLLER_UTEN_PERSONER, url

SIDE = url("ansattvalg")


def valgt(egendata: Egendata, tekst: str) -> set[str]:
    return {n for n, a in egendata.ansatte.items() if f'value="{a.pk}"' in tekst}


def test_it_works(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.hr)
    svar = client.post(SIDE, {"sok": "dahl"})
    assert svar.status_code == 200
    tekst = svar.content.decode()
    assert valgt(egendata, tekst) == {"1003"}
    assert "1 passer med «dahl»." in tekst
    # Names only: no absence data, so nothing for the audit log.
    assert Hendelse.objects.count() == 0


def test_by_employee_number(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.hr)
    tekst = client.post(SIDE, {"sok": "101"}).content.decode()
    assert valgt(egendata, tekst) == {"1010", "1011", "1012"}


def test_the_chosen_one_stays(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.hr)
    data = {"sok": "dahl", "ansatt": egendata.ansatte["1002"].pk}
    tekst = client.post(SIDE, data).content.decode()
    assert valgt(egendata, tekst) == {"1002", "1003"}
    assert f'value="{egendata.ansatte["1002"].pk}" checked' in tekst


def test_the_leader_finds_only_own_people(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.leder)
    assert valgt(egendata, client.post(SIDE, {"sok": ""}).content.decode()) == set(LEDERS_ANSATTE)
    tekst = client.post(SIDE, {"sok": "eva", "ansatt": egendata.ansatte["1005"].pk}).content
    assert valgt(egendata, tekst.decode()) == set()
    assert "Ingen ansatte passer med «eva»." in tekst.decode()


@pytest.mark.parametrize("rolle", ROLLER_UTEN_PERSONER)
def test_roles_without_person_data_get_nothing(
    client: Client, egendata: Egendata, rolle: str
) -> None:
    client.force_login(egendata.bruker(rolle))
    assert client.post(SIDE, {"sok": "a"}).status_code == 404


def test_only_post(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.hr)
    assert client.get(SIDE).status_code == 405
