"""Repeated short-term absence on Thursday 30 April 2026: six months back is from 31 October 2025,
52 weeks back from Friday 2 May 2025."""

from __future__ import annotations

from datetime import date

import pytest

from naervaer.tidligvarsel.grunnlag import Fravaersperiode
from naervaer.tidligvarsel.korttid import bradford, bradford_tidsrom, gjentatt_korttid
from naervaer.tidligvarsel.terskler import Terskler
from naervaer.tidligvarsel.tidsrom import Tidsrom
from naervaer.tidligvarsel.tilfeller import slaa_sammen
from tests.tidligvarsel.lag import d, egen, syk

DAG = date(2026, 4, 30)
TRE = [
    egen(1, "2025-11-03", "2025-11-04"),
    egen(1, "2026-01-12", "2026-01-14"),
    egen(1, "2026-04-13", "2026-04-13"),
]


def varslet(perioder: list[Fravaersperiode], **terskler: object) -> list[int]:
    return [
        v.ansatt
        for v in gjentatt_korttid(slaa_sammen(perioder), DAG, Terskler(**terskler))  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize(
    ("perioder", "terskler", "svar"),
    [
        pytest.param(TRE, {}, [1], id="three_in_six_months"),
        pytest.param(TRE[1:], {}, [], id="two_are_not_enough"),
        pytest.param(TRE[1:], {"korttid_antall": 2}, [1], id="two_when_set_to_two"),
        pytest.param(
            [egen(1, "2025-10-30", "2025-10-30"), *TRE[1:]], {}, [], id="one_day_too_early"
        ),
        pytest.param(
            [egen(1, "2025-10-31", "2025-10-31"), *TRE[1:]], {}, [1], id="first_day_of_the_window"
        ),
        pytest.param(TRE, {"korttid_maaneder": 3}, [], id="three_months_hold_two"),
        pytest.param(
            # Friday, then Monday and Tuesday: one case, not two.
            [egen(1, "2026-03-13", "2026-03-13"), egen(1, "2026-03-16", "2026-03-17"), TRE[1]],
            {},
            [],
            id="joined_periods_are_one_occurrence",
        ),
        pytest.param(
            # Friday, then Tuesday: a working day between, so two cases.
            [egen(1, "2026-03-13", "2026-03-13"), egen(1, "2026-03-17", "2026-03-17"), TRE[1]],
            {},
            [1],
            id="a_working_day_between_makes_two",
        ),
        pytest.param(
            [syk(1, "2025-11-03", "2025-11-19"), *TRE[1:]], {}, [], id="a_17_day_case_is_long"
        ),
        pytest.param(
            [syk(1, "2025-11-03", "2025-11-18"), *TRE[1:]], {}, [1], id="a_16_day_case_is_short"
        ),
        pytest.param(
            [*TRE[1:], egen(1, "2026-05-04", "2026-05-05")], {}, [], id="after_the_day_not_yet"
        ),
        pytest.param(
            [*TRE, *(egen(2, p.fra.isoformat(), p.til.isoformat()) for p in TRE[1:])],
            {},
            [1],
            id="only_the_person_with_three",
        ),
    ],
)
def test_count(
    perioder: list[Fravaersperiode], terskler: dict[str, object], svar: list[int]
) -> None:
    assert varslet(perioder, **terskler) == svar


# Four short cases in 52 weeks: Friday-Monday 6-9 June 2025 (2 working days), 5-7 January (3),
# 2-3 February (2) and 2-6 March 2026 (5): S = 4, D = 12, S² × D = 192.
FIRE = [
    egen(3, "2025-06-06", "2025-06-09"),
    egen(3, "2026-01-05", "2026-01-07"),
    egen(3, "2026-02-02", "2026-02-03"),
    egen(3, "2026-03-02", "2026-03-06"),
]


def test_bradford_factor() -> None:
    faktor = bradford(slaa_sammen(FIRE)[3], DAG)
    assert (faktor.tilfeller, faktor.dager, faktor.faktor) == (4, 12, 192)
    assert faktor.tidsrom == Tidsrom(d("2025-05-02"), DAG) == bradford_tidsrom(DAG)


def test_bradford_counts_only_the_days_inside_52_weeks_and_only_short_cases() -> None:
    perioder = [
        egen(3, "2025-05-01", "2025-05-02"),  # Thursday-Friday: only Friday is inside
        syk(3, "2025-09-01", "2025-10-31"),  # long: followed up in Oppfølging instead
        *FIRE[1:],
    ]
    faktor = bradford(slaa_sammen(perioder)[3], DAG)
    assert (faktor.tilfeller, faktor.dager, faktor.faktor) == (4, 11, 176)


@pytest.mark.parametrize(
    ("terskler", "svar"),
    [
        ({"korttid_antall": 5}, []),
        ({"korttid_antall": 5, "bradford_aktiv": True}, [3]),
        ({"korttid_antall": 5, "bradford_aktiv": True, "bradford_terskel": 192}, [3]),
        ({"korttid_antall": 5, "bradford_aktiv": True, "bradford_terskel": 193}, []),
    ],
)
def test_bradford_as_an_option(terskler: dict[str, object], svar: list[int]) -> None:
    assert varslet(FIRE, **terskler) == svar


def test_what_the_warning_says() -> None:
    (varsel,) = gjentatt_korttid(slaa_sammen(TRE), DAG, Terskler(bradford_aktiv=True))
    assert [t.fra for t in varsel.tilfeller] == [p.fra for p in TRE]
    assert varsel.tittel == "Gjentatt korttidsfravær"
    assert varsel.rad.funn == (
        "3 korte fraværstilfeller (16 dager eller kortere) som begynte de siste 6 månedene: "
        "3.–4. november 2025, 12.–14. januar 2026 og 13. april 2026. Bradford-faktoren for de "
        "siste 52 ukene er 54 (3 × 3 tilfeller × 6 fraværsdager), og grensen er 125."
    )
    assert "ikke om helsen" in varsel.rad.gjor
    assert varsel.rad.temaer == ("hyppig_korttidsfravaer", "forebyggende")


def test_found_by_the_factor_alone_lists_the_cases_of_52_weeks() -> None:
    (varsel,) = gjentatt_korttid(
        slaa_sammen(FIRE), DAG, Terskler(korttid_antall=5, bradford_aktiv=True)
    )
    assert len(varsel.tilfeller) == 4
    assert varsel.rad.funn.startswith("4 korte fraværstilfeller de siste 52 ukene: 6.–9. juni 2025")
    assert "er 192 (4 × 4 tilfeller × 12 fraværsdager), som er over grensen på 125." in (
        varsel.rad.funn
    )


def test_most_occurrences_first() -> None:
    perioder = [*TRE, *(egen(2, p.fra.isoformat(), p.til.isoformat()) for p in FIRE[1:])]
    perioder.append(egen(2, "2026-04-20", "2026-04-20"))
    assert varslet(perioder) == [2, 1]
