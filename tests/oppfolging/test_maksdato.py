"""Maksdato, ``naervaer.oppfolging.maksdato``: 248 sykepengedager, Monday to Friday, outside the
arbeidsgiverperiode (ftrl. §§ 8-11, 8-12).

The arithmetic used below: from a first sykepengedag, every 7 calendar days hold 5 weekdays, and
248 = 49 × 5 + 3, so the 245th day is the day before first + 49 weeks (343 days) and three more
weekdays follow. Day-of-year numbers help with 343 days: 2026 is not a leap year.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from naervaer.oppfolging.maksdato import maksdato
from naervaer.oppfolging.regler import REGELVERK, SATSER, Regelverk
from naervaer.oppfolging.tilfelle import Fravaerstype, Periode, knytt_sammen

EGEN = Fravaerstype.EGENMELDING


def _maks(*perioder: Periode, regelverk: Regelverk = REGELVERK) -> date | None:
    svar = maksdato(knytt_sammen(perioder, regelverk), regelverk)
    return None if svar is None else svar.dato


def test_it_works() -> None:
    # Arbeidsgiverperiode 5-20 January 2026; first sykepengedag Wednesday 21 January (day 21).
    # 21 + 343 = day 364 = Wednesday 30 December, so 30 and 31 December are days 246 and 247,
    # and Friday 1 January 2027 is day 248. New Year's Day is paid like any weekday (§ 8-11).
    assert _maks(Periode(date(2026, 1, 5))) == date(2027, 1, 1)


@pytest.mark.parametrize(
    ("perioder", "dato"),
    [
        pytest.param(
            # A graded day counts as a whole one: the same as 100 %.
            [Periode(date(2026, 1, 5), grad=50)],
            date(2027, 1, 1),
            id="graded_counts_as_whole_days",
        ),
        pytest.param(
            [Periode(date(2026, 1, 5), date(2026, 3, 31)), Periode(date(2026, 4, 1), grad=40)],
            date(2027, 1, 1),
            id="full_then_graded",
        ),
        pytest.param(
            # Starts Saturday 10 January: arbeidsgiverperiode 10-25 January, first sykepengedag
            # Monday 26 January (day 26). 26 + 343 = day 369 = Monday 4 January 2027 (day 246);
            # 5 and 6 January are days 247 and 248.
            [Periode(date(2026, 1, 10))],
            date(2027, 1, 6),
            id="starting_on_a_saturday",
        ),
        pytest.param(
            # At work 2-13 March (10 weekdays, 14 days between: one case). The gap uses no days,
            # so maksdato moves 10 weekdays: Friday 1 January 2027 → Friday 15 January.
            [Periode(date(2026, 1, 5), date(2026, 3, 1)), Periode(date(2026, 3, 16))],
            date(2027, 1, 15),
            id="gap_at_work_moves_it_by_its_weekdays",
        ),
        pytest.param(
            # Egenmelding Thursday 8-Friday 9 January, sykmelding from Monday 12: arbeidsgiver-
            # periode 8-23 January (the weekend counts). First sykepengedag Monday 26 January:
            # as when starting Saturday 10 January, day 248 is 6 January 2027.
            [Periode(date(2026, 1, 8), date(2026, 1, 9), EGEN), Periode(date(2026, 1, 12))],
            date(2027, 1, 6),
            id="egenmelding_then_sykmelding",
        ),
        pytest.param(
            # Arbeidsgiverperiode 15-30 December 2025; first sykepengedag Wednesday 31 December.
            # 31 December + 343 days = Wednesday 9 December 2026 (day 246); 10 and 11 December
            # are days 247 and 248.
            [Periode(date(2025, 12, 15))],
            date(2026, 12, 11),
            id="across_the_year_boundary",
        ),
    ],
)
def test_maksdato_by_hand(perioder: list[Periode], dato: date) -> None:
    assert _maks(*perioder) == dato


def test_a_case_that_ended_before_it_has_none() -> None:
    assert _maks(Periode(date(2026, 1, 5), date(2026, 6, 30))) is None


def test_an_earlier_case_within_26_weeks_uses_days() -> None:
    # Earlier case Monday 1 September-Sunday 26 October 2025: arbeidsgiverperiode 1-16 September,
    # sykepengedager Wednesday 17 September-Friday 24 October: 3 + 5 × 5 = 28. Back at work 27
    # October 2025-4 January 2026, 70 days: a new case, but not 26 weeks (182 days).
    # New case from 5 January 2026: 248 − 28 = 220 = 44 × 5 days from Wednesday 21 January, so
    # the 220th is the Tuesday before 21 January + 44 weeks: day 21 + 307 = day 328 = 24 November.
    svar = maksdato(
        knytt_sammen([Periode(date(2025, 9, 1), date(2025, 10, 26)), Periode(date(2026, 1, 5))])
    )
    assert svar is not None
    assert (svar.dato, svar.brukt_for, svar.brukt_opp_for) == (date(2026, 11, 24), 28, False)


def test_26_weeks_at_work_gives_a_new_right() -> None:
    # Earlier case 6 January-2 March 2025 used 28 days; back at work 3 March 2025-4 January 2026,
    # far more than 26 weeks, so the new case starts with 248 days: as in test_it_works.
    svar = maksdato(
        knytt_sammen([Periode(date(2025, 1, 6), date(2025, 3, 2)), Periode(date(2026, 1, 5))])
    )
    assert svar is not None
    assert (svar.dato, svar.brukt_for) == (date(2027, 1, 1), 0)


def test_a_right_used_up_before_the_case_stays_used_up() -> None:
    # 6 January 2025 onwards: arbeidsgiverperiode 6-21 January, first sykepengedag Wednesday 22
    # January (day 22); 22 + 343 = day 365 = Wednesday 31 December 2025 (day 246), Thursday
    # 1 January 2026 day 247, Friday 2 January day 248. Sick without pay until 31 January, back
    # at work for four weeks, sick again 2 March: not 26 weeks fit for work, so no new right.
    svar = maksdato(
        knytt_sammen([Periode(date(2025, 1, 6), date(2026, 1, 31)), Periode(date(2026, 3, 2))])
    )
    assert svar is not None
    assert (svar.dato, svar.brukt_opp_for) == (date(2026, 1, 2), True)


def test_days_older_than_the_window_no_longer_count() -> None:
    # A small, dated variant of the rules makes the three-year window testable by hand: 10 days
    # in 1 year, and a new right only after 52 weeks.
    satser = {"sykepengedager": 10, "sykepengedager_aar": 1, "ny_rett_uker": 52}
    regelverk = Regelverk(
        satser=tuple(dataclasses.replace(s, verdi=satser.get(s.navn, s.verdi)) for s in SATSER)
    )
    # A: 1-21 January 2024, agp 1-16, sykepengedager Wednesday 17-Friday 19 January: 3.
    # B: 1-21 July 2024, agp 1-16, sykepengedager Wednesday 17-Friday 19 July: 3.
    # C: from Monday 20 January 2025, agp 20 January-4 February, sykepengedager from Wednesday
    # 5 February. A's days are more than a year before, so 10 − 3 (B) = 7 are left:
    # 5, 6, 7, 10, 11, 12, 13 February → Thursday 13 February 2025. (Counting A too would give
    # 4 left and 10 February.)
    perioder = (
        Periode(date(2024, 1, 1), date(2024, 1, 21)),
        Periode(date(2024, 7, 1), date(2024, 7, 21)),
        Periode(date(2025, 1, 20)),
    )
    svar = maksdato(knytt_sammen(perioder, regelverk), regelverk)
    assert svar is not None
    assert (svar.dato, svar.brukt_for) == (date(2025, 2, 13), 3)
