"""The rules as dated data, ``naervaer.oppfolging.regler``."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from naervaer.oppfolging.regler import (
    NAV_PRAKSIS,
    REGELVERK,
    SATSER,
    Kode,
    Regelverk,
    UtenforRegelverket,
)

FORSTE_DAG = date(2026, 1, 5)


def test_it_works() -> None:
    assert [r.kode for r in REGELVERK.regler_per(FORSTE_DAG)] == list(Kode)


def test_every_rule_names_its_source_and_law_links_to_lovdata() -> None:
    for regel in REGELVERK.regler:
        assert regel.kilde.navn
        assert regel.hva
        assert regel.ansvarlig
        if regel.kilde is not NAV_PRAKSIS:
            assert regel.kilde.url is not None
            assert regel.kilde.url.startswith("https://lovdata.no/lov/")


@pytest.mark.parametrize(
    ("kode", "uker", "dager_for"),
    [
        # The weeks of regelverk.md's timeline.
        pytest.param(Kode.OPPFOLGINGSPLAN, 4, 0, id="oppfolgingsplan_4_weeks"),
        pytest.param(Kode.DIALOGMOTE_1, 7, 0, id="dialogmote_1_7_weeks"),
        pytest.param(Kode.AKTIVITETSKRAV, 8, 0, id="aktivitetskrav_8_weeks"),
        pytest.param(Kode.DIALOGMOTE_2_BEHOV, 15, 0, id="week_16_begins_after_15"),
        pytest.param(Kode.OPPDATERT_PLAN, 26, 7, id="a_week_before_dialogmote_2"),
        pytest.param(Kode.DIALOGMOTE_2, 26, 0, id="dialogmote_2_26_weeks"),
        pytest.param(Kode.UKE_39, 39, 0, id="39_weeks"),
    ],
)
def test_week_based_rules_match_the_spec(kode: Kode, uker: int, dager_for: int) -> None:
    regel = {r.kode: r for r in REGELVERK.regler_per(FORSTE_DAG)}[kode]
    assert (regel.uker, regel.dager_for) == (uker, dager_for)


@pytest.mark.parametrize(
    ("navn", "verdi"),
    [
        pytest.param("arbeidsgiverperiode_dager", 16, id="agp_16_calendar_days"),
        pytest.param("sammenheng_dager", 16, id="new_absence_within_16_days"),
        pytest.param("sykepengedager", 248, id="248_days"),
        pytest.param("ny_rett_uker", 26, id="26_weeks_back_at_work"),
        pytest.param("minste_grad", 20, id="graded_at_least_20"),
        pytest.param("egenmelding_dager", 3, id="egenmelding_3_days"),
        pytest.param("egenmelding_ganger_12_mnd", 4, id="four_times_in_12_months"),
    ],
)
def test_the_numbers_match_the_spec(navn: str, verdi: int) -> None:
    assert REGELVERK.sats(navn, FORSTE_DAG) == verdi


def test_a_new_row_changes_the_rule_from_its_date_only() -> None:
    gammel = {r.kode: r for r in REGELVERK.regler}[Kode.OPPFOLGINGSPLAN]
    ny = dataclasses.replace(gammel, gjelder_fra=date(2027, 1, 1), uker=3)
    regelverk = Regelverk(regler=(*REGELVERK.regler, ny))

    def uker(dag: date) -> int | None:
        return {r.kode: r for r in regelverk.regler_per(dag)}[Kode.OPPFOLGINGSPLAN].uker

    assert uker(date(2026, 12, 31)) == 4
    assert uker(date(2027, 1, 1)) == 3


def test_a_repealing_row_removes_the_milestone() -> None:
    gammel = {r.kode: r for r in REGELVERK.regler}[Kode.UKE_39]
    opphevet = dataclasses.replace(gammel, gjelder_fra=date(2027, 1, 1), opphevet=True)
    regelverk = Regelverk(regler=(*REGELVERK.regler, opphevet))
    assert Kode.UKE_39 in {r.kode for r in regelverk.regler_per(date(2026, 12, 31))}
    assert Kode.UKE_39 not in {r.kode for r in regelverk.regler_per(date(2027, 1, 1))}


def test_a_new_sats_row_changes_the_number_from_its_date() -> None:
    gammel = next(s for s in SATSER if s.navn == "arbeidsgiverperiode_dager")
    ny = dataclasses.replace(gammel, verdi=20, gjelder_fra=date(2027, 1, 1))
    regelverk = Regelverk(satser=(*SATSER, ny))
    assert regelverk.sats("arbeidsgiverperiode_dager", date(2026, 12, 31)) == 16
    assert regelverk.sats("arbeidsgiverperiode_dager", date(2027, 1, 1)) == 20


def test_it_refuses_cases_before_the_rules_it_has() -> None:
    with pytest.raises(UtenforRegelverket, match=r"1\. juli 2011"):
        REGELVERK.regler_per(date(2011, 6, 30))
    with pytest.raises(UtenforRegelverket, match="ingen sats"):
        REGELVERK.sats("sykepengedager", date(2011, 6, 30))
