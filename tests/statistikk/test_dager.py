"""Working days, ``naervaer.statistikk.dager``: Monday to Friday, counted by arithmetic.

The Python functions are checked against counting day by day, and the Ibis expressions (which the
engine runs inside DuckDB and Spark) against the Python functions.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import ibis
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ibis.backends import BaseBackend

from naervaer.statistikk.dager import (
    MANDAG_NULL,
    dagnummer,
    dagnummer_uttrykk,
    neste_virkedag_etter,
    neste_virkedag_etter_uttrykk,
    virkedager,
    virkedager_uttrykk,
)


def _dag_for_dag(fra: date, til: date) -> int:
    return sum(1 for n in range((til - fra).days + 1) if (fra + timedelta(days=n)).weekday() < 5)


def test_it_works() -> None:
    assert virkedager(date(2024, 1, 1), date(2024, 1, 7)) == 5  # Mon-Sun


@pytest.mark.parametrize(
    ("fra", "til", "antall"),
    [
        pytest.param(date(2024, 1, 8), date(2024, 1, 8), 1, id="one_monday"),
        pytest.param(date(2024, 1, 13), date(2024, 1, 13), 0, id="one_saturday"),
        pytest.param(date(2024, 1, 13), date(2024, 1, 14), 0, id="a_weekend"),
        pytest.param(date(2024, 1, 5), date(2024, 1, 8), 2, id="friday_to_monday"),
        pytest.param(date(2024, 1, 6), date(2024, 1, 12), 5, id="saturday_to_friday"),
        pytest.param(date(2024, 2, 29), date(2024, 2, 29), 1, id="leap_day_thursday"),
        pytest.param(date(2024, 12, 30), date(2025, 1, 3), 5, id="across_new_year"),
        pytest.param(date(2024, 12, 28), date(2025, 1, 5), 5, id="across_new_year_weekends"),
        pytest.param(date(2024, 1, 1), date(2024, 3, 31), 65, id="2024K1"),
        pytest.param(date(2024, 4, 1), date(2024, 6, 30), 65, id="2024K2"),
        pytest.param(date(2024, 1, 1), date(2024, 12, 31), 262, id="leap_year_from_a_monday"),
        pytest.param(date(2023, 1, 1), date(2023, 12, 31), 260, id="year_from_a_sunday"),
        pytest.param(date(1899, 12, 25), date(1899, 12, 31), 5, id="before_the_epoch"),
        pytest.param(date(1899, 12, 29), date(1900, 1, 2), 3, id="across_the_epoch"),
    ],
)
def test_working_days_are_monday_to_friday_inclusive(fra: date, til: date, antall: int) -> None:
    assert virkedager(fra, til) == antall


def test_no_working_days_when_til_is_before_fra() -> None:
    assert virkedager(date(2024, 1, 10), date(2024, 1, 9)) == 0
    assert virkedager(date(2025, 1, 1), date(2024, 1, 1)) == 0


def test_the_epoch_is_a_monday_with_day_number_zero() -> None:
    assert MANDAG_NULL.weekday() == 0
    assert dagnummer(MANDAG_NULL) == 0
    assert dagnummer(date(2024, 1, 1)) % 7 == 0  # a Monday


@pytest.mark.parametrize(
    ("dag", "neste"),
    [
        pytest.param(date(2024, 1, 5), date(2024, 1, 8), id="friday"),
        pytest.param(date(2024, 1, 6), date(2024, 1, 8), id="saturday"),
        pytest.param(date(2024, 1, 7), date(2024, 1, 8), id="sunday"),
        pytest.param(date(2024, 1, 8), date(2024, 1, 9), id="monday"),
        pytest.param(date(2024, 1, 4), date(2024, 1, 5), id="thursday"),
        pytest.param(date(2024, 3, 29), date(2024, 4, 1), id="friday_before_a_new_quarter"),
        pytest.param(date(2025, 12, 31), date(2026, 1, 1), id="new_years_eve_wednesday"),
    ],
)
def test_the_next_working_day_skips_the_weekend(dag: date, neste: date) -> None:
    assert neste_virkedag_etter(dag) == neste


datoer = st.dates(min_value=date(1800, 1, 1), max_value=date(2300, 12, 31))


@given(datoer, st.integers(-10, 800))
def test_working_days_match_counting_day_by_day(fra: date, lengde: int) -> None:
    til = fra + timedelta(days=lengde)
    assert virkedager(fra, til) == (_dag_for_dag(fra, til) if lengde >= 0 else 0)


@given(datoer, st.integers(0, 400), st.integers(0, 400))
def test_working_days_add_up_over_adjacent_periods(fra: date, forste: int, andre: int) -> None:
    midt = fra + timedelta(days=forste)
    til = midt + timedelta(days=andre)
    assert virkedager(fra, til) == virkedager(fra, midt) + virkedager(midt + timedelta(days=1), til)


@given(datoer)
def test_the_next_working_day_is_the_first_weekday_after(dag: date) -> None:
    neste = neste_virkedag_etter(dag)
    assert neste > dag
    assert neste.weekday() < 5
    assert virkedager(dag + timedelta(days=1), neste - timedelta(days=1)) == 0


# --- the Ibis expressions on DuckDB -----------------------------------------------------------


@pytest.fixture(scope="module")
def duckdb() -> Iterator[BaseBackend]:
    con = ibis.duckdb.connect()
    yield con
    con.disconnect()


# The engine's day numbers are positive for every date from its Monday in 1900.
ekte_datoer = st.dates(min_value=MANDAG_NULL, max_value=date(2200, 12, 31))
par = st.tuples(ekte_datoer, st.integers(-10, 400))


@settings(max_examples=30, deadline=None)
@given(st.lists(par, min_size=1, max_size=40))
def test_the_ibis_expressions_agree_with_python_on_duckdb(
    duckdb: BaseBackend, datopar: list[tuple[date, int]]
) -> None:
    fra = [f for f, _ in datopar]
    til = [f + timedelta(days=n) for f, n in datopar]
    tabell = ibis.memtable(
        pa.table(
            {
                "i": pa.array(range(len(fra)), pa.int64()),
                "fra": pa.array(fra, pa.date32()),
                "til": pa.array(til, pa.date32()),
            }
        )
    )
    fra_nr, til_nr = dagnummer_uttrykk(tabell.fra), dagnummer_uttrykk(tabell.til)
    uttrykk = tabell.select(
        "i",
        dagnummer=fra_nr,
        virkedager=virkedager_uttrykk(fra_nr, til_nr),
        neste=neste_virkedag_etter_uttrykk(fra_nr),
    ).order_by("i")
    svar = duckdb.to_pyarrow(uttrykk).to_pylist()
    for f, t, rad in zip(fra, til, svar, strict=True):
        assert rad["dagnummer"] == dagnummer(f), f
        assert rad["virkedager"] == virkedager(f, t), (f, t)
        assert rad["neste"] == dagnummer(neste_virkedag_etter(f)), f
