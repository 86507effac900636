"""The employees a user follows up, with where each stands today:
/virksomhet/<orgnr>/fravaer/ansatte/."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client

from naervaer.web.egendata.models import Ansatt, Arbeidsforhold
from tests.web.conftest import SOLSIKKEN, Egendata
from tests.web.fravaer_hjelp import (
    LEDERS_ANSATTE,
    ROLLER_UTEN_PERSONER,
    dager_siden,
    fravaer,
    idag,
    revisjon,
    url,
)

SIDE = url("ansatte")
LOGGET = "så fraværsstatus i listen over ansatte"


def vist(egendata: Egendata, tekst: str) -> set[str]:
    return {n for n, a in egendata.ansatte.items() if url("ansatt", ansatt_id=a.pk) in tekst}


def test_it_works(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.hr)
    svar = client.get(SIDE)
    assert svar.status_code == 200
    tekst = svar.content.decode()
    assert vist(egendata, tekst) == set(egendata.ansatte)
    assert "12 ansatte" in tekst
    assert revisjon(LOGGET) == sorted(egendata.ansatte)
    assert svar["Cache-Control"] == "private, no-store"


def test_the_leader_sees_own_people_only(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.leder)
    tekst = client.get(SIDE).content.decode()
    assert vist(egendata, tekst) == set(LEDERS_ANSATTE)
    assert "De ansatte i avdelingene du leder" in tekst
    assert revisjon(LOGGET) == list(LEDERS_ANSATTE)


@pytest.mark.parametrize("rolle", ROLLER_UTEN_PERSONER)
def test_roles_without_person_data_get_404(client: Client, egendata: Egendata, rolle: str) -> None:
    client.force_login(egendata.bruker(rolle))
    assert client.get(SIDE).status_code == 404
    assert revisjon(LOGGET) == []


def test_who_is_away_today_and_who_is_back(client: Client, egendata: Egendata) -> None:
    slutt = idag() + timedelta(days=9)
    fravaer(egendata.ansatte["1006"], dager_siden(5), slutt, "sykmelding", 60)
    client.force_login(egendata.hr)
    tekst = client.get(SIDE).content.decode()
    assert f"Sykmelding 60 % til og med {slutt:%d.%m.%Y}" in tekst
    # Eva's sykmelding ended 25 April 2025.
    assert "siden 26.04.2025" in tekst
    borte = client.get(SIDE, {"vis": "borte"}).content.decode()
    assert vist(egendata, borte) == {"1006"}
    assert "1 ansatt" in borte


def test_quota_warnings(client: Client, egendata: Egendata) -> None:
    for start in (300, 200, 100, 40):
        fravaer(egendata.ansatte["1004"], dager_siden(start), dager_siden(start - 1))
    client.force_login(egendata.leder)
    tekst = client.get(SIDE, {"vis": "kvote"}).content.decode()
    assert "1004" in vist(egendata, tekst)
    assert "Brukt opp" in tekst
    assert "Egenmelding siste 12 måneder: 4 ganger, 8 dager" in tekst
    # Frode has no absence and no warning.
    client.force_login(egendata.hr)
    assert "1006" not in vist(egendata, client.get(SIDE, {"vis": "kvote"}).content.decode())


def test_search_logs_only_who_is_shown(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.hr)
    tekst = client.get(SIDE, {"sok": "berg"}).content.decode()
    assert vist(egendata, tekst) == {"1002"}
    assert revisjon(LOGGET) == ["1002"]


def test_a_long_list_comes_in_pages(client: Client, egendata: Egendata) -> None:
    for n in range(60):
        ansatt = Ansatt.objects.create(
            virksomhet_id=SOLSIKKEN, ansattnummer=f"3{n:03d}", navn=f"Vikar {n:02d}"
        )
        Arbeidsforhold.objects.create(
            ansatt=ansatt,
            avdeling=egendata.avdelinger["K"],
            fra_dato=dager_siden(400),
            stillingsprosent=50,
        )
    client.force_login(egendata.hr)
    tekst = client.get(SIDE).content.decode()
    assert "72 ansatte" in tekst
    assert "Side 1 av 2" in tekst
    assert len(revisjon(LOGGET)) == 50
    neste = client.get(SIDE, {"side": 2}).content.decode()
    assert "Vikar 59" in neste
    assert len(revisjon(LOGGET)) == 72


@pytest.mark.parametrize(
    ("rolle", "ventet"),
    [
        ("ADMINISTRATOR", {"Registrer fravær", "Ansatte", "Egenmeldingsregel"}),
        ("HR", {"Registrer fravær", "Ansatte"}),
        ("LEDER", {"Registrer fravær", "Ansatte"}),
        ("VERNEOMBUD", set()),
        ("STATISTIKK", set()),
        ("ANSATT", {"Mitt fravær"}),
    ],
)
def test_the_menu_shows_the_pages_each_role_may_use(
    client: Client, egendata: Egendata, rolle: str, ventet: set[str]
) -> None:
    client.force_login(egendata.bruker(rolle))
    tekst = client.get(f"/virksomhet/{SOLSIKKEN}/").content.decode()
    lenker = {
        "Registrer fravær": url("registrer"),
        "Ansatte": SIDE,
        "Mitt fravær": url("mitt"),
        "Egenmeldingsregel": url("egenmelding"),
    }
    assert {navn for navn, adresse in lenker.items() if f'href="{adresse}"' in tekst} == ventet
