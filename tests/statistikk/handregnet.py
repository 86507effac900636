"""Small registers with the expected statistics worked out by hand, for any engine to be run on.

Every expected figure was computed on paper from the calendar, with the arithmetic beside it; none
was produced by running code. Use ``TILFELLER`` with ``skriv_register`` to write a case's three
canonical CSV files (spec §2) and compare an engine's rows with ``forventet``.

Calendar facts used throughout (2024, Monday to Friday):
    January 23 working days (1 Jan is a Monday), February 21 (1 Feb is a Thursday, 29 Feb exists),
    March 21 (1 Mar is a Friday): 2024K1 = 65.
    April 22 (1 Apr is a Monday), May 23, June 20 (1 Jun is a Saturday): 2024K2 = 65.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

Nokkel = tuple[str, str, int, int]  # (kategori, kode, arstall, kvartal)
Verdi = str | int | float | bool | None
Rad = dict[str, Verdi]

VIRKSOMHET_KOLONNER = (
    "orgnr",
    "overordnet_orgnr",
    "navn",
    "naeringskode",
    "sektor",
    "kommunenummer",
)
ARBEIDSFORHOLD_KOLONNER = (
    "person_id",
    "orgnr",
    "avdeling",
    "fra_dato",
    "til_dato",
    "stillingsprosent",
)
FRAVAER_KOLONNER = ("person_id", "orgnr", "fra_dato", "til_dato", "type", "grad")

K1: tuple[int, int] = (2024, 1)
K2: tuple[int, int] = (2024, 2)


@dataclass(frozen=True)
class Handregnet:
    navn: str
    virksomheter: list[Rad]
    arbeidsforhold: list[Rad]
    fravaer: list[Rad]
    fra: tuple[int, int]
    til: tuple[int, int]
    # Only the columns the case is about; floats compare approximately, prosent exactly.
    forventet: dict[Nokkel, Rad]
    # Rows that must not exist at all.
    ingen_rad: tuple[Nokkel, ...] = ()
    # How many rows a kategori has in the whole result (all quarters), where the case pins it.
    rader_per_kategori: dict[str, int] = field(default_factory=dict)


def skriv_register(tilfelle: Handregnet, mappe: Path) -> None:
    """Write the three canonical files: UTF-8, comma, header row, ISO dates, empty = missing."""
    mappe.mkdir(parents=True, exist_ok=True)
    for navn, kolonner, rader in (
        ("virksomheter", VIRKSOMHET_KOLONNER, tilfelle.virksomheter),
        ("arbeidsforhold", ARBEIDSFORHOLD_KOLONNER, tilfelle.arbeidsforhold),
        ("fravaer", FRAVAER_KOLONNER, tilfelle.fravaer),
    ):
        with (mappe / f"{navn}.csv").open("w", encoding="utf-8", newline="") as fil:
            skriver = csv.writer(fil)
            skriver.writerow(kolonner)
            for rad in rader:
                skriver.writerow(["" if rad.get(k) is None else rad[k] for k in kolonner])


# --- building blocks --------------------------------------------------------------------------


def _virksomhet(
    orgnr: str,
    overordnet: str = "810000001",
    naeringskode: str = "88.911",
    sektor: str = "KOMMUNAL",
    kommunenummer: str = "0301",
) -> Rad:
    return {
        "orgnr": orgnr,
        "overordnet_orgnr": overordnet,
        "navn": f"Virksomhet {orgnr}",
        "naeringskode": naeringskode,
        "sektor": sektor,
        "kommunenummer": kommunenummer,
    }


def _af(
    person: str,
    orgnr: str,
    fra: str = "2024-01-01",
    til: str | None = None,
    stilling: float = 100,
    avdeling: str | None = None,
) -> Rad:
    return {
        "person_id": person,
        "orgnr": orgnr,
        "avdeling": avdeling,
        "fra_dato": fra,
        "til_dato": til,
        "stillingsprosent": stilling,
    }


def _syk(person: str, orgnr: str, fra: str, til: str, grad: float = 100) -> Rad:
    return {
        "person_id": person,
        "orgnr": orgnr,
        "fra_dato": fra,
        "til_dato": til,
        "type": "sykmelding",
        "grad": grad,
    }


def _egen(person: str, orgnr: str, fra: str, til: str) -> Rad:
    return {
        "person_id": person,
        "orgnr": orgnr,
        "fra_dato": fra,
        "til_dato": til,
        "type": "egenmelding",
        "grad": 100,
    }


def _fulltid(orgnr: str, *personer: str) -> list[Rad]:
    """Full-time colleagues without fravær from 2024-01-01: 65 mulige dagsverk in K1 and K2."""
    return [_af(person, orgnr) for person in personer]


# --- the cases --------------------------------------------------------------------------------

_HELG = "910000101"
HELG_OG_DELTID = Handregnet(
    navn="helg_og_deltid",
    virksomheter=[_virksomhet(_HELG)],
    arbeidsforhold=[
        _af("p1", _HELG),
        _af("p2", _HELG, stilling=60),
        *_fulltid(_HELG, "p3", "p4", "p5"),
    ],
    fravaer=[
        _syk("p1", _HELG, "2024-01-05", "2024-01-08"),  # Fri-Mon: Fri 5 + Mon 8 = 2 days
        _egen("p2", _HELG, "2024-01-13", "2024-01-14"),  # Sat-Sun: 0 days
        _egen("p2", _HELG, "2024-02-01", "2024-02-02"),  # Thu-Fri: 2 days × 0.6 = 1.2
    ],
    fra=K1,
    til=K1,
    forventet={
        ("VIRKSOMHET", _HELG, 2024, 1): {
            "antall_personer": 5,
            "mulige_dagsverk": 299.0,  # 65 + 65 × 0.6 (= 39) + 3 × 65 (= 195) = 299
            "tapte_dagsverk": 3.2,  # 2 + 0 + 1.2
            "tapte_dagsverk_egenmeldt": 1.2,  # p2's Thu-Fri
            "tapte_dagsverk_legemeldt": 2.0,  # p1's Fri + Mon
            "tapte_dagsverk_gradert": 0.0,
            "tapte_dagsverk_korttid": 3.2,  # cases of 4, 2 and 2 calendar days
            "tapte_dagsverk_langtid": 0.0,
            "prosent": "1.1",  # 3.2 / 299 × 100 = 1.070… → 1.1
            "er_maskert": False,
        },
        ("LAND", "NO", 2024, 1): {
            "antall_personer": 5,
            "mulige_dagsverk": 299.0,
            "tapte_dagsverk": 3.2,
            "prosent": "1.1",
        },
        ("STORRELSE", "5-19", 2024, 1): {"antall_personer": 5, "prosent": "1.1"},
    },
)

_TO_A = "910000201"
_TO_B = "910000202"
_TO_OVERORDNET = "810000201"
TO_JOBBER_I_TO_VIRKSOMHETER = Handregnet(
    navn="to_jobber_i_to_virksomheter",
    virksomheter=[
        _virksomhet(_TO_A, overordnet=_TO_OVERORDNET, sektor="KOMMUNAL", kommunenummer="0301"),
        _virksomhet(_TO_B, overordnet=_TO_OVERORDNET, sektor="PRIVAT", kommunenummer="4601"),
    ],
    arbeidsforhold=[
        _af("p1", _TO_A, stilling=50),  # 65 × 0.5 = 32.5
        _af("p1", _TO_B, stilling=50),  # 65 × 0.5 = 32.5
        _af("p2", _TO_B),  # 65
    ],
    fravaer=[
        # Mon-Fri, 5 days × 0.5 = 2.5, in A only: the job in B is another orgnr.
        _syk("p1", _TO_A, "2024-01-08", "2024-01-12"),
    ],
    fra=K1,
    til=K1,
    forventet={
        ("VIRKSOMHET", _TO_A, 2024, 1): {
            "antall_personer": 1,
            "mulige_dagsverk": 32.5,
            "tapte_dagsverk": 2.5,
            "prosent": None,
            "er_maskert": True,
        },
        ("VIRKSOMHET", _TO_B, 2024, 1): {
            "antall_personer": 2,  # p1 and p2
            "mulige_dagsverk": 97.5,  # 32.5 + 65
            "tapte_dagsverk": 0.0,
            "er_maskert": True,
        },
        ("LAND", "NO", 2024, 1): {
            "antall_personer": 2,  # p1 once, though in two virksomheter
            "mulige_dagsverk": 130.0,  # 32.5 + 32.5 + 65
            "tapte_dagsverk": 2.5,
            "prosent": None,
            "er_maskert": True,
        },
        ("OVERORDNET_ENHET", _TO_OVERORDNET, 2024, 1): {
            "antall_personer": 2,  # p1 once
            "mulige_dagsverk": 130.0,
            "tapte_dagsverk": 2.5,
        },
        ("SEKTOR", "KOMMUNAL", 2024, 1): {"antall_personer": 1, "mulige_dagsverk": 32.5},
        ("SEKTOR", "PRIVAT", 2024, 1): {"antall_personer": 2, "mulige_dagsverk": 97.5},
        ("FYLKE", "03", 2024, 1): {"antall_personer": 1, "tapte_dagsverk": 2.5},
        ("FYLKE", "46", 2024, 1): {"antall_personer": 2, "tapte_dagsverk": 0.0},
        # Both virksomheter have fewer than 5 persons; p1 is one person in the class.
        ("STORRELSE", "1-4", 2024, 1): {"antall_personer": 2, "mulige_dagsverk": 130.0},
        ("BRANSJE", "BARNEHAGER", 2024, 1): {"antall_personer": 2},
    },
    rader_per_kategori={"VIRKSOMHET": 2, "OVERORDNET_ENHET": 1, "STORRELSE": 1, "LAND": 1},
)

_TOAF = "910000301"
TO_ARBEIDSFORHOLD_I_EN_VIRKSOMHET = Handregnet(
    navn="to_arbeidsforhold_i_en_virksomhet",
    virksomheter=[_virksomhet(_TOAF)],
    arbeidsforhold=[
        # 65 × 0.4 = 26
        _af("p1", _TOAF, "2024-01-01", "2024-12-31", stilling=40, avdeling="A"),
        # from Thu 1 Feb: (21 + 21) × 0.6 = 25.2
        _af("p1", _TOAF, "2024-02-01", None, stilling=60, avdeling="B"),
        _af("p2", _TOAF),  # 65, no avdeling
    ],
    fravaer=[
        # Mon 5 - Fri 16 Feb, 10 working days at grad 50, on both jobs:
        # 10 × 0.4 × 0.5 = 2.0 and 10 × 0.6 × 0.5 = 3.0
        _syk("p1", _TOAF, "2024-02-05", "2024-02-16", grad=50),
    ],
    fra=K1,
    til=K1,
    forventet={
        ("VIRKSOMHET", _TOAF, 2024, 1): {
            "antall_personer": 2,  # p1 once despite two arbeidsforhold
            "mulige_dagsverk": 116.2,  # 26 + 25.2 + 65
            "tapte_dagsverk": 5.0,  # 2.0 + 3.0
            "tapte_dagsverk_legemeldt": 5.0,
            "tapte_dagsverk_gradert": 5.0,  # grad 50 < 100
            "tapte_dagsverk_korttid": 5.0,  # 5-16 Feb = 12 calendar days
            "tapte_dagsverk_langtid": 0.0,
            "er_maskert": True,
        },
        ("AVDELING", f"{_TOAF}/A", 2024, 1): {
            "antall_personer": 1,
            "mulige_dagsverk": 26.0,
            "tapte_dagsverk": 2.0,
            "prosent": None,
            "er_maskert": True,
        },
        ("AVDELING", f"{_TOAF}/B", 2024, 1): {
            "antall_personer": 1,
            "mulige_dagsverk": 25.2,
            "tapte_dagsverk": 3.0,
        },
    },
    # p2 has no avdeling and so no AVDELING row.
    rader_per_kategori={"AVDELING": 2},
)

_KVARTAL = "910000401"
TILFELLE_OVER_KVARTALSSKIFTE = Handregnet(
    navn="tilfelle_over_kvartalsskifte_og_helg",
    virksomheter=[_virksomhet(_KVARTAL)],
    arbeidsforhold=[*_fulltid(_KVARTAL, "p1", "p2", "p3", "p4", "p5")],
    fravaer=[
        # One case: after Fri 29 Mar the first working day is Mon 1 Apr. Case 20 Mar - 12 Apr.
        _syk("p1", _KVARTAL, "2024-03-20", "2024-03-29"),  # Wed 20-Fri 22 (3) + 25-29 (5) = 8
        _syk("p1", _KVARTAL, "2024-04-01", "2024-04-12"),  # 1-5 (5) + 8-12 (5) = 10
        # Two cases: after Thu 28 Mar the first working day is Fri 29 Mar, and 1 Apr is later.
        _syk("p2", _KVARTAL, "2024-03-11", "2024-03-28"),  # 11-15, 18-22, 25-28: 5+5+4 = 14
        _syk("p2", _KVARTAL, "2024-04-01", "2024-04-05"),  # 5
    ],
    fra=K1,
    til=K2,
    forventet={
        ("VIRKSOMHET", _KVARTAL, 2024, 1): {
            "antall_personer": 5,
            "mulige_dagsverk": 325.0,  # 5 × 65
            "tapte_dagsverk": 22.0,  # 8 + 14
            # p1: varighet 20 Mar → 31 Mar (quarter end) = 12 days
            "tapte_dagsverk_korttid": 8.0,
            # p2: varighet 11 → 28 Mar = 18 days
            "tapte_dagsverk_langtid": 14.0,
            "prosent": "6.8",  # 22 / 325 × 100 = 6.769… → 6.8
        },
        ("VIRKSOMHET", _KVARTAL, 2024, 2): {
            "antall_personer": 5,
            "mulige_dagsverk": 325.0,
            "tapte_dagsverk": 15.0,  # 10 + 5
            # p2's new case: 1 → 5 Apr = 5 days
            "tapte_dagsverk_korttid": 5.0,
            # p1: varighet 20 Mar → 12 Apr = 12 + 12 = 24 days
            "tapte_dagsverk_langtid": 10.0,
            "prosent": "4.6",  # 15 / 325 × 100 = 4.615… → 4.6
        },
    },
)

_EGEN = "910000501"
EGENMELDING_DERETTER_SYKMELDING = Handregnet(
    navn="egenmelding_deretter_sykmelding",
    virksomheter=[_virksomhet(_EGEN)],
    arbeidsforhold=[*_fulltid(_EGEN, "p1", "p2", "p3", "p4", "p5")],
    fravaer=[
        _egen("p1", _EGEN, "2024-02-05", "2024-02-07"),  # Mon-Wed: 3
        _syk("p1", _EGEN, "2024-02-08", "2024-02-22"),  # Thu 8-Fri 9 (2) + 12-16 (5) + 19-22 (4)
    ],
    fra=K1,
    til=K1,
    forventet={
        ("VIRKSOMHET", _EGEN, 2024, 1): {
            "antall_personer": 5,
            "mulige_dagsverk": 325.0,  # 5 × 65
            "tapte_dagsverk": 14.0,  # 3 + 11
            "tapte_dagsverk_egenmeldt": 3.0,
            "tapte_dagsverk_legemeldt": 11.0,  # 2 + 5 + 4
            # One case 5 → 22 Feb = 18 days, so the egenmelding is langtid too
            # (the sykmelding alone would be 15 days, korttid).
            "tapte_dagsverk_korttid": 0.0,
            "tapte_dagsverk_langtid": 14.0,
            "prosent": "4.3",  # 14 / 325 × 100 = 4.307… → 4.3
        },
    },
)

_OVERLAPP = "910000601"
OVERLAPPENDE_PERIODER = Handregnet(
    navn="overlappende_perioder",
    virksomheter=[_virksomhet(_OVERLAPP)],
    arbeidsforhold=[*_fulltid(_OVERLAPP, "p1", "p2", "p3", "p4", "p5")],
    fravaer=[
        # p1: 100 % inside 50 %. Mon 8-Fri 12 at 50: 2.5; Mon 15-Wed 17 at 100: 3;
        # Thu 18-Fri 19 at 50: 1.0. Total 6.5, of which gradert 2.5 + 1.0 = 3.5.
        _syk("p1", _OVERLAPP, "2024-01-08", "2024-01-19", grad=50),
        _syk("p1", _OVERLAPP, "2024-01-15", "2024-01-17", grad=100),
        # p2: equal grad 100 on Tue 23-Wed 24, sykmelding wins. Egenmeldt Mon 22 = 1,
        # legemeldt Tue 23-Fri 26 = 4. Total 5 (not 7).
        _syk("p2", _OVERLAPP, "2024-01-23", "2024-01-26"),
        _egen("p2", _OVERLAPP, "2024-01-22", "2024-01-24"),
        # p3: egenmelding at 100 beats sykmelding at 40 on Mon 5-Tue 6 Feb: egenmeldt 2;
        # then Wed 7-Fri 9 (3) + 12-16 (5) = 8 × 0.4 = 3.2 legemeldt and gradert. Total 5.2.
        _syk("p3", _OVERLAPP, "2024-02-05", "2024-02-16", grad=40),
        _egen("p3", _OVERLAPP, "2024-02-05", "2024-02-06"),
        # p4: the same sykmelding twice counts once: Mon 4-Fri 8 Mar = 5.
        _syk("p4", _OVERLAPP, "2024-03-04", "2024-03-08"),
        _syk("p4", _OVERLAPP, "2024-03-04", "2024-03-08"),
    ],
    fra=K1,
    til=K1,
    forventet={
        ("VIRKSOMHET", _OVERLAPP, 2024, 1): {
            "antall_personer": 5,
            "mulige_dagsverk": 325.0,  # 5 × 65
            "tapte_dagsverk": 21.7,  # 6.5 + 5 + 5.2 + 5
            "tapte_dagsverk_egenmeldt": 3.0,  # 1 + 2
            "tapte_dagsverk_legemeldt": 18.7,  # 6.5 + 4 + 3.2 + 5
            "tapte_dagsverk_gradert": 6.7,  # 3.5 + 3.2
            # cases: 8-19 Jan 12 days, 22-26 Jan 5, 5-16 Feb 12, 4-8 Mar 5
            "tapte_dagsverk_korttid": 21.7,
            "tapte_dagsverk_langtid": 0.0,
            "prosent": "6.7",  # 21.7 / 325 × 100 = 6.676… → 6.7
        },
    },
)

_GRADERT = "910000701"
GRADERT = Handregnet(
    navn="gradert",
    virksomheter=[_virksomhet(_GRADERT)],
    arbeidsforhold=[
        _af("p1", _GRADERT, stilling=60),  # K2: 65 × 0.6 = 39
        *_fulltid(_GRADERT, "p2", "p3", "p4", "p5"),
    ],
    fravaer=[
        # All of April, 22 working days × 0.6 × 0.5 = 6.6; case 30 days
        _syk("p1", _GRADERT, "2024-04-01", "2024-04-30", grad=50),
        _syk("p2", _GRADERT, "2024-04-02", "2024-04-03"),  # Tue-Wed: 2, case 2 days
    ],
    fra=K2,
    til=K2,
    forventet={
        ("VIRKSOMHET", _GRADERT, 2024, 2): {
            "antall_personer": 5,
            "mulige_dagsverk": 299.0,  # 39 + 4 × 65
            "tapte_dagsverk": 8.6,  # 6.6 + 2
            "tapte_dagsverk_egenmeldt": 0.0,
            "tapte_dagsverk_legemeldt": 8.6,
            "tapte_dagsverk_gradert": 6.6,
            "tapte_dagsverk_korttid": 2.0,
            "tapte_dagsverk_langtid": 6.6,
            "prosent": "2.9",  # 8.6 / 299 × 100 = 2.876… → 2.9
            "er_maskert": False,
        },
    },
    ingen_rad=(("VIRKSOMHET", _GRADERT, 2024, 1),),
)

_UTENFOR_A = "910000801"
_UTENFOR_B = "910000802"
FRAVAER_DELVIS_UTENFOR_ARBEIDSFORHOLD = Handregnet(
    navn="fravaer_delvis_utenfor_arbeidsforhold",
    virksomheter=[_virksomhet(_UTENFOR_A), _virksomhet(_UTENFOR_B)],
    arbeidsforhold=[
        # Mon 15 Jan - Fri 9 Feb: 15-19, 22-26, 29-31 (13) + 1-2, 5-9 Feb (7) = 20
        _af("p1", _UTENFOR_A, "2024-01-15", "2024-02-09"),
        _af("p2", _UTENFOR_B),  # 65
    ],
    fravaer=[
        # Inside the job only Mon 15-Fri 26 Jan: 10. The case is built from the raw period,
        # 1 → 26 Jan = 26 days, langtid (clipped it would be 12 days).
        _syk("p1", _UTENFOR_A, "2024-01-01", "2024-01-26"),
        # A new case (after Fri 26 Jan comes Mon 29). Inside the job Mon 5-Fri 9 Feb: 5;
        # varighet 5 → 16 Feb = 12 days, korttid.
        _syk("p1", _UTENFOR_A, "2024-02-05", "2024-02-16"),
        # p1 has no job in B: counts nowhere, not in A, not in B.
        _syk("p1", _UTENFOR_B, "2024-02-05", "2024-02-09"),
    ],
    fra=K1,
    til=K1,
    forventet={
        ("VIRKSOMHET", _UTENFOR_A, 2024, 1): {
            "antall_personer": 1,
            "mulige_dagsverk": 20.0,
            "tapte_dagsverk": 15.0,  # 10 + 5
            "tapte_dagsverk_legemeldt": 15.0,
            "tapte_dagsverk_korttid": 5.0,
            "tapte_dagsverk_langtid": 10.0,
            "er_maskert": True,
            "prosent": None,
        },
        ("VIRKSOMHET", _UTENFOR_B, 2024, 1): {
            "antall_personer": 1,
            "mulige_dagsverk": 65.0,
            "tapte_dagsverk": 0.0,
        },
        ("LAND", "NO", 2024, 1): {
            "antall_personer": 2,
            "mulige_dagsverk": 85.0,  # 20 + 65
            "tapte_dagsverk": 15.0,
        },
    },
)

_MASKE_A = "910000901"
_MASKE_B = "910000902"
_MASKE_C = "910000903"
MASKERT_UNDER_FEM = Handregnet(
    navn="maskert_under_fem",
    virksomheter=[_virksomhet(_MASKE_A), _virksomhet(_MASKE_B), _virksomhet(_MASKE_C)],
    arbeidsforhold=[
        *_fulltid(_MASKE_A, "a1", "a2", "a3", "a4"),
        *_fulltid(_MASKE_B, "b1", "b2", "b3", "b4", "b5"),
        # Only Sat 6-Sun 7 Jan: a calendar day in the quarter makes a person, but 0 mulige.
        *[_af(p, _MASKE_C, "2024-01-06", "2024-01-07") for p in ("c1", "c2", "c3", "c4", "c5")],
    ],
    fravaer=[_syk("a1", _MASKE_A, "2024-01-08", "2024-01-12")],  # Mon-Fri: 5
    fra=K1,
    til=K1,
    forventet={
        ("VIRKSOMHET", _MASKE_A, 2024, 1): {
            "antall_personer": 4,
            "mulige_dagsverk": 260.0,  # 4 × 65
            "tapte_dagsverk": 5.0,
            "prosent": None,  # 4 < 5 persons
            "er_maskert": True,
        },
        ("VIRKSOMHET", _MASKE_B, 2024, 1): {
            "antall_personer": 5,
            "mulige_dagsverk": 325.0,  # 5 × 65
            "tapte_dagsverk": 0.0,
            "prosent": "0.0",
            "er_maskert": False,
        },
        ("VIRKSOMHET", _MASKE_C, 2024, 1): {
            "antall_personer": 5,
            "mulige_dagsverk": 0.0,
            "tapte_dagsverk": 0.0,
            "prosent": None,  # nothing to divide by
            "er_maskert": False,
        },
        ("LAND", "NO", 2024, 1): {
            "antall_personer": 14,  # 4 + 5 + 5
            "mulige_dagsverk": 585.0,  # 260 + 325 + 0
            "tapte_dagsverk": 5.0,
            "prosent": "0.9",  # 5 / 585 × 100 = 0.854… → 0.9
            "er_maskert": False,
        },
        ("STORRELSE", "1-4", 2024, 1): {
            "antall_personer": 4,
            "mulige_dagsverk": 260.0,
            "prosent": None,
            "er_maskert": True,
        },
        ("STORRELSE", "5-19", 2024, 1): {
            "antall_personer": 10,  # B and C
            "mulige_dagsverk": 325.0,
            "tapte_dagsverk": 0.0,
            "prosent": "0.0",
            "er_maskert": False,
        },
    },
    rader_per_kategori={"STORRELSE": 2, "VIRKSOMHET": 3},
)

_BH_SN2007 = "910001001"
_BH_SN2025 = "910001002"
_SYKEHUS = "910001003"
_BUSS_SN2025 = "910001004"
_MAT = "910001005"
_BUSS_SN2007 = "910001006"
BRANSJER_SN2007_OG_SN2025 = Handregnet(
    navn="bransjer_sn2007_og_sn2025",
    virksomheter=[
        _virksomhet(_BH_SN2007, naeringskode="88.911"),  # BARNEHAGER (SN2007, with dot)
        _virksomhet(_BH_SN2025, naeringskode="85100"),  # BARNEHAGER (SN2025)
        _virksomhet(_SYKEHUS, naeringskode="86.103"),  # SYKEHUS (SN2025)
        _virksomhet(_BUSS_SN2025, naeringskode="49340"),  # in no bransje
        _virksomhet(_MAT, naeringskode="10.110"),  # NARINGSMIDDELINDUSTRI by næring 10
        _virksomhet(_BUSS_SN2007, naeringskode="49100"),  # TRANSPORT (SN2007)
    ],
    arbeidsforhold=[
        _af("p1", _BH_SN2007),
        _af("p2", _BH_SN2025),
        _af("p3", _SYKEHUS),
        _af("p4", _BUSS_SN2025),
        _af("p5", _MAT),
        _af("p6", _BUSS_SN2007),
    ],
    fravaer=[],
    fra=K1,
    til=K1,
    forventet={
        ("BRANSJE", "BARNEHAGER", 2024, 1): {
            "antall_personer": 2,  # p1 and p2
            "mulige_dagsverk": 130.0,  # 2 × 65
        },
        ("BRANSJE", "SYKEHUS", 2024, 1): {"antall_personer": 1, "mulige_dagsverk": 65.0},
        ("BRANSJE", "NARINGSMIDDELINDUSTRI", 2024, 1): {"antall_personer": 1},
        # Only 49100; 49340 is not in the bransjeprogram.
        ("BRANSJE", "TRANSPORT", 2024, 1): {"antall_personer": 1, "mulige_dagsverk": 65.0},
        ("NAERING", "49", 2024, 1): {"antall_personer": 2, "mulige_dagsverk": 130.0},
        ("NAERING", "88", 2024, 1): {"antall_personer": 1},
        ("NAERING", "85", 2024, 1): {"antall_personer": 1},
        ("NAERING", "86", 2024, 1): {"antall_personer": 1},
        ("NAERING", "10", 2024, 1): {"antall_personer": 1},
        ("NAERINGSKODE", "88911", 2024, 1): {"antall_personer": 1},
        ("NAERINGSKODE", "86103", 2024, 1): {"antall_personer": 1},
        ("NAERINGSKODE", "49340", 2024, 1): {"antall_personer": 1, "mulige_dagsverk": 65.0},
        ("LAND", "NO", 2024, 1): {"antall_personer": 6, "mulige_dagsverk": 390.0},  # 6 × 65
    },
    ingen_rad=(("BRANSJE", "SYKEHJEM", 2024, 1), ("BRANSJE", "BYGG", 2024, 1)),
    rader_per_kategori={"BRANSJE": 4, "NAERING": 5, "NAERINGSKODE": 6},
)

_UKJENT = "910001101"
_STATLIG = "910001102"
UKJENT_SEKTOR = Handregnet(
    navn="ukjent_sektor",
    virksomheter=[
        _virksomhet(_UKJENT, sektor="UKJENT"),
        _virksomhet(_STATLIG, sektor="STATLIG"),
    ],
    arbeidsforhold=[
        *_fulltid(_UKJENT, "u1", "u2", "u3", "u4", "u5"),
        _af("s1", _STATLIG),
    ],
    fravaer=[_syk("u1", _UKJENT, "2024-03-04", "2024-03-06")],  # Mon-Wed: 3
    fra=K1,
    til=K1,
    forventet={
        ("SEKTOR", "UKJENT", 2024, 1): {
            "antall_personer": 5,
            "mulige_dagsverk": 325.0,  # 5 × 65
            "tapte_dagsverk": 3.0,
            "prosent": "0.9",  # 3 / 325 × 100 = 0.923… → 0.9
            "er_maskert": False,
        },
        ("SEKTOR", "STATLIG", 2024, 1): {
            "antall_personer": 1,
            "mulige_dagsverk": 65.0,
            "prosent": None,
            "er_maskert": True,
        },
    },
    rader_per_kategori={"SEKTOR": 2},
)

_GRENSE = "910001201"
TILFELLE_16_OG_17_DAGER = Handregnet(
    navn="tilfelle_16_og_17_dager",
    virksomheter=[_virksomhet(_GRENSE)],
    arbeidsforhold=[*_fulltid(_GRENSE, "p1", "p2", "p3", "p4", "p5")],
    fravaer=[
        # Mon 8-Wed 24 Jan = 17 calendar days, langtid. 8-12, 15-19, 22-24: 5+5+3 = 13
        _syk("p1", _GRENSE, "2024-01-08", "2024-01-24"),
        # Mon 8-Tue 23 Jan = 16 calendar days, korttid. 5+5+2 = 12
        _syk("p2", _GRENSE, "2024-01-08", "2024-01-23"),
    ],
    fra=K1,
    til=K1,
    forventet={
        ("VIRKSOMHET", _GRENSE, 2024, 1): {
            "antall_personer": 5,
            "mulige_dagsverk": 325.0,  # 5 × 65
            "tapte_dagsverk": 25.0,  # 13 + 12
            "tapte_dagsverk_korttid": 12.0,
            "tapte_dagsverk_langtid": 13.0,
            "prosent": "7.7",  # 25 / 325 × 100 = 7.692… → 7.7
        },
    },
)

_PAGAENDE = "910001301"
_AVSLUTTET = "910001302"
PAGAENDE_ARBEIDSFORHOLD = Handregnet(
    navn="pagaende_arbeidsforhold",
    virksomheter=[_virksomhet(_PAGAENDE), _virksomhet(_AVSLUTTET)],
    arbeidsforhold=[
        _af("p1", _PAGAENDE, "2023-11-01", None),  # ongoing: 65 in K1 and 65 in K2
        # ends Thu 15 Feb: Jan 23 + Feb 1-2 (2) + 5-9 (5) + 12-15 (4) = 34 in K1; nothing in K2
        _af("p2", _PAGAENDE, "2023-11-01", "2024-02-15"),
        # starts Sat 29 Jun: two calendar days in K2 make a person, with 0 working days
        _af("p3", _PAGAENDE, "2024-06-29", None),
        # ended Fri 29 Dec 2023: no row in 2024 for this virksomhet
        _af("p4", _AVSLUTTET, "2023-01-02", "2023-12-29"),
    ],
    fravaer=[_egen("p1", _PAGAENDE, "2024-06-27", "2024-06-28")],  # Thu-Fri: 2
    fra=K1,
    til=K2,
    forventet={
        ("VIRKSOMHET", _PAGAENDE, 2024, 1): {
            "antall_personer": 2,  # p1, p2
            "mulige_dagsverk": 99.0,  # 65 + 34
            "tapte_dagsverk": 0.0,
        },
        ("VIRKSOMHET", _PAGAENDE, 2024, 2): {
            "antall_personer": 2,  # p1, p3
            "mulige_dagsverk": 65.0,  # 65 + 0
            "tapte_dagsverk": 2.0,
            "tapte_dagsverk_egenmeldt": 2.0,
            "tapte_dagsverk_korttid": 2.0,
        },
        ("LAND", "NO", 2024, 1): {"antall_personer": 2, "mulige_dagsverk": 99.0},
        ("LAND", "NO", 2024, 2): {"antall_personer": 2, "mulige_dagsverk": 65.0},
    },
    ingen_rad=(("VIRKSOMHET", _AVSLUTTET, 2024, 1), ("VIRKSOMHET", _AVSLUTTET, 2024, 2)),
    rader_per_kategori={"VIRKSOMHET": 2, "LAND": 2},
)

_AVRUNDING = "910001401"
AVRUNDING_HALV_OPP = Handregnet(
    navn="avrunding_halv_opp",
    virksomheter=[_virksomhet(_AVRUNDING)],
    arbeidsforhold=[
        _af("p1", _AVRUNDING),  # 65
        _af("p2", _AVRUNDING),  # 65
        _af("p3", _AVRUNDING, stilling=60),  # 65 × 0.6 = 39
        _af("p4", _AVRUNDING, stilling=40),  # 65 × 0.4 = 26
        _af("p5", _AVRUNDING, "2024-01-01", "2024-01-05"),  # Mon-Fri: 5
    ],
    # Mon 8-Wed 10 Jan: 3 days × 1.0 × 0.7 = 2.1
    fravaer=[_syk("p1", _AVRUNDING, "2024-01-08", "2024-01-10", grad=70)],
    fra=K1,
    til=K1,
    forventet={
        ("VIRKSOMHET", _AVRUNDING, 2024, 1): {
            "antall_personer": 5,
            "mulige_dagsverk": 200.0,  # 65 + 65 + 39 + 26 + 5
            "tapte_dagsverk": 2.1,
            "tapte_dagsverk_gradert": 2.1,
            # 2.1 / 200 × 100 = 1.05 exactly: half-up gives 1.1 (half-even would give 1.0)
            "prosent": "1.1",
        },
    },
)

TILFELLER: list[Handregnet] = [
    HELG_OG_DELTID,
    TO_JOBBER_I_TO_VIRKSOMHETER,
    TO_ARBEIDSFORHOLD_I_EN_VIRKSOMHET,
    TILFELLE_OVER_KVARTALSSKIFTE,
    EGENMELDING_DERETTER_SYKMELDING,
    OVERLAPPENDE_PERIODER,
    GRADERT,
    FRAVAER_DELVIS_UTENFOR_ARBEIDSFORHOLD,
    MASKERT_UNDER_FEM,
    BRANSJER_SN2007_OG_SN2025,
    UKJENT_SEKTOR,
    TILFELLE_16_OG_17_DAGER,
    PAGAENDE_ARBEIDSFORHOLD,
    AVRUNDING_HALV_OPP,
]
