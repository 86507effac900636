"""The quota beside the registration form while it is filled in:
/virksomhet/<orgnr>/fravaer/registrer/kvote/ (htmx, POST)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from naervaer.web.egendata.models import Ansatt
from tests.web.conftest import Egendata
from tests.web.fravaer_hjelp import ROLLER_UTEN_PERSONER, dager_siden, fravaer, idag, revisjon, url

SIDE = url("forhandsvis")
LOGGET = "så egenmeldingskvoten ved registrering av fravær"


def skjema(ansatt: Ansatt | None, **andre: object) -> dict[str, Any]:
    return {
        "ansatt": "" if ansatt is None else ansatt.pk,
        "type": "egenmelding",
        "fra_dato": idag().isoformat(),
        "til_dato": idag().isoformat(),
        **andre,
    }


def test_it_works(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.hr)
    svar = client.post(SIDE, skjema(egendata.ansatte["1004"]))
    assert svar.status_code == 200
    tekst = svar.content.decode()
    assert "<html" not in tekst  # a part of the page, for htmx to swap in
    assert "Egenmelding for David Eng" in tekst
    assert "0 ganger, 0 dager" in tekst
    assert "4 av 4 ganger" in tekst
    assert "Lovens regel: 3 dager per tilfelle, 4 ganger på 12 måneder" in tekst
    assert revisjon(LOGGET) == ["1004"]
    assert svar["Cache-Control"] == "private, no-store"


def test_without_an_employee_it_says_what_to_do(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.hr)
    tekst = client.post(SIDE, skjema(None)).content.decode()
    assert "Velg en ansatt, så ser du hvor mye egenmelding som er brukt" in tekst
    assert revisjon(LOGGET) == []


def test_the_warning_comes_before_the_registration(client: Client, egendata: Egendata) -> None:
    ansatt = egendata.ansatte["1004"]
    for start in (300, 200, 100, 40):
        fravaer(ansatt, dager_siden(start), dager_siden(start - 1))
    client.force_login(egendata.leder)
    tekst = client.post(SIDE, skjema(ansatt)).content.decode()
    assert "4 ganger, 8 dager" in tekst
    assert "0 av 4 ganger" in tekst
    assert "Registreringen går ut over egenmeldingsregelen" in tekst
    assert 'id="bekreft" aria-describedby="advarsel"' in tekst  # there, and not ticked
    assert "kryss av hvis du vil registrere likevel" not in tekst  # no error before saving
    ticket = client.post(
        SIDE, skjema(ansatt, bekreft="on", bekreftet="ganger_per_12_mnd")
    ).content.decode()
    assert 'id="bekreft" checked' in ticket


def test_the_days_of_one_absence_while_typing(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.hr)
    data = skjema(egendata.ansatte["1004"], fra_dato=dager_siden(4).isoformat())
    tekst = client.post(SIDE, data).content.decode()
    assert "Tilfellet får 5 egenmeldingsdager" in tekst


def test_the_leader_sees_only_own_people(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.leder)
    tekst = client.post(SIDE, skjema(egendata.ansatte["1005"])).content.decode()
    assert "Eva Fjeld" not in tekst
    assert "Velg en ansatt" in tekst
    assert revisjon(LOGGET) == []


@pytest.mark.parametrize("rolle", ROLLER_UTEN_PERSONER)
def test_roles_without_person_data_get_nothing(
    client: Client, egendata: Egendata, rolle: str
) -> None:
    client.force_login(egendata.bruker(rolle))
    assert client.post(SIDE, skjema(egendata.ansatte["1001"])).status_code == 404
    assert revisjon(LOGGET) == []


def test_only_post(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.hr)
    assert client.get(SIDE).status_code == 405
