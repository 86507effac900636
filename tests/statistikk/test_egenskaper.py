"""Properties of the engine's output on small random registers (DuckDB), and the pandas oracle.

Each property is its own test, but a computation costs about a second, so every test draws the
same registers (one fixed seed, no example database) and the results are computed once per
register and shared through a cache.
"""

from __future__ import annotations

import csv
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from benchmarks.pandas_referanse import beregn as orakel_beregn
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from naervaer.statistikk.kolonner import DAGSVERK_KOLONNER
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.motor import beregn
from tests.statistikk.handregnet import (
    ARBEIDSFORHOLD_KOLONNER,
    FRAVAER_KOLONNER,
    VIRKSOMHET_KOLONNER,
    Nokkel,
)

SUMMER = DAGSVERK_KOLONNER
FRA, TIL = Kvartal(2024, 1), Kvartal(2024, 2)
START = date(2023, 12, 1)

Rader = tuple[tuple[str, ...], ...]
Tabell = dict[Nokkel, dict[str, Any]]


@dataclass(frozen=True)
class Register:
    """A register as plain text rows, hashable so that its results can be cached."""

    virksomheter: Rader
    arbeidsforhold: Rader
    fravaer: Rader

    def skriv(self, mappe: Path) -> None:
        for navn, kolonner, rader in (
            ("virksomheter", VIRKSOMHET_KOLONNER, self.virksomheter),
            ("arbeidsforhold", ARBEIDSFORHOLD_KOLONNER, self.arbeidsforhold),
            ("fravaer", FRAVAER_KOLONNER, self.fravaer),
        ):
            with (mappe / f"{navn}.csv").open("w", encoding="utf-8", newline="") as fil:
                skriver = csv.writer(fil)
                skriver.writerow(kolonner)
                skriver.writerows(rader)


def _tall(verdi: float) -> str:
    return str(int(verdi)) if float(verdi).is_integer() else str(verdi)


NAERINGSKODER = ("88.911", "85100", "86103", "87101", "49100", "49340", "10.110", "41200", "62010")
STILLINGER = st.one_of(
    st.sampled_from([100, 80, 60, 50, 40, 20]),
    st.integers(1, 100),
    st.sampled_from([12.5, 37.5, 62.5, 87.5]),
)
GRADER = st.one_of(st.sampled_from([100, 50, 20]), st.integers(20, 100))


@st.composite
def registre(draw: st.DrawFn) -> Register:
    """A few virksomheter and persons; jobs that start, end and overlap; overlapping fravær,
    now and then in a virksomhet where the person has no job."""
    virksomheter = tuple(
        (
            f"91000000{nummer}",
            f"81000000{draw(st.integers(1, 2))}",
            f"Virksomhet {nummer}",
            draw(st.sampled_from(NAERINGSKODER)),
            draw(st.sampled_from(["STATLIG", "KOMMUNAL", "PRIVAT", "UKJENT"])),
            draw(st.sampled_from(["0301", "4601", "5001"])),
        )
        for nummer in range(1, draw(st.integers(1, 4)) + 1)
    )
    alle_orgnr = [v[0] for v in virksomheter]
    arbeidsforhold: list[tuple[str, ...]] = []
    fravaer: list[tuple[str, ...]] = []
    for nummer in range(draw(st.integers(1, 25))):
        person = f"p{nummer}"
        egne = []
        for _ in range(draw(st.integers(1, 2))):
            orgnr = draw(st.sampled_from(alle_orgnr))
            egne.append(orgnr)
            fra = START + timedelta(days=draw(st.integers(0, 200)))
            lengde = draw(st.one_of(st.none(), st.integers(0, 150)))
            arbeidsforhold.append(
                (
                    person,
                    orgnr,
                    draw(st.sampled_from(["", "A", "B"])),
                    fra.isoformat(),
                    "" if lengde is None else (fra + timedelta(days=lengde)).isoformat(),
                    _tall(draw(STILLINGER)),
                )
            )
        for _ in range(draw(st.integers(0, 3))):
            utenfor = draw(st.integers(0, 9)) == 0
            orgnr = draw(st.sampled_from(alle_orgnr if utenfor else egne))
            fra = START + timedelta(days=draw(st.integers(0, 230)))
            egen = draw(st.booleans())
            lengde = draw(st.integers(0, 3 if egen else 60))
            fravaer.append(
                (
                    person,
                    orgnr,
                    fra.isoformat(),
                    (fra + timedelta(days=lengde)).isoformat(),
                    "egenmelding" if egen else "sykmelding",
                    "100" if egen else _tall(draw(GRADER)),
                )
            )
    return Register(virksomheter, tuple(arbeidsforhold), tuple(fravaer))


def _etter_nokkel(rader: list[dict[Any, Any]]) -> Tabell:
    tabell: Tabell = {}
    for rad in rader:
        nokkel = (str(rad["kategori"]), str(rad["kode"]), int(rad["arstall"]), int(rad["kvartal"]))
        assert nokkel not in tabell, f"{nokkel} occurs twice"
        tabell[nokkel] = rad
    return tabell


@cache
def _beregnet(register: Register) -> tuple[Tabell, Tabell]:
    """The engine's rows and the oracle's rows for the register, computed once."""
    with tempfile.TemporaryDirectory(prefix="naervaer-egenskaper-") as mappe:
        register.skriv(Path(mappe))
        motor = beregn(Path(mappe), FRA, TIL).to_pylist()
        orakel: pd.DataFrame = orakel_beregn(Path(mappe), FRA, TIL)
    return _etter_nokkel(motor), _etter_nokkel(orakel.to_dict("records"))


def _motor(register: Register) -> Tabell:
    return _beregnet(register)[0]


def _per_kvartal(tabell: Tabell, kategori: str) -> dict[tuple[int, int], list[dict[str, Any]]]:
    gruppert: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for (kat, _, arstall, kvartal), rad in tabell.items():
        if kat == kategori:
            gruppert[(arstall, kvartal)].append(rad)
    return gruppert


# The same seed and no example database: every property test sees the same registers.
egenskap = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SEED = 20240101


def test_it_works() -> None:
    register = Register(
        virksomheter=(("910000001", "810000001", "A", "88911", "KOMMUNAL", "0301"),),
        arbeidsforhold=tuple((f"p{n}", "910000001", "", "2024-01-01", "", "100") for n in range(5)),
        fravaer=(("p0", "910000001", "2024-01-08", "2024-01-12", "sykmelding", "100"),),
    )
    motor, orakel = _beregnet(register)
    land = motor[("LAND", "NO", 2024, 1)]
    assert land["tapte_dagsverk"] == Decimal(5)
    assert land["mulige_dagsverk"] == Decimal(325)  # 5 × 65
    assert str(land["prosent"]) == orakel[("LAND", "NO", 2024, 1)]["prosent"] == "1.5"


@seed(SEED)
@egenskap
@given(registre())
def test_korttid_and_langtid_add_up_to_totalt(register: Register) -> None:
    for nokkel, rad in _motor(register).items():
        deler = rad["tapte_dagsverk_korttid"] + rad["tapte_dagsverk_langtid"]
        assert deler == rad["tapte_dagsverk"], nokkel


@seed(SEED)
@egenskap
@given(registre())
def test_egenmeldt_and_legemeldt_add_up_to_totalt(register: Register) -> None:
    for nokkel, rad in _motor(register).items():
        deler = rad["tapte_dagsverk_egenmeldt"] + rad["tapte_dagsverk_legemeldt"]
        assert deler == rad["tapte_dagsverk"], nokkel


@seed(SEED)
@egenskap
@given(registre())
def test_gradert_is_part_of_legemeldt(register: Register) -> None:
    for nokkel, rad in _motor(register).items():
        assert 0 <= rad["tapte_dagsverk_gradert"] <= rad["tapte_dagsverk_legemeldt"], nokkel


@seed(SEED)
@egenskap
@given(registre())
def test_tapte_never_exceed_mulige(register: Register) -> None:
    for nokkel, rad in _motor(register).items():
        assert 0 <= rad["tapte_dagsverk"] <= rad["mulige_dagsverk"], nokkel


@seed(SEED)
@egenskap
@given(registre())
def test_virksomheter_add_up_to_the_country(register: Register) -> None:
    tabell = _motor(register)
    land = _per_kvartal(tabell, "LAND")
    virksomheter = _per_kvartal(tabell, "VIRKSOMHET")
    assert set(virksomheter) == set(land)
    for kvartal, rader in virksomheter.items():
        for kolonne in SUMMER:
            # Exact: the sums are decimals at full precision.
            assert sum(r[kolonne] for r in rader) == land[kvartal][0][kolonne], (kvartal, kolonne)


@seed(SEED)
@egenskap
@given(registre())
def test_the_country_counts_a_person_with_several_jobs_once(register: Register) -> None:
    tabell = _motor(register)
    land = _per_kvartal(tabell, "LAND")
    for kvartal, rader in _per_kvartal(tabell, "VIRKSOMHET").items():
        personer = [r["antall_personer"] for r in rader]
        assert max(personer) <= land[kvartal][0]["antall_personer"] <= sum(personer), kvartal


@seed(SEED)
@egenskap
@given(registre())
def test_no_row_under_five_persons_has_a_prosent(register: Register) -> None:
    for nokkel, rad in _motor(register).items():
        assert rad["er_maskert"] == (rad["antall_personer"] < 5), nokkel
        if rad["antall_personer"] < 5:
            assert rad["prosent"] is None, nokkel


@seed(SEED)
@egenskap
@given(registre())
def test_the_engine_agrees_with_the_pandas_oracle(register: Register) -> None:
    motor, orakel = _beregnet(register)
    assert set(motor) == set(orakel)
    for nokkel, rad in motor.items():
        fasit = orakel[nokkel]
        for kolonne in SUMMER:
            assert float(rad[kolonne]) == pytest.approx(fasit[kolonne], abs=1e-6), (nokkel, kolonne)
        assert rad["antall_personer"] == fasit["antall_personer"], nokkel
        assert rad["er_maskert"] == bool(fasit["er_maskert"]), nokkel
        vist = None if rad["prosent"] is None else str(rad["prosent"])
        assert vist == fasit["prosent"], nokkel
