"""The engine's front door, ``naervaer.statistikk.motor``, on the hand-computed registers.

Every hand case runs on DuckDB on its own. Spark is slow to start and slow per computation, so all
hand cases run on Spark together, once: their ids are renamed per case so that no person or orgnr
is shared, and the folder mixes the readers (virksomheter as CSV, arbeidsforhold and fravær as
Parquet, whose row numbers come from ``_metadata.row_index``). Spark's whole output must equal
DuckDB's on the same folder, row for row.
"""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from naervaer.statistikk.kolonner import DAGSVERK_KOLONNER
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.motor import KVARTAL_KOLONNER, Resultat, beregn, beregn_med_advarsler
from naervaer.statistikk.motorer import DuckdbMotor, SparkMotor
from tests.statistikk.handregnet import (
    ARBEIDSFORHOLD_KOLONNER,
    FRAVAER_KOLONNER,
    HELG_OG_DELTID,
    MASKERT_UNDER_FEM,
    TILFELLER,
    VIRKSOMHET_KOLONNER,
    Handregnet,
    Nokkel,
    Rad,
    skriv_register,
)

SUMMER = DAGSVERK_KOLONNER


def _etter_nokkel(tabell: pa.Table) -> dict[Nokkel, dict[str, Any]]:
    rader: dict[Nokkel, dict[str, Any]] = {}
    for rad in tabell.to_pylist():
        nokkel = (rad["kategori"], rad["kode"], rad["arstall"], rad["kvartal"])
        assert nokkel not in rader, f"{nokkel} occurs twice"
        rader[nokkel] = rad
    return rader


def _sjekk_figur(hvor: str, kolonne: str, faktisk: Any, forventet: Any) -> None:
    if kolonne in SUMMER:
        # Exact: the hand figure as a decimal against the engine's full-precision decimal.
        assert isinstance(faktisk, Decimal), hvor
        assert faktisk == Decimal(str(forventet)), f"{hvor}: {faktisk} != {forventet}"
    elif kolonne == "prosent":
        vist = None if faktisk is None else str(faktisk)
        assert vist == forventet, f"{hvor}: {vist!r} != {forventet!r}"
    else:
        assert faktisk == forventet, f"{hvor}: {faktisk!r} != {forventet!r}"
        assert type(faktisk) is type(forventet), hvor


def _sjekk_forventet(
    tilfelle: Handregnet, rader: dict[Nokkel, dict[str, Any]], kategorier: set[str] | None = None
) -> int:
    sjekket = 0
    for nokkel, forventet in tilfelle.forventet.items():
        if kategorier is not None and nokkel[0] not in kategorier:
            continue
        assert nokkel in rader, f"{tilfelle.navn}: no row {nokkel}"
        for kolonne, verdi in forventet.items():
            _sjekk_figur(
                f"{tilfelle.navn} {nokkel} {kolonne}", kolonne, rader[nokkel][kolonne], verdi
            )
            sjekket += 1
    return sjekket


def _kvartaler_i(tabell: pa.Table) -> set[tuple[int, int]]:
    return set(zip(tabell["arstall"].to_pylist(), tabell["kvartal"].to_pylist(), strict=True))


# --- every hand case on DuckDB ----------------------------------------------------------------


def test_it_works(tmp_path: Path) -> None:
    skriv_register(HELG_OG_DELTID, tmp_path)
    tabell = beregn(tmp_path, Kvartal(2024, 1), Kvartal(2024, 1))
    assert tabell.column_names == list(KVARTAL_KOLONNER)
    land = _etter_nokkel(tabell)[("LAND", "NO", 2024, 1)]
    assert land["antall_personer"] == 5
    assert land["mulige_dagsverk"] == Decimal("299")
    assert land["tapte_dagsverk"] == Decimal("3.2")
    assert str(land["prosent"]) == "1.1"
    assert land["er_maskert"] is False


@pytest.fixture(scope="module", params=TILFELLER, ids=[t.navn for t in TILFELLER])
def handregnet(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Handregnet, Resultat]:
    tilfelle: Handregnet = request.param
    mappe = tmp_path_factory.mktemp(tilfelle.navn)
    skriv_register(tilfelle, mappe)
    return tilfelle, beregn_med_advarsler(mappe, Kvartal(*tilfelle.fra), Kvartal(*tilfelle.til))


def test_every_hand_computed_figure_is_exact(handregnet: tuple[Handregnet, Resultat]) -> None:
    tilfelle, resultat = handregnet
    assert _sjekk_forventet(tilfelle, _etter_nokkel(resultat.kvartal)) > 0


def test_rows_that_must_not_exist_do_not(handregnet: tuple[Handregnet, Resultat]) -> None:
    tilfelle, resultat = handregnet
    rader = _etter_nokkel(resultat.kvartal)
    for nokkel in tilfelle.ingen_rad:
        assert nokkel not in rader, f"{tilfelle.navn}: unexpected row {nokkel}"


def test_each_kategori_has_the_hand_counted_number_of_rows(
    handregnet: tuple[Handregnet, Resultat],
) -> None:
    tilfelle, resultat = handregnet
    kategorier = resultat.kvartal["kategori"].to_pylist()
    for kategori, antall in tilfelle.rader_per_kategori.items():
        assert kategorier.count(kategori) == antall, f"{tilfelle.navn}: {kategori}"


def test_rows_cover_exactly_the_requested_period(handregnet: tuple[Handregnet, Resultat]) -> None:
    tilfelle, resultat = handregnet
    assert (resultat.fra, resultat.til) == (Kvartal(*tilfelle.fra), Kvartal(*tilfelle.til))
    fra, til = Kvartal(*tilfelle.fra), Kvartal(*tilfelle.til)
    assert all(fra <= Kvartal(*k) <= til for k in _kvartaler_i(resultat.kvartal))


def test_a_row_under_five_persons_is_masked_and_has_no_prosent(
    handregnet: tuple[Handregnet, Resultat],
) -> None:
    _, resultat = handregnet
    for rad in resultat.kvartal.to_pylist():
        assert rad["er_maskert"] == (rad["antall_personer"] < 5), rad
        if rad["er_maskert"]:
            assert rad["prosent"] is None, rad


def test_sums_are_exact_decimals_and_prosent_has_one_decimal(
    handregnet: tuple[Handregnet, Resultat],
) -> None:
    _, resultat = handregnet
    skjema = resultat.kvartal.schema
    for kolonne in SUMMER:
        assert pa.types.is_decimal(skjema.field(kolonne).type), kolonne
    assert skjema.field("prosent").type == pa.decimal128(6, 1)
    assert skjema.field("er_maskert").type == pa.bool_()
    assert skjema.field("antall_personer").type == pa.int64()


# --- the period, the threshold ----------------------------------------------------------------


def _enkelt_register(mappe: Path, fravaer: list[Rad]) -> None:
    """Five full-time persons from 2023-10-02 to 2024-12-31 in one virksomhet."""
    orgnr = "910009901"
    tilfelle = replace(
        HELG_OG_DELTID,
        virksomheter=[{**HELG_OG_DELTID.virksomheter[0], "orgnr": orgnr}],
        arbeidsforhold=[
            {
                "person_id": f"p{n}",
                "orgnr": orgnr,
                "avdeling": None,
                "fra_dato": "2023-10-02",
                "til_dato": "2024-12-31",
                "stillingsprosent": 100,
            }
            for n in range(1, 6)
        ],
        fravaer=[{**rad, "orgnr": orgnr} for rad in fravaer],
    )
    skriv_register(tilfelle, mappe)


def _fravaer(fra: str, til: str) -> Rad:
    return {
        "person_id": "p1",
        "fra_dato": fra,
        "til_dato": til,
        "type": "sykmelding",
        "grad": 100,
    }


def test_the_period_defaults_to_the_quarters_the_fravaer_spans(tmp_path: Path) -> None:
    # Employed from 2023K4 to 2024K4, but fravær only from 2024K1 to 2024K3.
    _enkelt_register(
        tmp_path,
        [_fravaer("2024-02-05", "2024-02-09"), _fravaer("2024-08-05", "2024-08-09")],
    )
    resultat = beregn_med_advarsler(tmp_path)
    assert (resultat.fra, resultat.til) == (Kvartal(2024, 1), Kvartal(2024, 3))
    assert _kvartaler_i(resultat.kvartal) == {(2024, 1), (2024, 2), (2024, 3)}
    land = _etter_nokkel(resultat.kvartal)
    assert land[("LAND", "NO", 2024, 1)]["tapte_dagsverk"] == Decimal(5)
    assert land[("LAND", "NO", 2024, 2)]["tapte_dagsverk"] == Decimal(0)
    assert land[("LAND", "NO", 2024, 3)]["tapte_dagsverk"] == Decimal(5)


@pytest.mark.parametrize("terskel", [4, 1, 0, -5])
def test_a_threshold_below_five_is_rejected(tmp_path: Path, terskel: int) -> None:
    skriv_register(HELG_OG_DELTID, tmp_path)
    with pytest.raises(ValueError, match="5"):
        beregn_med_advarsler(tmp_path, Kvartal(2024, 1), Kvartal(2024, 1), terskel=terskel)


def test_a_threshold_of_ten_masks_more(tmp_path: Path) -> None:
    skriv_register(MASKERT_UNDER_FEM, tmp_path)
    rader = _etter_nokkel(beregn(tmp_path, Kvartal(2024, 1), Kvartal(2024, 1), terskel=10))
    for rad in rader.values():
        assert rad["er_maskert"] == (rad["antall_personer"] < 10), rad
        if rad["er_maskert"]:
            assert rad["prosent"] is None, rad
    # Five persons: shown at the default threshold, masked at ten.
    b = rader[("VIRKSOMHET", "910000902", 2024, 1)]
    assert (b["antall_personer"], b["er_maskert"], b["prosent"]) == (5, True, None)
    # Ten and fourteen persons: still shown.
    storrelse = rader[("STORRELSE", "5-19", 2024, 1)]
    assert (storrelse["er_maskert"], str(storrelse["prosent"])) == (False, "0.0")
    land = rader[("LAND", "NO", 2024, 1)]
    assert (land["er_maskert"], str(land["prosent"])) == (False, "0.9")
    # Masking hides the percentage, not the sums it is made of.
    assert b["mulige_dagsverk"] == Decimal(325)


# --- all hand cases together: DuckDB and Spark ------------------------------------------------

KOMBINERT_FRA, KOMBINERT_TIL = Kvartal(2024, 1), Kvartal(2024, 2)
# Figures that belong to one virksomhet keep their hand values when the cases share a register.
EGNE_KATEGORIER = {"VIRKSOMHET", "OVERORDNET_ENHET", "AVDELING"}


def _omdopt(tilfelle: Handregnet, nummer: int) -> Handregnet:
    """The case with its own persons and orgnr: digits 2-3 of every orgnr become the case number."""

    def orgnr(verdi: str) -> str:
        return f"{verdi[0]}{nummer:02d}{verdi[3:]}"

    def rad(gammel: Rad) -> Rad:
        ny = dict(gammel)
        for kolonne in ("orgnr", "overordnet_orgnr"):
            if kolonne in ny:
                ny[kolonne] = orgnr(str(ny[kolonne]))
        if "person_id" in ny:
            ny["person_id"] = f"{ny['person_id']}_k{nummer}"
        return ny

    def nokkel(gammel: Nokkel) -> Nokkel:
        kategori, kode, arstall, kvartal = gammel
        if kategori in ("VIRKSOMHET", "OVERORDNET_ENHET"):
            kode = orgnr(kode)
        elif kategori == "AVDELING":
            virksomhet, _, avdeling = kode.partition("/")
            kode = f"{orgnr(virksomhet)}/{avdeling}"
        return (kategori, kode, arstall, kvartal)

    return replace(
        tilfelle,
        virksomheter=[rad(r) for r in tilfelle.virksomheter],
        arbeidsforhold=[rad(r) for r in tilfelle.arbeidsforhold],
        fravaer=[rad(r) for r in tilfelle.fravaer],
        forventet={nokkel(k): v for k, v in tilfelle.forventet.items()},
        ingen_rad=tuple(nokkel(k) for k in tilfelle.ingen_rad),
    )


OMDOPTE = [_omdopt(t, nummer) for nummer, t in enumerate(TILFELLER)]


def _skriv_parquet(sti: Path, kolonner: tuple[str, ...], rader: list[Rad]) -> None:
    typer = {"stillingsprosent": pa.float64(), "grad": pa.float64()}
    data = {}
    for kolonne in kolonner:
        verdier = [rad.get(kolonne) for rad in rader]
        if kolonne in ("fra_dato", "til_dato"):
            data[kolonne] = pa.array(
                [None if v is None else date.fromisoformat(str(v)) for v in verdier], pa.date32()
            )
        elif kolonne in typer:
            data[kolonne] = pa.array(
                [None if v is None else float(v) for v in verdier], typer[kolonne]
            )
        else:
            data[kolonne] = pa.array(verdier, pa.string())
    # Small row groups, so that a row's number has to be counted across groups.
    pq.write_table(pa.table(data), sti, row_group_size=7)


@pytest.fixture(scope="module")
def kombinert(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All hand cases in one register: virksomheter.csv, arbeidsforhold and fravær as Parquet."""
    mappe = tmp_path_factory.mktemp("kombinert")
    with (mappe / "virksomheter.csv").open("w", encoding="utf-8", newline="") as fil:
        skriver = csv.writer(fil)
        skriver.writerow(VIRKSOMHET_KOLONNER)
        for tilfelle in OMDOPTE:
            for rad in tilfelle.virksomheter:
                skriver.writerow(
                    ["" if rad.get(k) is None else rad[k] for k in VIRKSOMHET_KOLONNER]
                )
    _skriv_parquet(
        mappe / "arbeidsforhold.parquet",
        ARBEIDSFORHOLD_KOLONNER,
        [rad for t in OMDOPTE for rad in t.arbeidsforhold],
    )
    _skriv_parquet(
        mappe / "fravaer.parquet", FRAVAER_KOLONNER, [rad for t in OMDOPTE for rad in t.fravaer]
    )
    return mappe


@pytest.fixture(scope="module")
def kombinert_duckdb(kombinert: Path) -> Resultat:
    return beregn_med_advarsler(kombinert, KOMBINERT_FRA, KOMBINERT_TIL, DuckdbMotor())


@pytest.fixture(scope="module")
def kombinert_spark(kombinert: Path, spark: Any) -> Resultat:
    return beregn_med_advarsler(kombinert, KOMBINERT_FRA, KOMBINERT_TIL, SparkMotor(spark))


def _sjekk_egne_figurer(resultat: Resultat) -> None:
    rader = _etter_nokkel(resultat.kvartal)
    sjekket = 0
    for tilfelle in OMDOPTE:
        sjekket += _sjekk_forventet(tilfelle, rader, EGNE_KATEGORIER)
        for nokkel in tilfelle.ingen_rad:
            i_perioden = Kvartal(*tilfelle.fra) <= Kvartal(*nokkel[2:]) <= Kvartal(*tilfelle.til)
            if nokkel[0] in EGNE_KATEGORIER and i_perioden:
                assert nokkel not in rader, f"{tilfelle.navn}: unexpected row {nokkel}"
    assert sjekket > 50


# Row (Parquet position, counted from 1) of each case's first fravær in the combined register.
_FORSTE_RAD = {t.navn: 1 + sum(len(f.fravaer) for f in OMDOPTE[:i]) for i, t in enumerate(OMDOPTE)}
# By hand: the overlapping pairs in overlappende_perioder (positions in its fravær list), and the
# three periods of fravaer_delvis_utenfor_arbeidsforhold that reach outside every job.
_OVERLAPP = [
    (_FORSTE_RAD["overlappende_perioder"] + a, _FORSTE_RAD["overlappende_perioder"] + b)
    for a, b in ((0, 1), (2, 3), (4, 5), (6, 7))
]
_UTENFOR = {_FORSTE_RAD["fravaer_delvis_utenfor_arbeidsforhold"] + i for i in (0, 1, 2)}


def _nevnt_rad(melding: str) -> int | None:
    treff = re.search(r"\brad (\d+)\b", melding)
    return int(treff.group(1)) if treff else None


def _sjekk_advarsler(resultat: Resultat) -> None:
    advarsler = resultat.advarsler.to_pylist()
    assert {a["fil"] for a in advarsler} == {"fravaer.parquet"}
    for forste, andre in _OVERLAPP:
        # One warning per overlap, on one row of the pair and naming the other.
        par = [a for a in advarsler if a["rad"] in (forste, andre)]
        assert len(par) == 1, par
        assert {par[0]["rad"], _nevnt_rad(par[0]["melding"])} == {forste, andre}, par
    utenfor = {a["rad"] for a in advarsler if re.match(r"\d+ dag", a["melding"])}
    assert utenfor == _UTENFOR
    assert len(advarsler) == len(_OVERLAPP) + len(_UTENFOR)


def test_all_hand_cases_together_keep_each_virksomhets_figures(kombinert_duckdb: Resultat) -> None:
    _sjekk_egne_figurer(kombinert_duckdb)


def test_parquet_warnings_name_the_row_position_in_the_file(kombinert_duckdb: Resultat) -> None:
    _sjekk_advarsler(kombinert_duckdb)


@pytest.mark.spark
def test_spark_gives_the_same_table_as_duckdb_row_for_row(
    kombinert_spark: Resultat, kombinert_duckdb: Resultat
) -> None:
    spark_rader = kombinert_spark.kvartal.to_pylist()
    duckdb_rader = kombinert_duckdb.kvartal.to_pylist()
    assert kombinert_spark.kvartal.schema == kombinert_duckdb.kvartal.schema
    assert len(spark_rader) == len(duckdb_rader)
    for spark_rad, duckdb_rad in zip(spark_rader, duckdb_rader, strict=True):
        assert spark_rad == duckdb_rad


@pytest.mark.spark
def test_spark_keeps_the_hand_computed_figures(kombinert_spark: Resultat) -> None:
    _sjekk_egne_figurer(kombinert_spark)
    rader = _etter_nokkel(kombinert_spark.kvartal)
    overlapp = next(t for t in OMDOPTE if t.navn == "overlappende_perioder")
    rad = rader[("VIRKSOMHET", str(overlapp.virksomheter[0]["orgnr"]), 2024, 1)]
    assert rad["tapte_dagsverk"] == Decimal("21.7")
    assert rad["tapte_dagsverk_gradert"] == Decimal("6.7")
    assert str(rad["prosent"]) == "6.7"


@pytest.mark.spark
def test_spark_gives_the_same_warnings_with_parquet_row_numbers(
    kombinert_spark: Resultat, kombinert_duckdb: Resultat
) -> None:
    def sortert(resultat: Resultat) -> list[dict[str, Any]]:
        return sorted(resultat.advarsler.to_pylist(), key=lambda r: (r["rad"], r["melding"]))

    _sjekk_advarsler(kombinert_spark)
    assert sortert(kombinert_spark) == sortert(kombinert_duckdb)
