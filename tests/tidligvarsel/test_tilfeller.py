"""Occurrences are the statistics' cases (statistikk.md §4); dates counted by hand on a 2026
calendar (Monday 5 January, Friday 9 January, Monday 12 January)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from naervaer.tidligvarsel.tilfeller import Dagrekke, slaa_sammen
from tests.tidligvarsel.lag import d, egen, syk


def test_one_period_is_one_case() -> None:
    (tilfelle,) = slaa_sammen([egen(1, "2026-01-05", "2026-01-07")])[1]
    assert (tilfelle.fra, tilfelle.til, tilfelle.varighet()) == (
        d("2026-01-05"),
        d("2026-01-07"),
        3,
    )


@pytest.mark.parametrize(
    ("perioder", "starter"),
    [
        pytest.param(
            [egen(1, "2026-01-05", "2026-01-09"), egen(1, "2026-01-12", "2026-01-13")],
            ["2026-01-05"],
            id="friday_then_monday_is_one_case",
        ),
        pytest.param(
            [egen(1, "2026-01-05", "2026-01-09"), egen(1, "2026-01-13", "2026-01-14")],
            ["2026-01-05", "2026-01-13"],
            id="a_monday_at_work_between_breaks_it",
        ),
        pytest.param(
            [egen(1, "2026-01-05", "2026-01-08"), egen(1, "2026-01-09", "2026-01-09")],
            ["2026-01-05"],
            id="the_next_day_joins",
        ),
        pytest.param(
            # The first working day after Thursday is Friday; a Saturday start comes after it.
            [egen(1, "2026-01-05", "2026-01-08"), syk(1, "2026-01-10", "2026-01-30")],
            ["2026-01-05", "2026-01-10"],
            id="thursday_then_saturday_is_two_cases",
        ),
        pytest.param(
            [syk(1, "2026-01-05", "2026-01-10"), syk(1, "2026-01-12", "2026-01-16")],
            ["2026-01-05"],
            id="ended_saturday_then_monday_joins",
        ),
        pytest.param(
            # The latest end so far (30 January) decides, not the end of the period just before.
            [
                syk(1, "2026-01-05", "2026-01-30"),
                egen(1, "2026-01-07", "2026-01-09"),
                egen(1, "2026-02-02", "2026-02-03"),
            ],
            ["2026-01-05"],
            id="latest_end_so_far",
        ),
        pytest.param(
            [egen(1, "2026-01-05", "2026-01-06"), syk(1, "2026-01-07", "2026-02-06", 50)],
            ["2026-01-05"],
            id="egenmelding_then_sykmelding_is_one_case",
        ),
    ],
)
def test_join(perioder: list, starter: list[str]) -> None:
    assert [t.fra for t in slaa_sammen(perioder)[1]] == [d(s) for s in starter]


def test_persons_are_joined_apart() -> None:
    tilfeller = slaa_sammen(
        [egen(1, "2026-01-05", "2026-01-06"), egen(2, "2026-01-07", "2026-01-08")]
    )
    assert {a: len(t) for a, t in tilfeller.items()} == {1: 1, 2: 1}


def test_each_day_once_with_the_highest_grad() -> None:
    (tilfelle,) = slaa_sammen(
        [egen(1, "2026-01-05", "2026-01-07"), syk(1, "2026-01-07", "2026-01-16", 50)]
    )[1]
    assert tilfelle.dagrekker() == (
        Dagrekke(date(2026, 1, 5), date(2026, 1, 7), Decimal(100)),
        Dagrekke(date(2026, 1, 8), date(2026, 1, 16), Decimal(50)),
    )


def test_a_weekend_between_periods_is_no_day_of_absence() -> None:
    (tilfelle,) = slaa_sammen(
        [egen(1, "2026-01-05", "2026-01-09"), egen(1, "2026-01-12", "2026-01-14")]
    )[1]
    assert [(r.fra.day, r.til.day) for r in tilfelle.dagrekker()] == [(5, 9), (12, 14)]
    # 5-9 and 12-14 January: 5 + 3 working days; from the 8th: 2 + 3.
    assert tilfelle.virkedager(d("2026-01-01"), d("2026-01-31")) == 8
    assert tilfelle.virkedager(d("2026-01-08"), d("2026-01-31")) == 5


@pytest.mark.parametrize(
    ("til", "ved", "varighet", "korttid"),
    [
        ("2026-01-20", None, 16, True),
        ("2026-01-21", None, 17, False),
        ("2026-01-30", "2026-01-20", 16, True),  # 16 days by the end of a span: still korttid
    ],
)
def test_varighet(til: str, ved: str | None, varighet: int, korttid: bool) -> None:
    (tilfelle,) = slaa_sammen([syk(1, "2026-01-05", til)])[1]
    slutt = d(ved) if ved else None
    assert tilfelle.varighet(slutt) == varighet
    assert tilfelle.er_korttid(slutt) is korttid
