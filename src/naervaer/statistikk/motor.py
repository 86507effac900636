"""The engine's front door: a register folder in, quarterly statistics (spec §6) out.

Whatever engine computes the sums, formatting and writing happen in DuckDB: exact decimals from
the integer sums, the masking flag, the rounded percentage, and the files.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import ibis.expr.types as ir
import pyarrow as pa

from naervaer.statistikk.beregning import (
    MULIGE_SKALA,
    SUMMER,
    TAPTE_SKALA,
    Beregning,
    Fremdriftsmelding,
    beregn_summer,
)
from naervaer.statistikk.enheter import Kategori
from naervaer.statistikk.kolonner import KVARTAL_KOLONNER
from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.motorer import Motor, lag_motor
from naervaer.statistikk.perioder import Inndeling, Periode, inndeling_for
from naervaer.statistikk.register import les_register, register_fra_tabeller

_TAPTE = (
    ("tapte", "tapte_dagsverk"),
    ("tapte_egenmeldt", "tapte_dagsverk_egenmeldt"),
    ("tapte_legemeldt", "tapte_dagsverk_legemeldt"),
    ("tapte_gradert", "tapte_dagsverk_gradert"),
    ("tapte_korttid", "tapte_dagsverk_korttid"),
    ("tapte_langtid", "tapte_dagsverk_langtid"),
)
MINSTE_TERSKEL = 5
LESER = "Leser og kontrollerer registeret"
SKRIVER = "Skriver kvartal.parquet, kvartal.csv og advarsler"
VIS_ADVARSLER = 10


@dataclass(frozen=True, slots=True)
class Resultat:
    kvartal: pa.Table
    advarsler: pa.Table
    fra: Kvartal
    til: Kvartal


@dataclass(frozen=True, slots=True)
class Sammendrag:
    """What a computation written to a folder produced, small enough to print."""

    fra: Kvartal
    til: Kvartal
    antall_rader: int
    land: pa.Table
    antall_advarsler: int
    forste_advarsler: pa.Table
    kvartal_csv: Path
    kvartal_parquet: Path
    advarsler_csv: Path | None


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


def _beregn(
    m: Motor,
    inn: Path,
    fra: Kvartal | None,
    til: Kvartal | None,
    terskel: int,
    meld: Fremdriftsmelding,
) -> tuple[Beregning, Kvartal, Kvartal]:
    if terskel < MINSTE_TERSKEL:
        raise ValueError(f"terskelen for maskering kan ikke være under {MINSTE_TERSKEL} personer")
    meld(LESER, 0, 1)
    register = les_register(Path(inn), m)
    if fra is None or til is None:
        forste, siste = _fravaerets_kvartaler(register.fravaer)
        fra, til = fra or forste, til or siste
    meld(LESER, 1, 1)
    return beregn_summer(register, fra, til, m, meld), fra, til


def _stille(navn: str, ferdig: int, totalt: int) -> None:
    return None


def beregn_med_advarsler(
    inn: Path,
    fra: Kvartal | None = None,
    til: Kvartal | None = None,
    motor: str | Motor = "duckdb",
    terskel: int = MINSTE_TERSKEL,
    fremdrift: Fremdriftsmelding | None = None,
) -> Resultat:
    """Compute every unit and quarter in memory.

    The period defaults to the quarters the fravær spans.
    """
    with _motor(motor) as m:
        beregning, fra, til = _beregn(m, inn, fra, til, terskel, fremdrift or _stille)
        con = m.duckdb_visning(beregning.summer, "summer")
        kvartal = con.sql(_formatert("summer", terskel)).to_arrow_table()
        con = m.duckdb_visning(beregning.advarsler, "advarsler")
        advarsler = con.sql(
            "SELECT fil, rad, melding FROM advarsler ORDER BY rad, melding"
        ).to_arrow_table()
    return Resultat(kvartal, advarsler, fra, til)


def beregn(
    inn: Path,
    fra: Kvartal | None = None,
    til: Kvartal | None = None,
    motor: str | Motor = "duckdb",
    terskel: int = MINSTE_TERSKEL,
) -> pa.Table:
    return beregn_med_advarsler(inn, fra, til, motor, terskel).kvartal


def beregn_til_mappe(
    inn: Path,
    ut: Path,
    fra: Kvartal | None = None,
    til: Kvartal | None = None,
    motor: str | Motor = "duckdb",
    terskel: int = MINSTE_TERSKEL,
    fremdrift: Fremdriftsmelding | None = None,
) -> Sammendrag:
    """Compute and write ``kvartal.parquet``, ``kvartal.csv`` and, if any, ``advarsler.csv``.

    The result goes from the engine to the files without passing through Python, so national
    scale needs no more memory than the engine's own.
    """
    meld = fremdrift or _stille
    with _motor(motor) as m:
        beregning, fra, til = _beregn(m, inn, fra, til, terskel, meld)
        meld(SKRIVER, 0, 3)
        ut.mkdir(parents=True, exist_ok=True)
        con = m.duckdb_visning(beregning.summer, "summer")
        parquet, csv = _skriv_kvartal(con, _formatert("summer", terskel), ut)
        meld(SKRIVER, 1, 3)
        antall = con.execute(f"SELECT count(*) FROM read_parquet('{parquet}')").fetchall()[0]
        land = con.sql(
            f"SELECT * FROM read_parquet('{parquet}') WHERE kategori = 'LAND' "
            "ORDER BY arstall, kvartal"
        ).to_arrow_table()
        meld(SKRIVER, 2, 3)
        con = m.duckdb_visning(beregning.advarsler, "advarsler")
        advarsler_csv = ut / "advarsler.csv"
        advarsler_csv.unlink(missing_ok=True)
        con.execute(
            "CREATE OR REPLACE TEMP TABLE advarsler_alle AS SELECT fil, rad, melding FROM advarsler"
        )
        antall_advarsler = con.execute("SELECT count(*) FROM advarsler_alle").fetchall()[0]
        if antall_advarsler and antall_advarsler[0]:
            con.execute(
                "COPY (SELECT * FROM advarsler_alle ORDER BY rad, melding) "
                f"TO '{advarsler_csv}' (HEADER)"
            )
        forste = con.sql(
            f"SELECT * FROM advarsler_alle ORDER BY rad, melding LIMIT {VIS_ADVARSLER}"
        ).to_arrow_table()
        con.execute("DROP TABLE advarsler_alle")
        meld(SKRIVER, 3, 3)
    return Sammendrag(
        fra=fra,
        til=til,
        antall_rader=int(antall[0]) if antall else 0,
        land=land,
        antall_advarsler=int(antall_advarsler[0]) if antall_advarsler else 0,
        forste_advarsler=forste,
        kvartal_csv=csv,
        kvartal_parquet=parquet,
        advarsler_csv=advarsler_csv if advarsler_csv.exists() else None,
    )


@dataclass(frozen=True, slots=True)
class Tabellresultat:
    """The exact integer sums of each division of time, and the warnings.

    ``summer[inndeling]`` has ``kategori``, ``kode``, ``arstall``, the period's number (column
    ``kvartal`` or ``maned``), ``antall_personer`` and the sums of ``beregning.SUMMER``: mulige
    dagsverk in units of 1/``MULIGE_SKALA``, tapte in units of 1/``TAPTE_SKALA`` of a dagsverk.
    """

    summer: dict[Inndeling, pa.Table]
    advarsler: pa.Table


def beregn_tabeller(
    tabeller: Mapping[str, pa.Table],
    fra: Periode,
    til: Periode,
    *,
    med_kvartaler: bool = False,
    avdelingsenheter: pa.Table | None = None,
    kategorier: Collection[Kategori] | None = None,
    motor: str | Motor = "duckdb",
) -> Tabellresultat:
    """Compute from in-memory tables (spec §2's columns), writing no file.

    For an employer's own data: the months (or quarters) from ``fra`` to ``til`` and, with
    ``med_kvartaler``, the quarters made of whole months among them, in one pass.
    """
    with _motor(motor) as m:
        register = register_fra_tabeller(tabeller, m)
        beregning = beregn_summer(
            register,
            fra,
            til,
            m,
            avdelingsenheter=avdelingsenheter,
            kategorier=kategorier,
            med_kvartaler=med_kvartaler,
        )
        con = m.duckdb_visning(beregning.summer, "summer")
        felles = ", ".join(["kategori", "kode", "arstall"])
        tall = ", ".join(["antall_personer", *SUMMER])
        summer: dict[Inndeling, pa.Table] = {}
        for inndeling in (Inndeling.MANED, Inndeling.KVARTAL) if med_kvartaler else ():
            summer[inndeling] = con.sql(
                f"SELECT {felles}, nummer AS {inndeling.value}, {tall} FROM summer "
                f"WHERE inndeling = '{inndeling.value}' ORDER BY kategori, kode, arstall, nummer"
            ).to_arrow_table()
        if not med_kvartaler:
            inndeling = inndeling_for(fra)
            summer[inndeling] = con.sql(
                f"SELECT {felles}, {inndeling.value}, {tall} FROM summer "
                f"ORDER BY kategori, kode, arstall, {inndeling.value}"
            ).to_arrow_table()
        con = m.duckdb_visning(beregning.advarsler, "advarsler")
        advarsler = con.sql(
            "SELECT fil, rad, melding FROM advarsler ORDER BY rad, melding"
        ).to_arrow_table()
    return Tabellresultat(summer, advarsler)


def _fravaerets_kvartaler(fravaer: ir.Table) -> tuple[Kvartal, Kvartal]:
    ytterpunkter = fravaer.aggregate(
        forste=fravaer.fra_dato.min(), siste=fravaer.fra_dato.max()
    ).to_pyarrow()
    forste, siste = ytterpunkter["forste"][0].as_py(), ytterpunkter["siste"][0].as_py()
    if forste is None:
        raise ValueError("registeret har ikke noe fravær, så perioden må oppgis (--fra og --til)")
    return Kvartal.fra_dato(forste), Kvartal.fra_dato(siste)


def _formatert(kilde: str, terskel: int) -> str:
    """SQL for the contract's rows from the integer sums in ``kilde``.

    With the integer scales, prosent × 10 = tapte / (k · mulige) for k = TAPTE_SKALA /
    (1000 · MULIGE_SKALA), so rounding half up is floor((2·tapte + k·mulige) / (2·k·mulige)),
    exact in integers.
    """
    k = TAPTE_SKALA // (1000 * MULIGE_SKALA)
    tapte = ",\n".join(
        f"CAST(CAST({s} AS DECIMAL(38,0)) * CAST(1e-8 AS DECIMAL(18,8)) AS DECIMAL(38,8)) AS {n}"
        for s, n in _TAPTE
    )
    return f"""
        SELECT kategori, kode, arstall::BIGINT AS arstall, kvartal::BIGINT AS kvartal,
               antall_personer::BIGINT AS antall_personer,
               CAST(CAST(mulige AS DECIMAL(38,0)) * CAST(1e-4 AS DECIMAL(18,4)) AS DECIMAL(38,4))
                   AS mulige_dagsverk,
               {tapte},
               CASE WHEN antall_personer < {terskel} OR mulige = 0 THEN NULL
                    ELSE CAST(
                        CAST((2 * CAST(tapte AS HUGEINT) + {k} * CAST(mulige AS HUGEINT))
                             // (2 * {k} * CAST(mulige AS HUGEINT)) AS DECIMAL(38,0))
                        * CAST(0.1 AS DECIMAL(2,1)) AS DECIMAL(6,1))
               END AS prosent,
               antall_personer < {terskel} AS er_maskert
        FROM {kilde}
        ORDER BY kategori, kode, arstall, kvartal
    """


def _skriv_kvartal(con: duckdb.DuckDBPyConnection, utvalg: str, ut: Path) -> tuple[Path, Path]:
    parquet = ut / "kvartal.parquet"
    csv = ut / "kvartal.csv"
    con.execute(f"COPY ({utvalg}) TO '{parquet}' (FORMAT parquet, COMPRESSION zstd)")
    # The CSV drops the decimals' padding zeros (13.2, not 13.20000000); the value is the same.
    # Every decimal has a point, so trimming zeros and then the point never eats an integer digit.
    kolonner = ", ".join(
        f"rtrim(rtrim(CAST({navn} AS VARCHAR), '0'), '.') AS {navn}"
        if navn in ("mulige_dagsverk", *(n for _, n in _TAPTE))
        else navn
        for navn in KVARTAL_KOLONNER
    )
    # The Parquet file is already sorted; keeping its order is cheaper than sorting again.
    con.execute("SET preserve_insertion_order = true")
    con.execute(
        f"COPY (SELECT {kolonner} FROM read_parquet('{parquet}')) "
        f"TO '{csv}' (HEADER, DELIMITER ',')"
    )
    return parquet, csv
