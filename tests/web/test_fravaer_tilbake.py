"""Back at work before the registered period ended:
/virksomhet/<orgnr>/fravaer/periode/<id>/tilbake/."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client

from naervaer.web.egendata.models import Fravaer
from tests.web.conftest import Egendata
from tests.web.fravaer_hjelp import (
    ROLLER_UTEN_PERSONER,
    dager_siden,
    fravaer,
    idag,
    inputfelt,
    lytt,
    revisjon,
    url,
)


def sykmelding(egendata: Egendata, nummer: str = "1004") -> Fravaer:
    return fravaer(
        egendata.ansatte[nummer], dager_siden(5), idag() + timedelta(days=9), "sykmelding"
    )


def test_it_works(client: Client, egendata: Egendata) -> None:
    f = sykmelding(egendata)
    client.force_login(egendata.leder)
    svar = client.get(url("tilbake", fravaer_id=f.pk))
    assert svar.status_code == 200
    tekst = svar.content.decode()
    assert "David Eng er tilbake på jobb" in tekst
    # Today is the first day back, unless the user says otherwise.
    assert f'value="{idag().isoformat()}"' in inputfelt(tekst, "forste_dag")
    assert revisjon("så fravær for å registrere tilbake på jobb") == ["1004"]


def test_back_today_ends_the_period_yesterday(client: Client, egendata: Egendata) -> None:
    f = sykmelding(egendata)
    client.force_login(egendata.leder)
    with lytt() as mottaker:
        svar = client.post(url("tilbake", fravaer_id=f.pk), {"forste_dag": idag().isoformat()})
    assert svar.status_code == 302
    f.refresh_from_db()
    assert f.til_dato == dager_siden(1)
    assert mottaker.sett == [[(f.fra_dato, dager_siden(1), "sykmelding")]]
    assert revisjon("registrerte at den ansatte er tilbake") == ["1004"]
    side = client.get(svar["Location"]).content.decode()
    assert f"David Eng er tilbake på jobb {idag():%d.%m.%Y}" in side
    assert "Tilbake</span>" in side


@pytest.mark.parametrize("dager", [5, -11])
def test_a_day_outside_the_period_is_refused(
    client: Client, egendata: Egendata, dager: int
) -> None:
    f = sykmelding(egendata)
    client.force_login(egendata.hr)
    svar = client.post(
        url("tilbake", fravaer_id=f.pk), {"forste_dag": dager_siden(dager).isoformat()}
    )
    tekst = svar.content.decode()
    assert svar.status_code == 200
    assert (
        f"Første dag tilbake på jobb må være fra {dager_siden(4):%d.%m.%Y} til "
        f"{idag() + timedelta(days=10):%d.%m.%Y}." in tekst
    )
    assert 'aria-invalid="true"' in inputfelt(tekst, "forste_dag")
    f.refresh_from_db()
    assert f.til_dato == idag() + timedelta(days=9)


def test_an_imported_period_is_changed_in_the_payroll_system(
    client: Client, egendata: Egendata
) -> None:
    f = Fravaer.objects.get(ansatt=egendata.ansatte["1002"], fra_dato=date(2025, 3, 31))
    client.force_login(egendata.hr)
    svar = client.post(url("tilbake", fravaer_id=f.pk), {"forste_dag": "2025-04-10"})
    assert svar.status_code == 302
    f.refresh_from_db()
    assert f.til_dato == date(2025, 5, 30)


def test_the_leader_only_for_own_people(client: Client, egendata: Egendata) -> None:
    f = sykmelding(egendata, "1006")
    client.force_login(egendata.leder)
    assert client.post(url("tilbake", fravaer_id=f.pk), {"forste_dag": idag()}).status_code == 404


@pytest.mark.parametrize("rolle", ROLLER_UTEN_PERSONER)
def test_roles_without_person_data_get_404(client: Client, egendata: Egendata, rolle: str) -> None:
    f = sykmelding(egendata, "1001")
    client.force_login(egendata.bruker(rolle))
    assert client.get(url("tilbake", fravaer_id=f.pk)).status_code == 404
