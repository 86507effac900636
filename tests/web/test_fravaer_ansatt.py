"""One employee's absence history, cases and egenmelding quota:
/virksomhet/<orgnr>/fravaer/ansatte/<id>/."""

from __future__ import annotations

import pytest
from django.test import Client

from naervaer.web.egendata.models import Fravaer
from tests.web.conftest import SMAABYGG, Egendata
from tests.web.fravaer_hjelp import (
    LEDERS_ANSATTE,
    ROLLER_UTEN_PERSONER,
    dager_siden,
    fravaer,
    revisjon,
    url,
)

LOGGET = "så fraværshistorikken"


def side(egendata: Egendata, nummer: str) -> str:
    return url("ansatt", ansatt_id=egendata.ansatte[nummer].pk)


def test_it_works(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.hr)
    svar = client.get(side(egendata, "1002"))
    assert svar.status_code == 200
    tekst = svar.content.decode()
    assert '<h1 class="aksel-heading aksel-heading--large">Bjørn Berg</h1>' in tekst
    assert "Småbarn" in tekst
    assert "Ansatt siden</dt><dd>01.01.2021" in tekst
    # Two sick notes with no day between: one case, the employer's 16 days end 21 January.
    assert "Tilfelle 06.01.2025–30.05.2025" in tekst
    assert "Arbeidsgiverperioden sluttet 21.01.2025" in tekst
    assert "<strong>Sykmelding 50 %</strong> 31.03.2025–30.05.2025" in tekst
    assert "<strong>Sykmelding 100 %</strong> 06.01.2025–28.03.2025" in tekst
    assert "Importert fra lønnssystemet – rettes der og importeres på nytt" in tekst
    assert revisjon(LOGGET) == ["1002"]


def test_registered_periods_can_be_changed_imported_cannot(
    client: Client, egendata: Egendata
) -> None:
    ansatt = egendata.ansatte["1004"]
    registrert = fravaer(ansatt, dager_siden(2), dager_siden(1))
    registrert.registrert_av = egendata.hr
    registrert.save()
    importert = fravaer(ansatt, dager_siden(60), dager_siden(59), kilde=Fravaer.Kilde.IMPORT)
    client.force_login(egendata.leder)
    tekst = client.get(side(egendata, "1004")).content.decode()
    assert url("endre", fravaer_id=registrert.pk) in tekst
    assert url("slett", fravaer_id=registrert.pk) in tekst
    assert "Registrert i Nærvær av Hege" in tekst
    assert url("endre", fravaer_id=importert.pk) not in tekst
    assert f"{url('registrer')}?ansatt={ansatt.pk}" in tekst


def test_the_quota_and_what_the_rule_says_of_a_case(client: Client, egendata: Egendata) -> None:
    ansatt = egendata.ansatte["1004"]
    for start in (300, 200, 100, 40):
        fravaer(ansatt, dager_siden(start), dager_siden(start - 1))
    fravaer(ansatt, dager_siden(10), dager_siden(6))  # five days under the law's three
    client.force_login(egendata.hr)
    tekst = client.get(side(egendata, "1004")).content.decode()
    assert "5 ganger, 13 dager" in tekst
    assert "kan arbeidsgiveren nekte ny egenmelding" in tekst
    assert "Egenmeldingen dekker 5 dager i dette tilfellet" in tekst
    assert "brukt egenmelding 4 ganger de siste 12 månedene" in tekst


def test_the_leader_sees_own_people_only(client: Client, egendata: Egendata) -> None:
    client.force_login(egendata.leder)
    for nummer in egendata.ansatte:
        forventet = 200 if nummer in LEDERS_ANSATTE else 404
        assert client.get(side(egendata, nummer)).status_code == forventet, nummer
    assert revisjon(LOGGET) == list(LEDERS_ANSATTE)


@pytest.mark.parametrize("rolle", ROLLER_UTEN_PERSONER)
def test_roles_without_person_data_get_404(client: Client, egendata: Egendata, rolle: str) -> None:
    client.force_login(egendata.bruker(rolle))
    # The employee's own history is on «Mitt fravær», not here.
    assert client.get(side(egendata, "1001")).status_code == 404
    assert client.get(side(egendata, "1002")).status_code == 404
    assert revisjon(LOGGET) == []


def test_an_employee_of_another_virksomhet_is_not_there(client: Client, egendata: Egendata) -> None:
    from naervaer.web.egendata.models import Ansatt

    fremmed = Ansatt.objects.create(virksomhet_id=SMAABYGG, ansattnummer="1", navn="Ola Bygg")
    client.force_login(egendata.hr)
    assert client.get(url("ansatt", ansatt_id=fremmed.pk)).status_code == 404
    assert client.get(url("ansatt", ansatt_id=999_999)).status_code == 404
