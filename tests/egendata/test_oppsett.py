"""Column mapping, ``naervaer.egendata.oppsett``: presets, detection, the user's own mapping."""

from __future__ import annotations

import pytest

from naervaer.egendata.kolonner import FELTER, Tabell
from naervaer.egendata.oppsett import (
    HR,
    LONN,
    MAL,
    OPPSETT,
    eget_oppsett,
    finn_oppsett,
    foreslaa,
    naermeste,
)
from naervaer.oppfolging.tilfelle import Fravaerstype


@pytest.mark.parametrize(
    ("overskrift", "oppsett", "tabeller"),
    [
        (["ansattnummer", "navn"], MAL, (Tabell.ANSATTE,)),
        (
            [
                "ansattnummer",
                "avdeling",
                "avdelingsnavn",
                "fra_dato",
                "til_dato",
                "stillingsprosent",
            ],
            MAL,
            (Tabell.ARBEIDSFORHOLD,),
        ),
        (["ansattnummer", "fra_dato", "til_dato", "type", "grad"], MAL, (Tabell.FRAVAER,)),
        (
            ["Ansattnr", "Etternavn", "Fornavn", "Avdeling", "Stillingsprosent", "Startdato"],
            LONN,
            (Tabell.ANSATTE, Tabell.ARBEIDSFORHOLD),
        ),
        (
            ["Ansattnr", "Navn", "Fraværstype", "Fra dato", "Til dato", "Sykmeldingsgrad %"],
            LONN,
            (Tabell.FRAVAER,),
        ),
        (["Employee ID", "Full name", "E-mail"], HR, (Tabell.ANSATTE,)),
        (
            ["Employee ID", "Department code", "Start date", "End date", "FTE %"],
            HR,
            (Tabell.ARBEIDSFORHOLD,),
        ),
        (
            ["Employee ID", "Start date", "End date", "Absence type", "Degree %"],
            HR,
            (Tabell.FRAVAER,),
        ),
    ],
)
def test_it_recognises_each_preset_from_its_header(
    overskrift: list[str], oppsett: object, tabeller: tuple[Tabell, ...]
) -> None:
    (treff,) = finn_oppsett([overskrift, ["1001"]])

    assert treff.oppsett is oppsett
    assert treff.tabeller == tabeller
    assert treff.rad == 1


def test_it_ignores_case_spaces_and_punctuation_in_headers() -> None:
    (treff,) = finn_oppsett([[" ANSATTNUMMER ", "Fra-dato", "til dato", "Type", "GRAD"]])

    assert (treff.oppsett, treff.tabeller) == (MAL, (Tabell.FRAVAER,))


def test_it_finds_the_header_below_title_lines() -> None:
    rader = [
        ["Fraværsliste Furuly sykehjem", "", ""],
        ["Periode 01.01.2025 - 31.12.2025"],
        [],
        ["Ansattnr", "Fraværstype", "Fra dato", "Til dato", "Sykmeldingsgrad %"],
    ]

    (treff,) = finn_oppsett(rader)

    assert (treff.oppsett, treff.rad) == (LONN, 4)


def test_it_maps_the_columns_it_reads_and_lists_the_rest() -> None:
    overskrift = ["Ansattnr", "Etternavn", "Fornavn", "Avdeling", "Stillingsprosent", "Startdato"]
    (treff,) = finn_oppsett([[*overskrift, "Lønnstrinn"]])

    assert treff.kolonner[Tabell.ANSATTE] == {"ansattnummer": (0,), "navn": (2, 1)}
    assert treff.kolonnenavn(Tabell.ANSATTE, "navn") == "Fornavn + Etternavn"
    assert treff.ignorerte == ("Lønnstrinn",)


def test_it_names_a_column_that_comes_twice() -> None:
    (treff,) = finn_oppsett([["ansattnummer", "navn", "Navn"]])

    assert treff.doble == ("navn",)


def test_it_finds_no_preset_for_an_unknown_header() -> None:
    assert finn_oppsett([["Emp", "Fom", "Tom", "Kode", "Pst"]]) == []


def test_it_names_the_nearest_preset_and_what_it_misses() -> None:
    naer = naermeste([["Ansattnr", "Fraværstype", "Fra dato", "Til", "Grad"]])

    assert naer is not None
    oppsett, filoppsett, mangler = naer
    assert (oppsett, filoppsett.navn, mangler) == (
        LONN,
        "Fravær",
        ["Til dato", "Sykmeldingsgrad %"],
    )


def test_every_preset_maps_every_required_field() -> None:
    for oppsett in OPPSETT:
        for filoppsett in oppsett.filer:
            for tabell, felter in filoppsett.tabeller.items():
                paakrevde = {f.navn for f in FELTER[tabell] if f.paakrevd}
                assert paakrevde <= set(felter), (oppsett.navn, filoppsett.navn)


def test_it_knows_each_layouts_words_for_the_absence_types() -> None:
    assert MAL.fravaerstype("egenmelding") is Fravaerstype.EGENMELDING
    assert LONN.fravaerstype("legemeldt") is Fravaerstype.SYKMELDING
    assert HR.fravaerstype("self certified") is Fravaerstype.EGENMELDING
    assert HR.fravaerstype("medical certificate") is Fravaerstype.SYKMELDING
    # A child's sickness is the parent's absence, not the parent's sick leave.
    assert LONN.fravaerstype("egenmelding sykt barn") is None
    assert "egenmelding sykt barn" in LONN.andre_typer


def test_it_builds_a_layout_from_the_users_choices() -> None:
    valgt = eget_oppsett(
        {
            Tabell.FRAVAER: {
                "ansattnummer": "Emp",
                "fra_dato": "Fom",
                "til_dato": "Tom",
                "type": "Kode",
                "grad": "Pst",
            }
        },
        typer={"EM": Fravaerstype.EGENMELDING, "SM": Fravaerstype.SYKMELDING},
        andre_typer=["FE"],
    )

    (treff,) = finn_oppsett([["Emp", "Fom", "Tom", "Kode", "Pst"]], [valgt])

    assert treff.tabeller == (Tabell.FRAVAER,)
    assert valgt.fravaerstype("em") is Fravaerstype.EGENMELDING
    assert valgt.andre_typer == frozenset({"fe"})


def test_it_refuses_a_mapping_without_a_required_field() -> None:
    with pytest.raises(ValueError, match="velg en kolonne for type, grad"):
        eget_oppsett(
            {Tabell.FRAVAER: {"ansattnummer": "Emp", "fra_dato": "Fom", "til_dato": "Tom"}}
        )


def test_it_refuses_a_mapping_to_a_field_that_does_not_exist() -> None:
    with pytest.raises(ValueError, match="fravær har ikke feltene diagnose"):
        eget_oppsett({Tabell.FRAVAER: {"diagnose": "Diagnose"}})


def test_it_suggests_a_mapping_from_names_it_knows() -> None:
    overskrift = ["Ansattnr", "Start date", "Til dato", "Fraværstype", "Grad", "Kommentar"]

    assert foreslaa(overskrift, Tabell.FRAVAER) == {
        "ansattnummer": "Ansattnr",
        "fra_dato": "Start date",
        "til_dato": "Til dato",
        "type": "Fraværstype",
        "grad": "Grad",
    }
