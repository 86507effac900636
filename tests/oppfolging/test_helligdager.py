"""Norwegian public holidays, ``naervaer.oppfolging.helligdager``: Easter by formula, the rest by
the law's list. Easter dates are from the church calendar (almanakken)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from naervaer.oppfolging.helligdager import fridag, helligdager, paaskedag, siste_virkedag

SOENDAG = 6


def test_it_works() -> None:
    assert paaskedag(2026) == date(2026, 4, 5)


@pytest.mark.parametrize(
    ("aar", "paaske"),
    [
        pytest.param(2008, date(2008, 3, 23), id="early_2008"),
        pytest.param(2011, date(2011, 4, 24), id="late_2011"),
        pytest.param(2019, date(2019, 4, 21), id="2019"),
        pytest.param(2024, date(2024, 3, 31), id="2024"),
        pytest.param(2025, date(2025, 4, 20), id="2025"),
        pytest.param(2026, date(2026, 4, 5), id="2026"),
        pytest.param(2027, date(2027, 3, 28), id="2027"),
        pytest.param(2038, date(2038, 4, 25), id="latest_possible_25_april"),
        pytest.param(2285, date(2285, 3, 22), id="earliest_possible_22_march"),
    ],
)
def test_easter_sunday_follows_the_church_calendar(aar: int, paaske: date) -> None:
    assert paaskedag(aar) == paaske


@given(st.integers(min_value=1900, max_value=2400))
def test_easter_is_a_sunday_between_22_march_and_25_april(aar: int) -> None:
    paaske = paaskedag(aar)
    assert paaske.weekday() == SOENDAG
    assert date(aar, 3, 22) <= paaske <= date(aar, 4, 25)


def test_the_holidays_of_2026() -> None:
    # Easter Sunday 5 April 2026; Ascension is Easter + 39 days (14 May), Whitsun + 49 (24 May).
    assert helligdager(2026) == {
        date(2026, 1, 1): "1. nyttårsdag",
        date(2026, 4, 2): "skjærtorsdag",
        date(2026, 4, 3): "langfredag",
        date(2026, 4, 5): "1. påskedag",
        date(2026, 4, 6): "2. påskedag",
        date(2026, 5, 1): "1. mai",
        date(2026, 5, 14): "Kristi himmelfartsdag",
        date(2026, 5, 17): "17. mai",
        date(2026, 5, 24): "1. pinsedag",
        date(2026, 5, 25): "2. pinsedag",
        date(2026, 12, 25): "1. juledag",
        date(2026, 12, 26): "2. juledag",
    }


@pytest.mark.parametrize(
    ("dag", "navn"),
    [
        pytest.param(date(2026, 1, 10), "lørdag", id="saturday"),
        pytest.param(date(2026, 1, 11), "søndag", id="sunday"),
        pytest.param(date(2026, 4, 6), "2. påskedag", id="easter_monday"),
        # 17 May 2026 is a Sunday: the holiday's name says more than «søndag».
        pytest.param(date(2026, 5, 17), "17. mai", id="holiday_on_a_sunday"),
        pytest.param(date(2025, 12, 24), None, id="christmas_eve_is_a_working_day"),
        pytest.param(date(2026, 1, 5), None, id="ordinary_monday"),
    ],
)
def test_fridag_names_the_day_off(dag: date, navn: str | None) -> None:
    assert fridag(dag) == navn


@pytest.mark.parametrize(
    ("dag", "forut"),
    [
        pytest.param(date(2026, 1, 5), date(2026, 1, 5), id="a_working_day_is_itself"),
        pytest.param(date(2026, 1, 10), date(2026, 1, 9), id="saturday_to_friday"),
        # Monday 6 April 2026 is 2. påskedag; Sunday, Saturday, langfredag (3) and skjærtorsdag
        # (2) are days off too, so Wednesday 1 April is the last working day.
        pytest.param(date(2026, 4, 6), date(2026, 4, 1), id="easter_monday_to_wednesday"),
        # Saturday 27 December 2025, after 2. juledag (Friday) and 1. juledag (Thursday): Christmas
        # Eve, Wednesday, is an ordinary working day.
        pytest.param(date(2025, 12, 27), date(2025, 12, 24), id="christmas_to_christmas_eve"),
        pytest.param(date(2026, 1, 1), date(2025, 12, 31), id="new_year_across_the_year"),
    ],
)
def test_siste_virkedag_goes_back_to_a_working_day(dag: date, forut: date) -> None:
    assert siste_virkedag(dag) == forut


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_siste_virkedag_is_never_later_and_never_a_day_off(dag: date) -> None:
    forut = siste_virkedag(dag)
    assert forut <= dag
    assert fridag(forut) is None
    assert all(fridag(forut + timedelta(days=n)) for n in range(1, (dag - forut).days + 1))
