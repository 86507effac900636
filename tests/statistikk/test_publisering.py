from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from naervaer.statistikk.kvartal import Kvartal
from naervaer.statistikk.publisering import (
    STANDARD_KALENDER,
    Publiseringskalender,
    datotekst,
    gjeldende_periode,
    kort_datotekst,
    periodetekst,
)

K = Kvartal.fra_tekst


@pytest.mark.parametrize(
    ("kvartal", "dato"),
    [("2024K4", date(2025, 2, 27)), ("2025K3", date(2025, 11, 27)), ("2025K4", date(2026, 2, 26))],
)
def test_the_rule_fits_the_known_dates(kvartal: str, dato: date) -> None:
    assert Publiseringskalender().publiseringsdato(K(kvartal)) == dato


def test_an_explicit_date_overrides_the_rule() -> None:
    kalender = Publiseringskalender(datoer={K("2026K1"): date(2026, 6, 4)})
    assert kalender.publiseringsdato(K("2026K1")) == date(2026, 6, 4)
    assert kalender.publiseringsdato(K("2026K2")) == date(2026, 8, 27)


def test_the_rule_is_configuration() -> None:
    kalender = Publiseringskalender(ukedag=1, maneder_etter=1)  # last Tuesday, one month after
    assert kalender.publiseringsdato(K("2025K4")) == date(2026, 1, 27)


def test_the_latest_published_quarter() -> None:
    assert STANDARD_KALENDER.siste_publiserte(date(2026, 2, 25)) == K("2025K3")
    assert STANDARD_KALENDER.siste_publiserte(date(2026, 2, 26)) == K("2025K4")


def test_the_next_update() -> None:
    assert STANDARD_KALENDER.neste_publisering(date(2026, 2, 25)) == (
        K("2025K4"),
        date(2026, 2, 26),
    )
    assert STANDARD_KALENDER.neste_publisering(date(2026, 2, 26)) == (
        K("2026K1"),
        date(2026, 5, 28),
    )


def test_the_current_period_comes_from_the_data_and_the_date() -> None:
    data = [K("2025K2"), K("2025K3"), K("2025K4")]
    assert gjeldende_periode(data, date(2026, 1, 15)) == K("2025K3")
    assert gjeldende_periode(data, date(2026, 3, 1)) == K("2025K4")
    # Data lag behind the calendar: the newest quarter in the data is current.
    assert gjeldende_periode(data[:1], date(2026, 3, 1)) == K("2025K2")
    assert gjeldende_periode([], date(2026, 3, 1)) is None


def test_the_period_text() -> None:
    assert periodetekst(K("2026K2")) == "1. juli 2025 – 30. juni 2026"
    assert periodetekst(K("2024K4")) == "1. januar 2024 – 31. desember 2024"
    assert periodetekst(K("2024K4"), 1) == "1. oktober 2024 – 31. desember 2024"


def test_dates_in_norwegian() -> None:
    assert datotekst(date(2025, 2, 27)) == "27. februar 2025"
    assert kort_datotekst(date(2025, 2, 7)) == "07.02.2025"


@given(st.integers(2000 * 4, 2100 * 4))
def test_publication_is_a_thursday_in_the_second_month_after(indeks: int) -> None:
    kvartal = Kvartal.fra_indeks(indeks)
    dato = Publiseringskalender().publiseringsdato(kvartal)
    assert dato.weekday() == 3
    assert (kvartal + 1).start < dato
    assert dato.month == ((kvartal + 1).start.month + 1)
    assert (dato + timedelta(days=7)).month != dato.month  # the last one of its month


@given(st.dates(date(2001, 1, 1), date(2100, 1, 1)))
def test_the_next_update_is_after_the_latest(dag: date) -> None:
    siste = STANDARD_KALENDER.siste_publiserte(dag)
    neste, dato = STANDARD_KALENDER.neste_publisering(dag)
    assert STANDARD_KALENDER.publiseringsdato(siste) <= dag < dato
    assert neste == siste + 1
