"""The cases and tasks kept in step with the stored absence (``oppfolging.synk``), with the
dates checked against the rules: the first day of absence is day 1, «innen 4 uker» is the first
day plus 28 days (Monday 5 January 2026 gives Monday 2 February), and a new absence that begins
less than 16 days after the last one continues the case (ftrl. § 8-19)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from naervaer.oppfolging.oppgaver import Beregnet, Lagret, koble
from naervaer.oppfolging.regler import REGELVERK, Kode
from naervaer.web.egendata.models import Ansatt, Egenmeldingspolicy, Fravaer
from naervaer.web.egendata.signaler import send_fravaer_endret
from naervaer.web.oppfolging import handlinger
from naervaer.web.oppfolging.models import Oppgave, Tilfelle
from naervaer.web.oppfolging.synk import avslutt_ferdige, synk
from naervaer.web.virksomheter.models import Virksomhet
from tests.web.conftest import SOLSIKKEN, Egendata
from tests.web.oppfolging_hjelp import fravaer

MANDAG = date(2026, 1, 5)  # the first day of absence in most tests
PLAN = date(2026, 2, 2)  # + 4 weeks: oppfølgingsplan, aml. § 4-6 (3)
DM1 = date(2026, 2, 23)  # + 7 weeks: dialogmøte 1, aml. § 4-6 (4)
AKTIVITET = date(2026, 3, 2)  # + 8 weeks: aktivitetskravet, ftrl. § 8-8
OPPDATERT = date(2026, 6, 29)  # + 26 weeks − 7 days: updated plan before dialogmøte 2


def d(dag: int) -> date:
    """Day ``dag`` of the absence, day 1 being MANDAG."""
    return MANDAG + timedelta(days=dag - 1)


@pytest.fixture
def virksomhet(egendata: Egendata) -> Virksomhet:
    return Virksomhet.objects.get(pk=SOLSIKKEN)


@pytest.fixture
def david(egendata: Egendata) -> Ansatt:
    """Employee 1004, who has no absence in the fixture."""
    ansatt: Ansatt = egendata.ansatte["1004"]
    return ansatt


def oppgaver(ansatt: Ansatt) -> dict[str, Oppgave]:
    return {o.kode: o for o in Oppgave.objects.filter(tilfelle__ansatt=ansatt)}


def kjor(virksomhet: Virksomhet, ansatt: Ansatt, dag: date) -> Tilfelle:
    synk(virksomhet, [ansatt.pk], dag)
    (tilfelle,) = Tilfelle.objects.filter(ansatt=ansatt)
    return tilfelle


# --- Opening, the tasks and their dates --------------------------------------------------------


def test_a_long_sick_leave_gives_the_tasks_of_the_law_with_their_dates(
    virksomhet: Virksomhet, david: Ansatt
) -> None:
    fravaer(david, MANDAG, d(200))
    tilfelle = kjor(virksomhet, david, d(10))
    assert (tilfelle.fra_dato, tilfelle.til_dato, tilfelle.avsluttet) == (MANDAG, d(200), None)
    alle = oppgaver(david)
    # Only the milestones that ask the employer to act are tasks; NAV's are on the timeline.
    assert {k: o.frist for k, o in alle.items()} == {
        "oppfolgingsplan": PLAN,
        "dialogmote_1": DM1,
        "aktivitetskrav": AKTIVITET,
        "oppdatert_plan": OPPDATERT,
    }
    regler = {r.kode: r for r in REGELVERK.regler_per(MANDAG)}
    for kode, o in alle.items():
        regel = regler[Kode(kode)]
        assert (o.ansvarlig, o.hva, o.kilde) == (regel.ansvarlig, regel.hva, str(regel.kilde))
        assert o.frist == MANDAG + timedelta(weeks=regel.uker or 0) - timedelta(
            days=regel.dager_for
        )
        assert o.status == Oppgave.Status.APEN
    assert alle["oppfolgingsplan"].kilde == "aml. § 4-6 (3)"
    assert alle["dialogmote_1"].kilde == "aml. § 4-6 (4)"


def test_a_task_comes_only_when_the_absence_lasts_until_its_date(
    virksomhet: Virksomhet, david: Ansatt
) -> None:
    # 27 days: the four weeks are full on day 29 (2 February), one day after the last day.
    fravaer(david, MANDAG, d(27))
    kjor(virksomhet, david, d(5))
    assert oppgaver(david) == {}
    # One more day, and the employee has been away four weeks when 2 February comes.
    Fravaer.objects.filter(ansatt=david).update(til_dato=d(28))
    kjor(virksomhet, david, d(5))
    assert {k: o.frist for k, o in oppgaver(david).items()} == {"oppfolgingsplan": PLAN}


def test_graded_leave_has_the_same_dates_and_the_graded_text_for_dialogmote_1(
    virksomhet: Virksomhet, david: Ansatt
) -> None:
    fravaer(david, MANDAG, d(60), grad=50)
    kjor(virksomhet, david, d(5))
    alle = oppgaver(david)
    assert alle["oppfolgingsplan"].frist == PLAN
    assert alle["dialogmote_1"].frist == DM1
    regel = next(r for r in REGELVERK.regler_per(MANDAG) if r.kode is Kode.DIALOGMOTE_1)
    assert alle["dialogmote_1"].hva == regel.hva_gradert
    # Wholly away for a day before the meeting: the duty of aml. § 4-6 (4) is back.
    fravaer(david, d(20), d(20), grad=100)
    kjor(virksomhet, david, d(5))
    assert oppgaver(david)["dialogmote_1"].hva == regel.hva


def test_an_egenmelding_followed_by_a_sykmelding_is_one_case_from_the_first_day(
    virksomhet: Virksomhet, david: Ansatt
) -> None:
    fravaer(david, MANDAG, d(3), "egenmelding")
    # 15 days at work between (days 4 to 18): the sykmelding continues the case.
    fravaer(david, d(19), d(60))
    tilfelle = kjor(virksomhet, david, d(20))
    assert (tilfelle.fra_dato, tilfelle.til_dato) == (MANDAG, d(60))
    assert oppgaver(david)["oppfolgingsplan"].frist == PLAN


def test_a_new_absence_16_days_after_is_a_new_case(virksomhet: Virksomhet, david: Ansatt) -> None:
    fravaer(david, MANDAG, d(3), "egenmelding")
    fravaer(david, d(20), d(60))  # 16 days between (days 4 to 19)
    synk(virksomhet, [david.pk], d(25))
    tilfeller = list(Tilfelle.objects.filter(ansatt=david).order_by("fra_dato"))
    assert [(t.fra_dato, t.til_dato, t.avsluttet) for t in tilfeller] == [
        (MANDAG, d(3), d(4)),
        (d(20), d(60), None),
    ]
    # Its deadlines count from its own first day.
    assert oppgaver(david)["oppfolgingsplan"].frist == d(20) + timedelta(weeks=4)


# --- Closing and opening again -----------------------------------------------------------------


def test_a_case_is_open_on_its_last_day_and_closed_from_the_first_day_back(
    virksomhet: Virksomhet, david: Ansatt
) -> None:
    fravaer(david, MANDAG, d(10))
    assert kjor(virksomhet, david, d(10)).avsluttet is None
    assert kjor(virksomhet, david, d(11)).avsluttet == d(11)


def test_days_passing_close_a_case_with_no_absence_written(
    virksomhet: Virksomhet, david: Ansatt
) -> None:
    fravaer(david, MANDAG, d(40))
    tilfelle = kjor(virksomhet, david, d(30))
    assert avslutt_ferdige(virksomhet, d(40)) == 0
    assert avslutt_ferdige(virksomhet, d(41)) == 1
    tilfelle.refresh_from_db()
    assert tilfelle.avsluttet == d(41)
    # The tasks stay with it; only open cases are on the worklist and in reminders.
    assert oppgaver(david)["oppfolgingsplan"].frist == PLAN


def test_a_new_absence_within_16_days_opens_the_same_case_again(
    virksomhet: Virksomhet, david: Ansatt
) -> None:
    fravaer(david, MANDAG, d(20))
    tilfelle = kjor(virksomhet, david, d(25))
    assert tilfelle.avsluttet == d(21)
    # Back days 21-35 (15 days), sick again from day 36: the same case, day 1 unchanged.
    fravaer(david, d(36), d(50))
    igjen = kjor(virksomhet, david, d(40))
    assert (igjen.pk, igjen.fra_dato, igjen.til_dato, igjen.avsluttet) == (
        tilfelle.pk,
        MANDAG,
        d(50),
        None,
    )
    # Days 1-50 with a gap: the four weeks from day 1 are reached, so the plan is due.
    assert oppgaver(david)["oppfolgingsplan"].frist == PLAN


def test_a_case_that_ended_more_than_a_year_ago_is_not_followed_up(
    virksomhet: Virksomhet, david: Ansatt
) -> None:
    fravaer(david, MANDAG, d(40))
    synk(virksomhet, [david.pk], date(2027, 2, 15))
    assert not Tilfelle.objects.filter(ansatt=david).exists()
    # One that is stored already is kept with what was recorded.
    synk(virksomhet, [david.pk], d(41))
    synk(virksomhet, [david.pk], date(2027, 2, 15))
    assert Tilfelle.objects.filter(ansatt=david).count() == 1


def test_absence_older_than_the_rules_is_left_out(virksomhet: Virksomhet, david: Ansatt) -> None:
    fravaer(david, date(2011, 6, 1), date(2011, 6, 3), "egenmelding")
    fravaer(david, MANDAG, d(40))
    assert kjor(virksomhet, david, d(5)).fra_dato == MANDAG


# --- What a user recorded survives ------------------------------------------------------------


def test_what_was_recorded_survives_a_longer_absence_and_an_earlier_first_day(
    virksomhet: Virksomhet, david: Ansatt, egendata: Egendata
) -> None:
    sykmelding = fravaer(david, d(4), d(35))
    tilfelle = kjor(virksomhet, david, d(30))
    plan = oppgaver(david)["oppfolgingsplan"]
    assert plan.frist == d(4) + timedelta(weeks=4)
    handlinger.marker_utfort(plan, egendata.leder, d(20), "Laget sammen på telefon")
    # The sick note is extended, and an egenmelding before it comes in with the next import.
    sykmelding.til_dato = d(80)
    sykmelding.save()
    fravaer(david, MANDAG, d(3), "egenmelding")
    igjen = kjor(virksomhet, david, d(30))
    assert (igjen.pk, igjen.fra_dato, igjen.til_dato) == (tilfelle.pk, MANDAG, d(80))
    alle = oppgaver(david)
    plan = alle["oppfolgingsplan"]
    assert (plan.frist, plan.status, plan.utfort_dato, plan.notat, plan.endret_av) == (
        PLAN,
        Oppgave.Status.UTFORT,
        d(20),
        "Laget sammen på telefon",
        egendata.leder,
    )
    assert alle["dialogmote_1"].frist == DM1
    assert alle["dialogmote_1"].status == Oppgave.Status.APEN


def test_a_postponed_task_keeps_its_new_date_when_the_case_moves(
    virksomhet: Virksomhet, david: Ansatt, egendata: Egendata
) -> None:
    fravaer(david, d(2), d(80))
    kjor(virksomhet, david, d(10))
    dm1 = oppgaver(david)["dialogmote_1"]
    handlinger.utsett(dm1, egendata.hr, d(60), "Den ansatte er på behandling til da")
    fravaer(david, MANDAG, MANDAG, "egenmelding")
    kjor(virksomhet, david, d(10))
    dm1.refresh_from_db()
    assert (dm1.frist, dm1.status, dm1.utsatt_til, dm1.gjeldende_frist) == (
        DM1,
        Oppgave.Status.UTSATT,
        d(60),
        d(60),
    )


def test_when_a_milestone_disappears_done_tasks_stay_and_open_ones_go(
    virksomhet: Virksomhet, david: Ansatt, egendata: Egendata
) -> None:
    sykmelding = fravaer(david, MANDAG, d(100))
    kjor(virksomhet, david, d(10))
    alle = oppgaver(david)
    handlinger.marker_utfort(alle["oppfolgingsplan"], egendata.leder, d(25))
    handlinger.marker_unodvendig(alle["dialogmote_1"], egendata.leder, "Tilbake i full jobb")
    handlinger.utsett(alle["aktivitetskrav"], egendata.leder, d(70), "Venter på legen")
    # The sick note was registered too long: the employee was back after three weeks.
    sykmelding.til_dato = d(21)
    sykmelding.save()
    kjor(virksomhet, david, d(30))
    igjen = oppgaver(david)
    assert {k: o.status for k, o in igjen.items()} == {
        "oppfolgingsplan": Oppgave.Status.UTFORT,
        "dialogmote_1": Oppgave.Status.UNODVENDIG,
    }
    assert igjen["dialogmote_1"].notat == "Tilbake i full jobb"


def test_two_cases_joined_by_a_new_absence_keep_what_was_recorded_on_both(
    virksomhet: Virksomhet, david: Ansatt, egendata: Egendata
) -> None:
    fravaer(david, MANDAG, d(30))
    fravaer(david, d(60), d(120))
    synk(virksomhet, [david.pk], d(70))
    forste, andre = Tilfelle.objects.filter(ansatt=david).order_by("fra_dato")
    handlinger.marker_utfort(oppgave_i(forste, "oppfolgingsplan"), egendata.leder, d(25))
    handlinger.marker_utfort(oppgave_i(andre, "dialogmote_1"), egendata.leder, d(65), "Holdt")
    # Absence registered late fills the gap: one case from day 1.
    fravaer(david, d(31), d(59))
    synk(virksomhet, [david.pk], d(70))
    (en,) = Tilfelle.objects.filter(ansatt=david)
    assert (en.pk, en.fra_dato, en.til_dato) == (forste.pk, MANDAG, d(120))
    alle = {o.kode: o for o in en.oppgaver.all()}
    assert alle["oppfolgingsplan"].status == Oppgave.Status.UTFORT
    assert (alle["dialogmote_1"].status, alle["dialogmote_1"].notat) == (
        Oppgave.Status.UTFORT,
        "Holdt",
    )
    assert alle["dialogmote_1"].frist == DM1
    assert alle["aktivitetskrav"].status == Oppgave.Status.APEN


def oppgave_i(tilfelle: Tilfelle, kode: str) -> Oppgave:
    return Oppgave.objects.get(tilfelle=tilfelle, kode=kode)


def test_a_case_whose_absence_is_deleted_goes(virksomhet: Virksomhet, david: Ansatt) -> None:
    fravaer(david, MANDAG, d(40))
    kjor(virksomhet, david, d(10))
    Fravaer.objects.filter(ansatt=david).delete()
    resultat = synk(virksomhet, [david.pk], d(10))
    assert (resultat.slettede_tilfeller, Tilfelle.objects.filter(ansatt=david).count()) == (1, 0)
    assert not Oppgave.objects.filter(tilfelle__ansatt=david).exists()


def test_nothing_changes_when_nothing_changed(virksomhet: Virksomhet, egendata: Egendata) -> None:
    synk(virksomhet, dag=date(2025, 12, 1))
    igjen = synk(virksomhet, dag=date(2025, 12, 1))
    assert (
        igjen.nye_tilfeller,
        igjen.endrede_tilfeller,
        igjen.slettede_tilfeller,
        igjen.nye_oppgaver,
        igjen.endrede_oppgaver,
        igjen.slettede_oppgaver,
    ) == (0, 0, 0, 0, 0, 0)
    assert igjen.ansatte == 7  # every employee with absence in the fixture


def test_the_fixture_cases_on_a_day_in_december_2025(
    virksomhet: Virksomhet, egendata: Egendata
) -> None:
    synk(virksomhet, dag=date(2025, 12, 1))
    apne = {
        t.ansatt.ansattnummer: (t.fra_dato, t.til_dato)
        for t in Tilfelle.objects.filter(avsluttet=None).select_related("ansatt")
    }
    # Gro's egenmelding and the graded sykmelding after it: one case from 3 November.
    assert apne == {
        "1007": (date(2025, 11, 3), date(2026, 1, 30)),
        "1011": (date(2025, 12, 1), date(2025, 12, 19)),
    }
    gro = {o.kode: o for o in Oppgave.objects.filter(tilfelle__ansatt__ansattnummer="1007")}
    assert {k: o.frist for k, o in gro.items()} == {
        "oppfolgingsplan": date(2025, 12, 1),
        "dialogmote_1": date(2025, 12, 22),
        "aktivitetskrav": date(2025, 12, 29),
    }


def test_the_pure_matching_prefers_the_same_first_day_then_the_most_overlap() -> None:
    lagrede = [Lagret(1, d(1), d(10)), Lagret(2, d(40), d(50)), Lagret(3, d(100), d(110))]
    beregnede = [
        Beregnet(d(1), d(12), None, ()),
        Beregnet(d(35), d(60), None, ()),
        Beregnet(d(200), d(210), None, ()),
    ]
    koblinger, slettes = koble(lagrede, beregnede)
    assert [(k.lagret, k.slaas_sammen) for k in koblinger] == [(1, ()), (2, ()), (None, ())]
    assert slettes == (3,)
    # One computed case over two stored ones: it continues the first, the other merges in.
    koblinger, slettes = koble(lagrede[:2], [Beregnet(d(1), d(60), None, ())])
    assert [(k.lagret, k.slaas_sammen) for k in koblinger] == [(1, (2,))]
    assert slettes == ()


# --- The signal, the policy and the command ---------------------------------------------------


def test_the_signal_keeps_the_cases_in_step_inside_the_senders_transaction(
    virksomhet: Virksomhet, david: Ansatt
) -> None:
    fravaer(david, MANDAG, d(40))
    with pytest.raises(RuntimeError), transaction.atomic():
        send_fravaer_endret(virksomhet, frozenset({david.pk}))
        assert Tilfelle.objects.filter(ansatt=david).count() == 1
        raise RuntimeError("importen feilet")
    assert not Tilfelle.objects.filter(ansatt=david).exists()
    send_fravaer_endret(virksomhet, frozenset({david.pk}))
    assert Tilfelle.objects.get(ansatt=david).fra_dato == MANDAG
    # A change of departments alone names no employee, and changes no case.
    send_fravaer_endret(virksomhet, frozenset())
    assert Tilfelle.objects.filter(ansatt=david).count() == 1


def test_a_broken_local_egenmelding_rule_does_not_stop_the_sync(
    virksomhet: Virksomhet, david: Ansatt
) -> None:
    # Two days per absence is below the law's three (written by hand, past the form's check).
    Egenmeldingspolicy.objects.create(virksomhet=virksomhet, dager_per_tilfelle=2)
    fravaer(david, MANDAG, d(40))
    assert kjor(virksomhet, david, d(5)).fra_dato == MANDAG


def test_the_command_rebuilds_and_keeps_what_was_recorded(
    virksomhet: Virksomhet, david: Ansatt, egendata: Egendata
) -> None:
    fravaer(david, MANDAG, d(40))
    kjor(virksomhet, david, d(10))
    handlinger.marker_utfort(oppgaver(david)["oppfolgingsplan"], egendata.leder, d(25))
    Tilfelle.objects.filter(ansatt=david).update(til_dato=d(30), fra_dato=d(2))
    ut = StringIO()
    call_command("synk_tilfeller", "--orgnr", SOLSIKKEN, stdout=ut)
    assert f"{SOLSIKKEN} Solsikken barnehage AS:" in ut.getvalue()
    tilfelle = Tilfelle.objects.get(ansatt=david)
    assert (tilfelle.fra_dato, tilfelle.til_dato) == (MANDAG, d(40))
    assert oppgaver(david)["oppfolgingsplan"].status == Oppgave.Status.UTFORT


def test_the_nightly_command_only_closes(virksomhet: Virksomhet, david: Ansatt) -> None:
    fravaer(david, date(2026, 1, 5), date(2026, 1, 20))
    kjor(virksomhet, david, date(2026, 1, 10))
    ut = StringIO()
    call_command("synk_tilfeller", "--avslutt", stdout=ut)
    assert "1 avsluttet" in ut.getvalue()
    assert Tilfelle.objects.get(ansatt=david).avsluttet == date(2026, 1, 21)


def test_an_unknown_orgnr_is_an_error(db: None) -> None:
    with pytest.raises(Exception, match="Fant ingen virksomhet med orgnr 999999999"):
        call_command("synk_tilfeller", "--orgnr", "999999999", stdout=StringIO())


def test_grad_with_decimals_is_read_as_whole_percent(virksomhet: Virksomhet, david: Ansatt) -> None:
    Fravaer.objects.create(
        ansatt=david, fra_dato=MANDAG, til_dato=d(60), type="sykmelding", grad=Decimal("49.5")
    )
    kjor(virksomhet, david, d(5))
    regel = next(r for r in REGELVERK.regler_per(MANDAG) if r.kode is Kode.DIALOGMOTE_1)
    assert oppgaver(david)["dialogmote_1"].hva == regel.hva_gradert
