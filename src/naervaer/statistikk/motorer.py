"""The engines the computation runs on: DuckDB (embedded default) and Apache Spark.

The computation itself (``beregning``) is written once as Ibis expressions; an engine only knows
how to read a file into a table with its row numbers, and how to hold an intermediate result.
"""

from __future__ import annotations

import os
import tempfile
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

import duckdb
import ibis
import ibis.expr.types as ir
import pyarrow as pa

from naervaer.statistikk.register import les_csv

MOTORER = ("duckdb", "spark")


class Motor(ABC):
    navn: str
    con: Any

    @abstractmethod
    def les(self, sti: Path, navn: str) -> ir.Table:
        """The file as a table of its own columns plus ``rad``, the row number a person sees."""

    @abstractmethod
    def tabell(self, navn: str, data: pa.Table) -> ir.Table:
        """A small in-memory table, such as the list of quarters."""

    _bufret: list[ir.Table]

    def materialiser(self, uttrykk: ir.Table) -> ir.Table:
        """Compute an intermediate result once, for the several steps that read it."""
        bufret = uttrykk.cache()
        self._bufret.append(bufret)
        return bufret

    def slipp(self, bufret: ir.Table) -> None:
        """Free an intermediate result that no later step reads."""
        # By identity: == on an Ibis table builds an expression rather than comparing.
        for i, kandidat in enumerate(self._bufret):
            if kandidat is bufret:
                del self._bufret[i]
                bufret.release()
                return

    def slipp_mellomresultater(self) -> None:
        for bufret in self._bufret:
            bufret.release()
        self._bufret.clear()

    @abstractmethod
    def duckdb_visning(self, uttrykk: ir.Table, navn: str) -> duckdb.DuckDBPyConnection:
        """A DuckDB connection in which ``navn`` names the result, for formatting and writing."""

    def lukk(self) -> None:
        return None


class DuckdbMotor(Motor):
    navn = "duckdb"

    def __init__(self, *, trader: int | None = None, minnegrense: str | None = None) -> None:
        self._bufret = []
        self._temp = tempfile.TemporaryDirectory(prefix="naervaer-duckdb-")
        self.con = ibis.duckdb.connect(
            threads=trader
            or int(os.environ.get("NAERVAER_DUCKDB_TRADER", 0))
            or os.cpu_count()
            or 1,
            memory_limit=minnegrense or os.environ.get("NAERVAER_DUCKDB_MINNE", "3GB"),
            temp_directory=self._temp.name,
            # Row order comes from explicit sorting; not keeping it lets DuckDB stream and spill.
            preserve_insertion_order=False,
        )

    def les(self, sti: Path, navn: str) -> ir.Table:
        if sti.suffix == ".parquet":
            tabell = self.con.read_parquet(sti, table_name=f"raa_{navn}", file_row_number=True)
            return tabell.mutate(rad=tabell.file_row_number.cast("int64") + 1).drop(
                "file_row_number"
            )
        return self.con.create_table(f"raa_{navn}", les_csv(sti), temp=True, overwrite=True)

    def tabell(self, navn: str, data: pa.Table) -> ir.Table:
        return self.con.create_table(navn, data, temp=True, overwrite=True)

    def duckdb_visning(self, uttrykk: ir.Table, navn: str) -> duckdb.DuckDBPyConnection:
        # A view on the engine's own connection: the result is written straight from DuckDB,
        # never copied through Python.
        self.con.create_view(navn, uttrykk, overwrite=True)
        return self.con.con

    def lukk(self) -> None:
        self.slipp_mellomresultater()
        self.con.disconnect()
        self._temp.cleanup()


class SparkMotor(Motor):
    navn = "spark"

    def __init__(self, session: Any | None = None) -> None:
        if session is None:
            session = lag_spark_session()
        self.session = session
        self.con = ibis.pyspark.connect(session)
        self._bufret: list[ir.Table] = []
        self._lokal: duckdb.DuckDBPyConnection | None = None

    def les(self, sti: Path, navn: str) -> ir.Table:
        visning = f"raa_{navn}"
        if sti.suffix == ".parquet":
            # _metadata.row_index is the row's position in its file, whatever the partitioning.
            df = self.session.read.parquet(str(sti)).selectExpr(
                "*", "_metadata.row_index + 1 AS rad"
            )
            df.createOrReplaceTempView(visning)
            return self.con.table(visning)
        return self.tabell(visning, les_csv(sti))

    def tabell(self, navn: str, data: pa.Table) -> ir.Table:
        # Straight from Arrow: a detour through pandas would turn missing text into NaN.
        df = self.session.createDataFrame(data)
        df.createOrReplaceTempView(navn)
        return self.con.table(navn)

    def duckdb_visning(self, uttrykk: ir.Table, navn: str) -> duckdb.DuckDBPyConnection:
        if self._lokal is None:
            self._lokal = duckdb.connect()
        self._lokal.register(navn, uttrykk.to_pyarrow())
        return self._lokal

    def lukk(self) -> None:
        self.slipp_mellomresultater()
        if self._lokal is not None:
            self._lokal.close()
            self._lokal = None


def lag_spark_session(kjerner: int | None = None) -> Any:
    """A Spark session: a cluster when ``NAERVAER_SPARK_MASTER`` names one (spark://…, yarn, …),
    else a quiet local one for laptops, tests and the benchmark."""
    from pyspark.sql import SparkSession

    kjerner = kjerner or os.cpu_count() or 1
    master = os.environ.get("NAERVAER_SPARK_MASTER") or f"local[{kjerner}]"
    session = (
        SparkSession.builder.master(master)
        .appName("naervaer")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(max(4, 2 * kjerner)))
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", os.environ.get("NAERVAER_SPARK_MINNE", "4g"))
        .config("spark.sql.ansi.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


def lag_motor(navn: str) -> Motor:
    if navn == "duckdb":
        return DuckdbMotor()
    if navn == "spark":
        return SparkMotor()
    raise ValueError(f"ukjent motor «{navn}»; velg en av {', '.join(MOTORER)}")
