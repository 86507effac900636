"""A department's dagsverk in 2026K1, counted by hand (statistikk.md §3-§4).

2026K1 has 64 working days: 22 in January (1-2, then four full weeks), 20 in February and 22 in
March (four full weeks, then 30-31).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from naervaer.statistikk.kvartal import Kvartal
from naervaer.tidligvarsel.dagsverk import Dagsverk, dagsverk, over_kvartaler
from naervaer.tidligvarsel.grunnlag import Arbeidsforhold, Fravaersperiode
from naervaer.tidligvarsel.tidsrom import Tidsrom
from naervaer.tidligvarsel.tilfeller import slaa_sammen
from tests.tidligvarsel.lag import d, egen, jobb, syk

K1 = Tidsrom(d("2026-01-01"), d("2026-03-31"))


def D(tekst: str) -> Decimal:
    return Decimal(tekst)


@pytest.mark.parametrize(
    ("forhold", "perioder", "svar"),
    [
        pytest.param([jobb(1)], [], Dagsverk(1, D("64"), D("0"), D("0"), D("0")), id="no_absence"),
        pytest.param(
            [jobb(1, stilling="80")],
            [egen(1, "2026-01-05", "2026-01-07")],
            # 64 × 0,8; 3 days × 0,8
            Dagsverk(1, D("51.2"), D("2.4"), D("2.4"), D("0")),
            id="stillingsprosent",
        ),
        pytest.param(
            [jobb(1)],
            [syk(1, "2026-02-02", "2026-02-27", 50)],
            # 26 days, so langtid; 20 working days × 50 %
            Dagsverk(1, D("64"), D("10"), D("0"), D("10")),
            id="graded_langtid",
        ),
        pytest.param(
            [jobb(1)],
            [egen(1, "2026-01-05", "2026-01-07"), syk(1, "2026-01-05", "2026-01-09", 50)],
            # 5-7 January at 100 %, 8-9 at 50 %: 3 + 1
            Dagsverk(1, D("64"), D("4"), D("4"), D("0")),
            id="overlap_counts_the_highest_grad_once",
        ),
        pytest.param(
            [jobb(1, fra="2026-02-02")],
            [egen(1, "2026-01-12", "2026-01-14")],
            # 20 + 22 working days; the absence before the employment counts nowhere
            Dagsverk(1, D("42"), D("0"), D("0"), D("0")),
            id="absence_outside_the_employment",
        ),
        pytest.param(
            [jobb(1)],
            [syk(1, "2025-12-22", "2026-01-09")],
            # 19 days from its first day, so langtid, though only 9 of them are in the quarter:
            # 1-2 and 5-9 January
            Dagsverk(1, D("64"), D("7"), D("0"), D("7")),
            id="a_case_from_before_the_span_counts_from_its_first_day",
        ),
        pytest.param(
            [jobb(1)],
            [syk(1, "2026-03-23", "2026-04-24")],
            # 9 days by 31 March, so korttid in this quarter: 23-27 and 30-31 March
            Dagsverk(1, D("64"), D("7"), D("7"), D("0")),
            id="varighet_stops_at_the_end_of_the_span",
        ),
        pytest.param(
            [jobb(1, avdeling=2)],
            [egen(1, "2026-01-05", "2026-01-07")],
            Dagsverk(0, D("0"), D("0"), D("0"), D("0")),
            id="another_department",
        ),
        pytest.param(
            [jobb(1, stilling="50"), jobb(1, fra="2021-01-01", stilling="30")],
            [egen(1, "2026-01-05", "2026-01-07")],
            # one person; each day counts once per employment: 3 × 0,5 + 3 × 0,3
            Dagsverk(1, D("51.2"), D("2.4"), D("2.4"), D("0")),
            id="two_employments",
        ),
        pytest.param(
            [jobb(1, til="2026-01-30"), jobb(2, stilling="60")],
            [syk(1, "2026-01-26", "2026-02-13")],
            # 22 + 64 × 0,6; the absence after the employment ended counts nowhere: 26-30 January
            Dagsverk(2, D("60.4"), D("5"), D("0"), D("5")),
            id="ended_employment",
        ),
    ],
)
def test_dagsverk(
    forhold: list[Arbeidsforhold], perioder: list[Fravaersperiode], svar: Dagsverk
) -> None:
    assert dagsverk(forhold, slaa_sammen(perioder), frozenset({1}), K1) == svar


def test_four_quarters_add_up_with_the_largest_count_of_persons() -> None:
    # 2025 has 64 + 65 + 66 + 66 working days; person 2 works only in the last quarter.
    forhold = [jobb(1), jobb(2, fra="2025-10-01")]
    kvartaler = [Kvartal(2025, k) for k in (1, 2, 3, 4)]
    tall, med_data = over_kvartaler(forhold, slaa_sammen([]), frozenset({1}), kvartaler)
    assert tall == Dagsverk(2, D("327"), D("0"), D("0"), D("0"))
    assert med_data == 4


def test_a_quarter_without_employment_has_no_data() -> None:
    kvartaler = [Kvartal(2025, k) for k in (1, 2, 3, 4)]
    _, med_data = over_kvartaler(
        [jobb(1, fra="2025-04-01")], slaa_sammen([]), frozenset({1}), kvartaler
    )
    assert med_data == 3
