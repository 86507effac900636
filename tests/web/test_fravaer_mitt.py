"""The employee's own absence and egenmelding quota: /virksomhet/<orgnr>/fravaer/mitt/."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.web.conftest import Egendata
from tests.web.fravaer_hjelp import dager_siden, fravaer, revisjon, url

SIDE = url("mitt")


def test_it_works(client: Client, egendata: Egendata) -> None:
    registrert = fravaer(egendata.ansatte["1001"], dager_siden(3), dager_siden(2))
    registrert.registrert_av = egendata.leder
    registrert.save()
    client.force_login(egendata.ansatt)
    svar = client.get(SIDE)
    assert svar.status_code == 200
    tekst = svar.content.decode()
    assert "Mitt fravær" in tekst
    assert "Anna Ansatt" in tekst
    assert "03.02.2025–05.02.2025" in tekst
    assert "1 gang, 2 dager" in tekst  # the one registered now; 2025 is more than a year back
    assert "3 av 4 ganger" in tekst
    assert revisjon("så eget fravær") == ["1001"]


def test_nothing_about_anyone_else(client: Client, egendata: Egendata) -> None:
    fravaer(egendata.ansatte["1001"], dager_siden(3), dager_siden(2))
    client.force_login(egendata.ansatt)
    tekst = client.get(SIDE).content.decode()
    for nummer, ansatt in egendata.ansatte.items():
        if nummer != "1001":
            assert ansatt.navn not in tekst
    # Not who registered it, and no way to change it.
    assert "Lars" not in tekst and "leder@example.no" not in tekst
    assert "/periode/" not in tekst
    assert url("registrer") not in tekst
    assert url("ansatte") not in tekst


@pytest.mark.parametrize("rolle", ["ADMINISTRATOR", "HR", "LEDER", "VERNEOMBUD", "STATISTIKK"])
def test_users_who_are_not_employees_here_get_404(
    client: Client, egendata: Egendata, rolle: str
) -> None:
    client.force_login(egendata.bruker(rolle))
    assert client.get(SIDE).status_code == 404
    assert revisjon("så eget fravær") == []


def test_a_leader_who_is_also_an_employee_sees_own(client: Client, egendata: Egendata) -> None:
    leif = egendata.ansatte["1012"]
    leif.bruker = egendata.leder
    leif.save(update_fields=["bruker"])
    client.force_login(egendata.leder)
    tekst = client.get(SIDE).content.decode()
    assert "Leif Moe" in tekst
    assert revisjon("så eget fravær") == ["1012"]
