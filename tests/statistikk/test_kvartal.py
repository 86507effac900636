"""Calendar quarters, ``naervaer.statistikk.kvartal``: ``2026K1`` in text, numbers in data."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from naervaer.statistikk.kvartal import Kvartal, kvartaler


def test_it_works() -> None:
    kvartal = Kvartal.fra_tekst("2026K1")
    assert kvartal == Kvartal(2026, 1)
    assert str(kvartal) == "2026K1"


@pytest.mark.parametrize(
    ("tekst", "kvartal"),
    [("2024K4", Kvartal(2024, 4)), ("2024k2", Kvartal(2024, 2)), (" 2025K3 ", Kvartal(2025, 3))],
)
def test_text_is_read_in_either_case_and_with_spaces(tekst: str, kvartal: Kvartal) -> None:
    assert Kvartal.fra_tekst(tekst) == kvartal


@pytest.mark.parametrize(
    "tekst", ["2024K5", "2024K0", "2024-1", "24K1", "2024Q1", "K1", "", "2024K12"]
)
def test_text_that_is_not_a_quarter_is_rejected(tekst: str) -> None:
    with pytest.raises(ValueError, match="kvartal"):
        Kvartal.fra_tekst(tekst)


@pytest.mark.parametrize("nummer", [0, 5, -1])
def test_a_quarter_number_outside_one_to_four_is_rejected(nummer: int) -> None:
    with pytest.raises(ValueError):
        Kvartal(2024, nummer)


@pytest.mark.parametrize(
    ("dag", "kvartal"),
    [
        (date(2024, 1, 1), Kvartal(2024, 1)),
        (date(2024, 3, 31), Kvartal(2024, 1)),
        (date(2024, 4, 1), Kvartal(2024, 2)),
        (date(2024, 6, 30), Kvartal(2024, 2)),
        (date(2024, 7, 1), Kvartal(2024, 3)),
        (date(2024, 9, 30), Kvartal(2024, 3)),
        (date(2024, 10, 1), Kvartal(2024, 4)),
        (date(2024, 12, 31), Kvartal(2024, 4)),
    ],
)
def test_a_date_falls_in_its_quarter(dag: date, kvartal: Kvartal) -> None:
    assert Kvartal.fra_dato(dag) == kvartal


@pytest.mark.parametrize(
    ("kvartal", "start", "slutt"),
    [
        (Kvartal(2024, 1), date(2024, 1, 1), date(2024, 3, 31)),
        (Kvartal(2024, 2), date(2024, 4, 1), date(2024, 6, 30)),
        (Kvartal(2024, 3), date(2024, 7, 1), date(2024, 9, 30)),
        (Kvartal(2024, 4), date(2024, 10, 1), date(2024, 12, 31)),
        (Kvartal(2023, 1), date(2023, 1, 1), date(2023, 3, 31)),
    ],
)
def test_start_and_slutt_are_the_first_and_last_day(
    kvartal: Kvartal, start: date, slutt: date
) -> None:
    assert (kvartal.start, kvartal.slutt) == (start, slutt)


def test_arithmetic_crosses_years() -> None:
    assert Kvartal(2024, 4) + 1 == Kvartal(2025, 1)
    assert Kvartal(2025, 1) - 1 == Kvartal(2024, 4)
    assert Kvartal(2024, 2) - 4 == Kvartal(2023, 2)
    assert Kvartal(2024, 3) + 0 == Kvartal(2024, 3)
    assert Kvartal(2024, 1) + 9 == Kvartal(2026, 2)


def test_quarters_are_ordered_in_time() -> None:
    assert Kvartal(2024, 4) < Kvartal(2025, 1)
    assert Kvartal(2025, 1) >= Kvartal(2024, 4)
    assert sorted([Kvartal(2025, 1), Kvartal(2023, 4), Kvartal(2024, 2)]) == [
        Kvartal(2023, 4),
        Kvartal(2024, 2),
        Kvartal(2025, 1),
    ]
    assert max(Kvartal(2024, 1), Kvartal(2024, 3)) == Kvartal(2024, 3)


def test_a_quarter_is_a_value() -> None:
    assert {Kvartal(2024, 1): "a"}[Kvartal.fra_tekst("2024K1")] == "a"
    with pytest.raises(AttributeError):
        Kvartal(2024, 1).kvartal = 2


def test_kvartaler_lists_every_quarter_both_ends_included() -> None:
    assert kvartaler(Kvartal(2024, 3), Kvartal(2025, 2)) == [
        Kvartal(2024, 3),
        Kvartal(2024, 4),
        Kvartal(2025, 1),
        Kvartal(2025, 2),
    ]
    assert kvartaler(Kvartal(2024, 1), Kvartal(2024, 1)) == [Kvartal(2024, 1)]
    assert kvartaler(Kvartal(2024, 2), Kvartal(2024, 1)) == []


alle = st.builds(Kvartal, st.integers(1900, 2200), st.integers(1, 4))


@given(alle)
def test_text_and_running_number_round_trip(kvartal: Kvartal) -> None:
    assert Kvartal.fra_tekst(str(kvartal)) == kvartal
    assert Kvartal.fra_indeks(kvartal.indeks) == kvartal


@given(alle)
def test_quarters_follow_each_other_without_gaps(kvartal: Kvartal) -> None:
    assert (kvartal + 1).start == kvartal.slutt + timedelta(days=1)
    assert Kvartal.fra_dato(kvartal.start) == Kvartal.fra_dato(kvartal.slutt) == kvartal
    assert 90 <= (kvartal.slutt - kvartal.start).days + 1 <= 92


@given(alle, st.integers(-100, 100))
def test_adding_and_subtracting_undo_each_other(kvartal: Kvartal, antall: int) -> None:
    assert (kvartal + antall) - antall == kvartal
    assert ((kvartal + antall) > kvartal) == (antall > 0)
