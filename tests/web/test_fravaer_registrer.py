"""Quick registration of absence: /virksomhet/<orgnr>/fravaer/registrer/."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from naervaer.web.egendata.models import Ansatt, Arbeidsforhold, Egenmeldingspolicy, Fravaer
from naervaer.web.egendata.signaler import fravaer_endret
from naervaer.web.revisjon.models import Hendelse
from tests.web.conftest import SOLSIKKEN, Egendata
from tests.web.fravaer_hjelp import (
    LEDERS_ANSATTE,
    ROLLER_UTEN_PERSONER,
    dager_siden,
    fravaer,
    idag,
    inputfelt,
    lytt,
    revisjon,
    url,
)

SIDE = url("registrer")


def innlogget(client: Client, bruker: Any) -> Client:
    client.force_login(bruker)
    return client


def skjema(ansatt: Ansatt, fra: date, til: date | None = None, **andre: object) -> dict[str, Any]:
    return {
        "ansatt": ansatt.pk,
        "type": "egenmelding",
        "fra_dato": fra.isoformat(),
        "til_dato": (til or fra).isoformat(),
        **andre,
    }


def fire_egenmeldinger(ansatt: Ansatt) -> None:
    """Four absences with egenmelding in the last twelve months, more than 16 days apart."""
    for start in (300, 200, 100, 40):
        fravaer(ansatt, dager_siden(start), dager_siden(start - 1))


def test_it_works(client: Client, egendata: Egendata) -> None:
    svar = innlogget(client, egendata.hr).get(SIDE)
    assert svar.status_code == 200
    tekst = svar.content.decode()
    for ansatt in egendata.ansatte.values():
        assert f'value="{ansatt.pk}"' in tekst
    # The defaults: an egenmelding of one day, today.
    assert 'id="type-egenmelding" value="egenmelding" checked' in tekst
    for felt in ("fra_dato", "til_dato"):
        assert f'value="{idag().isoformat()}"' in inputfelt(tekst, felt)
        assert 'type="date"' in inputfelt(tekst, felt)
    assert "ikke skriv diagnose" in tekst
    assert svar["Cache-Control"] == "private, no-store"


def test_registering_an_egenmelding(client: Client, egendata: Egendata) -> None:
    ansatt = egendata.ansatte["1004"]
    with lytt() as mottaker:
        svar = innlogget(client, egendata.hr).post(SIDE, skjema(ansatt, idag()))
    assert svar.status_code == 302
    assert svar["Location"] == url("ansatt", ansatt_id=ansatt.pk)
    lagret = Fravaer.objects.get(ansatt=ansatt)
    assert (lagret.fra_dato, lagret.til_dato, lagret.type, lagret.grad) == (
        idag(),
        idag(),
        "egenmelding",
        100,
    )
    assert lagret.kilde == Fravaer.Kilde.REGISTRERT
    assert lagret.registrert_av == egendata.hr
    assert mottaker.ansatt_ids == [frozenset({ansatt.pk})]
    assert mottaker.sett == [[(idag(), idag(), "egenmelding")]]
    assert mottaker.mottatt[0]["virksomhet"].orgnr == SOLSIKKEN
    assert revisjon("registrerte fravær") == ["1004"]
    hendelse = Hendelse.objects.get(hva="registrerte fravær")
    assert hendelse.bruker == egendata.hr
    assert "er registrert" in client.get(svar["Location"]).content.decode()


def test_a_graded_sykmelding_that_goes_on(client: Client, egendata: Egendata) -> None:
    ansatt = egendata.ansatte["1006"]
    # The sick note runs to its last day; it is extended later if the doctor extends it.
    slutt = idag() + timedelta(days=13)
    data = skjema(ansatt, dager_siden(1), slutt, type="sykmelding", grad="60")
    svar = innlogget(client, egendata.hr).post(SIDE, data)
    assert svar.status_code == 302
    lagret = Fravaer.objects.get(ansatt=ansatt)
    assert (lagret.type, lagret.grad, lagret.til_dato) == ("sykmelding", 60, slutt)


def test_norwegian_dates_are_read(client: Client, egendata: Egendata) -> None:
    ansatt = egendata.ansatte["1006"]
    dag = dager_siden(2)
    data = skjema(ansatt, dag, fra_dato=dag.strftime("%d.%m.%Y"), til_dato=dag.strftime("%d.%m.%Y"))
    assert innlogget(client, egendata.hr).post(SIDE, data).status_code == 302
    assert Fravaer.objects.get(ansatt=ansatt).fra_dato == dag


def test_the_leader_chooses_among_own_people(client: Client, egendata: Egendata) -> None:
    innlogget(client, egendata.leder)
    tekst = client.get(SIDE).content.decode()
    for nummer, ansatt in egendata.ansatte.items():
        assert (f'value="{ansatt.pk}"' in tekst) == (nummer in LEDERS_ANSATTE), nummer
    svar = client.post(SIDE, skjema(egendata.ansatte["1005"], idag()))
    assert svar.status_code == 200
    assert "Velg en ansatt fra listen." in svar.content.decode()
    assert not Fravaer.objects.filter(ansatt=egendata.ansatte["1005"], fra_dato=idag()).exists()
    assert client.post(SIDE, skjema(egendata.ansatte["1004"], idag())).status_code == 302


@pytest.mark.parametrize("rolle", ROLLER_UTEN_PERSONER)
def test_roles_without_person_data_get_nothing(
    client: Client, egendata: Egendata, rolle: str
) -> None:
    innlogget(client, egendata.bruker(rolle))
    assert client.get(SIDE).status_code == 404
    assert client.post(SIDE, skjema(egendata.ansatte["1001"], idag())).status_code == 404
    assert not Fravaer.objects.filter(fra_dato=idag()).exists()


def test_a_stranger_gets_nothing(client: Client, egendata: Egendata) -> None:
    assert innlogget(client, egendata.inst.fremmed).get(SIDE).status_code == 404
    client.logout()
    assert client.get(SIDE).status_code == 302  # to the login page


@pytest.mark.parametrize(
    ("endring", "felt", "melding"),
    [
        pytest.param({"ansatt": ""}, None, "Velg hvem fraværet gjelder.", id="no_employee"),
        pytest.param({"fra_dato": ""}, "fra_dato", "Skriv første fraværsdag", id="no_first_day"),
        pytest.param(
            {"fra_dato": "31.02.2026"},
            "fra_dato",
            "Første fraværsdag må være en dato, for eksempel 02.03.2026.",
            id="not_a_date",
        ),
        pytest.param(
            {"fra_dato": "2010-01-04", "til_dato": "2010-01-04"},
            "fra_dato",
            "kan ikke være før 1. juli 2011",
            id="before_the_rules",
        ),
        pytest.param(
            {"til_dato": "uke"},
            "til_dato",
            "Siste fraværsdag (til og med) må være en dato",
            id="last_day_not_a_date",
        ),
        pytest.param({"type": "ferie"}, None, "Velg egenmelding eller sykmelding.", id="type"),
        pytest.param(
            {"type": "sykmelding", "grad": "10"},
            "grad",
            "Sykmeldingsgraden må være fra 20 til 100 prosent (ftrl. § 8-13), ikke 10.",
            id="grad_too_low",
        ),
        pytest.param(
            {"type": "sykmelding", "grad": "femti"},
            "grad",
            "Sykmeldingsgraden må være et helt tall fra 20 til 100.",
            id="grad_not_a_number",
        ),
        pytest.param(
            {"type": "sykmelding", "grad": ""},
            "grad",
            "Skriv sykmeldingsgraden i prosent",
            id="grad_missing",
        ),
    ],
)
def test_bad_input_is_named_at_its_field(
    client: Client,
    egendata: Egendata,
    endring: dict[str, str],
    felt: str | None,
    melding: str,
) -> None:
    data = skjema(egendata.ansatte["1006"], dager_siden(3), dager_siden(2)) | endring
    svar = innlogget(client, egendata.hr).post(SIDE, data)
    assert svar.status_code == 200
    tekst = svar.content.decode()
    assert melding in tekst
    assert "<title>Feil i skjemaet:" in tekst
    assert 'id="feiloppsummering"' in tekst
    if felt is not None:
        assert (
            f'aria-describedby="{felt}-feil"' in tekst
            or f'{felt}-beskrivelse {felt}-feil"' in tekst
        )
        assert f'id="{felt}-feil"' in tekst
        assert f'href="#{felt}"' in tekst
    assert not Fravaer.objects.filter(ansatt=egendata.ansatte["1006"]).exists()


@pytest.mark.parametrize(
    ("nummer", "fra", "til", "type_", "melding"),
    [
        pytest.param(
            "1006",
            0,
            3,
            "egenmelding",
            "Siste fraværsdag (til og med) kan ikke være før første fraværsdag",
            id="ends_before_it_begins",
        ),
        pytest.param(
            "1006",
            -1,
            -1,
            "egenmelding",
            "Første fraværsdag kan ikke være fram i tid for en egenmelding",
            id="egenmelding_ahead",
        ),
        pytest.param(
            "1006",
            20,
            3,
            "egenmelding",
            "En egenmelding kan gjelde høyst 16 dager (ftrl. § 8-24).",
            id="egenmelding_of_18_days",
        ),
        pytest.param(
            "1006",
            400,
            0,
            "sykmelding",
            "Perioden kan ikke være lengre enn ett år.",
            id="a_typo_in_the_year",
        ),
    ],
)
def test_dates_that_cannot_be(
    client: Client,
    egendata: Egendata,
    nummer: str,
    fra: int,
    til: int,
    type_: str,
    melding: str,
) -> None:
    ansatt = egendata.ansatte[nummer]
    data = skjema(ansatt, dager_siden(fra), dager_siden(til), type=type_, grad="100")
    svar = innlogget(client, egendata.hr).post(SIDE, data)
    assert svar.status_code == 200
    assert melding in svar.content.decode()
    assert not Fravaer.objects.filter(ansatt=ansatt).exists()


def test_periods_may_not_overlap(client: Client, egendata: Egendata) -> None:
    # Bjørn's imported sykmelding runs 6 January to 28 March 2025.
    data = skjema(egendata.ansatte["1002"], date(2025, 3, 27), date(2025, 3, 28))
    svar = innlogget(client, egendata.hr).post(SIDE, data)
    tekst = svar.content.decode()
    assert (
        "Bjørn Berg har allerede sykmelding 06.01.2025–28.03.2025 (importert fra lønnssystemet)"
        in tekst
    )
    assert Fravaer.objects.filter(ansatt=egendata.ansatte["1002"]).count() == 2


def test_not_before_the_employment(client: Client, egendata: Egendata) -> None:
    # Ida began 1 January 2024.
    data = skjema(egendata.ansatte["1009"], date(2023, 12, 28), date(2023, 12, 29))
    svar = innlogget(client, egendata.hr).post(SIDE, data)
    assert "Ida Jensen begynte 01.01.2024. Første fraværsdag kan ikke være før det." in (
        svar.content.decode()
    )


def test_a_fifth_egenmelding_asks_for_confirmation(client: Client, egendata: Egendata) -> None:
    ansatt = egendata.ansatte["1004"]
    fire_egenmeldinger(ansatt)
    innlogget(client, egendata.hr)
    with lytt() as mottaker:
        svar = client.post(SIDE, skjema(ansatt, idag()))
    assert svar.status_code == 200
    tekst = svar.content.decode()
    assert "Registreringen går ut over egenmeldingsregelen" in tekst
    assert "Egenmelding er brukt 4 ganger de siste 12 månedene" in tekst
    assert "kan arbeidsgiveren da nekte egenmelding resten av 12-månedersperioden" in tekst
    assert "må dokumenteres med sykmelding" in tekst
    assert "ftrl. §§ 8-23 til 8-27" in tekst
    assert 'name="bekreftet" value="ganger_per_12_mnd"' in tekst
    assert 'id="bekreft-feil"' in tekst
    assert Fravaer.objects.filter(ansatt=ansatt).count() == 4
    assert mottaker.mottatt == []

    data = skjema(ansatt, idag(), bekreft="on", bekreftet="ganger_per_12_mnd")
    assert client.post(SIDE, data).status_code == 302
    assert Fravaer.objects.filter(ansatt=ansatt).count() == 5


def test_a_confirmation_covers_only_the_warnings_seen(client: Client, egendata: Egendata) -> None:
    ansatt = egendata.ansatte["1004"]
    fire_egenmeldinger(ansatt)
    # Ticked for the days of one absence, not for the fifth absence.
    data = skjema(ansatt, idag(), bekreft="on", bekreftet="dager_per_tilfelle")
    svar = innlogget(client, egendata.hr).post(SIDE, data)
    assert svar.status_code == 200
    assert "kryss av hvis du vil registrere likevel" in svar.content.decode()
    assert Fravaer.objects.filter(ansatt=ansatt).count() == 4


def test_four_days_under_the_law(client: Client, egendata: Egendata) -> None:
    ansatt = egendata.ansatte["1004"]
    fra = dager_siden(3)
    svar = innlogget(client, egendata.hr).post(SIDE, skjema(ansatt, fra, idag()))
    tekst = svar.content.decode()
    assert "Tilfellet får 4 egenmeldingsdager, men lovens regel gir 3 dager per tilfelle." in tekst
    assert "trengs sykmelding" in tekst
    assert not Fravaer.objects.filter(ansatt=ansatt).exists()


def test_the_virksomhets_own_rule_decides(client: Client, egendata: Egendata) -> None:
    Egenmeldingspolicy.objects.create(
        virksomhet_id=SOLSIKKEN, dager_per_tilfelle=8, ganger_per_12_mnd=None, dager_per_12_mnd=24
    )
    ansatt = egendata.ansatte["1004"]
    svar = innlogget(client, egendata.hr).post(SIDE, skjema(ansatt, dager_siden(3), idag()))
    assert svar.status_code == 302
    assert Fravaer.objects.get(ansatt=ansatt).til_dato == idag()


def test_egenmelding_needs_two_months_of_employment(client: Client, egendata: Egendata) -> None:
    ny = Ansatt.objects.create(virksomhet_id=SOLSIKKEN, ansattnummer="2001", navn="Nina Ny")
    Arbeidsforhold.objects.create(
        ansatt=ny,
        avdeling=egendata.avdelinger["A1"],
        fra_dato=dager_siden(30),
        stillingsprosent=100,
    )
    svar = innlogget(client, egendata.hr).post(SIDE, skjema(ny, idag()))
    tekst = svar.content.decode()
    assert "Retten til egenmelding kommer etter to måneder i arbeid" in tekst
    assert "ftrl. § 8-24" in tekst
    assert not Fravaer.objects.filter(ansatt=ny).exists()


def test_from_a_person_page_the_employee_is_chosen(client: Client, egendata: Egendata) -> None:
    ansatt = egendata.ansatte["1004"]
    fire_egenmeldinger(ansatt)
    svar = innlogget(client, egendata.leder).get(f"{SIDE}?ansatt={ansatt.pk}")
    tekst = svar.content.decode()
    assert "Gjelder <strong>David Eng</strong>" in tekst
    assert f'name="ansatt" value="{ansatt.pk}"' in tekst
    assert 'name="ansatt" id="ansatt-' not in tekst  # no list to choose from
    # The quota is there at once, and seeing it is logged.
    assert "Egenmelding for David Eng" in tekst
    assert "4 ganger, 8 dager" in tekst
    # And what an egenmelding today, as the form stands, would break: before any tap.
    assert "Registreringen går ut over egenmeldingsregelen" in tekst
    assert "kan arbeidsgiveren da nekte egenmelding" in tekst
    assert "kryss av hvis du vil registrere likevel" not in tekst  # not an error yet
    assert revisjon("så egenmeldingskvoten ved registrering av fravær") == ["1004"]


def test_someone_else_cannot_be_chosen_by_address(client: Client, egendata: Egendata) -> None:
    annen = egendata.ansatte["1005"]
    tekst = innlogget(client, egendata.leder).get(f"{SIDE}?ansatt={annen.pk}").content.decode()
    assert "Eva Fjeld" not in tekst
    assert Hendelse.objects.count() == 0


def test_many_employees_can_be_searched_without_script(client: Client, egendata: Egendata) -> None:
    Ansatt.objects.bulk_create(
        Ansatt(virksomhet_id=SOLSIKKEN, ansattnummer=f"3{n:03d}", navn=f"Vikar {n}")
        for n in range(40)
    )
    innlogget(client, egendata.hr)
    tekst = client.get(SIDE).content.decode()
    assert 'type="search" name="sok"' in tekst
    assert "Viser 30 av 52. Søk for å finne flere." in tekst
    svar = client.post(SIDE, {"handling": "sok", "sok": "bjørn"})
    tekst = svar.content.decode()
    assert f'value="{egendata.ansatte["1002"].pk}"' in tekst
    assert f'value="{egendata.ansatte["1001"].pk}"' not in tekst
    assert "Feil i skjemaet" not in tekst
    assert not Fravaer.objects.filter(kilde=Fravaer.Kilde.REGISTRERT).exists()


def test_the_signal_is_sent_inside_the_transaction(client: Client, egendata: Egendata) -> None:
    """A receiver that fails (a case sync that cannot save) takes the registration with it."""

    class Stopp(Exception):
        pass

    def feiler(sender: object, **kwargs: object) -> None:
        raise Stopp

    fravaer_endret.connect(feiler)
    try:
        with pytest.raises(Stopp):
            innlogget(client, egendata.hr).post(SIDE, skjema(egendata.ansatte["1004"], idag()))
    finally:
        fravaer_endret.disconnect(feiler)
    assert not Fravaer.objects.filter(ansatt=egendata.ansatte["1004"]).exists()
    assert revisjon("registrerte fravær") == []
