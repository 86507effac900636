"""The timeline of one case, ``naervaer.oppfolging.frister``.

Every date is counted by hand from regelverk.md: a deadline of N weeks is the first day of the case
plus 7 × N days (4 weeks: +28, 7: +49, 8: +56, week 16 begins at +105, 25 weeks: +175 (a week
before dialogmøte 2), 26: +182, 39: +273); the arbeidsgiverperiode ends on the 16th day of
absence; maksdato is worked out in test_maksdato.py's way. Month lengths used: January 31,
February 28 (2026), March 31, April 30, May 31, June 30, July 31, August 31, September 30.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from naervaer.oppfolging.egenmelding import IA_REGEL, LOVENS_REGEL
from naervaer.oppfolging.frister import Frist, frister, tidslinje
from naervaer.oppfolging.regler import REGELVERK, Kode, Regelverk
from naervaer.oppfolging.tilfelle import Fravaerstype, Periode

EGEN = Fravaerstype.EGENMELDING
K = Kode


def _datoer(perioder: list[Periode]) -> dict[Kode, date]:
    return {f.kode: f.dato for f in frister(perioder)}


# The issue's example: first day Monday 5 January 2026.
FRA_5_JANUAR = {
    K.ARBEIDSGIVERPERIODE_SLUTT: date(2026, 1, 20),  # 5 + 15
    K.OPPFOLGINGSPLAN: date(2026, 2, 2),  # 5 Jan + 28: 31 Jan is +26, 2 Feb +28
    K.DIALOGMOTE_1: date(2026, 2, 23),  # 2 Feb + 21
    K.AKTIVITETSKRAV: date(2026, 3, 2),  # 23 Feb + 7: 28 Feb is +5
    K.DIALOGMOTE_2_BEHOV: date(2026, 4, 20),  # 2 Mar + 49: 31 Mar +29, 20 Apr +49
    K.OPPDATERT_PLAN: date(2026, 6, 29),  # 20 Apr + 70: 30 Apr +10, 31 May +41, 29 Jun +70
    K.DIALOGMOTE_2: date(2026, 7, 6),  # 29 Jun + 7
    K.UKE_39: date(2026, 10, 5),  # 6 Jul + 91: 31 Jul +25, 31 Aug +56, 30 Sep +86, 5 Oct +91
    K.MAKSDATO: date(2027, 1, 1),  # test_maksdato.test_it_works
}


def test_it_works() -> None:
    assert _datoer([Periode(date(2026, 1, 5))]) == FRA_5_JANUAR


@pytest.mark.parametrize(
    ("perioder", "forventet"),
    [
        pytest.param([Periode(date(2026, 1, 5), grad=50)], FRA_5_JANUAR, id="graded_same_dates"),
        pytest.param(
            [Periode(date(2025, 12, 15))],
            {
                K.ARBEIDSGIVERPERIODE_SLUTT: date(2025, 12, 30),  # 15 + 15
                K.OPPFOLGINGSPLAN: date(2026, 1, 12),  # 15 Dec + 28: 31 Dec is +16
                K.DIALOGMOTE_1: date(2026, 2, 2),  # 12 Jan + 21
                K.AKTIVITETSKRAV: date(2026, 2, 9),  # 2 Feb + 7
                K.DIALOGMOTE_2_BEHOV: date(2026, 3, 30),  # 9 Feb + 49: 28 Feb +19
                K.OPPDATERT_PLAN: date(2026, 6, 8),  # 30 Mar + 70: 30 Apr +31, 31 May +62
                K.DIALOGMOTE_2: date(2026, 6, 15),  # 8 Jun + 7
                K.UKE_39: date(2026, 9, 14),  # 15 Jun + 91: 30 Jun +15, 31 Jul +46, 31 Aug +77
                K.MAKSDATO: date(2026, 12, 11),  # test_maksdato: across_the_year_boundary
            },
            id="across_the_year_boundary",
        ),
        pytest.param(
            # Sick 5-9 January, at work 10-18 January (9 days between, fewer than 16), sick
            # again from 19 January: one case from 5 January. The arbeidsgiverperiode has 5 days
            # and needs 11 more from 19 January: 29 January. The first sykepengedag is Friday
            # 30 January instead of Wednesday 21 January, 7 weekdays later (21-23, 26-29), so
            # maksdato is 7 weekdays after Friday 1 January 2027: Tuesday 12 January.
            [Periode(date(2026, 1, 5), date(2026, 1, 9)), Periode(date(2026, 1, 19))],
            FRA_5_JANUAR
            | {
                K.ARBEIDSGIVERPERIODE_SLUTT: date(2026, 1, 29),
                K.MAKSDATO: date(2027, 1, 12),
            },
            id="new_absence_within_16_days_continues_the_case",
        ),
        pytest.param(
            # 10-24 January are 15 days between: still the same case; agp 5 + 11 from 25
            # January = 4 February; first sykepengedag Thursday 5 February, 11 weekdays after
            # 21 January (21-23, 26-30, 2-4 Feb), so maksdato is 11 weekdays after 1 January
            # 2027: 4-8 (5), 11-15 (10), Monday 18 January.
            [Periode(date(2026, 1, 5), date(2026, 1, 9)), Periode(date(2026, 1, 25))],
            FRA_5_JANUAR
            | {
                K.ARBEIDSGIVERPERIODE_SLUTT: date(2026, 2, 4),
                K.MAKSDATO: date(2027, 1, 18),
            },
            id="15_days_between_is_within",
        ),
        pytest.param(
            # 10-25 January are 16 days between: a new case from Monday 26 January.
            [Periode(date(2026, 1, 5), date(2026, 1, 9)), Periode(date(2026, 1, 26))],
            {
                K.ARBEIDSGIVERPERIODE_SLUTT: date(2026, 2, 10),  # 26 + 15 = 41 → 10 Feb
                K.OPPFOLGINGSPLAN: date(2026, 2, 23),  # 26 Jan + 28: 31 Jan is +5
                K.DIALOGMOTE_1: date(2026, 3, 16),  # 23 Feb + 21: 28 Feb is +5
                K.AKTIVITETSKRAV: date(2026, 3, 23),  # 16 Mar + 7
                K.DIALOGMOTE_2_BEHOV: date(2026, 5, 11),  # 23 Mar + 49: 31 Mar +8, 30 Apr +38
                K.OPPDATERT_PLAN: date(2026, 7, 20),  # 11 May + 70: 31 May +20, 30 Jun +50
                K.DIALOGMOTE_2: date(2026, 7, 27),  # 20 Jul + 7
                K.UKE_39: date(2026, 10, 26),  # 27 Jul + 91: 31 Aug +35, 30 Sep +65
                # First sykepengedag Wednesday 11 February (day 42); 42 + 343 = day 385 =
                # 20 January 2027 (day 246); 21 and 22 January are days 247 and 248.
                K.MAKSDATO: date(2027, 1, 22),
            },
            id="new_absence_after_16_days_is_a_new_case",
        ),
        pytest.param(
            # Egenmelding Thursday 8-Friday 9 January, sykmelding from Monday 12: one case from
            # 8 January; the weekend counts in the arbeidsgiverperiode (8 + 15 = 23 January).
            [
                Periode(date(2026, 1, 8), date(2026, 1, 9), EGEN),
                Periode(date(2026, 1, 12)),
            ],
            {
                K.ARBEIDSGIVERPERIODE_SLUTT: date(2026, 1, 23),
                K.OPPFOLGINGSPLAN: date(2026, 2, 5),  # 8 Jan + 28: 31 Jan is +23
                K.DIALOGMOTE_1: date(2026, 2, 26),  # 5 Feb + 21
                K.AKTIVITETSKRAV: date(2026, 3, 5),  # 26 Feb + 7: 28 Feb is +2
                K.DIALOGMOTE_2_BEHOV: date(2026, 4, 23),  # 5 Mar + 49: 31 Mar +26
                K.OPPDATERT_PLAN: date(2026, 7, 2),  # 23 Apr + 70: 30 Apr +7, 31 May +38
                K.DIALOGMOTE_2: date(2026, 7, 9),  # 2 Jul + 7
                K.UKE_39: date(2026, 10, 8),  # 9 Jul + 91: 31 Jul +22, 31 Aug +53, 30 Sep +83
                K.MAKSDATO: date(2027, 1, 6),  # test_maksdato: egenmelding_then_sykmelding
            },
            id="egenmelding_then_sykmelding_counts_from_the_egenmelding",
        ),
        pytest.param(
            # Ended on day 28 (1 February): four whole weeks away, so the oppfølgingsplan was due.
            [Periode(date(2026, 1, 5), date(2026, 2, 1))],
            {
                K.ARBEIDSGIVERPERIODE_SLUTT: date(2026, 1, 20),
                K.OPPFOLGINGSPLAN: date(2026, 2, 2),
            },
            id="ended_after_exactly_4_weeks",
        ),
        pytest.param(
            # Ended on day 27: not four weeks.
            [Periode(date(2026, 1, 5), date(2026, 1, 31))],
            {K.ARBEIDSGIVERPERIODE_SLUTT: date(2026, 1, 20)},
            id="ended_a_day_short_of_4_weeks",
        ),
        pytest.param(
            [Periode(date(2026, 1, 5), date(2026, 1, 7), EGEN)],
            {},
            id="three_days_of_egenmelding_have_no_milestones",
        ),
    ],
)
def test_the_timeline_by_hand(perioder: list[Periode], forventet: dict[Kode, date]) -> None:
    assert _datoer(perioder) == forventet


def test_the_milestones_come_in_date_order() -> None:
    datoer = [f.dato for f in frister([Periode(date(2026, 1, 5))])]
    assert datoer == sorted(datoer)


def test_every_milestone_says_who_what_and_why() -> None:
    for frist in frister([Periode(date(2026, 1, 5))]):
        assert frist.ansvarlig and frist.hva and frist.kilde
    kilder = {f.kode: f.kilde for f in frister([Periode(date(2026, 1, 5))])}
    assert kilder[K.OPPFOLGINGSPLAN] == "aml. § 4-6 (3)"
    assert kilder[K.DIALOGMOTE_1] == "aml. § 4-6 (4)"
    assert kilder[K.AKTIVITETSKRAV] == "ftrl. § 8-8"
    assert kilder[K.DIALOGMOTE_2] == "ftrl. § 8-7 a"
    assert kilder[K.ARBEIDSGIVERPERIODE_SLUTT] == "ftrl. § 8-19"


def _dialogmote_1(perioder: list[Periode]) -> Frist:
    return next(f for f in frister(perioder) if f.kode is K.DIALOGMOTE_1)


def test_dialogmote_1_for_a_graded_sick_note_is_held_when_useful() -> None:
    gradert = _dialogmote_1([Periode(date(2026, 1, 5), grad=60)])
    hel = _dialogmote_1([Periode(date(2026, 1, 5))])
    assert gradert.dato == hel.dato == date(2026, 2, 23)
    assert "hensiktsmessig" in gradert.hva
    assert "åpenbart unødvendig" in hel.hva
    # Wholly away for the first week: the duty of aml. § 4-6 (4) applies.
    delvis = _dialogmote_1(
        [Periode(date(2026, 1, 5), date(2026, 1, 11)), Periode(date(2026, 1, 12), grad=60)]
    )
    assert delvis.hva == hel.hva


@pytest.mark.parametrize(
    ("forste_dag", "kode", "frist", "merknad"),
    [
        pytest.param(
            # Monday 9 March + 28 = Monday 6 April 2026, 2. påskedag. The deadline stays; the
            # last working day before it is Wednesday 1 April (skjærtorsdag is 2 April).
            date(2026, 3, 9),
            K.OPPFOLGINGSPLAN,
            date(2026, 4, 6),
            "2. påskedag: fristen flyttes ikke; gjør det senest onsdag 1. april 2026.",
            id="easter_monday",
        ),
        pytest.param(
            # Thursday 16 April + 28 = Thursday 14 May 2026, Kristi himmelfartsdag.
            date(2026, 4, 16),
            K.OPPFOLGINGSPLAN,
            date(2026, 5, 14),
            "Kristi himmelfartsdag: fristen flyttes ikke; gjør det senest onsdag 13. mai 2026.",
            id="ascension_day",
        ),
        pytest.param(
            # Saturday 10 January + 49 = Saturday 28 February 2026.
            date(2026, 1, 10),
            K.DIALOGMOTE_1,
            date(2026, 2, 28),
            "Lørdag: fristen flyttes ikke; gjør det senest fredag 27. februar 2026.",
            id="saturday",
        ),
        pytest.param(
            # Sunday 9 November 2025 + 56 = Sunday 4 January 2026; Thursday 1 January is a
            # holiday, so the last working day is Friday 2 January.
            date(2025, 11, 9),
            K.AKTIVITETSKRAV,
            date(2026, 1, 4),
            "Søndag: fristen flyttes ikke; gjør det senest fredag 2. januar 2026.",
            id="sunday_after_new_year",
        ),
        pytest.param(
            # Saturday 4 July 2026 + 175 = Saturday 26 December 2026 (31 Jul +27, 31 Aug +58,
            # 30 Sep +88, 31 Oct +119, 30 Nov +149), 2. juledag; 1. juledag is Friday 25, so
            # the last working day is Thursday 24 December.
            date(2026, 7, 4),
            K.OPPDATERT_PLAN,
            date(2026, 12, 26),
            "2. juledag: fristen flyttes ikke; gjør det senest torsdag 24. desember 2026.",
            id="christmas",
        ),
    ],
)
def test_a_deadline_on_a_day_off_does_not_move(
    forste_dag: date, kode: Kode, frist: date, merknad: str
) -> None:
    linje = tidslinje([Periode(forste_dag)])
    assert {f.kode: f.dato for f in linje.frister}[kode] == frist
    assert linje.fridager[kode] == merknad


def test_only_the_employers_deadlines_get_a_day_off_note() -> None:
    # From Saturday 10 January every week-based date is a Saturday; NAV's milestones are NAV's.
    linje = tidslinje([Periode(date(2026, 1, 10))])
    assert set(linje.fridager) == {
        K.OPPFOLGINGSPLAN,
        K.DIALOGMOTE_1,
        K.AKTIVITETSKRAV,
        K.OPPDATERT_PLAN,
    }


def test_the_egenmelding_policy_moves_no_deadline_but_says_what_needs_a_sykmelding() -> None:
    # Egenmelding Monday 5-Monday 12 January (8 days), sykmelding from 13 January.
    perioder = [Periode(date(2026, 1, 5), date(2026, 1, 12), EGEN), Periode(date(2026, 1, 13))]
    lov = tidslinje(perioder, LOVENS_REGEL)
    ia = tidslinje(perioder, IA_REGEL)
    assert lov.frister == ia.frister
    assert {f.kode: f.dato for f in lov.frister} == FRA_5_JANUAR
    assert ia.merknader == ()
    (merknad,) = lov.merknader
    assert "Fra 8. januar 2026 trengs sykmelding" in merknad  # day 4


def test_a_right_used_up_before_keeps_the_employers_duties() -> None:
    # As test_maksdato.test_a_right_used_up_before_the_case_stays_used_up: maksdato 2 January
    # 2026, new case from Monday 2 March 2026 with no new right. The employer's duties under
    # aml. § 4-6 do not depend on sykepenger; NAV's 39-week letter has nothing to say.
    linje = tidslinje([Periode(date(2025, 1, 6), date(2026, 1, 31)), Periode(date(2026, 3, 2))])
    datoer = {f.kode: f.dato for f in linje.frister}
    assert datoer[K.MAKSDATO] == date(2026, 1, 2)
    assert datoer[K.OPPFOLGINGSPLAN] == date(2026, 3, 30)  # 2 Mar + 28
    assert K.UKE_39 not in datoer
    assert any("brukt opp 2. januar 2026" in m for m in linje.merknader)


def test_earlier_sykepengedager_are_mentioned() -> None:
    # As test_maksdato.test_an_earlier_case_within_26_weeks_uses_days: 28 days, maksdato
    # 24 November 2026, after week 39 (5 October), which stays.
    linje = tidslinje([Periode(date(2025, 9, 1), date(2025, 10, 26)), Periode(date(2026, 1, 5))])
    datoer = {f.kode: f.dato for f in linje.frister}
    assert (datoer[K.MAKSDATO], datoer[K.UKE_39]) == (date(2026, 11, 24), date(2026, 10, 5))
    assert any(m.startswith("28 sykepengedager") for m in linje.merknader)


def test_a_change_in_the_law_is_a_change_of_data() -> None:
    # Suppose a law from 1 January 2027 wants the oppfølgingsplan within 3 weeks.
    gammel = next(r for r in REGELVERK.regler if r.kode is K.OPPFOLGINGSPLAN)
    ny = dataclasses.replace(gammel, gjelder_fra=date(2027, 1, 1), uker=3)
    regelverk = Regelverk(regler=(*REGELVERK.regler, ny))

    def plan(fra: date) -> date:
        linje = tidslinje([Periode(fra)], regelverk=regelverk)
        return {f.kode: f.dato for f in linje.frister}[K.OPPFOLGINGSPLAN]

    assert plan(date(2026, 12, 28)) == date(2027, 1, 25)  # began before: 28 Dec + 28
    assert plan(date(2027, 1, 4)) == date(2027, 1, 25)  # began after: 4 Jan + 21


def test_json_has_exactly_the_issues_keys() -> None:
    (forste, *_) = frister([Periode(date(2026, 1, 5))])
    assert forste.som_json() == {
        "kode": "arbeidsgiverperiode_slutt",
        "dato": "2026-01-20",
        "ansvarlig": "arbeidsgiver",
        "hva": forste.hva,
        "kilde": "ftrl. § 8-19",
    }
