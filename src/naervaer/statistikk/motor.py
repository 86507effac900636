"""The engine's front door: a register folder in, quarterly statistics (spec §6) out."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from naervaer.statistikk.beregning import MULIGE_SKALA, TAPTE_SKALA, Fremdriftsmelding, beregn_summer
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.motorer import Motor, lag_motor
from naervaer.statistikk.register import les_register

KVARTAL_KOLONNER = (
    "kategori",
    "kode",
    "arstall",
    "kvartal",
    "antall_personer",
    "mulige_dagsverk",
    "tapte_dagsverk",
    "tapte_dagsverk_egenmeldt",
    "tapte_dagsverk_legemeldt",
    "tapte_dagsverk_gradert",
    "tapte_dagsverk_korttid",
    "tapte_dagsverk_langtid",
    "prosent",
    "er_maskert",
)
MINSTE_TERSKEL = 5
LESER = "Leser og kontrollerer registeret"


@dataclass(frozen=True, slots=True)
class Resultat:
    kvartal: pa.Table
    advarsler: pa.Table
    fra: Kvartal
    til: Kvartal


@contextmanager
def _motor(motor: str | Motor) -> Iterator[Motor]:
    if isinstance(motor, Motor):
        yield motor
        return
    laget = lag_motor(motor)
    try:
        yield laget
    finally:
        laget.lukk()


def beregn_med_advarsler(
    inn: Path,
    fra: Kvartal | None = None,
    til: Kvartal | None = None,
    motor: str | Motor = "duckdb",
    terskel: int = MINSTE_TERSKEL,
    fremdrift: Fremdriftsmelding | None = None,
) -> Resultat:
    """Compute every unit and quarter; the period defaults to the quarters the fravær spans."""
    if terskel < MINSTE_TERSKEL:
        raise ValueError(f"terskelen for maskering kan ikke være under {MINSTE_TERSKEL} personer")
    meld = fremdrift or (lambda navn, ferdig, totalt: None)
    with _motor(motor) as m:
        meld(LESER, 0, 1)
        register = les_register(Path(inn), m.les)
        if fra is None or til is None:
            forste, siste = _fravaerets_kvartaler(register.fravaer)
            fra, til = fra or forste, til or siste
        meld(LESER, 1, 1)
        beregnet = beregn_summer(register, fra, til, m, meld)
    return Resultat(_formater(beregnet.summer, terskel), beregnet.advarsler, fra, til)


def beregn(
    inn: Path,
    fra: Kvartal | None = None,
    til: Kvartal | None = None,
    motor: str | Motor = "duckdb",
    terskel: int = MINSTE_TERSKEL,
) -> pa.Table:
    return beregn_med_advarsler(inn, fra, til, motor, terskel).kvartal


def _fravaerets_kvartaler(fravaer: object) -> tuple[Kvartal, Kvartal]:
    import ibis.expr.types as ir

    assert isinstance(fravaer, ir.Table)
    ytterpunkter = fravaer.aggregate(forste=fravaer.fra_dato.min(), siste=fravaer.fra_dato.max()).to_pyarrow()
    forste, siste = ytterpunkter["forste"][0].as_py(), ytterpunkter["siste"][0].as_py()
    if forste is None:
        raise ValueError("registeret har ikke noe fravær, så perioden må oppgis (--fra og --til)")
    return Kvartal.fra_dato(forste), Kvartal.fra_dato(siste)


def _formater(summer: pa.Table, terskel: int) -> pa.Table:
    """Exact decimals from the integer sums, the masking flag and the rounded percentage.

    With the integer scales, prosent × 10 = tapte_u / (k · mulige_u) for k = TAPTE_SKALA /
    (1000 · MULIGE_SKALA), so rounding half up is floor((2·tapte_u + k·mulige_u) / (2·k·mulige_u)),
    exact in integers.
    """
    con = duckdb.connect()
    try:
        con.register("summer", summer)
        k = TAPTE_SKALA // (1000 * MULIGE_SKALA)
        tapte_kolonner = ",\n".join(
            f"CAST(CAST({s} AS DECIMAL(38,0)) * CAST(1e-8 AS DECIMAL(18,8)) AS DECIMAL(38,8)) AS {n}"
            for s, n in (
                ("tapte", "tapte_dagsverk"),
                ("tapte_egenmeldt", "tapte_dagsverk_egenmeldt"),
                ("tapte_legemeldt", "tapte_dagsverk_legemeldt"),
                ("tapte_gradert", "tapte_dagsverk_gradert"),
                ("tapte_korttid", "tapte_dagsverk_korttid"),
                ("tapte_langtid", "tapte_dagsverk_langtid"),
            )
        )
        tabell = con.sql(
            f"""
            SELECT kategori, kode, arstall::BIGINT AS arstall, kvartal::BIGINT AS kvartal,
                   antall_personer::BIGINT AS antall_personer,
                   CAST(CAST(mulige AS DECIMAL(38,0)) * CAST(1e-4 AS DECIMAL(18,4)) AS DECIMAL(38,4))
                       AS mulige_dagsverk,
                   {tapte_kolonner},
                   CASE WHEN antall_personer < {terskel} OR mulige = 0 THEN NULL
                        ELSE CAST(
                            CAST((2 * CAST(tapte AS HUGEINT) + {k} * CAST(mulige AS HUGEINT))
                                 // (2 * {k} * CAST(mulige AS HUGEINT)) AS DECIMAL(38,0))
                            * CAST(0.1 AS DECIMAL(2,1)) AS DECIMAL(6,1))
                   END AS prosent,
                   antall_personer < {terskel} AS er_maskert
            FROM summer
            ORDER BY kategori, kode, arstall, kvartal
            """
        ).to_arrow_table()
    finally:
        con.close()
    return tabell.select(list(KVARTAL_KOLONNER))


def skriv_advarsler(advarsler: pa.Table, ut: Path) -> Path:
    """All warnings go to a file, so none is lost when the screen shows only the first few."""
    import pyarrow.csv as pacsv

    ut.mkdir(parents=True, exist_ok=True)
    sti = ut / "advarsler.csv"
    pacsv.write_csv(advarsler, sti)
    return sti


def skriv_kvartal(tabell: pa.Table, ut: Path) -> tuple[Path, Path]:
    """Write ``kvartal.parquet`` (exact decimals) and ``kvartal.csv`` (dot decimals, no padding)."""
    import pyarrow.parquet as pq

    ut.mkdir(parents=True, exist_ok=True)
    parquet = ut / "kvartal.parquet"
    pq.write_table(tabell, parquet, compression="zstd")
    csv = ut / "kvartal.csv"
    kolonner = ", ".join(
        f"regexp_replace(CAST({navn} AS VARCHAR), '\\.?0+$', '') AS {navn}"
        if pa.types.is_decimal(tabell.schema.field(navn).type) and navn != "prosent"
        else navn
        for navn in KVARTAL_KOLONNER
    )
    con = duckdb.connect()
    try:
        con.register("kvartal", tabell)
        # Single-threaded so the file keeps the sorted order of the rows.
        con.execute("SET threads = 1")
        con.execute(f"COPY (SELECT {kolonner} FROM kvartal) TO '{csv}' (HEADER, DELIMITER ',')")
    finally:
        con.close()
    return csv, parquet
