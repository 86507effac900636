"""``naervaer bench``: how fast the engine is against the least work any correct method must do.

Each measurement runs in its own process, so its peak memory is its own and one step's caches
cannot help the next. Used by a person or a script, never by the tests' timing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True, slots=True)
class Maaling:
    sekunder: float
    topp_mb: float


@dataclass(frozen=True, slots=True)
class Benkeresultat:
    skala: float
    rader: int
    motor_s: float
    topp_mb: float
    skanning_s: float
    pandas_s: float | None
    spark_s: float | None

    def json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)


def maal(kommando: list[str], cwd: Path | None = None) -> Maaling:
    """Wall time and peak resident memory of one command in a child process."""
    # stderr goes to a file, not a pipe: a chatty child (Spark's logging) would fill a pipe that
    # nobody reads until the end, and block.
    with tempfile.TemporaryFile() as logg:
        start = time.perf_counter()
        prosess = subprocess.Popen(kommando, cwd=cwd, stdout=subprocess.DEVNULL, stderr=logg)
        _, status, bruk = os.wait4(prosess.pid, 0)
        sekunder = time.perf_counter() - start
        logg.seek(0)
        feil = logg.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(kommando)} feilet:\n{feil[-2000:]}")
    # ru_maxrss is in kilobytes on Linux.
    return Maaling(round(sekunder, 2), round(bruk.ru_maxrss / 1024, 1))


def antall_rader(inn: Path) -> int:
    import duckdb

    con = duckdb.connect()
    try:
        total = 0
        for navn in ("virksomheter", "arbeidsforhold", "fravaer"):
            sti = next(p for p in (inn / f"{navn}.parquet", inn / f"{navn}.csv") if p.exists())
            lesing = "read_parquet" if sti.suffix == ".parquet" else "read_csv"
            rad = con.execute(f"SELECT count(*) FROM {lesing}('{sti}')").fetchall()[0]
            total += int(rad[0])
        return total
    finally:
        con.close()


def skanning(inn: Path) -> None:
    """The floor: read every input column once and sort the fravær by person, orgnr and start."""
    import duckdb

    con = duckdb.connect()
    try:
        con.execute(f"SET threads = {os.cpu_count() or 1}")
        con.execute("SET preserve_insertion_order = false")
        for navn in ("virksomheter", "arbeidsforhold"):
            sti = inn / f"{navn}.parquet"
            kolonner = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM '{sti}'").fetchall()]
            # max() forces every value of every column to be read and decoded.
            con.execute(
                "SELECT " + ", ".join(f"max({k})" for k in kolonner) + f" FROM '{sti}'"
            ).fetchall()
        con.execute(
            f"""CREATE TEMP TABLE sortert AS
                SELECT * FROM '{inn / "fravaer.parquet"}' ORDER BY person_id, orgnr, fra_dato"""
        )
    finally:
        con.close()


def benk(
    skala: float,
    mappe: Path,
    *,
    seed: int = 2026,
    med_pandas: bool | None = None,
    med_spark: bool = False,
) -> Benkeresultat:
    """Generate (or reuse) a register in ``mappe`` and measure each method on it."""
    from naervaer.statistikk.kvartal import Kvartal
    from naervaer.syntetisk.generator import generer

    fra, til = Kvartal(2021, 3), Kvartal(2026, 2)
    inn = mappe / "register"
    if not (inn / "fravaer.parquet").exists():
        generer(skala, inn, seed=seed, fra=fra, til=til)
    python = sys.executable
    felles = ["--fra", str(fra), "--til", str(til)]
    beregn = [python, "-m", "naervaer.cli", "statistikk", "beregn", "--inn", str(inn), *felles]
    with tempfile.TemporaryDirectory(prefix="naervaer-bench-") as tmp:
        skann = maal([python, "-m", "naervaer.ytelse", "skanning", str(inn)])
        motor = maal([*beregn, "--ut", str(Path(tmp) / "duckdb")])
        spark = None
        if med_spark:
            spark = maal([*beregn, "--ut", str(Path(tmp) / "spark"), "--motor", "spark"])
        if med_pandas is None:
            # The reference holds everything in pandas; past this scale it would not fit here.
            med_pandas = skala <= 0.05
        referanse = [python, "-m", "benchmarks.pandas_referanse", str(inn), str(fra), str(til)]
        pandas = maal(referanse, cwd=REPO) if med_pandas else None
    return Benkeresultat(
        skala=skala,
        rader=antall_rader(inn),
        motor_s=motor.sekunder,
        topp_mb=motor.topp_mb,
        skanning_s=skann.sekunder,
        pandas_s=pandas.sekunder if pandas else None,
        spark_s=spark.sekunder if spark else None,
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "skanning":
        skanning(Path(sys.argv[2]))
    else:
        raise SystemExit("bruk: python -m naervaer.ytelse skanning MAPPE")
