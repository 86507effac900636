"""Joining periods into cases the way the law does, ``naervaer.oppfolging.tilfelle``.

ftrl. § 8-19: a new absence less than 16 calendar days after the previous one continues it and its
arbeidsgiverperiode, which is 16 calendar days of absence. Every date below is counted by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from naervaer.oppfolging.tilfelle import (
    Fravaerstype,
    Periode,
    arbeidsgiverperiode,
    knytt_sammen,
)

EGEN = Fravaerstype.EGENMELDING
SYK = Fravaerstype.SYKMELDING


def test_it_works() -> None:
    (tilfelle,) = knytt_sammen([Periode(date(2026, 1, 5), date(2026, 1, 9))])
    assert (tilfelle.fra, tilfelle.til) == (date(2026, 1, 5), date(2026, 1, 9))


@pytest.mark.parametrize(
    ("perioder", "starter"),
    [
        pytest.param(
            # Ended Saturday 10 January; 11-25 January are 15 days, fewer than 16: one case.
            [Periode(date(2026, 1, 5), date(2026, 1, 10)), Periode(date(2026, 1, 26))],
            [date(2026, 1, 5)],
            id="15_days_between_joins",
        ),
        pytest.param(
            # 11-26 January are 16 days between: a new case and a new arbeidsgiverperiode.
            [Periode(date(2026, 1, 5), date(2026, 1, 10)), Periode(date(2026, 1, 27))],
            [date(2026, 1, 5), date(2026, 1, 27)],
            id="16_days_between_is_a_new_case",
        ),
        pytest.param(
            [
                Periode(date(2026, 1, 5), date(2026, 1, 6), EGEN),
                Periode(date(2026, 1, 7), date(2026, 2, 6)),
            ],
            [date(2026, 1, 5)],
            id="egenmelding_then_sykmelding_starts_at_the_egenmelding",
        ),
        pytest.param(
            [
                Periode(date(2026, 1, 5), date(2026, 1, 20)),
                Periode(date(2026, 1, 12), date(2026, 1, 31), grad=50),
            ],
            [date(2026, 1, 5)],
            id="overlapping_periods",
        ),
        pytest.param(
            # Given out of order: the case still starts on the earliest day.
            [Periode(date(2026, 1, 12)), Periode(date(2026, 1, 5), date(2026, 1, 6), EGEN)],
            [date(2026, 1, 5)],
            id="any_order",
        ),
        pytest.param(
            # Across New Year: ended 30 December, back 31 December-14 January (15 days).
            [Periode(date(2025, 12, 22), date(2025, 12, 30)), Periode(date(2026, 1, 15))],
            [date(2025, 12, 22)],
            id="across_the_year_boundary",
        ),
    ],
)
def test_cases_are_joined_by_the_16_day_rule(perioder: list[Periode], starter: list[date]) -> None:
    assert [t.fra for t in knytt_sammen(perioder)] == starter


def test_an_ongoing_period_takes_in_everything_after_it() -> None:
    (tilfelle,) = knytt_sammen(
        [Periode(date(2026, 1, 5)), Periode(date(2026, 6, 1), date(2026, 6, 5), grad=50)]
    )
    assert tilfelle.til is None


@pytest.mark.parametrize(
    ("perioder", "siste_dag"),
    [
        pytest.param(
            # 5 January + 15 days: the 16th day is Tuesday 20 January.
            [Periode(date(2026, 1, 5))],
            date(2026, 1, 20),
            id="continuous",
        ),
        pytest.param(
            # A graded day is a day of absence like a full one.
            [Periode(date(2026, 1, 5), grad=50)],
            date(2026, 1, 20),
            id="graded",
        ),
        pytest.param(
            # 5-6 January are days 1-2; at work 7-14 January, which do not count; the 14 days
            # left run from 15 January: 15 + 13 = 28 January.
            [Periode(date(2026, 1, 5), date(2026, 1, 6), EGEN), Periode(date(2026, 1, 15))],
            date(2026, 1, 28),
            id="gap_at_work_does_not_count",
        ),
        pytest.param(
            # Egenmelding Thursday 8-Friday 9, sykmelding from Monday 12: the weekend between
            # counts, so the days run on from 8 January: 8 + 15 = 23 January.
            [Periode(date(2026, 1, 8), date(2026, 1, 9), EGEN), Periode(date(2026, 1, 12))],
            date(2026, 1, 23),
            id="weekend_between_counts",
        ),
        pytest.param(
            # At work Friday 9 January: the weekend after it is not bridged. 7-8 January are
            # days 1-2, and 14 more from Monday 12 end on 25 January.
            [Periode(date(2026, 1, 7), date(2026, 1, 8), EGEN), Periode(date(2026, 1, 12))],
            date(2026, 1, 25),
            id="weekend_after_a_working_friday_does_not_count",
        ),
        pytest.param(
            # 22 December 2025 + 15 days = 6 January 2026.
            [Periode(date(2025, 12, 22))],
            date(2026, 1, 6),
            id="across_the_year_boundary",
        ),
    ],
)
def test_arbeidsgiverperiode_is_16_days_of_absence(
    perioder: list[Periode], siste_dag: date
) -> None:
    agp = arbeidsgiverperiode(knytt_sammen(perioder)[-1])
    assert len(agp) == 16
    assert agp[-1].dato == siste_dag


def test_a_short_case_uses_only_its_own_days_of_the_arbeidsgiverperiode() -> None:
    (tilfelle,) = knytt_sammen([Periode(date(2026, 1, 5), date(2026, 1, 7), EGEN)])
    assert [d.dato for d in arbeidsgiverperiode(tilfelle)] == [
        date(2026, 1, 5),
        date(2026, 1, 6),
        date(2026, 1, 7),
    ]


def test_a_sykmelding_decides_a_day_it_shares_with_an_egenmelding() -> None:
    (tilfelle,) = knytt_sammen(
        [
            Periode(date(2026, 1, 5), date(2026, 1, 7), EGEN),
            Periode(date(2026, 1, 7), date(2026, 1, 9), SYK, grad=60),
        ]
    )
    dager = {d.dato: (d.type, d.grad) for d in tilfelle.dager()}
    assert dager[date(2026, 1, 6)] == (EGEN, 100)
    assert dager[date(2026, 1, 7)] == (SYK, 60)


@pytest.mark.parametrize(
    ("lag", "melding"),
    [
        pytest.param(
            lambda: Periode(date(2026, 1, 5), date(2026, 1, 4)),
            "slutter før den begynner",
            id="ends_before_it_begins",
        ),
        pytest.param(lambda: Periode(date(2026, 1, 5), grad=0), "mellom 1 og 100", id="grad_0"),
        pytest.param(
            lambda: Periode(date(2026, 1, 5), date(2026, 1, 6), EGEN, grad=50),
            "hele dager",
            id="graded_egenmelding",
        ),
        pytest.param(
            lambda: Periode(date(2026, 1, 5), None, EGEN),
            "må ha en sluttdato",
            id="egenmelding_without_end",
        ),
        pytest.param(
            lambda: knytt_sammen([Periode(date(2026, 1, 5), grad=19)]),
            "minst 20 prosent",
            id="graded_below_20_percent",
        ),
        pytest.param(lambda: knytt_sammen([]), "minst én periode", id="no_periods"),
    ],
)
def test_it_refuses_what_the_law_cannot_read(lag: object, melding: str) -> None:
    assert callable(lag)
    with pytest.raises(ValueError, match=melding):
        lag()
