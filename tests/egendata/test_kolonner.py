"""The canonical fields, ``naervaer.egendata.kolonner``, and the columns a file may never bring."""

from __future__ import annotations

import pytest

from naervaer.egendata.kolonner import (
    FELTER,
    NOEKLER,
    Tabell,
    normaliser,
    ser_ut_som_diagnose,
    ser_ut_som_fodselsnummer,
)


def test_there_is_no_field_for_health_or_national_identity() -> None:
    navn = {f.navn for felter in FELTER.values() for f in felter}

    assert not {n for n in navn if "diagnos" in n or "fodsel" in n or "person" in n}


def test_every_natural_key_is_made_of_required_fields() -> None:
    for tabell, noekkel in NOEKLER.items():
        paakrevde = {f.navn for f in FELTER[tabell] if f.paakrevd}
        assert set(noekkel) <= paakrevde, tabell


def test_it_normalises_headers() -> None:
    assert normaliser("  Fra_dato ") == normaliser("FRA-DATO") == "fra dato"
    assert normaliser("Sykmeldingsgrad %") == "sykmeldingsgrad"
    assert normaliser("\ufeffAnsattnr") == "ansattnr"


@pytest.mark.parametrize(
    "overskrift",
    [
        "Diagnose",
        "diagnosekode",
        "Hoveddiagnose",
        "Diagnosis",
        "ICPC-2",
        "ICD10",
        "Diag.",
        "Sykdom",
    ],
)
def test_it_sees_a_diagnosis_column(overskrift: str) -> None:
    assert ser_ut_som_diagnose(overskrift)


@pytest.mark.parametrize(
    "overskrift",
    ["Fraværstype", "Sykmeldingsgrad %", "Avdeling", "Absence type", "Sykt barn", "Kommentar"],
)
def test_it_lets_ordinary_columns_pass(overskrift: str) -> None:
    assert not ser_ut_som_diagnose(overskrift)


def test_it_sees_a_fodselsnummer() -> None:
    # A synthetic number (month + 80, as in the test registers), so no real person's.
    assert ser_ut_som_fodselsnummer("15838512329")
    # A D-number: the day + 40.
    assert ser_ut_som_fodselsnummer("55838540057")
    # One control digit wrong.
    assert not ser_ut_som_fodselsnummer("15838512328")


@pytest.mark.parametrize("nummer", ["1001", "00123", "12345678901", "A1234567890", "99999999999"])
def test_it_lets_employee_numbers_pass(nummer: str) -> None:
    assert not ser_ut_som_fodselsnummer(nummer)


def test_the_absence_table_is_shown_with_its_norwegian_letters() -> None:
    assert Tabell.FRAVAER.visningsnavn == "fravær"
    assert Tabell.ANSATTE.visningsnavn == "ansatte"
