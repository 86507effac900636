"""The virksomhet's egenmelding policy, ``naervaer.oppfolging.egenmelding``.

The law: three calendar days per absence, absences within 16 days counted together, and the right
may be lost after four absences with egenmelding in twelve months (ftrl. §§ 8-23 to 8-27). The
former IA rule: eight days per absence, 24 days per twelve months. Local rules up to 16 days.
"""

from __future__ import annotations

from datetime import date

import pytest

from naervaer.oppfolging.egenmelding import (
    IA_REGEL,
    LOVENS_REGEL,
    Egenmeldingsregel,
    lokal_regel,
    merknader,
)
from naervaer.oppfolging.tilfelle import Fravaerstype, Periode, knytt_sammen

EGEN = Fravaerstype.EGENMELDING


def _egen(fra: date, til: date) -> Periode:
    return Periode(fra, til, EGEN)


def _merknader(regel: Egenmeldingsregel, *perioder: Periode) -> tuple[str, ...]:
    return merknader(knytt_sammen(perioder), regel)


def test_it_works() -> None:
    assert _merknader(LOVENS_REGEL, _egen(date(2026, 1, 5), date(2026, 1, 7))) == ()


@pytest.mark.parametrize(
    ("regel", "perioder", "fra_dag"),
    [
        pytest.param(
            LOVENS_REGEL, [_egen(date(2026, 1, 5), date(2026, 1, 7))], None, id="law_3_days_ok"
        ),
        pytest.param(
            # Day 4 of Monday 5 January is Thursday 8 January.
            LOVENS_REGEL,
            [_egen(date(2026, 1, 5), date(2026, 1, 8))],
            "8. januar 2026",
            id="law_4_days_too_many",
        ),
        pytest.param(
            # Two and two days, 5 days between (7-11 January): one absence of four days, so the
            # fourth egenmelding day, 13 January, needs a sykmelding.
            LOVENS_REGEL,
            [
                _egen(date(2026, 1, 5), date(2026, 1, 6)),
                _egen(date(2026, 1, 12), date(2026, 1, 13)),
            ],
            "13. januar 2026",
            id="law_absences_within_16_days_count_together",
        ),
        pytest.param(
            IA_REGEL, [_egen(date(2026, 1, 5), date(2026, 1, 12))], None, id="ia_8_days_ok"
        ),
        pytest.param(
            # Day 9 from 5 January is 13 January.
            IA_REGEL,
            [_egen(date(2026, 1, 5), date(2026, 1, 13))],
            "13. januar 2026",
            id="ia_9_days_too_many",
        ),
        pytest.param(
            lokal_regel(16),
            [_egen(date(2026, 1, 5), date(2026, 1, 20))],
            None,
            id="local_16_days_ok",
        ),
    ],
)
def test_days_per_absence(
    regel: Egenmeldingsregel, perioder: list[Periode], fra_dag: str | None
) -> None:
    svar = _merknader(regel, *perioder)
    if fra_dag is None:
        assert svar == ()
    else:
        (merknad,) = svar
        assert f"Fra {fra_dag} trengs sykmelding" in merknad
        assert regel.navn in merknad


# Four earlier absences with egenmelding, each more than 16 days apart, all after 5 January 2025.
FIRE_TIDLIGERE = [
    _egen(date(2025, 2, 3), date(2025, 2, 4)),
    _egen(date(2025, 4, 7), date(2025, 4, 7)),
    _egen(date(2025, 6, 2), date(2025, 6, 3)),
    _egen(date(2025, 9, 1), date(2025, 9, 2)),
]
NAA = _egen(date(2026, 1, 5), date(2026, 1, 6))


def test_a_fifth_absence_in_twelve_months_may_lose_the_right() -> None:
    (merknad,) = _merknader(LOVENS_REGEL, *FIRE_TIDLIGERE, NAA)
    assert "brukt egenmelding 4 ganger de siste 12 månedene før 5. januar 2026" in merknad
    assert "ftrl. §§ 8-23 til 8-27" in merknad


def test_an_absence_more_than_twelve_months_back_does_not_count() -> None:
    # 2 December 2024 is more than 12 months before 5 January 2026: three in the window.
    tidligere = [_egen(date(2024, 12, 2), date(2024, 12, 3)), *FIRE_TIDLIGERE[1:]]
    assert _merknader(LOVENS_REGEL, *tidligere, NAA) == ()


def test_ia_counts_24_days_in_twelve_months() -> None:
    # Three earlier absences of eight days: 24 days used, so the first day of this one is over.
    tidligere = [
        _egen(date(2025, 3, 3), date(2025, 3, 10)),
        _egen(date(2025, 6, 2), date(2025, 6, 9)),
        _egen(date(2025, 9, 1), date(2025, 9, 8)),
    ]
    (merknad,) = _merknader(IA_REGEL, *tidligere, NAA)
    assert "brukt 26 egenmeldingsdager på 12 måneder" in merknad  # 24 + 2
    assert "Fra 5. januar 2026 trengs sykmelding" in merknad
    # The law's rule counts absences, not days: three earlier are fine.
    assert _merknader(LOVENS_REGEL, *tidligere, NAA) == ()


def test_egenmelding_after_the_arbeidsgiverperiode_gives_no_sykepenger() -> None:
    # Sykmelding 5-30 January (the 16 days end 20 January); at work 31 January-8 February (9
    # days, fewer than 16): the egenmelding 9-10 February belongs to the same case.
    (merknad,) = _merknader(
        LOVENS_REGEL,
        Periode(date(2026, 1, 5), date(2026, 1, 30)),
        _egen(date(2026, 2, 9), date(2026, 2, 10)),
    )
    assert "etter arbeidsgiverperioden (fra 9. februar 2026)" in merknad
    assert "ftrl. § 8-7" in merknad


def test_a_sykmelding_only_case_says_nothing() -> None:
    assert _merknader(LOVENS_REGEL, Periode(date(2026, 1, 5))) == ()


@pytest.mark.parametrize("dager", [2, 17])
def test_a_local_rule_stays_within_the_law(dager: int) -> None:
    with pytest.raises(ValueError, match="fra 3 til 16 dager"):
        _merknader(lokal_regel(dager), NAA)
