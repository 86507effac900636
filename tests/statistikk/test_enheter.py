"""Statistics units, ``naervaer.statistikk.enheter``: bransjer, sektor and size class (spec §5)."""

from __future__ import annotations

from itertools import pairwise

import pytest

from naervaer.statistikk.enheter import (
    BRANSJER,
    STORRELSER,
    Kategori,
    Sektor,
    bransje_for,
    enhetsnavn,
    normaliser_naeringskode,
    sektor_fra_sektorkode,
    storrelse_for,
)


def test_it_works() -> None:
    bransje = bransje_for("88911")
    assert bransje is not None
    assert bransje.kode == "BARNEHAGER"


# The table in spec §5, code by code.
SN2007 = {
    "BARNEHAGER": ["88911"],
    "SYKEHUS": ["86101", "86102", "86104", "86105", "86106", "86107"],
    "SYKEHJEM": ["87101", "87102"],
    "TRANSPORT": ["49100", "49311", "49312", "49391", "49392"],
}
SN2025 = {
    "BARNEHAGER": ["85100"],
    "SYKEHUS": ["86103"],
    "SYKEHJEM": ["87103", "87104", "87105", "87106"],
    "TRANSPORT": ["49110", "49120", "49310", "49320", "49330", "49390"],
}


def _par(tabell: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(kode, bransje) for bransje, koder in tabell.items() for kode in koder]


@pytest.mark.parametrize(("naeringskode", "bransje"), _par(SN2007))
def test_sn2007_codes_give_their_bransje(naeringskode: str, bransje: str) -> None:
    funnet = bransje_for(naeringskode)
    assert funnet is not None and funnet.kode == bransje


@pytest.mark.parametrize(("naeringskode", "bransje"), _par(SN2025))
def test_sn2025_codes_give_their_bransje(naeringskode: str, bransje: str) -> None:
    funnet = bransje_for(naeringskode)
    assert funnet is not None and funnet.kode == bransje


@pytest.mark.parametrize(
    ("naeringskode", "bransje"),
    [
        ("10110", "NARINGSMIDDELINDUSTRI"),
        ("10.890", "NARINGSMIDDELINDUSTRI"),
        ("41200", "BYGG"),
        ("41.100", "BYGG"),
        ("42110", "ANLEGG"),
        ("42.990", "ANLEGG"),
    ],
)
def test_whole_naeringer_give_their_bransje(naeringskode: str, bransje: str) -> None:
    funnet = bransje_for(naeringskode)
    assert funnet is not None and funnet.kode == bransje


@pytest.mark.parametrize("naeringskode", ["88.911", "86.103", "49.100", "87.105"])
def test_a_code_with_a_dot_is_the_same_code(naeringskode: str) -> None:
    med_punktum = bransje_for(naeringskode)
    uten = bransje_for(naeringskode.replace(".", ""))
    assert med_punktum is not None and med_punktum == uten
    assert normaliser_naeringskode(naeringskode) == naeringskode.replace(".", "")


@pytest.mark.parametrize(
    "naeringskode",
    [
        "49340",  # SN2025 rutebuss-like code deliberately outside the bransjeprogram
        "49.340",
        "49410",  # freight by road
        "86210",  # general practice, not a hospital
        "87301",
        "88991",
        "43210",  # spesialisert bygge- og anleggsvirksomhet is neither næring 41 nor 42
        "62010",
        "11010",  # beverages, not næring 10
    ],
)
def test_a_code_outside_every_bransje_has_none(naeringskode: str) -> None:
    assert bransje_for(naeringskode) is None


def test_bransjer_are_tried_in_the_order_of_the_spec() -> None:
    assert [b.kode for b in BRANSJER] == [
        "BARNEHAGER",
        "NARINGSMIDDELINDUSTRI",
        "SYKEHUS",
        "SYKEHJEM",
        "TRANSPORT",
        "BYGG",
        "ANLEGG",
    ]


STATLIG = ["3100", "3900", "6100"]
PRIVAT = [
    "1110",
    "1120",
    "1510",
    "1520",
    "2100",
    "2300",
    "2500",
    "3200",
    "3500",
    "3600",
    "4100",
    "4300",
    "4500",
    "4900",
    "5500",
    "5700",
    "7000",
    "8200",
    "8300",
    "8500",
    "9000",
]


@pytest.mark.parametrize(
    ("sektorkode", "sektor"),
    [
        *((k, Sektor.STATLIG) for k in STATLIG),
        ("6500", Sektor.KOMMUNAL),
        *((k, Sektor.PRIVAT) for k in PRIVAT),
    ],
)
def test_sektorkoder_give_their_sektor(sektorkode: str, sektor: Sektor) -> None:
    assert sektor_fra_sektorkode(sektorkode) is sektor


@pytest.mark.parametrize("sektorkode", [None, "", "   ", "1234", "6600", "abc", "650"])
def test_an_unknown_or_missing_sektorkode_is_ukjent(sektorkode: str | None) -> None:
    assert sektor_fra_sektorkode(sektorkode) is Sektor.UKJENT


def test_a_sektorkode_with_spaces_is_read() -> None:
    assert sektor_fra_sektorkode(" 6500 ") is Sektor.KOMMUNAL


@pytest.mark.parametrize(
    ("antall", "kode"),
    [
        (1, "1-4"),
        (4, "1-4"),
        (5, "5-19"),
        (19, "5-19"),
        (20, "20-49"),
        (49, "20-49"),
        (50, "50-99"),
        (99, "50-99"),
        (100, "100-499"),
        (499, "100-499"),
        (500, "500+"),
        (1_000_000, "500+"),
    ],
)
def test_size_class_boundaries(antall: int, kode: str) -> None:
    assert storrelse_for(antall).kode == kode


@pytest.mark.parametrize("antall", [0, -1])
def test_no_size_class_without_persons(antall: int) -> None:
    with pytest.raises(ValueError):
        storrelse_for(antall)


def test_size_classes_follow_each_other_without_gaps() -> None:
    assert STORRELSER[0].minst == 1
    for forrige, neste in pairwise(STORRELSER):
        assert forrige.hoyst is not None and neste.minst == forrige.hoyst + 1
    assert STORRELSER[-1].hoyst is None


@pytest.mark.parametrize(
    ("kategori", "kode", "navn"),
    [
        (Kategori.LAND, "NO", "hele landet"),
        (Kategori.FYLKE, "03", "fylke 03 Oslo"),
        (Kategori.FYLKE, "99", "fylke 99"),
        (Kategori.BRANSJE, "BARNEHAGER", "bransjen Barnehager"),
        (Kategori.STORRELSE, "5-19", "virksomheter med 5-19 personer"),
        (Kategori.VIRKSOMHET, "910000001", "virksomhet 910000001"),
        (Kategori.AVDELING, "910000001/A", "avdeling 910000001/A"),
    ],
)
def test_units_are_named_in_plain_words(kategori: Kategori, kode: str, navn: str) -> None:
    assert enhetsnavn(kategori, kode) == navn
