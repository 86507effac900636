"""The egenmelding quota, ``naervaer.oppfolging.kvote``.

Calendar days with egenmelding, absences joined by the law's 16-day rule, twelve months back from
the day; the law's rule (3 days, 4 absences), the IA rule (8 days, 24 days) and local rules; the
right after two months of employment.
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
from naervaer.oppfolging.kvote import (
    Status,
    Varsel,
    ansatt_siden,
    kvote,
    overlapper,
    rett_fra,
    vurder,
)
from naervaer.oppfolging.tilfelle import Fravaerstype, Periode, knytt_sammen

EGEN = Fravaerstype.EGENMELDING
DAG = date(2026, 3, 2)  # a Monday


def egen(fra: str, til: str) -> Periode:
    return Periode(date.fromisoformat(fra), date.fromisoformat(til), EGEN)


def syk(fra: str, til: str | None = None, grad: int = 100) -> Periode:
    return Periode(date.fromisoformat(fra), date.fromisoformat(til) if til else None, grad=grad)


# Four absences with egenmelding, each more than 16 days from the next, all inside the twelve
# months before 2 March 2026 (3 March 2025 onwards).
FIRE = [
    egen("2025-03-03", "2025-03-04"),
    egen("2025-05-05", "2025-05-05"),
    egen("2025-08-04", "2025-08-06"),
    egen("2025-11-03", "2025-11-04"),
]


def test_it_works() -> None:
    k = kvote([], LOVENS_REGEL, DAG)
    assert (k.dager_brukt, k.ganger_brukt, k.ganger_igjen, k.dager_igjen) == (0, 0, 4, None)
    assert k.dager_igjen_i_tilfellet == 3
    assert k.status is Status.OK
    assert k.varsler() == ()


@pytest.mark.parametrize(
    ("regel", "perioder", "dager", "ganger", "status"),
    [
        pytest.param(LOVENS_REGEL, FIRE, 8, 4, Status.BRUKT_OPP, id="law_four_absences_used"),
        pytest.param(LOVENS_REGEL, FIRE[1:], 6, 3, Status.LITE_IGJEN, id="law_one_left"),
        pytest.param(LOVENS_REGEL, FIRE[2:], 5, 2, Status.OK, id="law_two_left"),
        pytest.param(
            # 2 March 2025 is exactly twelve months back: it no longer counts, 3 March does.
            LOVENS_REGEL,
            [egen("2025-02-27", "2025-03-02"), egen("2025-03-03", "2025-03-03")],
            1,
            1,
            Status.OK,
            id="window_is_the_twelve_months_after_the_same_date_last_year",
        ),
        pytest.param(
            # Friday to Monday: four calendar days, the weekend included.
            LOVENS_REGEL,
            [egen("2026-01-09", "2026-01-12")],
            4,
            1,
            Status.OK,
            id="calendar_days_weekend_counted",
        ),
        pytest.param(
            # 15 days between (7-21 January): one absence of four egenmelding days.
            LOVENS_REGEL,
            [egen("2026-01-05", "2026-01-06"), egen("2026-01-22", "2026-01-23")],
            4,
            1,
            Status.OK,
            id="within_16_days_one_absence",
        ),
        pytest.param(
            # 16 days between (7-22 January): two absences.
            LOVENS_REGEL,
            [egen("2026-01-05", "2026-01-06"), egen("2026-01-23", "2026-01-24")],
            4,
            2,
            Status.OK,
            id="after_16_days_two_absences",
        ),
        pytest.param(
            # Egenmelding, then a sykmelding the day after: one absence, three egenmelding days.
            LOVENS_REGEL,
            [egen("2026-01-05", "2026-01-07"), syk("2026-01-08", "2026-01-30")],
            3,
            1,
            Status.OK,
            id="egenmelding_then_sykmelding",
        ),
        pytest.param(
            LOVENS_REGEL, [syk("2025-06-02", "2025-08-29")], 0, 0, Status.OK, id="sykmelding_only"
        ),
        pytest.param(
            IA_REGEL,
            [
                egen("2025-04-01", "2025-04-08"),
                egen("2025-06-02", "2025-06-09"),
                egen("2025-09-01", "2025-09-08"),
            ],
            24,
            3,
            Status.BRUKT_OPP,
            id="ia_24_days_used",
        ),
        pytest.param(
            IA_REGEL,
            [egen("2025-06-02", "2025-06-09"), egen("2025-09-01", "2025-09-08")],
            16,
            2,
            Status.OK,
            id="ia_8_days_left",
        ),
        pytest.param(
            IA_REGEL,
            [
                egen("2025-06-02", "2025-06-09"),
                egen("2025-09-01", "2025-09-08"),
                egen("2025-11-03", "2025-11-04"),
            ],
            18,
            3,
            Status.LITE_IGJEN,
            id="ia_fewer_days_left_than_one_absence",
        ),
        pytest.param(
            # A local rule keeps the law's four absences.
            lokal_regel(5),
            FIRE,
            8,
            4,
            Status.BRUKT_OPP,
            id="local_rule_four_absences",
        ),
    ],
)
def test_quota(
    regel: Egenmeldingsregel,
    perioder: list[Periode],
    dager: int,
    ganger: int,
    status: Status,
) -> None:
    k = kvote(perioder, regel, DAG)
    assert (k.dager_brukt, k.ganger_brukt) == (dager, ganger)
    assert k.status is status


def test_what_is_left() -> None:
    lov = kvote(FIRE[1:], LOVENS_REGEL, DAG)
    assert (lov.ganger_igjen, lov.dager_igjen) == (1, None)
    ia = kvote([egen("2025-06-02", "2025-06-09")], IA_REGEL, DAG)
    assert (ia.ganger_igjen, ia.dager_igjen, ia.dager_igjen_i_tilfellet) == (None, 16, 8)


def test_a_used_up_quota_says_what_follows_and_when_it_frees() -> None:
    k = kvote(FIRE, LOVENS_REGEL, DAG)
    (varsel,) = k.varsler()
    assert varsel.kode is Varsel.GANGER_PER_12_MND
    # The oldest absence, 3-4 March 2025, leaves the twelve months on 4 March 2026.
    assert k.frigjores == date(2026, 3, 4)
    assert "kan arbeidsgiveren nekte ny egenmelding" in varsel.tekst
    assert "sykmelding til 3. mars 2026" in varsel.tekst
    assert str(varsel.kilde) == "ftrl. §§ 8-23 til 8-27"
    # On the day it frees, one absence is left.
    assert kvote(FIRE, LOVENS_REGEL, date(2026, 3, 4)).ganger_igjen == 1


def test_ia_days_free_from_the_first_day_counted() -> None:
    perioder = [
        egen("2025-04-01", "2025-04-08"),
        egen("2025-06-02", "2025-06-09"),
        egen("2025-09-01", "2025-09-08"),
    ]
    k = kvote(perioder, IA_REGEL, DAG)
    assert k.frigjores == date(2026, 4, 1)
    (varsel,) = k.varsler()
    assert varsel.kode is Varsel.DAGER_PER_12_MND
    assert "Alle 24 egenmeldingsdagene" in varsel.tekst
    assert kvote(perioder, IA_REGEL, date(2026, 4, 1)).dager_igjen == 1


def test_an_absence_that_goes_on_leaves_fewer_days_in_this_case() -> None:
    # Egenmelding Monday-Tuesday last week: sick again today continues that absence.
    k = kvote([egen("2026-02-23", "2026-02-24")], LOVENS_REGEL, DAG)
    assert (k.dager_i_tilfellet, k.dager_igjen_i_tilfellet) == (2, 1)
    assert k.status is Status.OK
    brukt = kvote([egen("2026-02-23", "2026-02-25")], LOVENS_REGEL, DAG)
    assert brukt.status is Status.BRUKT_OPP
    (varsel,) = brukt.varsler()
    assert varsel.kode is Varsel.DAGER_PER_TILFELLE
    # Sixteen days back it is a new absence: a full three days.
    ny = kvote([egen("2026-02-11", "2026-02-13")], LOVENS_REGEL, DAG)
    assert (ny.dager_i_tilfellet, ny.dager_igjen_i_tilfellet) == (0, 3)


def test_the_right_comes_after_two_months() -> None:
    k = kvote([], LOVENS_REGEL, DAG, ansatt_siden=date(2026, 1, 15))
    assert k.rett_fra == date(2026, 3, 15)
    assert k.status is Status.IKKE_OPPTJENT
    (varsel,) = k.varsler()
    assert varsel.kode is Varsel.IKKE_OPPTJENT
    assert "fra 15. mars 2026" in varsel.tekst
    assert kvote([], LOVENS_REGEL, DAG, ansatt_siden=date(2026, 1, 2)).status is Status.OK


@pytest.mark.parametrize(
    ("begynte", "rett"),
    [
        ("2026-01-15", "2026-03-15"),
        ("2025-12-31", "2026-02-28"),
        ("2023-12-31", "2024-02-29"),
        ("2025-11-30", "2026-01-30"),
        ("2025-10-31", "2025-12-31"),
    ],
)
def test_two_months_on_the_calendar(begynte: str, rett: str) -> None:
    assert rett_fra(date.fromisoformat(begynte)) == date.fromisoformat(rett)


@pytest.mark.parametrize(
    ("regel", "ny", "perioder", "ventet"),
    [
        pytest.param(LOVENS_REGEL, egen("2026-03-02", "2026-03-04"), [], set(), id="law_3_ok"),
        pytest.param(
            LOVENS_REGEL,
            egen("2026-03-02", "2026-03-05"),
            [],
            {Varsel.DAGER_PER_TILFELLE},
            id="law_4_days",
        ),
        pytest.param(
            LOVENS_REGEL,
            egen("2026-03-02", "2026-03-03"),
            [egen("2026-02-23", "2026-02-24")],
            {Varsel.DAGER_PER_TILFELLE},
            id="law_joined_with_last_week",
        ),
        pytest.param(
            LOVENS_REGEL, egen("2026-03-02", "2026-03-02"), FIRE[1:], set(), id="law_fourth_ok"
        ),
        pytest.param(
            LOVENS_REGEL,
            egen("2026-03-02", "2026-03-02"),
            FIRE,
            {Varsel.GANGER_PER_12_MND},
            id="law_fifth_absence",
        ),
        pytest.param(IA_REGEL, egen("2026-03-02", "2026-03-09"), [], set(), id="ia_8_days_ok"),
        pytest.param(
            IA_REGEL,
            egen("2026-03-02", "2026-03-10"),
            [],
            {Varsel.DAGER_PER_TILFELLE},
            id="ia_9_days",
        ),
        pytest.param(
            IA_REGEL,
            egen("2026-03-02", "2026-03-03"),
            [
                egen("2025-04-01", "2025-04-08"),
                egen("2025-06-02", "2025-06-09"),
                egen("2025-09-01", "2025-09-08"),
            ],
            {Varsel.DAGER_PER_12_MND},
            id="ia_past_24_days",
        ),
        pytest.param(IA_REGEL, egen("2026-03-02", "2026-03-02"), FIRE, set(), id="ia_no_count"),
        pytest.param(
            lokal_regel(16), egen("2026-03-02", "2026-03-17"), [], set(), id="local_16_ok"
        ),
        pytest.param(
            LOVENS_REGEL,
            egen("2026-03-02", "2026-03-03"),
            [syk("2026-01-26", "2026-02-20")],
            {Varsel.ETTER_ARBEIDSGIVERPERIODEN},
            id="after_the_arbeidsgiverperiode",
        ),
        pytest.param(
            LOVENS_REGEL, syk("2026-03-02", "2026-03-31"), FIRE, set(), id="sykmelding_no_quota"
        ),
    ],
)
def test_what_a_new_egenmelding_would_break(
    regel: Egenmeldingsregel, ny: Periode, perioder: list[Periode], ventet: set[Varsel]
) -> None:
    assert {a.kode for a in vurder(ny, perioder, regel)} == ventet


def test_the_warning_names_the_first_day_without_right_and_the_source() -> None:
    (advarsel,) = vurder(
        egen("2026-03-02", "2026-03-03"), [egen("2026-02-23", "2026-02-24")], LOVENS_REGEL
    )
    assert "Tilfellet får 4 egenmeldingsdager" in advarsel.tekst
    assert "regnes sammen med det" in advarsel.tekst
    assert "Fra 3. mars 2026 trengs sykmelding" in advarsel.tekst
    assert str(advarsel.kilde) == "ftrl. §§ 8-23 til 8-27"


def test_the_warnings_agree_with_the_notes_on_the_case() -> None:
    """The registration's warning and the case's note name the same day and the same count."""
    perioder = [egen("2026-02-23", "2026-02-24")]
    ny = egen("2026-03-02", "2026-03-03")
    (advarsel,) = vurder(ny, perioder, LOVENS_REGEL)
    (merknad,) = merknader(knytt_sammen([*perioder, ny]), LOVENS_REGEL)
    assert "Fra 3. mars 2026 trengs sykmelding" in advarsel.tekst
    assert "Fra 3. mars 2026 trengs sykmelding" in merknad
    femte = egen("2026-03-02", "2026-03-02")
    (advarsel,) = vurder(femte, FIRE, LOVENS_REGEL)
    (merknad,) = merknader(knytt_sammen([*FIRE, femte]), LOVENS_REGEL)
    assert "4 ganger de siste 12 månedene før 2. mars 2026" in advarsel.tekst
    assert "4 ganger de siste 12 månedene før 2. mars 2026" in merknad


@pytest.mark.parametrize(
    ("ny", "ventet"),
    [
        pytest.param("2026-03-02", set(), id="after_two_months"),
        pytest.param("2026-02-27", {Varsel.IKKE_OPPTJENT}, id="before_two_months"),
    ],
)
def test_egenmelding_needs_two_months_of_employment(ny: str, ventet: set[Varsel]) -> None:
    advarsler = vurder(egen(ny, ny), [], LOVENS_REGEL, ansatt_siden=date(2026, 1, 2))
    assert {a.kode for a in advarsler} == ventet


def _af(fra: str, til: str | None = None) -> tuple[date, date | None]:
    return date.fromisoformat(fra), date.fromisoformat(til) if til else None


@pytest.mark.parametrize(
    ("arbeidsforhold", "ventet"),
    [
        pytest.param([_af("2020-01-01")], "2020-01-01", id="one_ongoing"),
        pytest.param(
            [_af("2020-01-01", "2025-12-31"), _af("2026-01-01")],
            "2020-01-01",
            id="next_day_is_unbroken",
        ),
        pytest.param(
            [_af("2020-01-01", "2025-12-30"), _af("2026-01-01")],
            "2026-01-01",
            id="a_day_between_breaks_it",
        ),
        pytest.param(
            [_af("2026-01-01"), _af("2020-01-01", "2026-06-30")],
            "2020-01-01",
            id="overlapping_in_any_order",
        ),
        pytest.param([_af("2020-01-01", "2026-02-27")], None, id="ended"),
        pytest.param([_af("2026-03-03")], None, id="not_begun"),
        pytest.param([], None, id="none"),
    ],
)
def test_employed_since(arbeidsforhold: list[tuple[date, date | None]], ventet: str | None) -> None:
    svar = ansatt_siden(arbeidsforhold, DAG)
    assert svar == (date.fromisoformat(ventet) if ventet else None)


def test_overlap() -> None:
    lagret = [egen("2026-02-23", "2026-02-24"), syk("2026-03-02", "2026-03-06")]
    assert overlapper(egen("2026-02-25", "2026-02-27"), lagret) is None
    assert overlapper(egen("2026-02-24", "2026-02-25"), lagret) == lagret[0]
    assert overlapper(egen("2026-03-06", "2026-03-06"), lagret) == lagret[1]
    assert overlapper(syk("2026-02-01"), lagret) == lagret[0]
