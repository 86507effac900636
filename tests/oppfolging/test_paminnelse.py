"""When reminders are due, ``naervaer.oppfolging.paminnelse``, and the mail texts of
``naervaer.oppfolging.varseltekst``."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from naervaer.oppfolging import varseltekst
from naervaer.oppfolging.paminnelse import (
    ESKALERES,
    STANDARD,
    Art,
    Frekvens,
    Varslingsplan,
    les_dager,
    sendes,
)
from naervaer.oppfolging.varseltekst import Punkt

OSLO = ZoneInfo("Europe/Oslo")
FRIST = date(2025, 2, 24)  # a Monday


def kl(dag: date, timer: int, minutter: int = 0) -> datetime:
    return datetime.combine(dag, time(timer, minutter), tzinfo=OSLO)


def test_it_works() -> None:
    assert STANDARD.varsel(FRIST, kl(date(2025, 2, 17), 7, 5)) == 7


def test_nothing_is_due_before_the_time_of_day() -> None:
    assert STANDARD.varsel(FRIST, kl(date(2025, 2, 17), 6, 59)) is None
    assert STANDARD.varsel(FRIST, kl(date(2025, 2, 17), 7, 0)) == 7


def test_the_reminder_nearest_the_deadline_wins_when_several_have_come() -> None:
    assert STANDARD.varsel(FRIST, kl(date(2025, 2, 20), 12)) == 7
    assert STANDARD.varsel(FRIST, kl(date(2025, 2, 23), 7, 0)) == 1
    assert STANDARD.varsel(FRIST, kl(FRIST, 23, 59)) == 1


def test_no_reminder_after_the_deadline() -> None:
    assert STANDARD.varsel(FRIST, kl(FRIST + timedelta(days=1), 0, 1)) is None


def test_escalation_is_the_morning_after_and_not_for_old_deadlines() -> None:
    assert not STANDARD.eskaleres(FRIST, kl(FRIST, 23))
    assert not STANDARD.eskaleres(FRIST, kl(date(2025, 2, 25), 6, 59))
    assert STANDARD.eskaleres(FRIST, kl(date(2025, 2, 25), 7))
    assert STANDARD.eskaleres(FRIST, kl(date(2025, 3, 10), 7))
    assert not STANDARD.eskaleres(FRIST, kl(date(2025, 3, 11), 7))
    assert not Varslingsplan(eskalering=False).eskaleres(FRIST, kl(date(2025, 2, 25), 8))


def test_the_digest_is_due_from_its_weekday_and_time() -> None:
    fredag = Varslingsplan(ukedag=4, klokkeslett=time(14, 0))
    assert fredag.sammendragsuke(kl(date(2025, 2, 20), 15)) is None  # Thursday
    assert fredag.sammendragsuke(kl(date(2025, 2, 21), 13, 59)) is None
    assert fredag.sammendragsuke(kl(date(2025, 2, 21), 14)) == date(2025, 2, 17)
    assert fredag.sammendragsuke(kl(date(2025, 2, 21), 23, 59)) == date(2025, 2, 17)
    # Not the day after: next week's digest is nearer than a late one.
    assert fredag.sammendragsuke(kl(date(2025, 2, 22), 0, 1)) is None


def test_time_of_day_is_norwegian_across_summer_time() -> None:
    # 07:00 in Oslo is 06:00 UTC in winter and 05:00 UTC in summer.
    assert STANDARD.tidspunkt(date(2025, 1, 6)).utcoffset() == timedelta(hours=1)
    assert STANDARD.tidspunkt(date(2025, 6, 2)).utcoffset() == timedelta(hours=2)


@given(
    frist=st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
    minutter=st.integers(min_value=0, max_value=90 * 24 * 60),
    dager=st.sets(st.integers(min_value=0, max_value=60), max_size=5),
)
def test_a_due_reminder_is_always_one_of_the_chosen_days_and_before_the_deadline_ends(
    frist: date, minutter: int, dager: set[int]
) -> None:
    plan = Varslingsplan(dager_for=tuple(dager))
    naa = kl(frist - timedelta(days=60), 0) + timedelta(minutes=minutter)
    trinn = plan.varsel(frist, naa)
    if trinn is not None:
        assert trinn in dager
        assert plan.tidspunkt(frist - timedelta(days=trinn)) <= naa
        assert plan.dag(naa) <= frist


@pytest.mark.parametrize(
    ("tekst", "dager"),
    [("7, 1", (7, 1)), ("1 7 14", (14, 7, 1)), ("0", (0,)), ("", ()), (" 3;2 ", (3, 2))],
)
def test_reading_the_days(tekst: str, dager: tuple[int, ...]) -> None:
    assert les_dager(tekst) == dager


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("7, en", "«en» er ikke et helt antall dager"),
        ("7, -1", "«-1» er ikke et helt antall dager"),
        ("61", "61: antall dager må være mellom 0 og 60"),
        ("7, 7", "Samme antall dager står to ganger"),
        ("1 2 3 4 5 6", "Høyst 5 påminnelser"),
    ],
)
def test_wrong_days_are_explained(tekst: str, melding: str) -> None:
    with pytest.raises(ValueError, match=melding):
        les_dager(tekst)


def test_escalation_is_duty_mail_and_the_rest_follows_the_choice() -> None:
    for frekvens in Frekvens:
        assert sendes(Art.ESKALERING, frekvens)
    assert sendes(Art.FOR_FRIST, Frekvens.HVER)
    assert not sendes(Art.FOR_FRIST, Frekvens.DAGLIG)
    assert sendes(Art.DAGLIG, Frekvens.DAGLIG)
    assert not sendes(Art.FOR_FRIST, Frekvens.UKENTLIG)
    assert sendes(Art.SAMMENDRAG, Frekvens.UKENTLIG)
    assert sendes(Art.INVITASJON, Frekvens.UKENTLIG)
    for art in Art:
        if art is not Art.ESKALERING:
            assert not sendes(art, Frekvens.INGEN)


def test_only_the_employers_deadlines_are_escalated() -> None:
    assert {"oppfolgingsplan", "dialogmote_1", "aktivitetskrav", "oppdatert_plan"} == ESKALERES


def test_a_reminder_names_the_employee_in_the_text_but_not_in_the_subject() -> None:
    punkt = Punkt(
        "Kall inn til og hold dialogmøte 1",
        "Bjørn Berg",
        FRIST,
        "https://naervaer.test/virksomhet/910000001/oppfolging/",
    )
    brev = varseltekst.for_frist(
        punkt, "Solsikken barnehage AS", date(2025, 2, 17), "Lars", "https://x/paminnelser/"
    )
    assert brev.emne == "Frist om 7 dager: Kall inn til og hold dialogmøte 1"
    assert "Bjørn" not in brev.emne
    assert "Ansatt: Bjørn Berg" in brev.tekst
    assert "Frist: mandag 24. februar 2025 (om 7 dager)" in brev.tekst
    assert "https://naervaer.test/virksomhet/910000001/oppfolging/" in brev.tekst
    assert "https://x/paminnelser/" in brev.tekst
