"""Extending or correcting a registered period: /virksomhet/<orgnr>/fravaer/periode/<id>/endre/."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

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


def data(f: Fravaer, **endring: object) -> dict[str, Any]:
    return {
        "type": f.type,
        "fra_dato": f.fra_dato.isoformat(),
        "til_dato": f.til_dato.isoformat(),
        "grad": str(int(f.grad)),
        **endring,
    }


def sykmelding(egendata: Egendata, nummer: str = "1004") -> Fravaer:
    return fravaer(
        egendata.ansatte[nummer], dager_siden(5), idag() + timedelta(days=2), "sykmelding", 50
    )


def test_it_works(client: Client, egendata: Egendata) -> None:
    f = sykmelding(egendata)
    client.force_login(egendata.hr)
    svar = client.get(url("endre", fravaer_id=f.pk))
    assert svar.status_code == 200
    tekst = svar.content.decode()
    assert "Endre fravær for David Eng" in tekst
    assert f'value="{f.til_dato.isoformat()}"' in inputfelt(tekst, "til_dato")
    assert 'id="type-sykmelding" value="sykmelding" checked' in tekst
    assert 'value="50"' in inputfelt(tekst, "grad")
    assert revisjon("så fravær for å endre det") == ["1004"]


def test_extending_a_sick_note(client: Client, egendata: Egendata) -> None:
    f = sykmelding(egendata)
    ny_slutt = idag() + timedelta(days=16)
    client.force_login(egendata.leder)
    with lytt() as mottaker:
        svar = client.post(url("endre", fravaer_id=f.pk), data(f, til_dato=ny_slutt.isoformat()))
    assert svar.status_code == 302
    assert svar["Location"] == url("ansatt", ansatt_id=f.ansatt_id)
    f.refresh_from_db()
    assert f.til_dato == ny_slutt
    assert mottaker.ansatt_ids == [frozenset({f.ansatt_id})]
    assert mottaker.sett == [[(f.fra_dato, ny_slutt, "sykmelding")]]
    assert revisjon("endret fravær") == ["1004"]
    assert f"endret til sykmelding {f.fra_dato:%d.%m.%Y}–{ny_slutt:%d.%m.%Y}" in (
        client.get(svar["Location"]).content.decode()
    )


def test_correcting_the_type(client: Client, egendata: Egendata) -> None:
    f = fravaer(egendata.ansatte["1004"], dager_siden(2), dager_siden(1))
    client.force_login(egendata.hr)
    svar = client.post(url("endre", fravaer_id=f.pk), data(f, type="sykmelding", grad="80"))
    assert svar.status_code == 302
    f.refresh_from_db()
    assert (f.type, f.grad) == ("sykmelding", 80)


def test_extending_an_egenmelding_past_the_rule_asks_first(
    client: Client, egendata: Egendata
) -> None:
    f = fravaer(egendata.ansatte["1004"], dager_siden(2), dager_siden(1))
    client.force_login(egendata.hr)
    adresse = url("endre", fravaer_id=f.pk)
    # Three days: within the law, saved at once.
    assert client.post(adresse, data(f, til_dato=idag().isoformat())).status_code == 302
    f.refresh_from_db()
    assert f.til_dato == idag()
    # A fourth day needs the confirmation.
    fire = data(f, fra_dato=dager_siden(3).isoformat())
    assert "Tilfellet får 4 egenmeldingsdager" in client.post(adresse, fire).content.decode()
    f.refresh_from_db()
    assert f.fra_dato == dager_siden(2)
    fire |= {"bekreft": "on", "bekreftet": "dager_per_tilfelle"}
    assert client.post(adresse, fire).status_code == 302


def test_periods_may_not_overlap(client: Client, egendata: Egendata) -> None:
    ansatt = egendata.ansatte["1004"]
    fravaer(ansatt, dager_siden(10), dager_siden(8))
    f = fravaer(ansatt, dager_siden(3), dager_siden(2))
    client.force_login(egendata.hr)
    tekst = client.post(
        url("endre", fravaer_id=f.pk), data(f, fra_dato=dager_siden(8).isoformat())
    ).content.decode()
    assert "David Eng har allerede egenmelding" in tekst
    f.refresh_from_db()
    assert f.fra_dato == dager_siden(3)


def test_bad_input_is_named_at_its_field(client: Client, egendata: Egendata) -> None:
    f = sykmelding(egendata)
    client.force_login(egendata.hr)
    tekst = client.post(url("endre", fravaer_id=f.pk), data(f, grad="120")).content.decode()
    assert "Sykmeldingsgraden må være fra 20 til 100 prosent (ftrl. § 8-13), ikke 120." in tekst
    assert 'aria-invalid="true"' in inputfelt(tekst, "grad")
    f.refresh_from_db()
    assert f.grad == 50


def test_an_imported_period_is_changed_in_the_payroll_system(
    client: Client, egendata: Egendata
) -> None:
    f = Fravaer.objects.get(ansatt=egendata.ansatte["1002"], fra_dato=date(2025, 1, 6))
    client.force_login(egendata.hr)
    svar = client.post(url("endre", fravaer_id=f.pk), data(f, til_dato="2025-03-20"))
    assert svar.status_code == 302
    assert "importert fra lønnssystemet" in client.get(svar["Location"]).content.decode()
    f.refresh_from_db()
    assert f.til_dato == date(2025, 3, 28)


def test_the_leader_changes_own_people_only(client: Client, egendata: Egendata) -> None:
    f = sykmelding(egendata, "1005")
    client.force_login(egendata.leder)
    adresse = url("endre", fravaer_id=f.pk)
    assert client.get(adresse).status_code == 404
    assert client.post(adresse, data(f, grad="100")).status_code == 404
    f.refresh_from_db()
    assert f.grad == 50


@pytest.mark.parametrize("rolle", ROLLER_UTEN_PERSONER)
def test_roles_without_person_data_get_404(client: Client, egendata: Egendata, rolle: str) -> None:
    f = sykmelding(egendata, "1001")
    client.force_login(egendata.bruker(rolle))
    assert client.get(url("endre", fravaer_id=f.pk)).status_code == 404
    assert revisjon("så fravær for å endre det") == []
